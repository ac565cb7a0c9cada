/**
 * Source → prose blocks. Markdown goes through unified + remark-parse (front matter and GFM
 * understood); a .txt file is one block per non-empty line. Each block keeps a map from its
 * prose text back to source offsets, so every token and every diagnostic points at the
 * exact characters of the file.
 */
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import type { Root, RootContent, PhrasingContent, Nodes } from 'mdast'
import type { BlockKind, Format } from './types.js'
import { TextCache, detach } from './cache.js'

/** Stands in the prose for inline code, URLs, HTML and images: one character, never linted. */
export const PLACEHOLDER = '\uFFFC'

/** A run mapping prose [p, p+len) to source [s, s+slen): identity when len === slen, else a placeholder. */
interface Piece {
  p: number
  s: number
  len: number
  slen: number
}

export interface RawBlock {
  kind: BlockKind
  depth?: number
  text: string
  pieces: Piece[]
  /**
   * Added to every piece's source offset: a cached chunk's block placed in a draft shares the
   * chunk's pieces (relative to the chunk) instead of a shifted copy of them per keystroke.
   */
  shift?: number
  /**
   * The cached block of a Markdown chunk this one was placed from: the same object whenever a
   * chunk with the same text is parsed again, so it identifies the block's text, kind and mapping
   * (relative to the block) without comparing them.
   */
  origin?: RawBlock
}

export interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable' | 'disable-line'
  /** Rule ids; empty means every rule. */
  rules: string[]
  /** Source offsets of the comment. */
  start: number
  end: number
}

export interface ParsedSource {
  blocks: RawBlock[]
  directives: Directive[]
}

// The look-behinds make each alternative start only at the beginning of a run, so a long run
// of Latin letters is scanned once (no quadratic backtracking).
const URL_RE = /(?<![A-Za-z0-9])(?:https?:\/\/|ftp:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

/** A character that is neither blank nor a placeholder. */
const CONTENT_RE = new RegExp(`[^${PLACEHOLDER}\\s]`)

class BlockBuilder {
  text = ''
  pieces: Piece[] = []
  constructor(
    readonly kind: BlockKind,
    readonly depth?: number,
  ) {}

  /** Append `value`, which stands for source[s, e) with mostly the same characters. */
  appendAligned(value: string, source: string, s: number, e: number): void {
    URL_RE.lastIndex = 0
    let last = 0
    let m: RegExpExecArray | null
    // URLs and e-mail addresses become placeholders: never linted.
    while ((m = URL_RE.exec(value))) {
      let url = m[0].replace(/[.,;:!?)\]'"]+$/, '')
      if (!url) continue
      const before = value.slice(last, m.index)
      const srcPos = this.alignInto(before, source, s, e)
      s = srcPos
      const urlStart = source.indexOf(url, srcPos)
      if (urlStart < 0 || urlStart >= e) {
        last = m.index
        continue
      }
      this.placeholder(urlStart, urlStart + url.length)
      s = urlStart + url.length
      last = m.index + url.length
      URL_RE.lastIndex = last
    }
    this.alignInto(value.slice(last), source, s, e)
  }

  /** Align `value` onto source starting at `s`; returns the source offset after the last matched char. */
  private alignInto(value: string, source: string, s: number, e: number): number {
    if (!value) return s
    if (source.startsWith(value, s) && s + value.length <= e) {
      this.identity(s, value.length, value)
      return s + value.length
    }
    // Escapes, entities and container prefixes (`> `, indentation) differ: match char by char.
    let j = s
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]
      let k = j
      while (k < e && source[k] !== ch) k++
      if (k >= e) {
        // Not in the source (an entity such as &amp;): map to the current position.
        this.pushPiece(this.text.length, j, 1, 0, ch)
        continue
      }
      this.identity(k, 1, ch)
      j = k + 1
    }
    return j
  }

  private identity(s: number, len: number, text: string): void {
    this.pushPiece(this.text.length, s, len, len, text)
  }

  private pushPiece(p: number, s: number, len: number, slen: number, text: string): void {
    const prev = this.pieces[this.pieces.length - 1]
    if (prev && prev.len === prev.slen && len === slen && prev.p + prev.len === p && prev.s + prev.slen === s) {
      prev.len += len
      prev.slen += slen
    } else {
      this.pieces.push({ p, s, len, slen })
    }
    this.text += text
  }

  identityText(source: string, s: number, e: number): void {
    if (e > s) this.pushPiece(this.text.length, s, e - s, e - s, source.slice(s, e))
  }

  placeholder(s: number, e: number): void {
    this.pieces.push({ p: this.text.length, s, len: 1, slen: e - s })
    this.text += PLACEHOLDER
  }

  build(): RawBlock | null {
    // Nothing but blanks and placeholders: no block (tested, not a copy made without them).
    if (!CONTENT_RE.test(this.text)) return null
    // An exact-size copy of the pieces: Markdown chunks' blocks are cached, and a grown array
    // keeps room for 17 pieces where a paragraph has one.
    const only = this.pieces.length === 1 ? this.pieces[0] : undefined
    const pieces = only && only.p === 0 && only.len === only.slen && only.s < 16 && only.len < 0x1000000 ? verbatim(only.s, only.len) : this.pieces.slice()
    return { kind: this.kind, depth: this.depth, text: this.text, pieces }
  }
}

