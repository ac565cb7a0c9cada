/**
 * .docx input: a Word document's body paragraphs (headings and text; tables, text boxes,
 * headers, footers, footnotes and comments skipped), read with mammoth, linted as a
 * text-format draft (one paragraph a line) and mapped back to 第N段第M字.
 *
 * The headline is the first paragraph styled Title or Heading 1 (paragraphs before it, the
 * 报头, are not linted) or, when there is none, the first paragraph.
 */
import { createRequire } from 'node:module'
import { lint, SegmenterUnavailableError, type Diagnostic, type LintOptions } from '@ximo/core'
import type { FileResult, LintFileOptions } from './lint-file.js'

export class DocxError extends Error {
  constructor(
    readonly kind: 'encrypted' | 'legacy' | 'not-docx' | 'corrupt' | 'too-large' | 'empty',
    message: string,
  ) {
    super(message)
    this.name = 'DocxError'
  }
}

export interface DocxParagraph {
  /** 1-based number among the document's non-empty body paragraphs (报头 included). */
  index: number
  text: string
  /** 0 for Title, 1–9 for Heading N, null for body text. */
  heading: number | null
}

export interface DocxText {
  /** The linted paragraphs joined with `\n` (format 'text'). */
  text: string
  /** The linted paragraphs, one per line of `text`. */
  paragraphs: DocxParagraph[]
  /** Paragraphs before the headline that were not linted (报头). */
  skipped: number
}

/** Where a finding sits in the Word document. */
export interface ParagraphPlace {
  /** 1-based paragraph number (see DocxParagraph.index). */
  index: number
  /** 0-based UTF-16 offset in the paragraph's text. */
  offset: number
  endIndex: number
  endOffset: number
  /** The paragraph's text, for context. */
  text: string
}

export type DocxDiagnostic = Diagnostic & { paragraph?: ParagraphPlace }

export const isDocxPath = (p: string | undefined): boolean => !!p && /\.docx$/i.test(p)

/** Uncompressed size above which a .docx is refused (a zip bomb, or not a draft). */
export const MAX_UNCOMPRESSED = 200 * 1024 * 1024

export const DOCX_FIX_REFUSED = '.docx 文件不能自动修复（不会改写原文件）。请去掉 --fix 只做检查，或另存为 .txt 后再修复。'

const startsWith = (buf: Uint8Array, bytes: number[]): boolean => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b)
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

interface ZipEntry {
  name: string
  size: number
}

/** The central directory of a zip file; throws DocxError('corrupt') when it cannot be read. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const corrupt = () => new DocxError('corrupt', '.docx 文件已损坏（无法读取压缩包目录），请在 Word 中打开后另存一份再试。')
  // End of central directory: at least 22 bytes, within the last 64 KiB + 22.
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw corrupt()
  const count = buf.readUInt16LE(eocd + 10)
  const cdSize = buf.readUInt32LE(eocd + 12)
  const cdOffset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) throw new DocxTooLarge()
  if (cdOffset + cdSize > eocd) throw corrupt()
  const entries: ZipEntry[] = []
  let p = cdOffset
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt()
    const size = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    if (size === 0xffffffff) throw new DocxTooLarge()
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

class DocxTooLarge extends DocxError {
  constructor() {
    super('too-large', '.docx 文件解压后过大，无法检查。')
  }
}

/** Reject what is not a readable .docx before handing it to mammoth. */
export function checkDocxBytes(bytes: Uint8Array): Buffer {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length === 0) throw new DocxError('empty', '文件是空的。')
  if (startsWith(buf, CFB)) {
    // An encrypted OOXML file is a compound file holding EncryptionInfo and EncryptedPackage
    // streams (names stored as UTF-16LE); anything else in that container is a Word 97–2003 file.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw new DocxError('encrypted', '文件设有打开密码（已加密），无法读取。请在 Word 中取消密码后另存，再检查。')
    throw new DocxError('legacy', '这是旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再检查。')
  }
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(buf, [0x50, 0x4b, 0x05, 0x06]))
    throw new DocxError('not-docx', '不是 .docx 文件（内容不是 Word 文档），请确认文件类型。')
  const entries = zipEntries(buf)
  if (!entries.some((e) => e.name === 'word/document.xml'))
    throw new DocxError('not-docx', '不是有效的 .docx 文件（缺少 word/document.xml），请在 Word 中另存为 .docx 后再检查。')
  const total = entries.reduce((n, e) => n + e.size, 0)
  if (total > MAX_UNCOMPRESSED) throw new DocxTooLarge()
  return buf
}

// mammoth's document model (documents.js): only what is read here.
interface MElement {
  type: string
  value?: string
  children?: MElement[]
  styleId?: string | null
  styleName?: string | null
}

const SKIP_INLINE = new Set(['paragraph', 'table', 'noteReference', 'commentReference', 'comment', 'note', 'image', 'checkbox', 'bookmarkStart'])

function paragraphText(p: MElement): string {
  let s = ''
  const walk = (el: MElement) => {
    for (const c of el.children ?? []) {
      if (c.type === 'text') s += c.value ?? ''
      else if (c.type === 'tab') s += '\t'
      // Nested paragraphs are text boxes; line breaks inside a paragraph join its lines.
      else if (!SKIP_INLINE.has(c.type)) walk(c)
    }
  }
  walk(p)
  return s.replace(/[\r\n\u000b\f]/g, '')
}

