import type { Report, Rule } from '../../packages/core/src/types.js'
import { PLACEHOLDER, perOptions } from '../../packages/core/src/kit.js'

export interface Options {
  /** Half-width marks to check, out of `,.;:?!()"`. */
  marks: string
}

const FULL: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }
const NAME: Record<string, string> = { ',': '逗号', '.': '句号', ';': '分号', ':': '冒号', '?': '问号', '!': '叹号', '(': '括号', ')': '括号', '"': '引号' }
const HALF = new Set([...',.;:?!()"'])
/** Han characters and full-width marks (not the ideographic space, not dashes or middle dots). */
const CJK = /^[\p{Script=Han}\u3001-\u303F\uFF01-\uFF60“”‘’…]$/u
const SPACE = /^[ \t\u3000]$/
const LETTER = /^[A-Za-z]$/
const DIGIT = /^[0-9]$/
/** Abbreviations whose period stays half-width (`Apple Inc.的`). */
const ABBR = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'no', 'vs', 'mr', 'mrs', 'ms', 'dr', 'jr', 'st', 'al', 'fig', 'approx'])
const NUMERAL = /^[一二三四五六七八九十]$/

const isCjk = (ch: string) => CJK.test(ch)

/** The marks to check, and a pattern finding them: most paragraphs have none, and are skipped whole. */
const marksFor = perOptions((o: Options) => {
  const marks = new Set([...o.marks].filter((m) => HALF.has(m)))
  return { marks, find: marks.size ? new RegExp(`[${[...marks].map((m) => `\\${m}`).join('')}]`, 'g') : null }
})

/** The code point ending at `i` / starting at `i` ('' at the block's edges). */
function before(text: string, i: number): string {
  if (i <= 0) return ''
  const c = text.charCodeAt(i - 1)
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]
}
function after(text: string, i: number): string {
  if (i >= text.length) return ''
  const c = text.charCodeAt(i)
  return c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i]
}

/** The nearest character before `i` (dir -1) or from `i` on (dir 1), skipping spaces and half-width marks. */
function nearest(text: string, i: number, dir: 1 | -1): string {
  for (;;) {
    const ch = dir < 0 ? before(text, i) : after(text, i)
    if (!ch || !(SPACE.test(ch) || HALF.has(ch))) return ch
    i += dir * ch.length
  }
}

/** Whether `.` at `i` follows an ordinal opening a segment: `1.`, `A.`, `一.` (ordinal-punctuation's business). */
function afterOrdinal(text: string, i: number): boolean {
  for (const [re, max] of [[DIGIT, 2], [LETTER, 1], [NUMERAL, 3]] as const) {
    let k = i
    while (k > 0 && i - k < max && re.test(text[k - 1])) k--
    if (k < i && !(k > 0 && re.test(text[k - 1]))) return k === 0 || !/[\p{Script=Han}A-Za-z0-9]/u.test(before(text, k))
  }
  return false
}

/** `(一)`, `(1)` opening a segment: ordinal-punctuation's (same positions as there). */
function ordinalParen(text: string, o: number, c: number): boolean {
  if (!/^(?:[一二三四五六七八九十]{1,3}|[1-9]\d?)$/.test(text.slice(o + 1, c))) return false
  let k = o
  while (k > 0 && SPACE.test(text[k - 1])) k--
  if (k === 0 || /[\n\uFFFC。；;！!？?]/.test(text[k - 1])) return true
  return /[：:]/.test(text[k - 1]) && !/[\d０-９]/.test(text[k - 2] ?? '')
}

/** Whether the mark at `i` closes a block whose last word (`Excel`, `100`) follows Chinese with no space. */
function attached(text: string, i: number): boolean {
  let k = i
  while (k > 0 && !isCjk(before(text, k)) && !SPACE.test(before(text, k))) k -= before(text, k).length
  return k > 0 && k < i && isCjk(before(text, k))
}

/** Whether the mark at `i` ends Latin text: a phrase of several words, or an abbreviation before `.`. */
function endsLatin(text: string, i: number): boolean {
  let k = i
  while (k > 0 && !isCjk(before(text, k))) k -= before(text, k).length
  const stretch = text.slice(k, i).trim()
  if (/[A-Za-z][^\s]*\s+[^\s]*[A-Za-z]/.test(stretch)) return true
  if (text[i] !== '.') return false
  const word = stretch.split(/\s+/).pop() ?? ''
  return /^[A-Za-z]$/.test(word) || /[A-Za-z]\.[A-Za-z]/.test(word) || ABBR.has(word.toLowerCase())
}

/** Spaces to take into the fix: after a mark (`, ` → `，`), or before an opening mark. */
function spread(text: string, i: number, opening: boolean): [number, number] {
  let s = i
  let e = i + 1
  if (opening) {
    while (s > 0 && SPACE.test(text[s - 1])) s--
    // After a mark, the spaces are that mark's to remove: fixes must not overlap.
    if (s === 0 || /\p{P}/u.test(text[s - 1])) s = i
  } else {
    while (e < text.length && SPACE.test(text[e])) e++
    if (e === text.length) e = i + 1
  }
  return [s, e]
}

