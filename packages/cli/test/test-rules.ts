// Tiny rules injected into unit tests so they do not depend on the real catalogue.
import type { Rule } from '@ximo/core'

/** A rule reporting every `from` in the source with the fix `to`. */
export function replacer(id: string, fixable: 'wording' | 'punctuation', from: string, to: string): Rule {
  return {
    meta: {
      id,
      type: 'problem',
      description: '测试规则',
      severity: 'error',
      fixable,
      category: 'accuracy',
      guide: '测试',
      schema: { type: 'object' },
      defaultOptions: {},
      messages: { found: '“{actual}”应改为“{expected}”。' },
    },
    check(doc, { report }) {
      for (let i = doc.source.indexOf(from); i >= 0; i = doc.source.indexOf(from, i + from.length))
        report({ messageId: 'found', data: { actual: from, expected: to }, start: i, end: i + from.length, expected: [to] })
    },
  }
}
