import type { Rule } from '../../packages/core/src/types.js'
import { countChars } from '../../packages/core/src/kit.js'

export interface Options {
  /** Longest sentence allowed, in characters (punctuation counted, spaces not). */
  max: number
}

const rule: Rule<Options> = {
  meta: {
    id: 'sentence-length',
    type: 'suggestion',
    description: '句子不宜过长，多用短句',
    severity: 'warning',
    fixable: null,
    scope: 'block',
    category: 'guide',
    guide: '信息着重反映情况和问题，因此要多用结构简单的短句，少用或不用关系复杂的长句。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { max: { type: 'integer', minimum: 10, description: '句子最大字数' } },
    },
    defaultOptions: { max: 80 },
    messages: {
      tooLong: '句子过长（{length} 字，建议不超过 {max} 字），请拆成短句。',
    },
  },
  check(doc, { options, report }) {
    for (const s of doc.sentences()) {
      if (s.block.kind === 'heading') continue
      const length = countChars(s.text)
      if (length > options.max) report({ messageId: 'tooLong', data: { length, max: options.max }, start: s.start, end: s.end })
    }
  },
}

export default rule