/**
 * The pieces of a Markdown chunk's block copied verbatim from the chunk's [s, s + len), most
 * paragraphs (s is 0, or a heading's `## `): one frozen array per (s, len), shared by every such
 * block (21,000 cached paragraphs held 1.7 MB of them).
 */
const verbatimPieces = new Map<number, Piece[]>()
function verbatim(s: number, len: number): Piece[] {
  const key = s * 0x1000000 + len
  let pieces = verbatimPieces.get(key)
  if (!pieces) {
    // A bound for a long session: starting again only costs the sharing.
    if (verbatimPieces.size >= 10_000) verbatimPieces.clear()
    verbatimPieces.set(key, (pieces = Object.freeze([Object.freeze({ p: 0, s, len, slen: len })]) as Piece[]))
  }
  return pieces
}

const DIRECTIVE_RE = /<!--\s*ximo-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g

function parseDirectives(value: string, start: number, out: Directive[]): void {
  DIRECTIVE_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = DIRECTIVE_RE.exec(value))) {
    const rules = m[2]
      .split(/[\s,，]+/)
      .map((r) => r.trim())
      .filter(Boolean)
    out.push({
      kind: m[1] as Directive['kind'],
      rules,
      start: start + m.index,
      end: start + m.index + m[0].length,
    })
  }
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
/** For chunks after the first: front matter exists only at the very start of a file. */
const bodyProcessor = unified().use(remarkParse).use(remarkGfm)

/**
 * The whole source through remark in one go (the reference that chunked parsing must equal).
 * `atStart: false` parses a chunk from inside a file, where `---` is not front matter.
 */
