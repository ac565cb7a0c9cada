import type { Rule } from '../../packages/core/src/types.js'
import { parseWordList, perOptions } from '../../packages/core/src/kit.js'
import { findPhrases, mergeEntries, parseEntries } from '../../packages/core/src/phrases.js'
import list from './cliches.txt'

export interface Options {
  /** More formulaic judgements (`开创……新局面`, or `词 info` for a hint only). */
  extra: string[]
  /** Listed judgements not to report. */
  ignore: string[]
}

const MAX_GAP = 20
const BASE = parseEntries(parseWordList(list), MAX_GAP)

const entriesFor = perOptions((o: Options) => (o.extra.length || o.ignore.length ? mergeEntries(BASE, o.extra, o.ignore, MAX_GAP) : BASE))

const rule: Rule<Options> = {
  meta: {
    id: 'ending-cliche',
    type: 'suggestion',
    description: '结尾不用“取得了显著成效”之类的公式化评价',
    severity: 'warning',
    fixable: null,
    category: 'guide',
    guide: '千篇一律，生搬硬套。在信息结尾说些公式化、概念化或不痛不痒的套话、空话，让领导感觉千篇一律。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '追加的公式化评价（可含……；行末加 info 只作提示）' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不检查的说法' },
      },
    },
    defaultOptions: { extra: [], ignore: [] },
    messages: {
      cliche: '结尾“{phrase}”是公式化评价，请改用具体数据或事实，或删去。',
      borderline: '结尾“{phrase}”可能是套话，请用具体数据或事实说明。',
    },
  },
  check(doc, { options, report }) {
    if (!doc.ending) return
    const entries = entriesFor(options)
    for (const hit of findPhrases(doc.ending, entries)) {
      const phrase = doc.ending.text.slice(hit.index, hit.index + hit.length)
      if (hit.entry.severity === 'info') report({ messageId: 'borderline', data: { phrase }, start: hit.start, end: hit.end, severity: 'info' })
      else report({ messageId: 'cliche', data: { phrase }, start: hit.start, end: hit.end })
    }
  },
}

export default rule
