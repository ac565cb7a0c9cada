// The adapter's pieces without a process: position conversion, code action edits, README
// parsing, settings, the config store and 加入词典's file editing.
import { describe, it, expect } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { lint, presetConfig, ConfigError, rules, type Diagnostic as XimoDiagnostic } from '@ximo/core'
import { toDiagnostic, toPosition, rangeContains, clip } from '../src/convert.js'
import { fixEdits, minimalEdit, disableLine, quickFixes, kindAllowed } from '../src/actions.js'
import { parseRuleReadme } from '../src/rule-docs.js'
import { normalizeSettings, DEFAULT_SETTINGS } from '../src/settings.js'
import { ConfigStore, addToIgnoreList, isIgnored, problemOffsets, type ConfigProblem } from '../src/workspace.js'

const root = join(import.meta.dirname, '..', '..', '..')
const tmp = () => mkdtempSync(join(tmpdir(), 'ximo-ls-unit-'))

function pinned(severities: Record<string, 'error' | 'warning' | 'info'>, max = 20) {
  const config = presetConfig('all-off', rules)
  for (const [id, severity] of Object.entries(severities)) config.rules[id] = { severity, options: id === 'sentence-length' ? { max } : { ...(rules.find((r) => r.meta.id === id)!.meta.defaultOptions as Record<string, unknown>) } }
  return config
}

describe('toDiagnostic', () => {
  const text = '# 标题\n\n𠮷田村种粮大户说收成好。县农业农村局组织技术人员深入全县十二个乡镇开展秋播技术指导。\n\n𠮷大伯说,玉米长势很好。\n'

  it('converts 1-based UTF-16 positions to 0-based once, past a surrogate pair', () => {
    const [long, comma] = lint(text, { config: pinned({ 'sentence-length': 'error', 'punctuation-width': 'info' }) }).map(toDiagnostic)
    expect(long).toEqual({
      range: { start: { line: 2, character: 13 }, end: { line: 2, character: 43 } },
      severity: 1,
      source: 'ximo',
      code: 'sentence-length',
      message: '句子过长（30 字，建议不超过 20 字），请拆成短句。',
      codeDescription: { href: 'https://github.com/ximo-lint/ximo/blob/main/rules/sentence-length/README.md' },
      data: { messageId: 'tooLong', actual: '县农业农村局组织技术人员深入全县十二个乡镇开展秋播技术指导。', fixable: false },
    })
    expect(comma.range).toEqual({ start: { line: 4, character: 5 }, end: { line: 4, character: 6 } })
    expect(comma.severity).toBe(3)
    expect(comma.data).toMatchObject({ actual: ',', expected: ['，'], fixable: true })
    // The range addresses exactly the reported text in an LSP document.
    const doc = TextDocument.create('file:///a.md', 'markdown', 1, text)
    expect(doc.getText(long.range)).toBe('县农业农村局组织技术人员深入全县十二个乡镇开展秋播技术指导。')
    expect(doc.getText(comma.range)).toBe(',')
  })

  it('maps warning to 2 and tags a deletion as unnecessary', () => {
    const base = lint(text, { config: pinned({ 'sentence-length': 'warning' }) })[0]
    expect(toDiagnostic(base).severity).toBe(2)
    const deletion = Object.assign(Object.create(Object.getPrototypeOf(base)), base, { expected: [], fix: { range: [0, 1], text: '' } }) as XimoDiagnostic
    expect(toDiagnostic(deletion).tags).toEqual([1])
    expect(toDiagnostic(deletion).data).toMatchObject({ expected: [], fixable: true })
  })

  it('clamps positions and tests containment', () => {
    expect(toPosition(1, 1)).toEqual({ line: 0, character: 0 })
    expect(toPosition(0, 0)).toEqual({ line: 0, character: 0 })
    const r = { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }
    expect([1, 2, 3, 4].map((c) => rangeContains(r, { line: 1, character: c }))).toEqual([false, true, true, false])
    expect(clip('一二三四五六七八九十一二三四五六七八', 4)).toBe('一二三四…')
  })
})

