/**
 * Helpers shared by the rules: word lists, matching phrases on token boundaries, gap
 * patterns such as 在……领导下, quotes and character counts.
 */
import type { Block, Sentence, Token } from './types.js'
import { isSpace, matchPairs } from './document.js'
import { PLACEHOLDER } from './parse.js'

/** A word list file: one entry a line; `#` starts a comment; blank lines ignored. */
export function parseWordList(text: string): string[] {
  const out: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line) out.push(line)
  }
  return out
}

/** `wrong→right` or `wrong right` pairs, one a line. */
export function parsePairList(text: string): Array<[string, string]> {
  return parseWordList(text).map((line) => {
    const parts = line.split(/\s*(?:→|->|=>|\t|\s)\s*/).filter(Boolean)
    return [parts[0], parts[1] ?? ''] as [string, string]
  })
}

/**
 * What a rule derives from its options (merged word lists, compiled patterns), built once per
 * options object: the language server lints with the same options on every keystroke, and a
 * list rebuilt on each call is also compiled again by matchPhrases.
 */
export function perOptions<O extends object, T>(build: (options: O) => T): (options: O) => T {
  const cache = new WeakMap<O, T>()
  return (options) => {
    let value = cache.get(options)
    if (value === undefined) cache.set(options, (value = build(options)))
    return value
  }
}

/** The list after adding `extra` and removing `ignore`. */
export function mergeList(base: string[], extra: string[] = [], ignore: string[] = []): string[] {
  const drop = new Set(ignore)
  return [...new Set([...base, ...extra])].filter((w) => !drop.has(w))
}

export interface PhraseMatch {
  phrase: string
  /** Token indices [first, last]. */
  first: number
  last: number
  start: number
  end: number
}

interface CompiledPhrases {
  set: Set<string>
  /** Every proper prefix of a phrase: a run of tokens that is none can grow into no phrase. */
  prefixes: Set<string>
  maxLen: number
  /**
   * A bit for each phrase's first character, at its UTF-16 code modulo FIRST_BITS: a clear bit
   * means no phrase starts with the character (a set bit may be another character's).
   */
  firstBits: Uint32Array
  /** Length (array) or size (set) when compiled: a list that changed is compiled again. */
  size: number
  /** For containsAny, made the first time it is asked: phrases by first code. */
  byFirst?: Map<number, string[]>
}

/** Lists are usually module-level arrays matched once per sentence or block: compile each once. */
const compiled = new WeakMap<object, CompiledPhrases>()

/** Bits in CompiledPhrases.firstBits (512 bytes a list). */
const FIRST_BITS = 4096

/** Whether `bits` has the bit of code `code` (see CompiledPhrases.firstBits). */
const firstBit = (bits: Uint32Array, code: number): number => bits[(code & (FIRST_BITS - 1)) >>> 5] & (1 << (code & 31))

function compilePhrases(phrases: Iterable<string>): CompiledPhrases {
  const size = Array.isArray(phrases) ? phrases.length : phrases instanceof Set ? phrases.size : -1
  const hit = size >= 0 ? compiled.get(phrases as object) : undefined
  if (hit && hit.size === size) return hit
  const set = new Set(phrases)
  let maxLen = 0
  const firstBits = new Uint32Array(FIRST_BITS / 32)
  const prefixes = new Set<string>()
  for (const p of set) {
    maxLen = Math.max(maxLen, p.length)
    if (!p) continue
    const code = p.charCodeAt(0)
    firstBits[(code & (FIRST_BITS - 1)) >>> 5] |= 1 << (code & 31)
    for (let n = 1; n < p.length; n++) prefixes.add(p.slice(0, n))
  }
  const c: CompiledPhrases = { set, prefixes, maxLen, firstBits, size }
  if (size >= 0) compiled.set(phrases as object, c)
  return c
}

/**
 * Phrases that start and end on token boundaries (a listed word is never found inside a
 * longer word). Longest match wins at each starting token.
 */
export function matchPhrases(tokens: Token[], phrases: Iterable<string>): PhraseMatch[] {
  const { set, prefixes, maxLen, firstBits } = compilePhrases(phrases)
  const out: PhraseMatch[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!firstBit(firstBits, tokens[i].text.charCodeAt(0))) continue
    let text = ''
    let best = -1
    for (let k = i; k < tokens.length; k++) {
      // Tokens must be contiguous in the prose.
      if (k > i && tokens[k].index !== tokens[k - 1].index + tokens[k - 1].text.length) break
      text += tokens[k].text
      if (text.length > maxLen) break
      if (set.has(text)) best = k
      if (!prefixes.has(text)) break
    }
    if (best >= 0) {
      const phrase = tokens.slice(i, best + 1).map((t) => t.text).join('')
      out.push({ phrase, first: i, last: best, start: tokens[i].start, end: tokens[best].end })
      i = best
    }
  }
  return out
}

