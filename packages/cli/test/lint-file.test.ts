// lintFile and the atomic writer, with two tiny rules injected so the fix tests do not
// depend on the real catalogue: one replaces 布署 with 部署 (wording), one turns 【换行】
// into a line break (punctuation).
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync, statSync, chmodSync, symlinkSync, lstatSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { presetConfig } from '@ximo/core'
import { replacer } from './test-rules.js'
import { lintFile, STDIN_PATH } from '../src/lint-file.js'
import { writeFileAtomic, TEMP_SUFFIX } from '../src/write.js'

const typo = replacer('test-typo', 'wording', '布署', '部署')
const breaker = replacer('test-break', 'punctuation', '【换行】', '\n')
const rules = [typo, breaker]
const config = presetConfig('recommended', rules)

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ximo-cli-unit-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const DRAFT = '# 市应急局布署防汛工作\n\n各区县已布署巡查力量。\n'
const FIXED = '# 市应急局部署防汛工作\n\n各区县已部署巡查力量。\n'

describe('lintFile', () => {
  it('lints without touching the file and reports 1-based UTF-16 positions', async () => {
    const f = join(dir, 'a.md')
    writeFileSync(f, DRAFT)
    const r = await lintFile(f, { config, rules })
    expect(r.error).toBeUndefined()
    expect(r.diagnostics.map((d) => [d.ruleId, d.reason, d.line, d.column, d.endLine, d.endColumn])).toEqual([
      ['test-typo', '“布署”应改为“部署”。', 1, 7, 1, 9],
      ['test-typo', '“布署”应改为“部署”。', 3, 5, 3, 7],
    ])
    expect(readFileSync(f, 'utf8')).toBe(DRAFT)
  })

  it('fixes and writes UTF-8, leaving no temp file and keeping the mode', async () => {
    const f = join(dir, 'a.md')
    writeFileSync(f, DRAFT)
    chmodSync(f, 0o640)
    const r = await lintFile(f, { config, rules, fix: 'write' })
    expect(r).toMatchObject({ written: true, source: DRAFT, output: FIXED, diagnostics: [] })
    expect(r.fixes!.map((x) => [x.ruleId, x.actual, x.text])).toEqual([
      ['test-typo', '布署', '部署'],
      ['test-typo', '布署', '部署'],
    ])
    expect(readFileSync(f, 'utf8')).toBe(FIXED)
    expect(statSync(f).mode & 0o777).toBe(0o640)
    expect(readdirSync(dir)).toEqual(['a.md'])
  })

  it('computes but does not write in dry-run', async () => {
    const f = join(dir, 'a.md')
    writeFileSync(f, DRAFT)
    const r = await lintFile(f, { config, rules, fix: 'dry-run' })
    expect(r.output).toBe(FIXED)
    expect(r.written).toBeUndefined()
    expect(readFileSync(f, 'utf8')).toBe(DRAFT)
  })

  it('writes GB18030 back as GB18030, changing only the fixed bytes', async () => {
    const f = join(dir, 'a.txt')
    const before = iconv.encode(DRAFT, 'gb18030')
    writeFileSync(f, before)
    const r = await lintFile(f, { config, rules, fix: 'write' })
    expect(r.encoding).toBe('gb18030')
    const after = readFileSync(f)
    expect(after.equals(iconv.encode(FIXED, 'gb18030'))).toBe(true)
    expect(after.length).toBe(before.length)
  })

  it('keeps a UTF-8 BOM and CRLF line endings', async () => {
    const f = join(dir, 'a.md')
    writeFileSync(f, '\ufeff' + DRAFT.replace(/\n/g, '\r\n'))
    const r = await lintFile(f, { config, rules, fix: 'write' })
    expect(r.bom).toBe(true)
    expect(readFileSync(f, 'utf8')).toBe('\ufeff' + FIXED.replace(/\n/g, '\r\n'))
  })

  it('writes a line break inserted by a fix as CRLF in a CRLF file', async () => {
    const f = join(dir, 'a.md')
    writeFileSync(f, '# 标题\r\n\r\n第一段。【换行】第二段。\r\n')
    const r = await lintFile(f, { config, rules, fix: 'write', fixTypes: ['punctuation'] })
    expect(readFileSync(f, 'utf8')).toBe('# 标题\r\n\r\n第一段。\r\n第二段。\r\n')
    expect(r.diagnostics).toEqual([])
  })

  it('limits fixes by type and by rule', async () => {
    const f = join(dir, 'a.md')
    const text = '# 布署\n\n甲。【换行】乙。\n'
    writeFileSync(f, text)
    const byType = await lintFile(f, { config, rules, fix: 'dry-run', fixTypes: ['wording'] })
    expect(byType.output).toBe('# 部署\n\n甲。【换行】乙。\n')
    expect(byType.diagnostics.map((d) => d.ruleId)).toEqual(['test-break'])
    const byRule = await lintFile(f, { config, rules, fix: 'dry-run', only: ['test-break'] })
    expect(byRule.output).toBe('# 布署\n\n甲。\n乙。\n')
    expect(byRule.diagnostics).toEqual([])
  })

  it('follows a symlink and keeps the link', async () => {
    const f = join(dir, 'real.md')
    const link = join(dir, 'link.md')
    writeFileSync(f, DRAFT)
    symlinkSync(f, link)
    await lintFile(link, { config, rules, fix: 'write' })
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(f, 'utf8')).toBe(FIXED)
  })

  it('reports a binary file as a file error, with no findings', async () => {
    const f = join(dir, 'a.md')
    writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))
    const r = await lintFile(f, { config, rules, fix: 'write' })
    expect(r.error).toBe('不是文本文件（PNG 图片），无法检查。请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。')
    expect(r.diagnostics).toEqual([])
  })

  it('reports a missing file in Chinese', async () => {
    const r = await lintFile(join(dir, 'none.md'), { config, rules })
    expect(r.error).toBe('无法读取文件（文件不存在，ENOENT）。')
  })

  it('lints stdin bytes and never writes them', async () => {
    const r = await lintFile(STDIN_PATH, { config, rules, fix: 'write', input: Buffer.from(DRAFT) })
    expect(r.output).toBe(FIXED)
    expect(r.written).toBeUndefined()
    expect(r.filePath).toBe('<stdin>')
  })
})

describe('writeFileAtomic', () => {
  it('replaces the content', () => {
    const f = join(dir, 'a.md')
    writeFileSync(f, '旧')
    writeFileAtomic(f, Buffer.from('新'))
    expect(readFileSync(f, 'utf8')).toBe('新')
    expect(readdirSync(dir)).toEqual(['a.md'])
  })
  it('removes its temp file when the rename fails and leaves the target as it was', () => {
    const target = join(dir, 'sub')
    mkdirSync(target)
    writeFileSync(join(target, 'keep.md'), '内容')
    expect(() => writeFileAtomic(target, Buffer.from('新'))).toThrow()
    expect(readdirSync(dir)).toEqual(['sub'])
    expect(readdirSync(target)).toEqual(['keep.md'])
    expect(readdirSync(dir).some((n) => n.endsWith(TEMP_SUFFIX))).toBe(false)
  })
})