describe('code action edits', () => {
  it('keeps a minimal edit off the middle of a surrogate pair', () => {
    const doc = TextDocument.create('file:///a.md', 'markdown', 1, 'a𠮷b')
    expect(minimalEdit(doc, 'a𠮷b', 'a𠮸b')).toEqual({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '𠮸' })
    expect(minimalEdit(doc, 'a𠮷b', 'a𠮷b')).toBeNull()
  })

  it('skips overlapping fixes and fixes that change nothing', () => {
    const text = '县里开会,部署工作,落实责任。'
    const ds = lint(text, { config: pinned({ 'punctuation-width': 'warning' }) })
    expect(fixEdits(text, ds).map((e) => [e.range.start.character, e.newText])).toEqual([
      [4, '，'],
      [9, '，'],
    ])
    const overlapping = [ds[0], Object.assign(Object.create(Object.getPrototypeOf(ds[0])), ds[0], { fix: { range: [3, 5], text: 'x' } })]
    expect(fixEdits(text, overlapping)).toHaveLength(1)
  })

  it('offers one quick fix per replacement, the first preferred only when fixable', () => {
    const doc = TextDocument.create('file:///a.md', 'markdown', 1, '县里开会,部署工作。')
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }
    const d = { range, message: 'm', source: 'ximo', code: 'x' }
    expect(quickFixes(doc, d, { messageId: 'm', actual: ',', expected: ['，', '、'], fixable: true }).map((a) => [a.title, a.isPreferred])).toEqual([
      ['将“,”改为“，”', true],
      ['将“,”改为“、”', undefined],
    ])
    expect(quickFixes(doc, d, { messageId: 'm', actual: ',', expected: [], fixable: false }).map((a) => [a.title, a.isPreferred])).toEqual([['删除“,”', undefined]])
    expect(quickFixes(doc, d, { messageId: 'm', actual: '，', expected: ['，'], fixable: true })).toEqual([])
    expect(quickFixes(doc, d, { messageId: 'm', actual: ',', fixable: false })).toEqual([])
  })

  it('writes the disable comment above the line with its quote prefix and line ending', () => {
    const doc = TextDocument.create('file:///a.md', 'markdown', 1, '# 标题\r\n\r\n> 县里开会,部署工作。\r\n')
    const d = { range: { start: { line: 2, character: 6 }, end: { line: 2, character: 7 } }, message: 'm' }
    expect(disableLine(doc, d, 'punctuation-width', false).edit!.changes!['file:///a.md']).toEqual([
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '> <!-- ximo-disable-next-line punctuation-width -->\r\n' },
    ])
    const para = TextDocument.create('file:///b.md', 'markdown', 1, '县里开会，\r\n部署工作,落实责任。\r\n')
    const d2 = { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, message: 'm' }
    expect(disableLine(para, d2, 'punctuation-width', true).edit!.changes!['file:///b.md']).toEqual([
      { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, newText: '<!-- ximo-disable-next-line punctuation-width -->' },
    ])
  })

  it('matches requested kinds by prefix', () => {
    expect(kindAllowed(undefined, 'quickfix')).toBe(true)
    expect(kindAllowed(['source.fixAll'], 'source.fixAll.ximo')).toBe(true)
    expect(kindAllowed(['source'], 'source.fixAll.ximo')).toBe(true)
    expect(kindAllowed(['quickfix'], 'source.fixAll.ximo')).toBe(false)
    expect(kindAllowed(['source.fix'], 'source.fixAll.ximo')).toBe(false)
  })
})

describe('rule README for hovers', () => {
  it('takes the explanation and the first wrong and right examples', () => {
    const readme = readFileSync(join(root, 'rules/sentence-length/README.md'), 'utf8')
    const guide = rules.find((r) => r.meta.id === 'sentence-length')!.meta.guide
    const doc = parseRuleReadme(readme, guide)
    expect(doc.explanation).toMatch(/^本规则按句末标点/)
    expect(doc.bad?.lang).toBe('markdown')
    expect(doc.bad?.text).toMatch(/。$/)
    expect(doc.good?.text).toMatch(/^县农业农村局/)
    expect(doc.bad?.text).not.toContain('```')
  })

  it('copes with a README missing sections', () => {
    expect(parseRuleReadme('---\nid: x\n---\n\n# x\n\n## 说明\n\n只有说明。\n')).toEqual({ explanation: '只有说明。', bad: undefined, good: undefined })
  })
})