export function parseMarkdownWhole(source: string, atStart = true): ParsedSource {
  const tree = (atStart ? processor : bodyProcessor).parse(source) as Root
  const blocks: RawBlock[] = []
  const directives: Directive[] = []

  const inline = (b: BlockBuilder, nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      const pos = node.position
      if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue
      const s = pos.start.offset
      const e = pos.end.offset
      switch (node.type) {
        case 'text':
          b.appendAligned(node.value, source, s, e)
          break
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          inline(b, node.children as PhrasingContent[])
          break
        case 'break':
          b.placeholder(s, e)
          break
        case 'html':
          parseDirectives(node.value, s, directives)
          b.placeholder(s, e)
          break
        default:
          // inlineCode, image, imageReference, footnoteReference: kept out of the prose.
          b.placeholder(s, e)
      }
    }
  }

  const visit = (node: Nodes, container: BlockKind): void => {
    switch (node.type) {
      case 'root':
        for (const c of node.children) visit(c, 'paragraph')
        return
      case 'heading': {
        const b = new BlockBuilder('heading', node.depth)
        inline(b, node.children)
        const built = b.build()
        if (built) blocks.push(built)
        return
      }
      case 'paragraph': {
        const b = new BlockBuilder(container)
        inline(b, node.children)
        const built = b.build()
        if (built) blocks.push(built)
        return
      }
      case 'blockquote':
        for (const c of node.children) visit(c, 'blockquote')
        return
      case 'list':
        for (const c of node.children) visit(c, 'list-item')
        return
      case 'listItem':
        for (const c of node.children) visit(c, 'list-item')
        return
      case 'table':
        for (const row of node.children)
          for (const cell of row.children) {
            const b = new BlockBuilder('table-cell')
            inline(b, cell.children)
            const built = b.build()
            if (built) blocks.push(built)
          }
        return
      case 'html':
        if (node.position?.start.offset !== undefined) parseDirectives(node.value, node.position.start.offset, directives)
        return
      default:
        // code, yaml, toml, thematicBreak, definition, footnoteDefinition: never linted.
        if ('children' in node && Array.isArray(node.children) && node.type === 'footnoteDefinition') {
          for (const c of node.children as RootContent[]) visit(c, 'paragraph')
        }
    }
  }
  visit(tree, 'paragraph')
  return { blocks, directives }
}

// ---------------------------------------------------------------------------------------------
// Chunked Markdown. remark costs about 3 µs a character, so the source is cut at blank lines into
// top-level chunks that parse alone exactly as they parse in place. Each chunk's result is
// cached by its text (an edit in the language server re-parses one chunk), and a chunk that is
// one line of plain prose, the bulk of a draft, skips remark altogether.

/** Link reference and footnote definitions reach across chunks: such a document is parsed whole. */
const DEFINITION_RE = /\[[^\]\n\r]*\]:/
const BLANK_RE = /^[ \t]*$/
/** Indented lines continue a list item or a code block; a BOM is only stripped at the very start. */
const INDENTED_RE = /^[ \t\ufeff]/
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/
/** HTML blocks that may hold blank lines (CommonMark types 1–5): opener and end marker. */
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
]
const FRONT_OPEN_RE = /^(?:---|\+\+\+)/
/**
 * An ordered list marker. micromark reads `2) 项` after indented code (even across blank lines)
 * as a paragraph, but as a list alone: such a line stays in the chunk before it.
 */
const ORDERED_RE = /^\d{1,9}[.)](?:[ \t]|$)/

/**
 * Top-level chunks of a Markdown source as [start, end) offsets, flat: `[start0, end0, start1,
 * end1, …]` (a pair array per chunk was garbage on a long report). A chunk ends at a blank line
 * that is followed by an unindented line, outside front matter, fenced code and the HTML blocks
 * that may hold blank lines. Every doubt keeps lines together: a chunk that is too big is only
 * slower, never wrong.
 */
