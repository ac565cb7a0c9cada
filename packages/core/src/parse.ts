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
    if (!this.text.trim() || this.text.replace(new RegExp(`[${PLACEHOLDER}\\s]`, 'g'), '') === '') return null
    return { kind: this.kind, depth: this.depth, text: this.text, pieces: this.pieces }
  }
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

export function parseMarkdown(source: string): ParsedSource {
  const tree = processor.parse(source) as Root
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

export function parseSource(source: string, format: Format): ParsedSource {
  return format === 'markdown' ? parseMarkdown(source) : parseText(source)
}

/** Offset mapping helpers for a raw block. */
export function makeMapper(pieces: Piece[], textLength: number) {
  const find = (i: number): Piece => {
    let lo = 0
    let hi = pieces.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (pieces[mid].p <= i) lo = mid
      else hi = mid - 1
    }
    return pieces[lo]
  }
  const endOf = (k: number): number => {
    const piece = find(k)
    return piece.len === piece.slen ? piece.s + (k - piece.p) + 1 : piece.s + piece.slen
  }
  const toSource = (i: number): number => {
    if (pieces.length === 0) return 0
    if (i >= textLength) return endOf(textLength - 1)
    const piece = find(i)
    return piece.len === piece.slen ? piece.s + (i - piece.p) : piece.s
  }
  const range = (i: number, j: number): [number, number] => {
    if (j <= i) {
      const at = toSource(i)
      return [at, at]
    }
    return [toSource(i), endOf(j - 1)]
  }
  return { toSource, range }
}