/**
 * Whether any phrase occurs in `text`, on token boundaries or not: when none does, matchPhrases
 * finds nothing in any tokens of the text, so a rule can skip segmenting it.
 */
export function containsAny(text: string, phrases: Iterable<string>): boolean {
  const c = compilePhrases(phrases)
  if (!c.byFirst) {
    const byFirst = new Map<number, string[]>()
    for (const p of c.set) {
      if (!p) continue
      const code = p.charCodeAt(0)
      const list = byFirst.get(code)
      if (list) list.push(p)
      else byFirst.set(code, [p])
    }
    c.byFirst = byFirst
  }
  const { firstBits, byFirst } = c
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!firstBit(firstBits, code)) continue
    const list = byFirst.get(code)
    if (list) for (const p of list) if (text.startsWith(p, i)) return true
  }
  return false
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([])

/**
 * The matches of a global regular expression in `text`, as `text.matchAll(re)` gives them from
 * the start. Rules look for rare marks in every paragraph: matchAll copies the expression and
 * makes an iterator on each call, and no match here costs nothing but the search.
 */
export function allMatches(text: string, re: RegExp): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regular expression: ${re}`)
  re.lastIndex = 0
  let m = re.exec(text)
  if (!m) return NO_MATCHES
  const out: RegExpExecArray[] = []
  for (; m; m = re.exec(text)) {
    out.push(m)
    // As matchAll: an empty match moves on by one character (a code point with the u flag).
    if (m[0].length === 0) re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1
  }
  return out
}

/**
 * Compile a list entry with gaps (`在……领导下`, `不但…而且`) into a regular expression: each
 * `……` (or `…`) stands for 1 to `maxGap` characters that do not end a sentence. Entries
 * without a gap are matched literally.
 */
export function compileGapPattern(entry: string, maxGap = 30): RegExp {
  const parts = entry.split(/…+|\.{3,}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(parts.join(`[^。！？；!?;\\n${PLACEHOLDER}]{1,${maxGap}}?`), 'g')
}

let quoted: { text: string; pairs: ReadonlyMap<number, number> } = { text: '', pairs: new Map() }

/** Whether prose index `i` of `text` lies inside a matched pair of quotes (“”‘’「」『』). */
export function insideQuotes(text: string, i: number, j = i + 1): boolean {
  // Rules ask about many positions of one text in a row: pair it once.
  if (text !== quoted.text) quoted = { text, pairs: matchPairs(text) }
  for (const [open, close] of quoted.pairs) {
    const ch = text[open]
    if ((ch === '“' || ch === '‘' || ch === '「' || ch === '『' || ch === '"') && open < i && close >= j) return true
  }
  return false
}

/** Characters that count towards a length: code points other than whitespace and placeholders. */
export function countChars(text: string): number {
  // Code units, not `for…of` (a string per character: the ending-length rule counts every
  // paragraph on each keystroke). A low surrogate ends a code point already counted.
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue
    if (!isSpace(c) && c !== PLACEHOLDER_CODE) n++
  }
  return n
}

const PLACEHOLDER_CODE = PLACEHOLDER.charCodeAt(0)


/** The sentence containing a source offset. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => s.start <= offset && offset < s.end)
}

/** Regex matches over a block's prose, mapped to source ranges. */
export function* matchInBlock(block: Block | Sentence, re: RegExp): Generator<{ match: RegExpExecArray; start: number; end: number }> {
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g'
  const g = new RegExp(re.source, flags)
  let m: RegExpExecArray | null
  while ((m = g.exec(block.text))) {
    if (m[0].length === 0) {
      g.lastIndex++
      continue
    }
    const [start, end] = block.range(m.index, m.index + m[0].length)
    yield { match: m, start, end }
  }
}

export { PLACEHOLDER }

/**
 * The opening clause of a block: from its start to the first ，。；！？ (or the whole block).
 * lead-preamble owns the lead's opening clause; filler-phrase leaves it alone so a preamble
 * is reported once.
 */
export function openingClause(block: Block): { index: number; length: number; start: number; end: number } {
  const m = /[，,。；;！!？?]/.exec(block.text)
  const length = m ? m.index : block.text.length
  const [start, end] = block.range(0, length)
  return { index: 0, length, start, end }
}

/** Tokens whose start lies in the source range [start, end). */
export function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  return tokens.filter((t) => t.start >= start && t.start < end)
}
