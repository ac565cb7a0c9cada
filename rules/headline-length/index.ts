import type { Rule } from '../../packages/core/src/types.js'
import { countChars } from '../../packages/core/src/kit.js'

export interface Options {
  /** Longest headline allowed, in characters (punctuation counted, spaces not). */
  max: number
}

const rule: Rule<Options> = {
  meta: {
    id: 'headline-length',
    type: 'suggestion',
    description: '标题不宜过长，应简洁干脆、高度概括',
    severity: 'warning',
    fixable: null,
    category: 'guide',
    guide: '拟定标题的要求：简洁干脆，高度概括。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { max: { type: 'integer', minimum: 10, description: '标题最大字数' } },
    },
    defaultOptions: { max: 40 },
    messages: {
      tooLong: '标题过长（{length} 字，建议不超过 {max} 字），请提炼主干、删去修饰。',
    },
  },
  check(doc, { options, report }) {
    const headline = doc.headline
    if (!headline) return
    const length = countChars(headline.text)
    if (length > options.max) report({ messageId: 'tooLong', data: { length, max: options.max }, start: headline.start, end: headline.end })
  },
}

export default rule