describe('settings', () => {
  it('reads the ximo section, keeps defaults for bad values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS)
    expect(normalizeSettings({ ximo: { enable: false, debounce: 40, languages: ['markdown'] } })).toMatchObject({ enable: false, debounce: 40, languages: ['markdown'] })
    expect(normalizeSettings({ rules: 42, debounce: -1, languages: [1], maxDocumentSize: 'big' })).toEqual(DEFAULT_SETTINGS)
    expect(normalizeSettings({ debounce: 1e9 }).debounce).toBe(10_000)
  })
})

describe('config store', () => {
  it('keeps the last good config of a broken file and reports the problem once', () => {
    const dir = tmp()
    const file = join(dir, '.ximorc.json')
    writeFileSync(file, JSON.stringify({ extends: [], rules: { 'sentence-length': ['warning', { max: 33 }] } }))
    const events: Array<[string, ConfigProblem | null]> = []
    const store = new ConfigStore(rules, (key, p) => events.push([key, p]))
    expect(store.configFor(dir, {}).config.rules['sentence-length']).toEqual({ severity: 'warning', options: { max: 33 } })

    writeFileSync(file, '{ "extends": [], "rules": { "sentence-length": ["loud"] } }')
    store.invalidate()
    const broken = store.configFor(dir, {})
    expect(broken.config.rules['sentence-length']).toEqual({ severity: 'warning', options: { max: 33 } })
    store.invalidate()
    store.configFor(dir, {})
    expect(events).toEqual([[file, { file, reason: '规则 sentence-length 的级别 "loud" 无效（应为 off、info、warning、error）', text: '{ "extends": [], "rules": { "sentence-length": ["loud"] } }' }]])
    expect(store.brokenFiles()).toEqual([file])

    // Settings still apply over the last good config while the file is broken.
    expect(store.configFor(dir, { 'sentence-length': ['error', { max: 50 }] }).config.rules['sentence-length']).toEqual({ severity: 'error', options: { max: 50 } })

    writeFileSync(file, JSON.stringify({ extends: [], rules: { 'sentence-length': 'info' } }))
    store.invalidate()
    expect(store.configFor(dir, {}).config.rules['sentence-length'].severity).toBe('info')
    expect(events.at(-1)).toEqual([file, null])
  })

  it('lays settings over the file and rejects bad settings without losing the file', () => {
    const dir = tmp()
    writeFileSync(join(dir, '.ximorc.json'), JSON.stringify({ extends: [], rules: { 'sentence-length': ['warning', { max: 33 }] } }))
    const events: Array<[string, ConfigProblem | null]> = []
    const store = new ConfigStore(rules, (key, p) => events.push([key, p]))
    expect(store.configFor(dir, { 'sentence-length': 'error' }).config.rules['sentence-length']).toEqual({ severity: 'error', options: { max: 33 } })
    const bad = store.configFor(dir, { 'no-such-rule': 'error' })
    expect(bad.config.rules['sentence-length']).toEqual({ severity: 'warning', options: { max: 33 } })
    expect(events).toEqual([['<settings>', { file: undefined, reason: '未知规则 "no-such-rule"（运行 ximo rules 查看全部规则）' }]])
  })

  it("excludes files matching the config's ignore globs, relative to the config file", () => {
    const dir = tmp()
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, '.ximorc.json'), JSON.stringify({ extends: [], ignore: ['存档/**', '*.tmp.md', 'sub/旧稿.md', '模板/'] }))
    const store = new ConfigStore(rules, () => {})
    const { config } = store.configFor(join(dir, 'sub'), {})
    const ignored = (p: string) => isIgnored(config, join(dir, p))
    expect(['存档/2024/一月.md', '存档/a.md', 'sub/旧稿.md', 'x.tmp.md', 'sub/y.tmp.md', '模板/通知.md', 'sub/模板/通知.md'].filter(ignored)).toEqual([
      '存档/2024/一月.md',
      '存档/a.md',
      'sub/旧稿.md',
      'x.tmp.md',
      'sub/y.tmp.md',
      '模板/通知.md',
      'sub/模板/通知.md',
    ])
    expect(['草稿.md', 'sub/草稿.md', '旧稿.md', '存档.md', 'sub/存档/a.md'].filter(ignored)).toEqual([])
    // Outside the config's directory, and documents without a file, are never ignored.
    expect(isIgnored(config, join(dir, '..', '存档', 'a.md'))).toBe(false)
    expect(isIgnored(config, undefined)).toBe(false)
    // Settings laid over the file keep its ignore list.
    expect(isIgnored(store.configFor(dir, { 'sentence-length': 'error' }).config, join(dir, '存档/a.md'))).toBe(true)
  })

  it('places a problem at the name or JSON position it mentions', () => {
    expect(problemOffsets({ file: 'f', reason: '未知配置项 "rulez"', text: '{\n  "rulez": {}\n}' })).toEqual([5, 10])
    expect(problemOffsets({ file: 'f', reason: '不是合法的 JSON：Unexpected token in JSON at position 4', text: '{ "a" }' })).toEqual([4, 5])
    expect(problemOffsets({ file: 'f', reason: '顶层应为对象', text: '[1]\n' })).toEqual([0, 3])
  })
})