function headingLevel(p: MElement): number | null {
  for (const name of [p.styleName, p.styleId]) {
    if (!name) continue
    const n = name.trim()
    if (/^(title|标题)$/i.test(n)) return 0
    const m = /^(?:heading|标题)\s*([1-9])$/i.exec(n)
    if (m) return Number(m[1])
  }
  return null
}

function collectParagraphs(doc: MElement): Array<{ text: string; heading: number | null }> {
  const out: Array<{ text: string; heading: number | null }> = []
  const walk = (el: MElement) => {
    for (const c of el.children ?? []) {
      if (c.type === 'paragraph') out.push({ text: paragraphText(c), heading: headingLevel(c) })
      else if (c.type !== 'table') walk(c)
    }
  }
  walk(doc)
  return out
}

/**
 * mammoth (CommonJS) is required when a .docx is read, not imported: the CLI bundle is a
 * CommonJS script started from V8's code cache, and Node 20 loses a script's dynamic `import()`
 * handler when it is compiled from that cache.
 */
function loadMammoth(): typeof import('mammoth') {
  return createRequire(import.meta.url)('mammoth') as typeof import('mammoth')
}

/** Read a .docx's paragraphs. Throws DocxError with a Chinese reason for anything unreadable. */
export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const buffer = checkDocxBytes(bytes)
  const mammoth = loadMammoth()
  let raw: Array<{ text: string; heading: number | null }> | undefined
  try {
    await mammoth.convertToHtml(
      { buffer },
      {
        externalFileAccess: false,
        transformDocument: (doc: MElement) => {
          raw = collectParagraphs(doc)
          // Nothing is left to convert: only the paragraphs are wanted.
          return { ...doc, children: [] }
        },
      },
    )
  } catch (e) {
    if (e instanceof DocxError) throw e
    throw new DocxError('corrupt', `.docx 文件已损坏，无法读取（${(e as Error).message.split('\n')[0]}）。请在 Word 中打开后另存一份再试。`)
  }
  const all: DocxParagraph[] = []
  for (const p of raw ?? []) if (p.text.trim()) all.push({ index: all.length + 1, text: p.text, heading: p.heading })
  if (!all.length) throw new DocxError('empty', '文档中没有正文段落（表格、页眉页脚不检查）。')
  const first = all.findIndex((p) => p.heading === 0 || p.heading === 1)
  const paragraphs = first > 0 ? all.slice(first) : all
  return { text: paragraphs.map((p) => p.text).join('\n'), paragraphs, skipped: all.length - paragraphs.length }
}

/** Map a source offset of DocxText.text to (paragraph, offset in it). */
export function paragraphAt(docx: DocxText, offset: number): { paragraph: DocxParagraph; offset: number } {
  let start = 0
  for (let i = 0; i < docx.paragraphs.length; i++) {
    const p = docx.paragraphs[i]
    const end = start + p.text.length
    if (offset <= end || i === docx.paragraphs.length - 1) return { paragraph: p, offset: Math.max(0, Math.min(offset - start, p.text.length)) }
    start = end + 1
  }
  throw new Error('empty document')
}

/** Attach each diagnostic's place in the Word document (mutates and returns them). */
export function attachParagraphs(diagnostics: Diagnostic[], docx: DocxText): DocxDiagnostic[] {
  for (const d of diagnostics as DocxDiagnostic[]) {
    const s = paragraphAt(docx, d.offset)
    const e = paragraphAt(docx, d.endOffset)
    d.paragraph = { index: s.paragraph.index, offset: s.offset, endIndex: e.paragraph.index, endOffset: e.offset, text: s.paragraph.text }
  }
  return diagnostics as DocxDiagnostic[]
}

/** `第3段第12字` for a .docx finding (characters counted in code points, 1-based). */
export function paragraphLabel(place: ParagraphPlace): string {
  const char = [...place.text.slice(0, place.offset)].length + 1
  return `第${place.index}段第${char}字`
}

/** `line:column`, or `第N段第M字` for a .docx finding. */
export function positionLabel(d: Diagnostic): string {
  const place = (d as DocxDiagnostic).paragraph
  return place ? paragraphLabel(place) : `${d.line}:${d.column}`
}

export interface DocxLintResult {
  docx: DocxText
  diagnostics: DocxDiagnostic[]
}

/** Read and lint a .docx (format 'text'); diagnostics carry their paragraph. */
export async function lintDocx(bytes: Uint8Array, options: Omit<LintOptions, 'format'> = {}): Promise<DocxLintResult> {
  const docx = await readDocx(bytes)
  const diagnostics = lint(docx.text, { ...options, format: 'text' })
  return { docx, diagnostics: attachParagraphs(diagnostics, docx) }
}

/**
 * The CLI's .docx branch of lintFile: read, lint, map positions. Fixing is refused (the
 * findings are still reported) and the file is never written.
 */
export async function lintDocxFile(path: string, bytes: Uint8Array, options: LintFileOptions): Promise<FileResult> {
  const result: FileResult = { filePath: path, diagnostics: [] }
  try {
    const { diagnostics } = await lintDocx(bytes, { filePath: path, config: options.config, only: options.only, rules: options.rules, cache: false })
    // The source is never rewritten, so no finding is offered as a fix here.
    for (const d of diagnostics) delete d.fix
    result.diagnostics = diagnostics
    if (options.fix) result.error = DOCX_FIX_REFUSED
  } catch (e) {
    if (e instanceof DocxError || e instanceof SegmenterUnavailableError) result.error = e.message
    else result.error = `检查时出错：${(e as Error).message}`
  }
  return result
}
