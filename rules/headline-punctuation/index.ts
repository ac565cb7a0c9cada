import type { Rule } from '../../packages/core/src/types.js'
import { insideQuotes } from '../../packages/core/src/kit.js'

export interface Options {
  /** Marks a headline must not end with (full-width and half-width). */
  trailing: string
}

const HALF_WIDTH = /[.,;:]/
const ASCII_ALNUM = /[A-Za-z0-9]/

const rule: Rule<Options> = {
  meta: {
    id: 'headline-punctuation',
    type: 'layout',
    description: '标题末尾不加句号、逗号等点号，标题中不用句号',
    severity: 'warning',
    fixable: 'punctuation',
    category: 'guide',
    guide: '拟定标题：简洁干脆，高度概括。标题是一个短语，按通行的标题写法，末尾不加句号、逗号等点号，需要时才用问号、叹号。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { trailing: { type: 'string', description: '标题末尾不允许出现的标点' } },
    },
    defaultOptions: { trailing: '。，；：、.,;:' },
    messages: {
      trailingPunctuation: '标题末尾不加“{mark}”，请删去。',
      innerPeriod: '标题中不用句号，请精简为一句，或改用空格、逗号分隔。',
    },
  },
  check(doc, { options, report }) {
    const headline = doc.headline
    if (!headline) return
    const text = headline.text
    const marks = new Set(options.trailing)
    let end = text.length
    while (end > 0 && /\s/.test(text[end - 1])) end--
    let start = end
    while (start > 0 && marks.has(text[start - 1])) start--
    // 版本2.0. / Co.: half-width marks right after a Latin letter or digit belong to the word.
    if (start > 0 && ASCII_ALNUM.test(text[start - 1])) while (start < end && HALF_WIDTH.test(text[start])) start++
    const run = text.slice(start, end)
    // "..." is an ellipsis, not a full stop.
    if (run && !run.includes('...')) {
      const [s, e] = headline.range(start, end)
      report({ messageId: 'trailingPunctuation', data: { mark: run }, start: s, end: e, expected: [] })
    }
    for (let i = 0; i < start; i++) {
      if (text[i] !== '。' || insideQuotes(text, i)) continue
      const [s, e] = headline.range(i, i + 1)
      report({ messageId: 'innerPeriod', start: s, end: e })
    }
  },
}

export default rule
