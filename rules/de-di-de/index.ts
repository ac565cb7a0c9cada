import type { Rule, Token } from '../../packages/core/src/types.js'
import { mergeList, parseWordList, perOptions } from '../../packages/core/src/kit.js'
import { longestAddedWord } from '../../packages/core/src/segmenter.js'
import pureList from './pure-adverbs.txt'
import mannerList from './manner.txt'
import notMannerList from './not-manner.txt'
import complementList from './complements.txt'
import bareList from './bare-complements.txt'

export interface Options {
  /** More adverbs that are never attributive (treated like 尽快: X的 + verb → X地). */
  extra: string[]
  /** Phrases as reported (`认真的研究`) not to report. */
  ignore: string[]
}

const PURE = parseWordList(pureList)
const MANNER = new Set(parseWordList(mannerList))
const NOT_MANNER = new Set(parseWordList(notMannerList))
const COMPLEMENTS = new Set(parseWordList(complementList))
const BARE = new Set(parseWordList(bareList))
// Longest first: 越来越 before 越, 不够 before 不.
export const DEGREE = ['越来越', '不够', '不太', '非常', '十分', '特别', '比较', '相当', '更加', '极为', '较为', '格外', '尤为', '很', '太', '挺', '更', '较']
export const DETERMINERS = new Set(['各项', '各类', '各种', '各个', '各级', '这些', '那些', '所有', '一切', '全部', '广大', '我们', '他们', '大家', '自己'])
export const PREPOSITIONS = new Set(['向', '对', '把', '将', '给', '替', '为', '从', '与', '同', '跟'])
const COMPARATIVE = new Set(['更', '更加', '越来越'])

const isVerb = (t?: Token) => t !== undefined && /^v[di]?$/.test(t.pos)
/** The tags of verbs and adjectives (isVerbal). */
const VERBAL_TAGS = /^(v[din]?|a)$/
const isVerbal = (t?: Token) => t !== undefined && VERBAL_TAGS.test(t.pos)
/** Punctuation, whitespace, the end of the sentence. */
const isBreak = (t?: Token) => t === undefined || (t.pos === 'x' && !/\p{Script=Han}/u.test(t.text)) || t.pos === 'code'

export interface Hit {
  /** The 的 token. */
  index: number
  want: '地' | '得'
  /** Tokens shown in the message, the 的 among them. */
  from: number
  to: number
}

/** Adverbial + 的 + verb: the 的 should be 地. */
function shouldBeDi(tokens: Token[], i: number, pure: Set<string>): boolean {
  const [w, v, n1, n2] = [tokens[i - 1], tokens[i + 1], tokens[i + 2], tokens[i + 3]]
  if (pure.has(w.text)) return isVerbal(v) || v.pos === 'n' || (v.pos === 'p' && PREPOSITIONS.has(v.text))
  const comparative = w.pos === 'a' && COMPARATIVE.has(tokens[i - 2]?.text ?? '')
  if (NOT_MANNER.has(w.text) || !(MANNER.has(w.text) || comparative || /^(a|ad|d|z)$/.test(w.pos))) return false
  // 认真的研究了群众的建议: 了/着 and an object make it a verb (最好的安排了。 stays).
  if (isVerbal(v) && (n1?.text === '了' || n1?.text === '着') && !isBreak(n2)) return true
  // 扎实的推进各项工作
  if (isVerb(v) && n1?.pos === 'r' && DETERMINERS.has(n1.text)) return true
  // 积极的为企业解决难题: a preposition, its object, then more of the clause.
  if (v.pos === 'p' && PREPOSITIONS.has(v.text) && (w.pos === 'ad' || MANNER.has(w.text) || comparative)) {
    return !isBreak(n1) && !isBreak(n2)
  }
  return false
}

/** Verb + 的 + complement: the 的 should be 得. Returns the index of the last token shown. */
function shouldBeDe(tokens: Token[], i: number): number {
  const [w, c, n1, n2] = [tokens[i - 1], tokens[i + 1], tokens[i + 2], tokens[i + 3]]
  if (!isVerbal(w)) return -1
  const degree = DEGREE.find((d) => c.text.startsWith(d))
  if (!degree) return BARE.has(c.text) && isBreak(n1) ? i + 1 : -1
  // 效果好的很。 落实的不够。
  if ((degree === '很' || degree === '不够') && c.text === degree && isBreak(n1)) return i + 1
  // The complement is the rest of the token (很好) or the next token (很 好).
  const split = c.text.length > degree.length
  const complement = split ? c.text.slice(degree.length) : (n1?.text ?? '')
  const next = split ? n1 : n2
  // 取得的非常好的成绩 stays: the adjective must end the clause.
  if (!COMPLEMENTS.has(complement) || !(isBreak(next) || (next.text === '了' && isBreak(tokens[tokens.indexOf(next) + 1])))) return -1
  return split ? i + 1 : i + 2
}

/** The 的 that should be 地 or 得 among a sentence's tokens. */
export function hitsIn(tokens: Token[], pure: Set<string>): Hit[] {
  const hits: Hit[] = []
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i].text !== '的' || isBreak(tokens[i - 1]) || isBreak(tokens[i + 1])) continue
    if (shouldBeDi(tokens, i, pure)) {
      const from = tokens[i - 1].pos === 'a' && COMPARATIVE.has(tokens[i - 2]?.text ?? '') ? i - 2 : i - 1
      hits.push({ index: i, want: '地', from, to: i + 1 })
      continue
    }
    const to = shouldBeDe(tokens, i)
    if (to > 0) hits.push({ index: i, want: '得', from: i - 1, to })
  }
  return hits
}

