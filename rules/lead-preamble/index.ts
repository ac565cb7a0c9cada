import type { Rule } from '../../packages/core/src/types.js'
import { compileGapPattern, mergeList, openingClause, parseWordList, perOptions, PLACEHOLDER } from '../../packages/core/src/kit.js'
import preambleList from './preambles.txt'

export interface Options {
  /** More preambles (`……` is a gap). */
  extra: string[]
  /** Listed preambles not to report. */
  ignore: string[]
}

const BASE = parseWordList(preambleList)

interface Pattern {
  entry: string
  re: RegExp
}

const compiled = new Map<string, Pattern>()

/**
 * A preamble is matched from the start of the lead and must end at a comma. A literal ending
 * may be followed by a coordinated second part: 在市委的领导下和省厅的支持下，
 */
function compile(entry: string): Pattern {
  let p = compiled.get(entry)
  if (!p) {
    const gapEnd = /(?:…+|\.{3,})$/.test(entry)
    const tail = gapEnd ? '' : `(?:[和与及、][^，,。；;！？!?\\n${PLACEHOLDER}]{1,20}?)?`
    p = { entry, re: new RegExp(`(?:${compileGapPattern(entry, 40).source})${tail}[，,]`, 'y') }
    compiled.set(entry, p)
  }
  return p
}

const patternsFor = perOptions((o: Options) => mergeList(BASE, o.extra, o.ignore).map(compile))

const rule: Rule<Options> = {
  meta: {
    id: 'lead-preamble',
    type: 'suggestion',
    description: '导语不要穿靴戴帽，开门见山写事实',
    severity: 'warning',
    fixable: null,
    category: 'guide',
    guide: '开头部分穿靴戴帽，入题太慢。信息写作应直截了当，开门见山地把事实讲清楚。像“在……指引下”、“在……关怀下”、“在……领导下”等套话，应当坚决予以删除。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '补充的开头套话（“……”表示省略部分）' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不检查的开头套话' },
      },
    },
    defaultOptions: { extra: [], ignore: [] },
    messages: {
      preamble: '导语以“{pattern}”开头（穿靴戴帽），请删去，开门见山写事实。',
      preambleInOpening: '导语开头的“{pattern}”是套话（穿靴戴帽），请删去，开门见山写事实。',
    },
  },
  check(doc, { options, report }) {
    const lead = doc.lead
    if (!lead || (lead.kind !== 'paragraph' && lead.kind !== 'blockquote')) return
    const sentence = lead.sentences[0]
    if (!sentence) return
    // A preamble that starts in the opening clause (filler-phrase leaves that clause to this
    // rule), read up to the end of the first sentence when a comma falls inside it
    // (在市委，市政府的坚强领导下，). Later clauses are filler-phrase's.
    // Matches start on a word boundary: 在 inside 现在 is not a preamble.
    const clause = openingClause(lead)
    const text = lead.text.slice(0, sentence.index + sentence.text.length)
    const starts = lead.tokens.filter((t) => t.index < clause.index + clause.length && !/^\s+$/.test(t.text)).map((t) => t.index)
    const entries = patternsFor(options)
    for (const at of starts) {
      let best: { entry: string; length: number } | undefined
      for (const { entry, re } of entries) {
        re.lastIndex = at
        const m = re.exec(text)
        if (!m || (m[0].slice(0, -1).match(/[，,]/g) ?? []).length > 1) continue
        if (!best || m[0].length < best.length) best = { entry, length: m[0].length }
      }
      if (!best) continue
      const [start, end] = lead.range(at, at + best.length)
      // Deleting the preamble usually leaves a sentence that starts with its subject; it is
      // offered to editors as a suggestion, not applied by --fix (fixable: null).
      report({ messageId: at === starts[0] ? 'preamble' : 'preambleInOpening', data: { pattern: best.entry }, start, end, expected: [] })
      return
    }
  },
}

export default rule
