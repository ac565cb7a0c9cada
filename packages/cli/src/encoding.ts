/**
 * Input encodings: UTF-8 (with or without BOM) and GB18030/GBK, detected from the bytes and
 * written back unchanged. Binary files and anything undecodable are a DecodeError with a
 * Chinese reason; never a crash, never a silent mangling.
 */
import { isUtf8 } from 'node:buffer'
import { createRequire } from 'node:module'

type Iconv = typeof import('iconv-lite')
let iconvModule: Iconv | undefined

/**
 * iconv-lite, required the first time a file is not UTF-8. The CLI bundle leaves it out (its
 * code tables were a third of the bundle, read and hashed at every start); it is a dependency
 * of @ximo/cli and comes from node_modules.
 */
function iconv(): Iconv {
  return (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv)
}

export type Encoding = 'utf-8' | 'gb18030'

export interface Decoded {
  /** The text without the BOM. */
  text: string
  encoding: Encoding
  bom: boolean
}

export class DecodeError extends Error {
  constructor(
    readonly kind: 'binary' | 'undecodable' | 'unsupported',
    message: string,
  ) {
    super(message)
    this.name = 'DecodeError'
  }
}

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF 文件'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP 压缩包或 .docx 等 Office 文档'],
  [[0xd0, 0xcf, 0x11, 0xe0], '旧版 Office 文档（.doc 等）'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x1f, 0x8b], 'gzip 压缩包'],
]

const startsWith = (buf: Uint8Array, bytes: number[]): boolean => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b)

const SAVE_AS = '请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。'

/** What kind of binary file this is, or null when it looks like text. */
export function binaryKind(buf: Uint8Array): string | null {
  for (const [bytes, kind] of MAGIC) if (startsWith(buf, bytes)) return kind
  const n = Math.min(buf.length, 8000)
  for (let i = 0; i < n; i++) if (buf[i] === 0) return '含有空字节'
  return null
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function invalidUtf8At(buf: Uint8Array): number {
  const n = buf.length
  let i = 0
  while (i < n) {
    const b = buf[i]
    if (b < 0x80) {
      i++
      continue
    }
    let len: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) (len = 2), (min = 0x80)
    else if (b >= 0xe0 && b <= 0xef) (len = 3), (min = 0x800)
    else if (b >= 0xf0 && b <= 0xf4) (len = 4), (min = 0x10000)
    else return i
    if (i + len > n) return i
    let cp = b & (0xff >> (len + 1))
    for (let k = 1; k < len; k++) {
      const c = buf[i + k]
      if ((c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += len
  }
  return -1
}

const lineOfByte = (buf: Uint8Array, at: number): number => {
  let line = 1
  for (let i = 0; i < at; i++) if (buf[i] === 0x0a) line++
  return line
}

const gbExact = (bytes: Buffer): string | null => {
  const text = iconv().decode(bytes, 'gb18030', { stripBOM: false })
  // Only accept a reading that has no replacement characters and writes back to the very
  // same bytes.
  return !text.includes('\ufffd') && iconv().encode(text, 'gb18030').equals(bytes) ? text : null
}

function tryGb18030(buf: Buffer): { text: string } | { badLine: number } {
  const text = gbExact(buf)
  if (text !== null) return { text }
  // LF never occurs inside a GB18030 character, so lines can be checked one by one.
  let line = 1
  let start = 0
  for (;;) {
    const nl = buf.indexOf(0x0a, start)
    const end = nl < 0 ? buf.length : nl
    if (gbExact(buf.subarray(start, end)) === null) return { badLine: line }
    if (nl < 0) return { badLine: line }
    start = nl + 1
    line++
  }
}

/** Decode a file's bytes: UTF-8 first, then GB18030 (which includes GBK and GB2312). */
export function decode(input: Uint8Array): Decoded {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]))
    throw new DecodeError('unsupported', `文件是 UTF-16 编码，暂不支持。${SAVE_AS}`)
  const kind = binaryKind(buf)
  if (kind) throw new DecodeError('binary', `不是文本文件（${kind}），无法检查。${SAVE_AS}`)
  let text: string
  let encoding: Encoding
  // Node's native check first (a JavaScript loop over every byte of a 2.5 MB draft took 15 ms);
  // the loop only says where a file that is not UTF-8 goes wrong.
  const badUtf8 = isUtf8(buf) ? -1 : invalidUtf8At(buf)
  if (badUtf8 < 0) {
    text = buf.toString('utf8')
    encoding = 'utf-8'
  } else {
    const gb = tryGb18030(buf)
    if ('badLine' in gb) {
      // The later of the two failures is nearer the real damage: a file in either encoding
      // reads fine in that encoding up to the bad bytes.
      const line = Math.max(lineOfByte(buf, badUtf8), gb.badLine)
      throw new DecodeError('undecodable', `无法识别文件编码（第 ${line} 行起既不是 UTF-8 也不是 GB18030），${SAVE_AS}`)
    }
    text = gb.text
    encoding = 'gb18030'
  }
  const bom = text.charCodeAt(0) === 0xfeff
  return { text: bom ? text.slice(1) : text, encoding, bom }
}

/**
 * Encode text for writing back in the file's own encoding and BOM. Throws a DecodeError when
 * the text cannot be stored in that encoding unchanged.
 */
export function encode(text: string, encoding: Encoding, bom: boolean): Buffer {
  const full = bom ? '\ufeff' + text : text
  if (encoding === 'utf-8') {
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(full))
      throw new DecodeError('unsupported', '修复后的文本含有无法保存的字符，未写入文件。')
    return Buffer.from(full, 'utf8')
  }
  const out = iconv().encode(full, 'gb18030')
  if (iconv().decode(out, 'gb18030', { stripBOM: false }) !== full)
    throw new DecodeError('unsupported', '修复后的文本无法按 GB18030 编码保存，未写入文件。')
  return out
}

/** Line endings: when every line break in `original` is CRLF, turn bare LFs in `text` into CRLF. */
export function keepLineEndings(original: string, text: string): string {
  if (!original.includes('\r\n') || /(?<!\r)\n/.test(original)) return text
  return text.replace(/(?<!\r)\n/g, '\r\n')
}