const rule: Rule<Options> = {
  meta: {
    id: 'punctuation-width',
    type: 'problem',
    description: '中文语境使用全角标点，不用半角标点',
    severity: 'warning',
    strictSeverity: 'error',
    fixable: 'punctuation',
    scope: 'block',
    category: 'accuracy',
    guide: '确保每篇信息的每个字符、每个标点都准确无误（GB/T 15834—2011《标点符号用法》：中文使用全角标点）。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { marks: { type: 'string', description: '检查的半角标点，取自 ,.;:?!()"' } },
    },
    defaultOptions: { marks: ',.;:?!()"' },
    messages: {
      halfWidth: '请将半角{name} {mark} 改为全角 {expected}',
      loneQuote: '半角引号 " 没有配对，请改用全角引号“”并补全',
    },
  },
  check(doc, { options, report }) {
    const { marks, find } = marksFor(options)
    if (!find) return
    for (const block of doc.blocks) {
      const text = block.text
      find.lastIndex = 0
      if (!find.test(text)) continue
      const emit = (r: Report, i: number, range: [number, number]) => {
        const [start, end] = block.range(range[0], range[1])
        // Entities and escapes (`&quot;`) have no one-to-one source character: leave them.
        if (doc.source.slice(start, end).trim() !== text[i]) return
        report({ ...r, start, end })
      }
      // In Markdown a full-width mark right after a bare URL would become part of the link:
      // report it, but leave the fix to the writer (add a space, or write <URL>).
      const afterUrl = (i: number) => {
        if (doc.format !== 'markdown' || text[i - 1] !== PLACEHOLDER) return false
        const [s, e] = block.range(i - 1, i)
        return /^(?:https?:\/\/|ftp:\/\/|www\.)|^[^`<]*@/i.test(doc.source.slice(s, e))
      }
      const fixMark = (i: number, expected: string, opening = false) =>
        emit(
          { messageId: 'halfWidth', data: { name: NAME[text[i]], mark: text[i], expected }, start: 0, end: 0, expected: afterUrl(i) ? undefined : [expected] },
          i,
          spread(text, i, opening),
        )
      const chineseAround = (i: number) => isCjk(nearest(text, i, -1)) || isCjk(nearest(text, i + 1, 1)) || (nearest(text, i + 1, 1) === '' && attached(text, i))

      // Double quotes pair up in order within the block. An odd one out pairs with the
      // full-width quotes when all of them then alternate (`"甲”` after a one-sided fix).
      if (marks.has('"')) {
        const quotes = [...text.matchAll(/"/g)].map((m) => m.index)
        if (quotes.length % 2 === 0) {
          for (let q = 0; q < quotes.length; q += 2) {
            const [o, c] = [quotes[q], quotes[q + 1]]
            if (!/[\p{Script=Han}]/u.test(text.slice(o + 1, c)) && !isCjk(nearest(text, o, -1)) && !isCjk(nearest(text, c + 1, 1))) continue
            fixMark(o, '“', true)
            fixMark(c, '”')
          }
        } else {
          const all = [...text.matchAll(/["“”]/g)].map((m) => m.index)
          const fits = all.length % 2 === 0 && all.every((i, k) => text[i] === '"' || text[i] === (k % 2 === 0 ? '“' : '”'))
          if (fits) all.forEach((i, k) => text[i] === '"' && fixMark(i, k % 2 === 0 ? '“' : '”', k % 2 === 0))
          else {
            const q = quotes[quotes.length - 1]
            if (chineseAround(q)) emit({ messageId: 'loneQuote', start: 0, end: 0 }, q, [q, q + 1])
          }
        }
      }

      // Parentheses pair up by nesting; a pair is decided as a whole.
      const pairedParen = new Set<number>()
      if ((marks.has('(') || marks.has(')')) && (text.includes('(') || text.includes(')'))) {
        const stack: number[] = []
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '(') stack.push(i)
          else if (text[i] === ')' && stack.length) {
            const o = stack.pop()!
            pairedParen.add(o).add(i)
            // `](`: link syntax left in the prose when a bare URL swallowed the text before it.
            if (text[o - 1] === ']' || ordinalParen(text, o, i)) continue
            const latinCall = LETTER.test(before(text, o)) || DIGIT.test(before(text, o)) // f(x), PM(2.5)
            const chinese = /\p{Script=Han}/u.test(text.slice(o + 1, i)) || (!latinCall && (isCjk(nearest(text, o, -1)) || isCjk(nearest(text, i + 1, 1))))
            if (!chinese) continue
            if (marks.has('(')) fixMark(o, '（', true)
            if (marks.has(')')) fixMark(i, '）')
          }
        }
      }

      find.lastIndex = 0
      for (let m = find.exec(text); m; m = find.exec(text)) {
        const i = m.index
        const ch = m[0]
        if (ch === '"' || pairedParen.has(i) || (ch === '(' && text[i - 1] === ']')) continue
        const a = before(text, i)
        const b = after(text, i + 1)
        if (ch === '.' && (a === '.' || b === '.')) continue // an ellipsis: punctuation-misuse
        if ('.,:'.includes(ch) && DIGIT.test(a) && DIGIT.test(b)) continue // 3.5, 1,000, 10:30
        if (!chineseAround(i)) continue
        if (ch === '.' && afterOrdinal(text, i)) continue
        if (LETTER.test(a) && endsLatin(text, i)) continue
        fixMark(i, FULL[ch], ch === '(')
      }
    }
  },
}

export default rule