describe('加入词典 (the ignore list in the workspace config)', () => {
  it('creates .ximorc.json when there is none', () => {
    const dir = tmp()
    const r = addToIgnoreList(dir, dir, 'typo', '布署', 'warning')
    expect(r).toEqual({ file: join(dir, '.ximorc.json'), created: true })
    expect(JSON.parse(readFileSync(r.file, 'utf8'))).toEqual({ rules: { typo: ['warning', { ignore: ['布署'] }] } })
  })

  it('keeps the rest of a JSON config, its indentation and line endings', () => {
    const dir = tmp()
    const file = join(dir, '.ximorc.json')
    writeFileSync(file, '{\r\n    "extends": "ximo:strict",\r\n    "rules": {\r\n        "typo": ["error", { "extra": ["某词"], "ignore": ["甲"] }],\r\n        "sentence-length": "off"\r\n    },\r\n    "dictionary": ["惜墨"]\r\n}\r\n')
    addToIgnoreList(dir, dir, 'typo', '乙', 'warning')
    addToIgnoreList(dir, dir, 'typo', '乙', 'warning')
    const text = readFileSync(file, 'utf8')
    expect(JSON.parse(text)).toEqual({ extends: 'ximo:strict', rules: { typo: ['error', { extra: ['某词'], ignore: ['甲', '乙'] }], 'sentence-length': 'off' }, dictionary: ['惜墨'] })
    expect(text).toMatch(/^\{\r\n {4}"extends"/)
    expect(text.endsWith('}\r\n')).toBe(true)
  })

  it('edits a YAML config in place, comments kept', () => {
    const dir = tmp()
    const file = join(dir, '.ximorc.yaml')
    writeFileSync(file, '# 本单位的配置\nextends: ximo:recommended\nrules:\n  typo: info # 先观察\n')
    addToIgnoreList(join(dir, 'sub'), dir, 'typo', '布署', 'warning')
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('# 本单位的配置')
    expect(text).toContain('extends: ximo:recommended')
    expect(text).toMatch(/typo:\n\s+- info\n\s+- ignore:\n\s+- 布署/)
  })

  it('refuses to rewrite a config that does not parse', () => {
    const dir = tmp()
    writeFileSync(join(dir, '.ximorc.json'), '{ "rules": ')
    expect(() => addToIgnoreList(dir, dir, 'typo', '布署', 'warning')).toThrow(ConfigError)
    expect(readFileSync(join(dir, '.ximorc.json'), 'utf8')).toBe('{ "rules": ')
  })
})
