import type { Block, Rule } from '../../packages/core/src/types.js'
import { allMatches, PLACEHOLDER } from '../../packages/core/src/kit.js'

export interface Options {
  /** Report 1.是 / 2.是 runs (written for 一是 / 二是). */
  shi: boolean
}

const HAN = '一二三四五六七八九十'
// An ordinal sits at the start of a block or a line, or after a sentence end or a colon.
// A colon after a digit is a ratio or a time (3：1), not a lead-in.
// Each pattern opens with a lookahead for its first character, so the lookbehind is only tried
// where an ordinal can start (about a fifth faster on a long report).
const AT = `(?<=(?:^|[\\n${PLACEHOLDER}。；;！!？?]|(?<![\\d０-９])[：:])[ \\t\\u3000]*)`
// Spaces after a faulty ordinal go with the fix (1、 甲 → 1.甲; in Markdown `1. 甲` would become a list).
const GAP = '[ \\t\\u3000]*'
// 1.是 / 2、是 (not 是否, 是非): written for 一是 / 二是 (1 to 10 only).
const SHI_RE = new RegExp(`(?=[1-9])${AT}([1-9]\\d?)[.．、][ \\t]*是(?![否非])`, 'g')
// 1、 : an Arabic ordinal takes a dot. Not 1、2月 (a list of numbers).
const ARABIC_RE = new RegExp(`(?=[1-9])${AT}([1-9]\\d?)、(?![ \\t\\u3000]*[\\d０-９])${GAP}`, 'g')
// 一. : a Chinese ordinal takes a 顿号. Not 一.5.
const HAN_DOT_RE = new RegExp(`(?=[${HAN}])${AT}([${HAN}]{1,3})[.．](?![ \\t\\u3000]*[\\d０-９])${GAP}`, 'g')
// (一) / （一）、 / (1) / （1）. : full-width parentheses and no mark after them.
const PAREN_RE = new RegExp(`(?=[（(])${AT}([（(])([${HAN}]{1,3}|[1-9]\\d?)([）)])([、.．，,]?)${GAP}`, 'g')
// ①、 / ①. : a circled number takes no mark.
const CIRCLED_RE = new RegExp(`(?=[\\u2460-\\u2487])${AT}([\\u2460-\\u2473\\u2474-\\u2487])[、.．]${GAP}`, 'g')
// Dots already used after Arabic ordinals, to keep the document's style.
const DOT_RE = new RegExp(`(?=[1-9])${AT}[1-9]\\d?([.．])(?![\\d０-９])`, 'g')

// Where any of the patterns above could match: most paragraphs have no such place, and are
// passed over with one search instead of six.
const ANY_RE = new RegExp(`(?:^|[\\n${PLACEHOLDER}。；;！!？?：:])[ \\t\\u3000]*[1-9${HAN}（(\\u2460-\\u2487]`)

/** The patterns and their shared pre-check, for the test that the pre-check misses none. */
const CIRCLED = /[\u2460-\u2487]/

export const PATTERNS = { any: ANY_RE, all: [SHI_RE, ARABIC_RE, HAN_DOT_RE, PAREN_RE, CIRCLED_RE, DOT_RE] }

const rule: Rule<Options> = {
  meta: {
    id: 'ordinal-punctuation',
    type: 'layout',
    description: '序号按“一、”“（一）”“1.”“（1）”书写',
    severity: 'warning',
    fixable: 'punctuation',
    category: 'accuracy',
    guide:
      'GB/T 9704—2012 7.3.3：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注。GB/T 15834—2011：不带括号的汉字数字序次语后用顿号，阿拉伯数字序次语后用下脚点，加括号的序次语后不用任何点号。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { shi: { type: 'boolean', description: '检查“1.是”“2.是”（应为“一是”“二是”）' } },
    },
    defaultOptions: { shi: true },
    messages: {
      arabic: '阿拉伯数字序号后用下脚点，“{actual}”应写作“{expected}”。',
      hanDot: '汉字数字序号后用顿号，“{actual}”应写作“{expected}”。',
      paren: '带括号的序号用全角括号，后面不加标点，“{actual}”应写作“{expected}”。',
      circled: '带圈序号后不加标点，“{actual}”应写作“{expected}”。',
      shi: '“{actual}”应写作“{expected}”。',
    },
  },
  check(doc, { options, report }) {
    // Keep the document's own dot after Arabic ordinals (1. or 1．); default the half-width dot.
    let full = 0
    let half = 0
    let shiCount = 0
    const blocks = doc.blocks.filter((b) => ANY_RE.test(b.text))
    // The mark each pattern needs is looked for before the pattern runs: most ordinal-like places
    // (a sentence starting with 一) have none of them.
    const hasDot = (t: string) => t.includes('.') || t.includes('．')
    for (const b of blocks) {
      if (hasDot(b.text)) for (const m of allMatches(b.text, DOT_RE)) if (m[1] === '．') full++; else half++
      if (b.text.includes('是')) shiCount += allMatches(b.text, SHI_RE).length
    }
    const dot = full > half ? '．' : '.'
    const at = (b: Block, m: RegExpExecArray) => {
      const [start, end] = b.range(m.index, m.index + m[0].length)
      return { start, end }
    }
    const actual = (m: RegExpExecArray) => m[0].trimEnd()
    for (const b of blocks) {
      const text = b.text
      // A run of at least two 1.是 / 2.是 is an ordinal run; a lone one may be a list item starting with 是.
      let shiAt: Set<number> | undefined
      if (options.shi && shiCount >= 2 && text.includes('是'))
        for (const m of allMatches(text, SHI_RE)) {
          const n = Number(m[1])
          if (n > 10) continue
          ;(shiAt ??= new Set()).add(m.index)
          report({ messageId: 'shi', data: { actual: actual(m), expected: HAN[n - 1] + '是' }, ...at(b, m), expected: [HAN[n - 1] + '是'] })
        }
      if (text.includes('、'))
        for (const m of allMatches(text, ARABIC_RE)) {
          if (shiAt?.has(m.index)) continue
          const expected = m[1] + dot
          report({ messageId: 'arabic', data: { actual: actual(m), expected }, ...at(b, m), expected: [expected] })
        }
      if (hasDot(text))
        for (const m of allMatches(text, HAN_DOT_RE)) {
          const expected = m[1] + '、'
          report({ messageId: 'hanDot', data: { actual: actual(m), expected }, ...at(b, m), expected: [expected] })
        }
      if (text.includes('（') || text.includes('('))
        for (const m of allMatches(text, PAREN_RE)) {
          if (m[1] === '（' && m[3] === '）' && !m[4]) continue
          const expected = `（${m[2]}）`
          report({ messageId: 'paren', data: { actual: actual(m), expected }, ...at(b, m), expected: [expected] })
        }
      if (CIRCLED.test(text))
        for (const m of allMatches(text, CIRCLED_RE)) report({ messageId: 'circled', data: { actual: actual(m), expected: m[1] }, ...at(b, m), expected: [m[1]] })
    }
  },
}

export default rule
