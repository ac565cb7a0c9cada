/**
 * The document model: blocks with tokens (segmented when a rule first asks), the headline, the
 * lead, the body, the ending and the sentences.
 */
import { getSegmenter, addUserWords, type WordsAndTags } from './segmenter.js'
import { parseSource, PLACEHOLDER, type Directive, type RawBlock } from './parse.js'
import type { Block, BlockKind, Document, Format, Sentence, Token } from './types.js'

export interface BuildOptions {
  format: Format
  filePath?: string
  segmenter?: 'jieba' | 'nodejieba'
  hmm?: boolean
  dictionary?: string[]
  /** Use and fill the Markdown chunk cache; see LintOptions.cache. */
  cache?: boolean
}

// ---------------------------------------------------------------------------------------------
// Segmentation. Nothing is cached by paragraph here: tags come from the segmenter's word memo
// (WordTags), as cheap as cutting, and the language server reuses paragraph findings, so an
// edit segments only the changed paragraph and the headline, lead and ending. A tag cache held
// 16 MB on a 900,000-character report and slowed its first lint.

/** Bumped whenever segmentation may change (user words added): findings cached by paragraph are stale. */
let generation = 0

export function segmentGeneration(): number {
  return generation
}

/** Segmentation may have changed (user words added): findings cached by paragraph are stale. */
export function clearSegmentCache(): void {
  generation++
}

/**
 * A run of one character this long holds no word: it is one token (tag `x`), and jieba only
 * sees the text around it (tagging a long run costs seconds and yields a word per character).
 */
const RUN_MIN = 256
const RUN_RE = new RegExp(`([\\s\\S])\\1{${RUN_MIN - 1},}`, 'g')

function tagText(text: string, backend: 'jieba' | 'nodejieba', hmm: boolean): WordsAndTags {
  const seg = getSegmenter(backend)
  const tag = (part: string): WordsAndTags => {
    if (seg.tagWords) return seg.tagWords(part, hmm)
    const tagged = seg.tag(part, hmm)
    return { words: tagged.map((w) => w.word), tags: tagged.map((w) => w.tag) }
  }
  if (text.length < RUN_MIN) return tag(text)
  const out: WordsAndTags = { words: [], tags: [] }
  const add = (part: string) => {
    const { words, tags } = tag(part)
    for (let i = 0; i < words.length; i++) {
      out.words.push(words[i])
      out.tags.push(tags[i])
    }
  }
  let last = 0
  RUN_RE.lastIndex = 0
  for (let m = RUN_RE.exec(text); m; m = RUN_RE.exec(text)) {
    if (m.index > last) add(text.slice(last, m.index))
    out.words.push(m[0])
    out.tags.push('x')
    last = m.index + m[0].length
  }
  if (last === 0) return tag(text)
  if (last < text.length) add(text.slice(last))
  return out
}

function tokenize(raw: RawBlock, backend: 'jieba' | 'nodejieba', hmm: boolean): Token[] {
  const text = raw.text
  const pieces = raw.pieces
  const shift = raw.shift ?? 0
  const { words, tags } = tagText(text, backend, hmm)
  const tokens: Token[] = []
  if (!pieces.length) return tokens
  // Source offsets as BuiltBlock.range gives them, but tokens come in order: the piece holding a
  // position is found by moving forward, not by a search (and no pair is made) per token.
  let k = 0
  const pieceFor = (i: number): Piece => {
    while (k + 1 < pieces.length && pieces[k + 1].p <= i) k++
    return pieces[k]
  }
  let index = 0
  for (let w = 0; w < words.length; w++) {
    const word = words[w]
    // Offsets are the running sum of token lengths; if a backend ever drops or rewrites a
    // character, find the word from the running position instead.
    let at = index
    if (!text.startsWith(word, index)) {
      const found = text.indexOf(word, index)
      if (found < 0) continue
      at = found
    }
    const start = shift + startIn(pieceFor(at), at)
    const lastAt = at + word.length - 1
    const end = word.length ? shift + endIn(pieceFor(lastAt), lastAt) : start
    tokens.push({ text: word, pos: word === PLACEHOLDER ? 'code' : tags[w], start, end, index: at })
    index = at + word.length
  }
  return tokens
}