const PREPOSITION_CODES = new Set([...PREPOSITIONS].map((c) => c.charCodeAt(0)))
const BARE_LIST = [...BARE]
/** First characters of the degree words and bare complements that may follow 的. */
const FOLLOW_CODES = new Set([...DEGREE, ...BARE_LIST].map((w) => w.charCodeAt(0)))
const DETERMINER_LIST = [...DETERMINERS]
/** First characters of the determiners. */
const DETERMINER_CODES = new Set(DETERMINER_LIST.map((w) => w.charCodeAt(0)))
const LE = '了'.charCodeAt(0)
const ZHE = '着'.charCodeAt(0)
/** Last characters of the pure adverbs, per list (the options may add some). */
const pureEnds = new WeakMap<Set<string>, Set<number>>()

/** The longest word jieba's dictionary tags v, vd, vi, vn or a (prefilter.test.ts checks dict.txt). */
export const VERBAL_WORD_MAX = 6

/**
 * How long the verb between 的 and 了 (认真的研究了) or a determiner (扎实的推进各项) can be. A
 * token tagged as a verb is a dictionary word, so: the longest in jieba's dictionary or among
 * the words added with such a tag (the domain dictionary, the user's `dictionary`).
 */
export function verbalReach(): number {
  return Math.max(VERBAL_WORD_MAX, longestAddedWord(VERBAL_TAGS))
}

/**
 * Whether a sentence can hold a hit, judged from its characters: some 的 followed by a degree
 * word, a bare complement or a preposition, or preceded by a pure adverb, or with 了, 着 or a
 * determiner right after the verb that follows it (within `reach` characters plus one). Every
 * hit of shouldBeDi and shouldBeDe needs one of these (tokens are contiguous: jieba returns
 * every character), so a sentence without any is not segmented for this rule; most sentences
 * have none. Linear in the sentence: each 的 looks at most `reach` characters ahead.
 */
export function mayHit(text: string, pure: Set<string>, reach = verbalReach()): boolean {
  let j = text.indexOf('的')
  if (j < 0) return false
  let ends = pureEnds.get(pure)
  if (!ends) pureEnds.set(pure, (ends = new Set([...pure].map((w) => w.charCodeAt(w.length - 1)))))
  for (; j >= 0; j = text.indexOf('的', j + 1)) {
    const k = j + 1
    if (k >= text.length) break
    const next = text.charCodeAt(k)
    if (PREPOSITION_CODES.has(next)) return true
    if (FOLLOW_CODES.has(next) && (DEGREE.some((d) => text.startsWith(d, k)) || BARE_LIST.some((b) => text.startsWith(b, k)))) return true
    if (j > 0 && ends.has(text.charCodeAt(j - 1))) for (const w of pure) if (j >= w.length && text.startsWith(w, j - w.length)) return true
    // 的 + a verb of 1 to `reach` characters + 了, 着 or a determiner.
    const last = Math.min(text.length - 1, k + reach)
    for (let r = k + 1; r <= last; r++) {
      const c = text.charCodeAt(r)
      if (c === LE || c === ZHE) return true
      if (DETERMINER_CODES.has(c)) for (let n = 0; n < DETERMINER_LIST.length; n++) if (text.startsWith(DETERMINER_LIST[n], r)) return true
    }
  }
  return false
}

const lists = perOptions((o: Options) => ({ pure: new Set(mergeList(PURE, o.extra)), ignore: new Set(o.ignore) }))

const rule: Rule<Options> = {
  meta: {
    id: 'de-di-de',
    type: 'problem',
    description: '“的、地、得”要分清：状语后用“地”，补语前用“得”',
    severity: 'warning',
    fixable: 'wording',
    scope: 'block',
    category: 'accuracy',
    guide: '确保每篇信息的每个字符、每个标点都准确无误。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '追加的副词（后接“的”+动词时应改“地”）' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不报告的短语，如“认真的研究”' },
      },
    },
    defaultOptions: { extra: [], ignore: [] },
    messages: {
      di: '动词前的状语应接“地”：请把“{phrase}”改为“{fixed}”。',
      de: '动词后的补语应由“得”引出：请把“{phrase}”改为“{fixed}”。',
    },
  },
  check(doc, { options, report }) {
    const { pure, ignore } = lists(options)
    const reach = verbalReach()
    for (const block of doc.blocks) {
      for (const sentence of block.sentences) {
        if (!mayHit(sentence.text, pure, reach)) continue
        const tokens = sentence.tokens
        for (const hit of hitsIn(tokens, pure)) {
          const i = hit.index
          const shown = tokens.slice(hit.from, hit.to + 1)
          const phrase = shown.map((t) => t.text).join('')
          if (ignore.has(phrase)) continue
          const fixed = shown.map((t, k) => (hit.from + k === i ? hit.want : t.text)).join('')
          report({ messageId: hit.want === '地' ? 'di' : 'de', data: { phrase, fixed }, start: tokens[i].start, end: tokens[i].end, expected: [hit.want] })
        }
      }
    }
  },
}

export default rule
