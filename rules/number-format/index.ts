import type { Block, Rule } from '../../packages/core/src/types.js'
import { allMatches, mergeList, parseWordList, perOptions, PLACEHOLDER } from '../../packages/core/src/kit.js'
import unitList from './units.txt'
import measureList from './measures.txt'

export interface Options {
  /** More units a number must not be spaced from. */
  extra: string[]
  /** Listed units not to check. */
  ignore: string[]
  /** More measure words after an estimate (七八个). */
  extraMeasures: string[]
  /** Listed measure words not to check. */
  ignoreMeasures: string[]
  years: boolean
  estimates: boolean
  fullWidth: boolean
  spacing: boolean
}

const UNITS = parseWordList(unitList)
const MEASURES = parseWordList(measureList)
const HAN = '〇一二三四五六七八九'
const VALUE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

const FULL_RE = /[０-９]+(?:[．.][０-９]+)*/g
// Two-digit years: 05年, 99年3月; 〇五年, 九八年底. Not 80年代, not inside a longer number.
const YEAR_RE = /(?<![\d０-９.．A-Za-z])(\d{2})年(?!代)|(?<![零〇○一二三四五六七八九十百千万两])([〇零○一二三四五六七八九][〇零○一二三四五六七八九])年(?!代)/g
// After the year: a month, 底/初/末/度 or a part of the year.
const YEAR_AFTER = /^(?:\d{1,2}月|[一二三四五六七八九十]{1,3}月|[底初末度]|[上下]半年|第?[一二三四]季度|前[二三]季度)/
const YEAR_RANGE = /\d{4}\s*[-~～—–至到]+\s*$/
const POINT_BEFORE = /(?:截至|截止)\s*$/
const MAYBE_BEFORE = /(?:于|自|从|至|到|在)\s*$/
const DURATION_AFTER = /^(?:来|内|间|以|之|后|前|左右|多|余|里|的|中|期|时)/
// 7、8个 / 三、四天: adjacent numbers for an estimate. Not 第三、四季度, not 2、3、4个.
const EST_RE = /(?<![\d０-９.．第、A-Za-z])([1-9])、([1-9])(?![\d０-９])|(?<![零〇○一二两三四五六七八九十百千万第、])([一二两三四五六七八])、([二两三四五六七八九])/g
const EST_NOT = /^(?:年级|年代)/
// 150 公里: a space between a number and a unit.
const SPACE_RE = /(?<![A-Za-z0-9０-９.．_/])(\d+(?:[.,]\d+)*)([ \t\u3000\u00a0]+)/g
const LEAD_SPACE = /\p{Script=Han}[ \t\u3000\u00a0]+$/u
// What each expression needs, looked for first: most paragraphs have none of it, and the
// expressions, which open with a lookbehind, try it at every position (a fifth of this rule's time).
const HAS_FULL = /[０-９]/
const HAS_SPACE = /\d[ \t\u3000\u00a0]/
// An ordinal position (block or line start, after a sentence end): 三、四个方面 there is 三、 + 四个.
const ORDINAL_BEFORE = new RegExp(`(?:^|[\\n${PLACEHOLDER}。；;：:！!？?])[ \\t\\u3000]*$`)
// 分别为7、8个: two exact counts, not an estimate.
const CLAUSE_RESPECTIVELY = /(?:分别|各)[^，。；：,;:！？]*$/

function prefixIn(text: string, at: number, list: string[]): string {
  for (const w of list) if (text.startsWith(w, at)) return w
  return ''
}

const byLength = (list: string[]) => [...list].sort((a, b) => b.length - a.length)
const toHalf = (s: string) => s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

const lists = perOptions((o: Options) => ({
  units: byLength(mergeList(UNITS, o.extra, o.ignore)),
  measures: byLength(mergeList(MEASURES, o.extraMeasures, o.ignoreMeasures)),
}))