export function markdownChunks(source: string): number[] {
  const chunks: number[] = []
  let start = -1
  let end = 0
  let blankBefore = false
  /** The last non-blank line was indented (it may be indented code). */
  let indentedBefore = false
  let fence: { ch: string; len: number } | null = null
  let htmlEnd: RegExp | null = null
  let front: RegExp | null = null
  let pos = 0
  let lineNo = 0
  // Lines end at \r\n, \r or \n. Found with indexOf, not an expression per line: the next \r
  // is looked for again only once passed, so a file without one is searched for it once.
  const n = source.length
  let nextCR = source.indexOf('\r')
  while (pos < n) {
    let lineEnd = source.indexOf('\n', pos)
    if (lineEnd < 0) lineEnd = n
    if (nextCR >= 0 && nextCR < pos) nextCR = source.indexOf('\r', pos)
    if (nextCR >= 0 && nextCR < lineEnd) lineEnd = nextCR
    const line = source.slice(pos, lineEnd)
    const lineStart = pos
    pos = lineEnd >= n ? n : lineEnd + (source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10 ? 2 : 1)
    if (lineNo++ === 0 && FRONT_OPEN_RE.test(line)) {
      front = line.startsWith('-') ? /^---$/ : /^\+\+\+$/
      start = lineStart
      end = lineEnd
      continue
    }
    if (front || htmlEnd || fence) {
      end = lineEnd
      indentedBefore = INDENTED_RE.test(line)
      if (front) {
        if (front.test(line)) front = null
      } else if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = null
      } else {
        const f = FENCE_RE.exec(line)
        if (f && f[1][0] === fence!.ch && f[1].length >= fence!.len && BLANK_RE.test(f[2])) fence = null
      }
      continue
    }
    if (BLANK_RE.test(line)) {
      if (start >= 0) blankBefore = true
      continue
    }
    // The first chunk starts at 0 (leading blank lines included): a BOM is stripped only there.
    if (start < 0) start = 0
    else if (blankBefore && !INDENTED_RE.test(line) && !(indentedBefore && ORDERED_RE.test(line))) {
      chunks.push(start, end)
      start = lineStart
    }
    blankBefore = false
    indentedBefore = INDENTED_RE.test(line)
    end = lineEnd
    // Fences and HTML blocks start with ` ~ or < after at most three spaces: other lines (nearly
    // all of a draft) skip their six expressions.
    let k = 0
    while (k < 3 && line.charCodeAt(k) === 0x20) k++
    const lead = line.charCodeAt(k)
    if (lead !== 0x60 && lead !== 0x7e && lead !== 0x3c) continue
    const f = FENCE_RE.exec(line)
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { ch: f[1][0], len: f[1].length }
      continue
    }
    for (const [open, close] of HTML_BLOCKS) {
      const o = open.exec(line)
      if (o) {
        if (!close.test(line.slice(o[0].length))) htmlEnd = close
        break
      }
    }
  }
  if (start >= 0) chunks.push(start, end)
  return chunks
}

/**
 * One line of prose that remark would turn into a paragraph holding a single text node: no
 * Markdown syntax character, no autolink, no leading indentation, no list or heading marker.
 * `1.部分……` is prose: an ordered list marker needs a space, tab or line end after it (and
 * Chinese drafts number their points that way, so these lines are common).
 */
