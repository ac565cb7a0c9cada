import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, resolveConfig, ConfigError, presetConfig, findConfigFile } from '../src/config.js'
import { lint } from '../src/engine.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ximo-config-'))
})

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

const errorOf = (f: () => unknown): ConfigError => {
  try {
    f()
  } catch (e) {
    if (e instanceof ConfigError) return e
    throw e
  }
  throw new Error('no ConfigError thrown')
}

describe('loadConfig', () => {
  it('uses the recommended preset when there is no config file', () => {
    const c = loadConfig(dir)
    expect(c.rules['sentence-length']).toEqual({ severity: 'warning', options: { max: 80 } })
    expect(c.filePath).toBeUndefined()
  })

  it('finds the nearest .ximorc.json walking up and applies severities and options', () => {
    const file = write('.ximorc.json', JSON.stringify({ rules: { 'sentence-length': ['error', { max: 100 }], 'ending-cliche': 'off' } }))
    mkdirSync(join(dir, 'a', 'b'), { recursive: true })
    expect(findConfigFile(join(dir, 'a', 'b'))).toBe(file)
    const c = loadConfig(join(dir, 'a', 'b'))
    expect(c.filePath).toBe(file)
    expect(c.rules['sentence-length']).toEqual({ severity: 'error', options: { max: 100 } })
    expect(c.rules['ending-cliche'].severity).toBe('off')
    // Rules not named keep the preset.
    expect(c.rules['headline-length'].severity).toBe('warning')
  })

  it('reads YAML, extends another file and ximo:strict, word lists and dictionaries', () => {
    write('base.json', JSON.stringify({ rules: { 'sentence-length': ['warning', { max: 90 }] }, dictionary: ['青石县 ns'] }))
    write('extra.txt', '# 本单位套话\n大力弘扬\n')
    write('dict.txt', '一日办结 n\n')
    write('.ximorc.yaml', 'extends: [ximo:strict, ./base.json]\nwordLists:\n  filler-phrase: ./extra.txt\ndictionaryFiles: [./dict.txt]\nignore: ["归档/**"]\nhmm: false\n')
    const c = loadConfig(dir)
    expect(c.rules['sentence-length'].options).toEqual({ max: 90 })
    expect(c.rules['filler-phrase'].options.extra).toEqual(['大力弘扬'])
    expect(c.dictionary).toEqual(['青石县 ns', '一日办结 n'])
    expect(c.ignore).toEqual(['归档/**'])
    expect(c.hmm).toBe(false)
  })

  it('makes a word list from config take effect', () => {
    write('extra.txt', '大力弘扬\n')
    write('.ximorc.json', JSON.stringify({ wordLists: { 'filler-phrase': './extra.txt' } }))
    const config = loadConfig(dir)
    const found = lint('# 县文化馆举办展览\n\n5月3日，县文化馆举办非遗展览，大力弘扬传统文化。', { config, only: ['filler-phrase'] })
    expect(found.map((d) => [d.ruleId, d.line, d.column, d.actual])).toEqual([['filler-phrase', 3, 17, '大力弘扬']])
  })

  it('reports every kind of mistake naming the file and the reason', () => {
    const cases: Array<[string, string, string]> = [
      ['.ximorc.json', '{ "rules": ', '不是合法的 JSON'],
      ['.ximorc.json', '[]', '顶层应为对象'],
      ['.ximorc.json', '{"rulez": {}}', '未知配置项 "rulez"'],
      ['.ximorc.json', '{"rules": {"no-such-rule": "error"}}', '未知规则 "no-such-rule"'],
      ['.ximorc.json', '{"rules": {"sentence-length": "fatal"}}', '级别 "fatal" 无效'],
      ['.ximorc.json', '{"rules": {"sentence-length": ["error", {"max": "八十"}]}}', 'max 应为数字'],
      ['.ximorc.json', '{"rules": {"sentence-length": ["error", {"maxx": 3}]}}', '未知选项 maxx'],
      ['.ximorc.json', '{"extends": "ximo:loose"}', '未知预设 "ximo:loose"'],
      ['.ximorc.json', '{"extends": "./missing.json"}', '无法读取（ENOENT）'],
      ['.ximorc.json', '{"wordLists": {"sentence-length": "./x.txt"}}', '没有词表'],
      ['.ximorc.json', '{"wordLists": {"filler-phrase": "./missing.txt"}}', '无法读取词表'],
      ['.ximorc.json', '{"segmenter": "hanlp"}', 'segmenter 应为'],
      ['.ximorc.yaml', 'rules: [unclosed', '不是合法的 YAML'],
    ]
    for (const [name, text, reason] of cases) {
      const d = mkdtempSync(join(tmpdir(), 'ximo-bad-'))
      writeFileSync(join(d, name), text)
      const e = errorOf(() => loadConfig(d))
      expect(e.message, text).toContain(join(d, name))
      expect(e.reason, text).toContain(reason)
    }
  })

  it('detects a cycle in extends', () => {
    write('a.json', '{"extends": "./b.json"}')
    write('b.json', '{"extends": "./a.json"}')
    write('.ximorc.json', '{"extends": "./a.json"}')
    expect(errorOf(() => loadConfig(dir)).reason).toContain('循环引用')
  })
})

describe('resolveConfig', () => {
  it('accepts a raw config object (library use) and validates it the same way', () => {
    const c = resolveConfig({ rules: { 'headline-length': ['info', { max: 30 }] } })
    expect(c.rules['headline-length']).toEqual({ severity: 'info', options: { max: 30 } })
    expect(() => resolveConfig({ rules: { 'headline-length': ['info', { max: -1 }] } })).toThrow('不能小于')
  })
  it('strict raises rules that have a strict severity', () => {
    expect(presetConfig('strict').rules['ending-length'].severity).toBe('warning')
    expect(presetConfig('recommended').rules['ending-length'].severity).toBe('info')
  })
})
