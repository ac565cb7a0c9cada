import { describe, it, expect } from 'vitest'
import iconv from 'iconv-lite'
import { isUtf8 } from 'node:buffer'
import { decode, encode, keepLineEndings, invalidUtf8At, DecodeError } from '../src/encoding.js'

const TEXT = '# 市公路管理处完成路况检测\n\n检测覆盖全市干线公路。\n'

function decodeError(bytes: Uint8Array): DecodeError {
  try {
    decode(bytes)
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError)
    return e as DecodeError
  }
  throw new Error('decode did not throw')
}

describe('decode', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decode(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8', bom: false })
  })
  it('reads UTF-8 with BOM and strips it from the text', () => {
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toEqual({ text: TEXT, encoding: 'utf-8', bom: true })
  })
  it('reads GB18030 (and so GBK) when the bytes are not UTF-8', () => {
    const bytes = iconv.encode(TEXT, 'gbk')
    expect(invalidUtf8At(bytes)).toBeGreaterThanOrEqual(0)
    expect(decode(bytes)).toEqual({ text: TEXT, encoding: 'gb18030', bom: false })
  })
  it('reads GB18030 four-byte characters', () => {
    const text = '𠀀字与€符号。'
    expect(decode(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030', bom: false })
  })
  it('reports a PNG file as binary', () => {
    const e = decodeError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    expect(e.kind).toBe('binary')
    expect(e.message).toBe('不是文本文件（PNG 图片），无法检查。请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。')
  })
  it('reports NUL bytes as binary', () => {
    const e = decodeError(Buffer.from('正文\u0000正文', 'utf8'))
    expect(e.message).toBe('不是文本文件（含有空字节），无法检查。请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。')
  })
  it('refuses UTF-16 with a clear reason', () => {
    const e = decodeError(Buffer.from([0xff, 0xfe, 0x31, 0x00]))
    expect(e.kind).toBe('unsupported')
    expect(e.message).toBe('文件是 UTF-16 编码，暂不支持。请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。')
  })
  it('names the line of the damage in a UTF-8 file with a broken byte', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二行\n', 'utf8'), Buffer.from([0xff, 0x80, 0x0a])])
    const e = decodeError(bytes)
    expect(e.kind).toBe('undecodable')
    expect(e.message).toBe('无法识别文件编码（第 3 行起既不是 UTF-8 也不是 GB18030），请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。')
  })
  it('names the line of the damage in a GBK file with a broken byte', () => {
    const bytes = Buffer.concat([iconv.encode('第一行\n第二行\n第三行\n', 'gbk'), Buffer.from([0x80, 0x0a])])
    expect(decodeError(bytes).message).toContain('第 4 行起')
  })
})

describe('invalidUtf8At', () => {
  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(invalidUtf8At(Buffer.from('中文', 'utf8'))).toBe(-1)
    expect(invalidUtf8At(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1)
    expect(invalidUtf8At(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0)
    expect(invalidUtf8At(Buffer.from([0x61, 0x62, 0xe4, 0xb8]))).toBe(2)
    expect(invalidUtf8At(Buffer.from([0xf0, 0x9f, 0x98, 0x80]))).toBe(-1)
  })

  it("agrees with Node's isUtf8, which decode asks first", () => {
    // Short random sequences around the edges of UTF-8: lead bytes, continuation bytes, ASCII.
    const bytes = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff]
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
    let valid = 0
    for (let n = 0; n < 20000; n++) {
      const buf = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 6) }, () => bytes[Math.floor(next() * bytes.length)]))
      expect([[...buf], isUtf8(buf)]).toEqual([[...buf], invalidUtf8At(buf) < 0])
      if (isUtf8(buf)) valid++
    }
    expect(valid).toBeGreaterThan(500)
  })
})

describe('encode', () => {
  it('writes UTF-8 back byte for byte, with and without BOM', () => {
    expect(encode(TEXT, 'utf-8', false).equals(Buffer.from(TEXT, 'utf8'))).toBe(true)
    expect([...encode('正文', 'utf-8', true).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })
  it('writes GB18030 back byte for byte', () => {
    const bytes = iconv.encode(TEXT, 'gb18030')
    const { text, encoding, bom } = decode(bytes)
    expect(encode(text, encoding, bom).equals(bytes)).toBe(true)
  })
  it('refuses a lone surrogate rather than writing a replacement character', () => {
    expect(() => encode('正文\ud800', 'utf-8', false)).toThrow('修复后的文本含有无法保存的字符，未写入文件。')
  })
})

describe('keepLineEndings', () => {
  it('turns inserted LFs into CRLF in a CRLF file', () => {
    expect(keepLineEndings('甲\r\n乙\r\n', '甲\r\n丙\n丁\r\n')).toBe('甲\r\n丙\r\n丁\r\n')
  })
  it('leaves LF and mixed files alone', () => {
    expect(keepLineEndings('甲\n乙\n', '甲\n丙\n')).toBe('甲\n丙\n')
    expect(keepLineEndings('甲\r\n乙\n', '甲\r\n丙\n')).toBe('甲\r\n丙\n')
  })
})
