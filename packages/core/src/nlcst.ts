/**
 * A retext-compatible Chinese parser: the document's blocks as NLCST (Root > Paragraph >
 * Sentence > Word / Punctuation / WhiteSpace / Symbol), each word carrying jieba's tag in
 * `data.pos`, with exact source positions. Use it as a unified parser
 * (`retext().use(retextChinese)`) to run retext plugins on Chinese drafts.
 */
import type { Root, Paragraph, Sentence as NSentence, SentenceContent } from 'nlcst'
import type { Processor } from 'unified'
import { buildDocument, type BuildOptions } from './document.js'
import { PLACEHOLDER } from './parse.js'
import type { Document, Token } from './types.js'

const PUNCT_RE = /^[\p{P}]+$/u
const SPACE_RE = /^\s+$/u

export function toNlcst(doc: Document): Root {
  const pos = (start: number, end: number) => ({ start: doc.position(start), end: doc.position(end) })
  const node = (t: Token): SentenceContent => {
    const position = pos(t.start, t.end)
    if (SPACE_RE.test(t.text)) return { type: 'WhiteSpaceNode', value: t.text, position }
    if (t.text === PLACEHOLDER) return { type: 'SymbolNode', value: doc.source.slice(t.start, t.end), position, data: { pos: 'code' } } as SentenceContent
    if (PUNCT_RE.test(t.text)) return { type: 'PunctuationNode', value: t.text, position }
    return { type: 'WordNode', children: [{ type: 'TextNode', value: t.text, position }], position, data: { pos: t.pos } } as SentenceContent
  }
  const paragraphs: Paragraph[] = doc.blocks.map((b) => ({
    type: 'ParagraphNode',
    position: pos(b.start, b.end),
    children: b.sentences.map(
      (s): NSentence => ({ type: 'SentenceNode', position: pos(s.start, s.end), children: s.tokens.map(node) }),
    ),
  }))
  return {
    type: 'RootNode',
    children: paragraphs,
    position: pos(0, doc.source.length),
  }
}

/** unified plugin: set the parser to the Chinese one. Options: `format` (default 'text'). */
export function retextChinese(this: Processor, options: Partial<BuildOptions> = {}): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ;(this as any).parser = (text: string) => toNlcst(buildDocument(String(text), { format: 'text', ...options }))
}
