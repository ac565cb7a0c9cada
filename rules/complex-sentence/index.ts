import type { Rule, Severity } from '../../packages/core/src/types.js'
import { containsAny, countChars, matchPhrases, parseWordList, perOptions } from '../../packages/core/src/kit.js'
import list from './pairs.txt'

export interface Options {
  /** More pairs, `前项…后项|后项` (a trailing ` info` reports as a hint only). */
  extra: string[]
  /** Listed pairs not to report, written as in the list (`不仅|不仅仅…而且|并且`) or as `前项…后项`. */
  ignore: string[]
  /** Most characters between the two connectives. */
  maxDistance: number
}

interface Pair {
  text: string
  firsts: string[]
  seconds: string[]
  severity?: Severity
}

function parsePairs(lines: string[]): Pair[] {
  const out: Pair[] = []
  for (const line of lines) {
    const m = /^(.*?)\s+info$/.exec(line)
    const text = (m ? m[1] : line).trim()
    const [a, b] = text.split(/…+|\.{3,}/)
    if (!a || !b) continue
    out.push({ text, firsts: a.split('|').filter(Boolean), seconds: b.split('|').filter(Boolean), severity: m ? 'info' : undefined })
  }
  return out
}

const BASE = parsePairs(parseWordList(list))
const ELLIPSIS_ONLY = /^[…\s.。，,、]*$/

const pairsFor = perOptions((o: Options) => {
  const drop = new Set(o.ignore.map((s) => s.replace(/…+|\.{3,}/g, '…')))
  const pairs = [...parsePairs(o.extra), ...BASE]
    .filter((p) => !drop.has(p.text.replace(/…+|\.{3,}/g, '…')) && !p.firsts.some((a) => p.seconds.some((b) => drop.has(`${a}…${b}`))))
    .sort((p, q) => (p.severity ? 1 : 0) - (q.severity ? 1 : 0))
  // One pass over a sentence with every first word and one with every second word tell
  // whether any pair can match: most sentences hold none and skip the pass per pair.
  return { pairs, anyFirst: [...new Set(pairs.flatMap((p) => p.firsts))], anySecond: [...new Set(pairs.flatMap((p) => p.seconds))] }
})

const rule: Rule<Options> = {
  meta: {
    id: 'complex-sentence',
    type: 'suggestion',
    description: '避免“虽然……但是”之类关系复杂的句式',
    severity: 'warning',
    fixable: null,
    scope: 'block',
    category: 'guide',
    guide: '类似“不但……而且”、“为了……因此”、“尽管……然而”、“虽然……但是”等之类的复杂句式，都要尽量避免。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '追加的关联词对，如“即使…也”（行末加 info 只作提示）' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不检查的关联词对' },
        maxDistance: { type: 'integer', minimum: 1, description: '两个关联词之间的最大字数' },
      },
    },
    defaultOptions: { extra: [], ignore: [], maxDistance: 60 },
    messages: {
      pair: '“{first}……{second}”句式关系复杂，请拆成短句，直接陈述。',
    },
  },
  check(doc, { options, report }) {
    const { pairs, anyFirst, anySecond } = pairsFor(options)
    for (const s of doc.sentences()) {
      // Text first: a sentence that spells no connective of either side is never segmented.
      if (!containsAny(s.text, anyFirst) || !containsAny(s.text, anySecond)) continue
      if (!matchPhrases(s.tokens, anyFirst).length || !matchPhrases(s.tokens, anySecond).length) continue
      // A connective is used once: by the first pair that claims it (warnings before hints).
      const used = new Set<number>()
      for (const pair of pairs) {
        const seconds = matchPhrases(s.tokens, pair.seconds)
        for (const a of matchPhrases(s.tokens, pair.firsts)) {
          if (used.has(a.first)) continue
          const from = s.tokens[a.last].index + s.tokens[a.last].text.length
          const b = seconds.find((m) => m.first > a.last && !used.has(m.first))
          if (!b) continue
          const between = s.block.text.slice(from, s.tokens[b.first].index)
          // “虽然……但是” names the pattern, it does not use it.
          if (countChars(between) > options.maxDistance || ELLIPSIS_ONLY.test(between)) continue
          used.add(a.first).add(b.first)
          const data = { first: a.phrase, second: b.phrase }
          report({ messageId: 'pair', data, start: a.start, end: b.end, ...(pair.severity ? { severity: pair.severity } : {}) })
        }
      }
    }
  },
}

export default rule
