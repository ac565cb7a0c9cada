import type { Rule } from '../../packages/core/src/types.js'
import { countChars } from '../../packages/core/src/kit.js'

export interface Options {
  /** The ending is reported when it is longer than this many times the average of the paragraphs between the lead and the ending… */
  maxRatio: number
  /** …and longer than this many characters. */
  minChars: number
  /** Fewest body paragraphs (lead and ending included) for the check to apply. */
  minParagraphs: number
}

const rule: Rule<Options> = {
  meta: {
    id: 'ending-length',
    type: 'suggestion',
    description: '结尾段不宜过长，避免头重脚轻',
    severity: 'info',
    strictSeverity: 'warning',
    fixable: null,
    category: 'guide',
    guide: '结语常见问题：画蛇添足。信息结语较长，对事件性质、意义、作用分析过于繁琐，尾部过大，头重脚轻。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxRatio: { type: 'number', minimum: 1, description: '结尾段字数与其余各段平均字数之比的上限' },
        minChars: { type: 'integer', minimum: 0, description: '结尾段字数不超过此值时不提示' },
        minParagraphs: { type: 'integer', minimum: 3, description: '正文至少几段才检查' },
      },
    },
    defaultOptions: { maxRatio: 2, minChars: 120, minParagraphs: 3 },
    messages: {
      tooLong: '结尾段 {length} 字，是主体各段平均字数（{average} 字）的 {ratio} 倍，头重脚轻：请把意义、作用等评述压缩成一两句。',
    },
  },
  check(doc, { options, report }) {
    const ending = doc.ending
    if (!ending || doc.body.length < options.minParagraphs) return
    // The last item of a list or a table, or the text of a last sub-section, is content, not a 结语.
    if (ending.kind === 'list-item' || ending.kind === 'table-cell') return
    if (doc.blocks[doc.blocks.indexOf(ending) - 1]?.kind === 'heading') return
    const length = countChars(ending.text)
    // The lead is meant to be short: compare with the paragraphs between the lead and the ending.
    const others = doc.body.slice(1, -1)
    const average = others.reduce((n, b) => n + countChars(b.text), 0) / others.length
    if (length <= options.minChars || average === 0 || length <= options.maxRatio * average) return
    report({
      messageId: 'tooLong',
      data: { length, average: Math.round(average), ratio: (length / average).toFixed(1) },
      start: ending.start,
      end: ending.end,
    })
  },
}

export default rule
