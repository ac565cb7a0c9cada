import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError } from '@ximo/core'
import sentenceLength from '../../../rules/sentence-length/index.js'
import { ignoreMatcher } from '@ximo/core'
import { expandPatterns, ConfigResolver } from '../src/files.js'

let dir: string
const rules = [sentenceLength]
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ximo-cli-files-'))
  for (const f of ['a.md', 'b.txt', 'c.markdown', 'd.png', 'sub/e.md', 'sub/deep/f.txt', 'node_modules/m/g.md', '.git/h.md', 'other/i.md', 'pics/x.png'])
    mkdirSync(join(dir, f, '..'), { recursive: true }), writeFileSync(join(dir, f), '正文。')
  writeFileSync(join(dir, 'sub/.ximorc.json'), JSON.stringify({ ignore: ['deep/'], rules: { 'sentence-length': ['error', { max: 20 }] } }))
  writeFileSync(join(dir, 'other/.ximorc.json'), JSON.stringify({ rules: { 'sentence-length': 'off' } }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1))

describe('expandPatterns', () => {
  it('takes the drafts of a directory recursively, skipping node_modules and .git', () => {
    expect(rel(expandPatterns(['.'], dir).files)).toEqual(['a.md', 'b.txt', 'c.markdown', 'other/i.md', 'sub/deep/f.txt', 'sub/e.md'])
  })
  it('takes files as given (any extension), globs, and drops duplicates', () => {
    const r = expandPatterns(['d.png', 'sub/**/*.{md,txt}', 'sub/e.md'], dir)
    expect(rel(r.files)).toEqual(['d.png', 'sub/deep/f.txt', 'sub/e.md'])
    expect(rel([...r.explicit])).toEqual(['d.png', 'sub/e.md'])
    expect(r.unmatched).toEqual([])
  })
  it('names patterns that match nothing', () => {
    expect(expandPatterns(['none.md', 'zz/*.md', 'pics'], dir).unmatched).toEqual([
      '找不到文件或目录 none.md',
      '没有与 zz/*.md 匹配的文件',
      '目录 pics 中没有 .md、.markdown 或 .txt 文件',
    ])
  })
})

describe('ignoreMatcher', () => {
  const m = ignoreMatcher(['old/', '*.bak.md', 'drafts/2023/**', './tmp'])
  it('matches gitignore-like', () => {
    expect(m('old/a.md')).toBe(true)
    expect(m('x/old/a.md')).toBe(true)
    expect(m('y/a.bak.md')).toBe(true)
    expect(m('drafts/2023/q1/a.md')).toBe(true)
    expect(m('tmp/a.md')).toBe(true)
    expect(m('drafts/2024/a.md')).toBe(false)
    expect(m('older/a.md')).toBe(false)
    expect(m('../old/a.md')).toBe(false)
  })
})

describe('ConfigResolver', () => {
  it('finds the nearest config, caches it, and applies its ignore globs from its directory', () => {
    const r = new ConfigResolver({ rules })
    const e = r.forFile(join(dir, 'sub/e.md'))
    expect(e.ignored).toBe(false)
    expect(e.config.rules['sentence-length']).toEqual({ severity: 'error', options: { max: 20 } })
    const f = r.forFile(join(dir, 'sub/deep/f.txt'))
    expect(f.ignored).toBe(true)
    expect(f.config).toBe(e.config)
    expect(r.forFile(join(dir, 'a.md')).config.rules['sentence-length'].severity).toBe('warning')
  })
  it('switches a rule named by --rule back on', () => {
    const r = new ConfigResolver({ rules, only: ['sentence-length'] })
    expect(r.forFile(join(dir, 'other/i.md')).config.rules['sentence-length'].severity).toBe('warning')
  })
  it('uses one config for every file with --config', () => {
    const r = new ConfigResolver({ rules, configFile: join(dir, 'other/.ximorc.json') })
    expect(r.forFile(join(dir, 'sub/e.md')).config.rules['sentence-length'].severity).toBe('off')
    expect(() => new ConfigResolver({ rules, configFile: join(dir, 'missing.json') })).toThrow(ConfigError)
  })
})