const PLAIN_LINE_RE = /^(?!\d{1,9}[.)](?:[ \t]|$)|[-+=#>\t ])[^\\`*_[\]<>&|~\u0000-\u001f\u007f\ufeff]+$/
/** An ATX heading (`## 标题`) whose text is plain in the same sense, without a closing `#` sequence. */
const HEADING_RE = /^(#{1,6}) +[^\\`*_[\]<>&|~#\u0000-\u001f\u007f\ufeff]*$/
const AUTOLINK_RE = /@|www\.|:\/\//i

function parsePlainLine(chunk: string): ParsedSource | null {
  const heading = HEADING_RE.exec(chunk)
  if ((!heading && !PLAIN_LINE_RE.test(chunk)) || AUTOLINK_RE.test(chunk)) return null
  let s = 0
  if (heading) {
    s = heading[1].length
    while (chunk[s] === ' ') s++
  }
  let e = chunk.length
  while (e > s && (chunk[e - 1] === ' ' || chunk[e - 1] === '\t')) e--
  const b = heading ? new BlockBuilder('heading', heading[1].length) : new BlockBuilder('paragraph')
  if (e > s) b.appendAligned(chunk.slice(s, e), chunk, s, e)
  const built = b.build()
  return { blocks: built ? [built] : [], directives: NO_DIRECTIVES }
}

/** A plain line's directives: none, one array for all (frozen: cached chunks share it). */
const NO_DIRECTIVES: Directive[] = Object.freeze([]) as unknown as Directive[]

/** Characters of chunk text kept: a parsed chunk is small next to its tokens, so more than those. */
const CHUNK_CACHE_CHARS = 1_000_000
/** Chunk text → blocks with chunk-relative offsets; the first chunk of a file apart (front matter). */
const chunkCache = new TextCache<ParsedSource>(CHUNK_CACHE_CHARS)
const firstChunkCache = new TextCache<ParsedSource>(CHUNK_CACHE_CHARS / 10)

function parseChunk(source: string, start: number, end: number, useCache: boolean): ParsedSource {
  const atStart = start === 0
  const parse = (chunk: string) => parsePlainLine(chunk) ?? parseMarkdownWhole(chunk, atStart)
  if (!useCache) return parse(source.slice(start, end))
  const cache = atStart ? firstChunkCache : chunkCache
  const hit = cache.get(source.slice(start, end))
  if (hit) return hit
  // Parsed from a copy: the blocks' texts (slices of the chunk) must not keep the draft alive.
  // The copy is the key too (one copy of the chunk's text, not two).
  const chunk = detach(source.slice(start, end))
  const parsed = parse(chunk)
  cache.set(chunk, parsed, true)
  return parsed
}

export function clearParseCache(): void {
  chunkCache.clear()
  firstChunkCache.clear()
}

/** The chunk cache grows to hold a draft this long (the language server's default limit is 2,000,000). */
const CHUNK_CACHE_MAX_CHARS = 5_000_000

/** Markdown → prose blocks and directives: chunk by chunk, each chunk cached by its text (unless `useCache` is false). */
export function parseMarkdown(source: string, useCache = true): ParsedSource {
  if (DEFINITION_RE.test(source)) return parseMarkdownWhole(source)
  if (useCache) chunkCache.fit(source.length, CHUNK_CACHE_MAX_CHARS)
  const blocks: RawBlock[] = []
  const directives: Directive[] = []
  // Indexed loops: no iterator, no destructured pair, per chunk or block of a long report.
  const chunks = markdownChunks(source)
  for (let c = 0; c < chunks.length; c += 2) {
    const s = chunks[c]
    const parsed = parseChunk(source, s, chunks[c + 1], useCache)
    for (let k = 0; k < parsed.blocks.length; k++) {
      const b = parsed.blocks[k]
      // Cached blocks are shared: a copy carries the shift. Uncached ones are this run's own.
      if (useCache) blocks.push({ kind: b.kind, depth: b.depth, text: b.text, pieces: b.pieces, shift: s, origin: b })
      else {
        b.shift = s
        blocks.push(b)
      }
    }
    for (let k = 0; k < parsed.directives.length; k++) {
      const d = parsed.directives[k]
      directives.push(s === 0 ? d : { ...d, start: d.start + s, end: d.end + s })
    }
  }
  return { blocks, directives }
}

/** Plain text: one block per non-empty line (drafts exported from Word keep a paragraph a line). */
export function parseText(source: string): ParsedSource {
  const blocks: RawBlock[] = []
  let lineStart = 0
  const n = source.length
  while (lineStart <= n) {
    let lineEnd = source.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = n
    let contentEnd = lineEnd
    if (contentEnd > lineStart && source[contentEnd - 1] === '\r') contentEnd--
    if (source.slice(lineStart, contentEnd).trim()) {
      const b = new BlockBuilder('paragraph')
      b.appendAligned(source.slice(lineStart, contentEnd), source, lineStart, contentEnd)
      const built = b.build()
      if (built) blocks.push(built)
    }
    lineStart = lineEnd + 1
  }
  return { blocks, directives: [] }
}

export function parseSource(source: string, format: Format, useCache = true): ParsedSource {
  return format === 'markdown' ? parseMarkdown(source, useCache) : parseText(source)
}

