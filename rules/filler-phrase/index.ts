import type { Rule } from '../../packages/core/src/types.js'
import { openingClause, parseWordList, perOptions } from '../../packages/core/src/kit.js'
import { findPhrases, mergeEntries, parseEntries } from '../../packages/core/src/phrases.js'
import list from './phrases.txt'

export interface Options {
  /** More phrases (`在……支持下`, or `词 info` for a hint only). */
  extra: string[]
  /** Listed phrases not to report. */
  ignore: string[]
}

/** A gap stands for at most this many characters, so 在 and 下 far apart never pair up. */
const MAX_GAP = 20
const BASE = parseEntries(parseWordList(list), MAX_GAP)

const entriesFor = perOptions((o: Options) => (o.extra.length || o.ignore.length ? mergeEntries(BASE, o.extra, o.ignore, MAX_GAP) : BASE))

const rule: Rule<Options> = {
  meta: {
    id: 'filler-phrase',
    type: 'suggestion',
    description: '删去“在……领导下”之类的套话、空话',
    severity: 'warning',
    fixable: null,
    scope: 'block',
    category: 'guide',
    guide: '一些多余的套话，像“在……指引下”、“在……关怀下”，“在……领导下”等等，应当坚决予以删除。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '追加的套话（可含……；行末加 info 只作提示）' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不检查的套话' },
      },
    },
    defaultOptions: { extra: [], ignore: [] },
    messages: {
      filler: '“{phrase}”是套话，请删去，直接写事实。',
      borderline: '“{phrase}”多为空话，请写明具体做法，或删去。',
    },
  },
  check(doc, { options, report }) {
    const entries = entriesFor(options)
    // The lead's opening clause belongs to lead-preamble (which checks paragraph and block
    // quote leads): a preamble is reported once.
    const lead = doc.lead && (doc.lead.kind === 'paragraph' || doc.lead.kind === 'blockquote') ? doc.lead : null
    const preamble = lead ? openingClause(lead).length : 0
    for (const block of doc.blocks) {
      for (const hit of findPhrases(block, entries)) {
        // Only the preamble patterns (the gap entries: 在……领导下) are lead-preamble's; a literal
        // phrase such as 众所周知 at the start of the lead is still reported here.
        if (block === lead && hit.index < preamble && hit.entry.re) continue
        const phrase = block.text.slice(hit.index, hit.index + hit.length)
        if (hit.entry.severity === 'info') report({ messageId: 'borderline', data: { phrase }, start: hit.start, end: hit.end, severity: 'info' })
        else report({ messageId: 'filler', data: { phrase }, start: hit.start, end: hit.end })
      }
    }
  },
}

export default rule
