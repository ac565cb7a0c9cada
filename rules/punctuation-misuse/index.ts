import type { Report, Rule } from '../../packages/core/src/types.js'
import { allMatches, insideQuotes, PLACEHOLDER } from '../../packages/core/src/kit.js'

export type Options = Record<string, never>

/** Ellipses typed some other way, and runs of … (two, or four for a whole paragraph, are right). */
const ELLIPSIS = /\.{3,}|．{3,}|。{3,}|、{3,}|[·・]{3,}|…+/g
const STACK = /[，。；：、！？]{2,}/g
const SERIES = /(》|”)(、)(?=《|“)/g
const SPACE_AFTER = /([，。、；：？！“”‘’（）《》〈〉【】…])([ \t]+)(?=[^\s])/g
/** Not after a placeholder: in Markdown a space keeps a bare URL from taking in the 。 after it. */
const SPACE_BEFORE = new RegExp(`(?<=[^\\s${PLACEHOLDER}])([ \\t]+)([，。、；：？！…])`, 'g')
/** Both space expressions need a space or tab: most paragraphs have none (SPACE_BEFORE opens with a lookbehind, tried at every position). */
const HAS_BLANK = /[ \t]/
const CJK = /[\p{Script=Han}\u3001-\u303F\uFF01-\uFF60“”‘’…]/u
/** What may follow 等 when it ends a list: punctuation, a placeholder or the end. */
const ENDS_LIST = new RegExp(`^(?:$|[\\s\\p{P}${PLACEHOLDER}])`, 'u')

/** Whether the character at index `k` (either half of a surrogate pair) is CJK. */
function cjkAt(text: string, k: number): boolean {
  if (k < 0 || k >= text.length) return false
  const low = text.charCodeAt(k) >= 0xdc00 && text.charCodeAt(k) <= 0xdfff && k > 0
  return CJK.test(String.fromCodePoint(text.codePointAt(low ? k - 1 : k)!))
}

/** Whether a CJK character is the nearest non-space character on either side of [i, j). */
function chineseAround(text: string, i: number, j: number): boolean {
  let k = i - 1
  while (k >= 0 && /\s/.test(text[k])) k--
  let m = j
  while (m < text.length && /\s/.test(text[m])) m++
  return cjkAt(text, k) || cjkAt(text, m)
}

/** Whether [.., i) ends a phrase of several Latin words (and so on...). */
function afterLatinPhrase(text: string, i: number): boolean {
  let k = i
  while (k > 0 && !cjkAt(text, k - 1)) k--
  return /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z][^\s]*\s+[^\s]*[A-Za-z]/.test(text.slice(k, i).trim())
}

const rule: Rule<Options> = {
  meta: {
    id: 'punctuation-misuse',
    type: 'problem',
    description: '省略号、标点连用、并列书名号间的顿号等标点误用',
    severity: 'warning',
    fixable: 'punctuation',
    scope: 'block',
    category: 'accuracy',
    guide: '确保每篇信息的每个字符、每个标点都准确无误（GB/T 15834—2011《标点符号用法》：省略号为“……”，其后不再用“等”“等等”；标有书名号或引号的并列成分之间通常不用顿号）。',
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      ellipsis: '省略号应写作“……”（两个“…”），不写“{actual}”',
      ellipsisDeng: '省略号和“{deng}”不要连用，请只保留其一',
      stacked: '标点“{mark}”重复，只保留一个',
      mixedStack: '标点“{marks}”连用，请只保留一个',
      series: '并列的{kind}之间通常不用顿号，可删去',
      spaceAfter: '全角标点“{mark}”后不要加空格',
      spaceBefore: '全角标点“{mark}”前不要加空格',
    },
  },
  check(doc, { report }) {
    for (const block of doc.blocks) {
      const text = block.text
      const emit = (r: Omit<Report, 'start' | 'end'>, i: number, j: number) => {
        const [start, end] = block.range(i, j)
        // Entities and escapes have no one-to-one source text: leave them.
        if (doc.source.slice(start, end) !== text.slice(i, j)) return
        report({ ...r, start, end })
      }

      for (const m of allMatches(text, ELLIPSIS)) {
        const [i, j] = [m.index, m.index + m[0].length]
        const right = m[0] === '……' || m[0] === '…………'
        // Dots and … in Latin text (and so on...) are not ours.
        if ('.…'.includes(m[0][0]) && !right && (!chineseAround(text, i, j) || afterLatinPhrase(text, i))) continue
        const deng = text[j] === '等' ? block.tokens.find((t) => t.index === j && (t.text === '等' || t.text === '等等')) : undefined
        if (deng) {
          // ……等。 → ……。 (drop 等); ……等部门 → 等部门 (drop the ellipsis).
          const endsList = ENDS_LIST.test(text.slice(j + deng.text.length, j + deng.text.length + 1))
          emit({ messageId: 'ellipsisDeng', data: { deng: deng.text }, expected: [endsList ? '……' : deng.text] }, i, j + deng.text.length)
        } else if (!right) {
          emit({ messageId: 'ellipsis', data: { actual: m[0] }, expected: ['……'] }, i, j)
        }
      }

      for (const m of allMatches(text, STACK)) {
        const run = m[0]
        const [i, j] = [m.index, m.index + run.length]
        if (/^[？！]{2}$/.test(run) && run[0] !== run[1]) continue // ？！ is allowed
        if (/^(。{3,}|、{3,})$/.test(run)) continue // an ellipsis, above
        if ([...run].every((c) => c === run[0])) {
          // ！！ and ？？ in quoted speech may be meant.
          if ((run[0] === '！' || run[0] === '？') && insideQuotes(text, i, j)) continue
          emit({ messageId: 'stacked', data: { mark: run[0] }, expected: [run[0]] }, i, j)
        } else if (!/^[？！]+$/.test(run)) {
          emit({ messageId: 'mixedStack', data: { marks: run } }, i, j)
        }
      }

      for (const m of allMatches(text, SERIES)) {
        const i = m.index + 1
        emit({ messageId: 'series', data: { kind: m[1] === '》' ? '书名号' : '引号' }, expected: [], severity: 'info' }, i, i + 1)
      }

      if (HAS_BLANK.test(text)) {
        for (const m of allMatches(text, SPACE_AFTER)) {
          const i = m.index + 1
          // Curly quotes around English text (the “best” way, “Roads first.” 照录) keep their spaces.
          const next = cjkAt(text, i + m[2].length)
          if ('“‘'.includes(m[1]) && !next) continue
          if ('”’'.includes(m[1]) && (!next || /[\x21-\x7E]/.test(text[m.index - 1] ?? ''))) continue
          emit({ messageId: 'spaceAfter', data: { mark: m[1] }, expected: [] }, i, i + m[2].length)
        }

        for (const m of allMatches(text, SPACE_BEFORE)) {
          emit({ messageId: 'spaceBefore', data: { mark: m[2] }, expected: [] }, m.index, m.index + m[1].length)
        }
      }
    }
  },
}

export default rule