// ---------------------------------------------------------------------------------------------
// Sentences: split on 。！？；… (and ! ? ;) and block ends, never inside a matched quote or
// bracket unless the terminator is followed by the closing mark.

const TERMINATORS = '。！？；…!?;'
const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '（': '）', '(': ')', '《': '》' }

// Character classes by UTF-16 code unit: the loops below look at every character of every
// paragraph on each keystroke, so they compare numbers instead of making one-character strings.
const TERMINATOR = 1
const OPENER = 2
const CLOSER = 4
const CLASS = new Uint8Array(0x10000)
/** For an opener, the code of its closer. */
const CLOSE_OF = new Uint16Array(0x10000)
for (const ch of TERMINATORS) CLASS[ch.charCodeAt(0)] |= TERMINATOR
for (const [open, close] of Object.entries(PAIRS)) {
  CLASS[open.charCodeAt(0)] |= OPENER
  CLASS[close.charCodeAt(0)] |= CLOSER
  CLOSE_OF[open.charCodeAt(0)] = close.charCodeAt(0)
}

/** What matchPairs returns for a text without a matched pair (most sentences): shared, never written. */
const NO_PAIRS: ReadonlyMap<number, number> = new Map()

/** Indices of matched opening and closing marks: open index → close index. */
export function matchPairs(text: string): ReadonlyMap<number, number> {
  let pairs: Map<number, number> | undefined
  let stack: number[] | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const cls = CLASS[c]
    if (cls & OPENER) (stack ??= []).push(i)
    else if (cls & CLOSER && stack) {
      // Pop back to the matching opener, dropping unmatched ones in between.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (CLOSE_OF[text.charCodeAt(stack[k])] === c) {
          ;(pairs ??= new Map()).set(stack[k], i)
          stack.length = k
          break
        }
      }
    }
  }
  return pairs ?? NO_PAIRS
}

/** What `\s` matches, as a code unit. */
export const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680

export function splitSentences(text: string): Array<[number, number]> {
  const n = text.length
  const pairs = matchPairs(text)
  // depth[k] > 0: k lies inside a matched pair (between its opener and its closer, inclusive).
  // Most sentences hold no quote or bracket: no array then.
  let depth: Int32Array | undefined
  if (pairs.size) {
    depth = new Int32Array(n + 1)
    for (const [open, close] of pairs) {
      depth[open] += 1
      depth[close + 1] -= 1
    }
    for (let i = 1; i <= n; i++) depth[i] += depth[i - 1]
  }
  const out: Array<[number, number]> = []
  let start = 0
  let i = 0
  while (i < n) {
    if (!(CLASS[text.charCodeAt(i)] & TERMINATOR)) {
      i++
      continue
    }
    let k = i
    while (k < n && CLASS[text.charCodeAt(k)] & TERMINATOR) k++
    while (k < n && CLASS[text.charCodeAt(k)] & CLOSER && depth !== undefined && depth[k] > 0) k++
    if (depth === undefined || depth[k] === 0 || k >= n) {
      pushTrimmed(out, text, start, k)
      start = k
    }
    i = k
  }
  if (start < n) pushTrimmed(out, text, start, n)
  return out
}

/** Add the sentence [s, e) without the whitespace at its ends, unless nothing else is left. */
function pushTrimmed(out: Array<[number, number]>, text: string, s: number, e: number): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--
  if (e > s) out.push([s, e])
}

// ---------------------------------------------------------------------------------------------
// A guard against pathological input: a paragraph longer than MAX_BLOCK characters (a real one
// stays far below) is checked in pieces, cut after a sentence end, else after a comma or a
// space, else anywhere, so that no rule ever sees an unbounded paragraph.

export const MAX_BLOCK = 10_000
const CUT_AFTER = /[。！？；!?;]/
const CUT_SOFT = /[，,、\s]/
const CLOSING = /[”’」』）)》]/

