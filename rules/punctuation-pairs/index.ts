import type { Block, Report, Rule } from '../../packages/core/src/types.js'

export type Options = Record<string, never>

/** Opening mark → closing mark. Half-width parentheses take part in matching but are punctuation-width's to report. */
const CLOSE: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '【': '】', '(': ')' }
const OPEN: Record<string, string> = Object.fromEntries(Object.entries(CLOSE).map(([o, c]) => [c, o]))
OPEN['）'] = '（'
/** Marks of one family close each other: （ and ( both open a parenthesis. */
const FAMILY: Record<string, string> = { '(': '（', ')': '（', '（': '（', '）': '（' }
const fam = (ch: string) => FAMILY[ch] ?? OPEN[ch] ?? ch
const NAME: Record<string, string> = {
  '“': '左引号', '”': '右引号', '‘': '左单引号', '’': '右单引号', '《': '左书名号', '》': '右书名号',
  '〈': '左单书名号', '〉': '右单书名号', '（': '左括号', '）': '右括号', '(': '左括号', ')': '右括号', '【': '左方头括号', '】': '右方头括号',
}
const HALF = new Set(['(', ')'])
const MARKS = '“”‘’《》〈〉（）【】()'
/** Whether a paragraph has any mark to pair (many have none: skipped before any work). */
const ANY_MARK = new RegExp(`[${MARKS}]`)
/** 1 at the UTF-16 code of each mark. */
const MARK_CODES = new Uint8Array(0x10000)
for (const ch of MARKS) MARK_CODES[ch.charCodeAt(0)] = 1
const CURLY_OPENERS = ['“', '‘']
const LETTER = /[A-Za-z]/

interface Opener {
  i: number
  /** Already explained by a report at a later closing mark. */
  involved: boolean
}

/** A block that holds a quote, bracket or book-title mark (most hold none, and get no Scan). */
interface Scan {
  block: Block
  /** The block's place in doc.blocks: marks pair across two blocks only when they are adjacent. */
  index: number
  unclosed: Opener[]
  unopened: number[]
}

/** An ordinal before `）` opening a segment: `1）`, `a）`, `一）` (GB/T 1.1 list items). */
function afterOrdinal(text: string, i: number): boolean {
  for (const [re, max] of [[/[0-9]/, 2], [/[A-Za-z]/, 1], [/[一二三四五六七八九十]/, 3]] as const) {
    let k = i
    while (k > 0 && i - k < max && re.test(text[k - 1])) k--
    if (k < i && !(k > 0 && re.test(text[k - 1]))) return k === 0 || !/[\p{Script=Han}A-Za-z0-9\uD800-\uDFFF]/u.test(text[k - 1])
  }
  return false
}

/** ’ right after a Latin letter (Ximo’s, it’s) is an apostrophe unless a ‘ is open. */
const apostrophe = (text: string, i: number) => text[i] === '’' && LETTER.test(text[i - 1] ?? '')

/**
 * A quote typed the wrong way round (“一网通办“, ”绿色通道”): the block's only two marks of the
 * kind face the same way and hold no sentence end. Then one reading is possible; with more
 * marks nesting makes several (“推进“一网通办“改革” may be nested), so none is fixed.
 */
function flippedQuote(text: string, open: string): number {
  const close = CLOSE[open]
  // The marks of the kind, counted without a list: more than two is already no answer.
  let p = -1
  let q = -1
  let n = 0
  for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
    if (++n > 2) return -1
    if (p < 0) p = i
    else q = i
  }
  for (let i = text.indexOf(close); i >= 0; i = text.indexOf(close, i + 1)) {
    if (apostrophe(text, i)) continue
    if (++n > 2) return -1
    if (p < 0) p = i
    else q = i
  }
  if (n !== 2) return -1
  const first = Math.min(p, q)
  const second = Math.max(p, q)
  if (text[first] !== text[second]) return -1
  if (/[。！？；!?;]/.test(text.slice(first + 1, second).replace(/[。！？；!?;]+$/, ''))) return -1
  return text[first] === open ? second : first
}