const rule: Rule<Options> = {
  meta: {
    id: 'number-format',
    type: 'problem',
    description: '数字写法规范：年份写全、概数用汉字、半角数字、数字与单位不空格',
    severity: 'warning',
    fixable: 'punctuation',
    scope: 'block',
    category: 'accuracy',
    guide:
      'GB/T 15835—2011：年份不应简写（“1990年”不写作“90年”“九〇年”）；数字连用表示的概数应采用汉字数字（三四个月）；阿拉伯数字一般应占半个汉字位置（半角）。GB/T 15834—2011：相邻两数字连用表示概数通常不用顿号。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '追加的单位（数字与之不空格）' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不检查空格的单位' },
        extraMeasures: { type: 'array', items: { type: 'string' }, description: '追加的概数量词' },
        ignoreMeasures: { type: 'array', items: { type: 'string' }, description: '不检查的概数量词' },
        years: { type: 'boolean', description: '检查简写年份' },
        estimates: { type: 'boolean', description: '检查概数写法' },
        fullWidth: { type: 'boolean', description: '检查全角数字' },
        spacing: { type: 'boolean', description: '检查数字与单位间的空格' },
      },
    },
    defaultOptions: { extra: [], ignore: [], extraMeasures: [], ignoreMeasures: [], years: true, estimates: true, fullWidth: true, spacing: true },
    messages: {
      shortYear: '年份“{actual}”是简写，请写全四位年份。',
      estimate: '相邻两数表示概数，用汉字数字且不加顿号，“{actual}”应写作“{expected}”。',
      fullWidth: '全角数字“{actual}”应改为半角“{expected}”。',
      spacing: '数字与单位之间不空格，“{actual}”应写作“{expected}”。',
    },
  },
  check(doc, { options, report }) {
    const { units, measures } = lists(options)
    const at = (b: Block, i: number, j: number) => {
      const [start, end] = b.range(i, j)
      return { start, end }
    }
    for (const b of doc.blocks) {
      const text = b.text
      if (options.fullWidth && HAS_FULL.test(text))
        for (const m of allMatches(text, FULL_RE)) {
          const expected = toHalf(m[0])
          report({ messageId: 'fullWidth', data: { actual: m[0], expected }, ...at(b, m.index, m.index + m[0].length), expected: [expected] })
        }
      if (options.years && text.includes('年'))
        for (const m of allMatches(text, YEAR_RE)) {
          const before = text.slice(0, m.index)
          const after = text.slice(m.index + m[0].length)
          const digits = m[1] ?? m[2]
          const zero = /^[0〇零○]/.test(digits)
          let severity: 'info' | undefined
          if (zero || YEAR_AFTER.test(after)) severity = undefined
          else if (m[1] && (YEAR_RANGE.test(before) || POINT_BEFORE.test(before))) severity = undefined
          else if (m[1] && MAYBE_BEFORE.test(before) && !DURATION_AFTER.test(after)) severity = 'info'
          else continue
          report({ messageId: 'shortYear', data: { actual: m[0] }, ...at(b, m.index, m.index + m[0].length), severity })
        }
      if (options.estimates && text.includes('、'))
        for (const m of allMatches(text, EST_RE)) {
          const arabic = m[1] !== undefined
          const a = arabic ? Number(m[1]) : VALUE[m[3]]
          const z = arabic ? Number(m[2]) : VALUE[m[4]]
          const end = m.index + m[0].length
          // 一、二 (类、批、期) mostly names the first and the second; an estimate is written 一两.
          if (!arabic && a === 1) continue
          if (z !== a + 1 || EST_NOT.test(text.slice(end)) || !prefixIn(text, end, measures)) continue
          const before = text.slice(0, m.index)
          if (ORDINAL_BEFORE.test(before) || CLAUSE_RESPECTIVELY.test(before)) continue
          const expected = arabic ? (a === 2 ? '两' : HAN[a]) + (z === 2 ? '两' : HAN[z]) : m[3] + m[4]
          report({ messageId: 'estimate', data: { actual: m[0], expected }, ...at(b, m.index, end), expected: [expected] })
        }
      if (options.spacing && HAS_SPACE.test(text))
        for (const m of allMatches(text, SPACE_RE)) {
          const end = m.index + m[0].length
          const unit = prefixIn(text, end, units)
          if (!unit) continue
          // 共 150 公里: take the space before the number too, with the character before it.
          const lead = LEAD_SPACE.exec(text.slice(0, m.index))
          const from = lead ? m.index - lead[0].length : m.index
          const actual = text.slice(from, end + unit.length)
          const expected = (lead ? lead[0][0] : '') + m[1] + unit
          report({ messageId: 'spacing', data: { actual, expected }, ...at(b, from, end + unit.length), expected: [expected] })
        }
    }
  },
}

export default rule