type Piece = RawBlock['pieces'][number]

function sliceBlock(raw: RawBlock, a: number, b: number): RawBlock {
  const pieces: Piece[] = []
  for (const p of raw.pieces) {
    if (p.p + p.len <= a || p.p >= b) continue
    if (p.len !== p.slen) pieces.push({ p: p.p - a, s: p.s, len: p.len, slen: p.slen })
    else {
      const from = Math.max(p.p, a)
      const to = Math.min(p.p + p.len, b)
      pieces.push({ p: from - a, s: p.s + (from - p.p), len: to - from, slen: to - from })
    }
  }
  return { kind: raw.kind, depth: raw.depth, text: raw.text.slice(a, b), pieces, shift: raw.shift }
}

export function splitLongBlock(raw: RawBlock): RawBlock[] {
  const text = raw.text
  if (text.length <= MAX_BLOCK) return [raw]
  const out: RawBlock[] = []
  let start = 0
  while (text.length - start > MAX_BLOCK) {
    const limit = start + MAX_BLOCK
    const floor = start + MAX_BLOCK / 2
    let cut = -1
    for (let i = limit - 1; i >= floor && cut < 0; i--) if (CUT_AFTER.test(text[i])) cut = i + 1
    if (cut > 0) while (cut < limit && CLOSING.test(text[cut])) cut++
    for (let i = limit - 1; i >= floor && cut < 0; i--) if (CUT_SOFT.test(text[i])) cut = i + 1
    if (cut < 0) cut = limit
    // Never between the halves of a surrogate pair.
    const c = text.charCodeAt(cut)
    if (c >= 0xdc00 && c <= 0xdfff) cut--
    out.push(sliceBlock(raw, start, cut))
    start = cut
  }
  out.push(sliceBlock(raw, start, text.length))
  return out
}

/** Index of the first token whose prose index is at least `i` (tokens sorted by index). */
function firstAtOrAfter(tokens: Token[], i: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid].index < i) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A block of the document model. A class, not an object literal with closures: the language
 * server builds every block again on each keystroke, and a 900,000-character report has 21,000
 * of them (closures for the getters, the mapper and the internals cost about 1 KB a block).
 */
class BuiltBlock implements Block {
  readonly kind: BlockKind
  readonly depth?: number
  readonly text: string
  readonly start: number
  readonly end: number
  readonly #raw: RawBlock
  readonly #backend: 'jieba' | 'nodejieba'
  readonly #hmm: boolean
  #tokens?: Token[]
  #sentences?: Sentence[]

  constructor(raw: RawBlock, backend: 'jieba' | 'nodejieba', hmm: boolean) {
    this.#raw = raw
    this.#backend = backend
    this.#hmm = hmm
    this.kind = raw.kind
    if (raw.depth !== undefined) this.depth = raw.depth
    this.text = raw.text
    this.start = this.toSource(0)
    this.end = this.range(0, raw.text.length)[1]
  }