const rule: Rule<Options> = {
  meta: {
    id: 'punctuation-pairs',
    type: 'problem',
    description: '引号、书名号、括号要成对，嵌套正确',
    severity: 'warning',
    strictSeverity: 'error',
    fixable: 'punctuation',
    category: 'accuracy',
    guide: '确保每篇信息的每个字符、每个标点都准确无误（GB/T 15834—2011《标点符号用法》：引号、括号、书名号成对使用，嵌套时内外有别）。',
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      unclosed: '{name} {mark} 缺少对应的 {close}，请补全或删去',
      unopened: '{name} {mark} 前面缺少对应的 {open}，请补全或删去',
      crossed: '{name} {mark} 与前面的{openName} {open} 交叉嵌套，请先用 {close} 闭合 {open}',
      mismatch: '{name} {mark} 与前面的{openName} {open} 不配对，应为 {close}，或删去多余的标点',
      wrongQuote: '引号方向用反了：{mark} 应为 {expected}',
    },
  },
  check(doc, { report }) {
    const emit = (block: Block, i: number, r: Omit<Report, 'start' | 'end'>) => {
      const [start, end] = block.range(i, i + 1)
      // An entity (&ldquo;) has no one-to-one source character: leave it.
      if (doc.source.slice(start, end) === block.text[i]) report({ ...r, start, end })
    }
    const scans: Scan[] = []
    const blocks = doc.blocks
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index]
      const text = block.text
      if (!ANY_MARK.test(text)) continue
      const scan: Scan = { block, index, unclosed: [], unopened: [] }
      scans.push(scan)
      // A quote that only its direction makes unbalanced (“一网通办“): fix that mark.
      let flipped: Set<string> | undefined
      // Half-width quotes first become full-width (punctuation-width), then tell the reading.
      if (!text.includes('"'))
        for (const open of CURLY_OPENERS) {
          const i = flippedQuote(text, open)
          if (i < 0) continue
          ;(flipped ??= new Set()).add(open)
          const expected = text[i] === open ? CLOSE[open] : open
          emit(block, i, { messageId: 'wrongQuote', data: { mark: text[i], expected }, expected: [expected] })
        }

      const stack: Opener[] = []
      const half = (o: Opener) => HALF.has(text[o.i])
      for (let i = 0; i < text.length; i++) {
        // The marks by code: a match object for each mark was most of this rule's garbage.
        if (!MARK_CODES[text.charCodeAt(i)]) continue
        const ch = text[i]
        if (flipped?.has(fam(ch))) continue
        if (CLOSE[ch]) {
          stack.push({ i, involved: false })
          continue
        }
        if (!OPEN[ch]) continue
        // An apostrophe (Ximo’s), unless a single quote is open.
        if (apostrophe(text, i) && !stack.some((o) => text[o.i] === '‘')) continue
        const top = stack[stack.length - 1]
        if (top && fam(text[top.i]) === fam(ch)) {
          stack.pop()
          continue
        }
        let k = stack.length - 1
        while (k >= 0 && fam(text[stack[k].i]) !== fam(ch)) k--
        if (HALF.has(ch)) continue // a stray half-width ) is punctuation-width's
        const inner = stack.slice(k + 1).filter((o) => !half(o))
        const open = inner.length ? text[inner[inner.length - 1].i] : ''
        if (k >= 0) {
          // “甲（乙”丙）: report the crossing once; the marks in between stay open.
          if (inner.length) emit(block, i, { messageId: 'crossed', data: { name: NAME[ch], mark: ch, openName: NAME[open], open, close: CLOSE[open] } })
          for (const o of inner) o.involved = true
          stack.splice(k, 1)
        } else if (inner.length) {
          // “甲’: a closing mark of another kind.
          emit(block, i, { messageId: 'mismatch', data: { name: NAME[ch], mark: ch, openName: NAME[open], open, close: CLOSE[open] } })
          inner[inner.length - 1].involved = true
        } else if (!(ch === '）' && afterOrdinal(text, i))) {
          scan.unopened.push(i)
        }
      }
      scan.unclosed = stack.filter((o) => !o.involved && !half(o))
    }

    // The scan of the block right after scans[n]'s, if that block has marks.
    const nextScan = (n: number): Scan | undefined => (scans[n + 1]?.index === scans[n].index + 1 ? scans[n + 1] : undefined)

    // A pair broken over two paragraphs (a hard-wrapped line) still pairs up.
    for (let n = 0; n + 1 < scans.length; n++) {
      const a = scans[n]
      const b = nextScan(n)
      if (!b) continue
      while (a.unclosed.length && b.unopened.length && fam(a.block.text[a.unclosed[a.unclosed.length - 1].i]) === fam(b.block.text[b.unopened[0]])) {
        a.unclosed.pop()
        b.unopened.shift()
      }
    }

    // A quotation of several paragraphs: each opens with “, only the last one closes.
    const leading = (s: Scan) => s.block.text.length - s.block.text.trimStart().length
    const opensQuote = (s: Scan) => s.block.text[leading(s)] === '“'
    const leadOpen = (s: Scan) => s.unclosed.find((o) => o.i === leading(s) && s.block.text[o.i] === '“')
    // chainCloses[n]: scans[n] and the blocks after it open a quotation the last of them closes.
    // Filled from the end: made full length first (written backwards, an empty array turns sparse).
    const chainCloses: boolean[] = new Array<boolean>(scans.length).fill(false)
    const nextCloses = (n: number) => nextScan(n) !== undefined && chainCloses[n + 1]
    for (let n = scans.length - 1; n >= 0; n--) chainCloses[n] = opensQuote(scans[n]) && (!leadOpen(scans[n]) || nextCloses(n))

    scans.forEach((s, n) => {
      const text = s.block.text
      const lead = leadOpen(s) // once per block: a long run of openers must stay linear
      for (const o of s.unclosed) {
        if (o === lead && nextCloses(n)) continue
        const mark = text[o.i]
        emit(s.block, o.i, { messageId: 'unclosed', data: { name: NAME[mark], mark, close: CLOSE[mark] } })
      }
      for (const i of s.unopened) {
        const mark = text[i]
        emit(s.block, i, { messageId: 'unopened', data: { name: NAME[mark], mark, open: OPEN[mark] } })
      }
    })
  },
}

export default rule