  get tokens(): Token[] {
    return (this.#tokens ??= tokenize(this.#raw, this.#backend, this.#hmm))
  }

  get sentences(): Sentence[] {
    if (!this.#sentences) {
      const text = this.#raw.text
      // Sentences are split on characters alone; their tokens are taken from the block's when
      // a rule first asks (BuiltSentence.tokens), so a paragraph no rule needs words of is
      // never segmented.
      const spans = splitSentences(text)
      const sentences: Sentence[] = new Array(spans.length)
      for (let k = 0; k < spans.length; k++) {
        const s = spans[k][0]
        const e = spans[k][1]
        sentences[k] = new BuiltSentence(this, text.slice(s, e), s, this.range(s, e))
      }
      this.#sentences = sentences
    }
    return this.#sentences
  }

  toSource(i: number): number {
    const pieces = this.#raw.pieces
    if (pieces.length === 0) return 0
    const shift = this.#raw.shift ?? 0
    if (i >= this.#raw.text.length) return shift + endOf(pieces, this.#raw.text.length - 1)
    return shift + startIn(pieceAt(pieces, i), i)
  }

  range(i: number, j: number): [number, number] {
    if (j <= i) {
      const at = this.toSource(i)
      return [at, at]
    }
    return [this.toSource(i), (this.#raw.shift ?? 0) + endOf(this.#raw.pieces, j - 1)]
  }

  /** Identifies how the block's prose maps onto its source, relative to the block's start. */
  static mapping(b: BuiltBlock): string {
    const shift = b.#raw.shift ?? 0
    return b.#raw.pieces.map((p) => `${p.p},${p.s + shift - b.start},${p.len},${p.slen}`).join(';')
  }

  /** See RawBlock.origin: set when the block is a Markdown chunk's cached block, unsplit. */
  static origin(b: BuiltBlock): object | undefined {
    return b.#raw.origin
  }

  /** Drop the block's tokens and sentences (made again if asked for): a long report is not held whole. */
  static release(b: BuiltBlock): void {
    b.#tokens = undefined
    b.#sentences = undefined
  }
}

/** A sentence of a block; `range` is a method, not a closure made per sentence. */
class BuiltSentence implements Sentence {
  readonly start: number
  readonly end: number
  #tokens?: Token[]
  constructor(
    readonly block: BuiltBlock,
    readonly text: string,
    readonly index: number,
    [start, end]: [number, number],
  ) {
    this.start = start
    this.end = end
  }

  /** The block's tokens that start in this sentence, segmenting the block the first time. */
  get tokens(): Token[] {
    if (!this.#tokens) {
      // Tokens are in prose order: a sentence's are one slice (found in O(log n), so a long
      // block with many sentences stays linear).
      const all = this.block.tokens
      this.#tokens = all.slice(firstAtOrAfter(all, this.index), firstAtOrAfter(all, this.index + this.text.length))
    }
    return this.#tokens
  }

  range(i: number, j: number): [number, number] {
    return this.block.range(this.index + i, this.index + j)
  }
}

/** The piece holding prose index i (pieces are in prose order). */
function pieceAt(pieces: Piece[], i: number): Piece {
  let lo = 0
  let hi = pieces.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (pieces[mid].p <= i) lo = mid
    else hi = mid - 1
  }
  return pieces[lo]
}

/** Source offset after prose index k. */
function endOf(pieces: Piece[], k: number): number {
  return endIn(pieceAt(pieces, k), k)
}

/** Source offset of prose index i, in the piece holding it (a piece not copied verbatim maps whole). */
const startIn = (piece: Piece, i: number): number => (piece.len === piece.slen ? piece.s + (i - piece.p) : piece.s)

/** Source offset after prose index k, in the piece holding it. */
const endIn = (piece: Piece, k: number): number => (piece.len === piece.slen ? piece.s + (k - piece.p) + 1 : piece.s + piece.slen)

/** How a block's prose maps onto its source ('' for a block not built here). */
export function blockMapping(block: Block): string {
  return block instanceof BuiltBlock ? BuiltBlock.mapping(block) : ''
}

/** The cached Markdown chunk block a block was placed from (RawBlock.origin), if any. */
export function blockOrigin(block: Block): object | undefined {
  return block instanceof BuiltBlock ? BuiltBlock.origin(block) : undefined
}

/** Drop a block's tokens and sentences; they are made again if asked for. */
export function releaseBlock(block: Block): void {
  if (block instanceof BuiltBlock) BuiltBlock.release(block)
}

// Salutations (各位领导、同志们：), bylines (an office and a date), and the title lines that
// some drafts break over two lines, all skipped before the lead.
const SALUTATION_RE = /^[^。！？]{1,30}[：:]$/
const DATE_RE = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?/
const BYLINE_RE = /^[（(]?(供稿|来源|作者|报送单位|撰稿|编辑|审核|签发|第\s*\d+\s*期)/
const ORG_END_RE = /(办公室|局|处|厅|委|委员会|政府|中心|科|站|所|院|街道|办事处|公司|队)$/
const ANNEX_RE = /^[（(]?\s*(抄报|抄送|报送|分送|附件|联系人|联系电话|供稿|来源|责任编辑|编辑|审核|签发|撰稿)/

function isByline(text: string): boolean {
  const t = text.trim()
  if (t.length > 40) return false
  if (/[。，,；！？]/.test(t)) return false
  if (BYLINE_RE.test(t)) return true
  if (DATE_RE.test(t) && t.replace(DATE_RE, '').trim().length <= 24) return true
  return ORG_END_RE.test(t) && t.length <= 20
}

function isTitleLine(text: string): boolean {
  const t = text.trim()
  return t.length <= 40 && !/[。，,；;！？!?：:]/.test(t)
}

export function isAnnexLine(text: string): boolean {
  return ANNEX_RE.test(text.trim())
}

export interface BuiltDocument extends Document {
  directives: Directive[]
}

export function buildDocument(source: string, options: BuildOptions): BuiltDocument {
  const backend = options.segmenter ?? 'jieba'
  const hmm = options.hmm ?? true
  if (options.dictionary?.length && addUserWords(backend, options.dictionary)) clearSegmentCache()
  const useCache = options.cache ?? true
  const parsed = parseSource(source, options.format, useCache)
  const blocks: Block[] = []
  for (let k = 0; k < parsed.blocks.length; k++) {
    const raw = parsed.blocks[k]
    if (raw.text.length <= MAX_BLOCK) blocks.push(new BuiltBlock(raw, backend, hmm))
    else for (const part of splitLongBlock(raw)) blocks.push(new BuiltBlock(part, backend, hmm))
  }

  // Headline: the first `#` heading in Markdown (else a leading heading of any depth); the
  // first non-empty line in text.
  let headline: Block | null = null
  if (options.format === 'markdown') {
    headline = blocks.find((b) => b.kind === 'heading' && b.depth === 1) ?? (blocks[0]?.kind === 'heading' ? blocks[0] : null)
  } else {
    headline = blocks[0] ?? null
  }
  const headlineIndex = headline ? blocks.indexOf(headline) : -1
  const after = blocks.slice(headlineIndex + 1)

  // Before the lead: a few salutation and byline lines; in a .txt draft also title lines
  // (a headline broken over two lines, an outline of short headings, 正文：).
  const preface: Block[] = []
  let i = 0
  const limit = options.format === 'text' ? 30 : 4
  while (i < after.length && i < limit) {
    const b = after[i]
    if (b.kind === 'heading') break
    const isPreface = i < 4 && (SALUTATION_RE.test(b.text.trim()) || isByline(b.text))
    if (isPreface || (options.format === 'text' && (isTitleLine(b.text) || SALUTATION_RE.test(b.text.trim())))) {
      preface.push(b)
      i++
    } else break
  }
  let body = after.slice(i).filter((b) => b.kind !== 'heading')
  // Trailing 抄报/抄送/供稿 lines and a closing byline are not the ending.
  while (body.length > 1 && (isAnnexLine(body[body.length - 1].text) || isByline(body[body.length - 1].text))) body = body.slice(0, -1)
  const lead = body[0] ?? null
  const ending = body.length >= 2 ? body[body.length - 1] : null

  // Line starts for positions.
  const lineStarts = [0]
  for (let k = source.indexOf('\n'); k >= 0; k = source.indexOf('\n', k + 1)) lineStarts.push(k + 1)
  const position = (offset: number) => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1, offset }
  }

  const excluded = new Set<Block>([...(headline ? [headline] : []), ...preface])
  let sentences: Sentence[] | undefined
  return {
    source,
    format: options.format,
    filePath: options.filePath,
    blocks,
    headline,
    preface,
    lead,
    body,
    ending,
    directives: parsed.directives,
    sentences() {
      return (sentences ??= blocks.filter((b) => !excluded.has(b)).flatMap((b) => b.sentences))
    },
    position,
  }
}
