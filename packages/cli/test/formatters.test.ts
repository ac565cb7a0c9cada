// The formatters are pure functions of the results: exact output for small inputs.
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { lint, presetConfig, type Diagnostic } from '@ximo/core'
import sentenceLength from '../../../rules/sentence-length/index.js'
import { replacer } from './test-rules.js'
import { stylish } from '../src/formatters/stylish.js'
import { json } from '../src/formatters/json.js'
import { github, escapeData, escapeProperty } from '../src/formatters/github.js'
import { sarif } from '../src/formatters/sarif.js'
import { fixDiff } from '../src/diff.js'
import type { FileResult } from '../src/lint-file.js'
import type { FormatContext } from '../src/formatters/types.js'

const root = join(import.meta.dirname, '..', '..', '..')
const LONG = readFileSync(join(root, 'fixtures/cli/long.md'), 'utf8')
const typo = replacer('test-typo', 'wording', '布署', '部署')
const rules = [sentenceLength, typo]
const config = presetConfig('recommended', rules)
const cwd = '/work/drafts'
const ctx: FormatContext = { cwd, color: false, rules: rules.map((r) => r.meta), version: '9.9.9' }

const lintText = (text: string, filePath: string): Diagnostic[] => lint(text, { filePath, config, rules })
const result = (name: string, text: string): FileResult => ({ filePath: `${cwd}/${name}`, diagnostics: lintText(text, `${cwd}/${name}`) })
const broken: FileResult = { filePath: `${cwd}/pic.md`, diagnostics: [], error: '不是文本文件（PNG 图片），无法检查。' }

/** A sentence of 90 characters. */
const long90 = (i: number) => `第${String(i).padStart(2, '0')}项` + '各区县交通部门对辖区公路桥梁隧道逐一开展排查并建立台账'.repeat(4).slice(0, 85) + '。'

describe('stylish', () => {
  it('groups by file, in Chinese, with a summary line', () => {
    const out = stylish([result('long.md', LONG), result('ok.md', '# 标题\n\n短句。\n'), broken], ctx)
    expect(out).toBe(
      [
        'long.md',
        '  3:1  警告  句子过长（117 字，建议不超过 80 字），请拆成短句。  sentence-length',
        '',
        'pic.md',
        '  错误  不是文本文件（PNG 图片），无法检查。',
        '',
        '✖ 共 1 个问题（0 个错误，1 个警告）',
        '✖ 1 个文件无法检查或写入',
        '',
      ].join('\n'),
    )
  })

  it('aligns positions and says how many findings can be fixed', () => {
    const text = '# 标题\n\n' + '各区县布署力量。'.repeat(2) + '\n'.repeat(8) + '又布署。\n'
    expect(stylish([result('a.md', text)], ctx)).toBe(
      [
        'a.md',
        '  3:4   错误  “布署”应改为“部署”。  test-typo',
        '  3:12  错误  “布署”应改为“部署”。  test-typo',
        '  11:2  错误  “布署”应改为“部署”。  test-typo',
        '',
        '✖ 共 3 个问题（3 个错误，0 个警告）',
        '  其中 3 个可用 ximo fix 自动修复',
        '',
      ].join('\n'),
    )
  })

  it('folds findings of one rule after the first ten into one line', () => {
    const text = '# 标题\n\n' + Array.from({ length: 13 }, (_, i) => long90(i + 1)).join('\n\n') + '\n'
    const out = stylish([result('many.md', text)], ctx).split('\n')
    expect(out.filter((l) => l.includes('sentence-length')).length).toBe(11)
    expect(out[1]).toBe('  3:1   警告  句子过长（90 字，建议不超过 80 字），请拆成短句。  sentence-length')
    expect(out[10]).toBe('  21:1  警告  句子过长（90 字，建议不超过 80 字），请拆成短句。  sentence-length')
    expect(out[11]).toBe('  另有 3 处同类问题（sentence-length）')
    expect(out[13]).toBe('✖ 共 13 个问题（0 个错误，13 个警告）')
    expect(stylish([result('many.md', text)], { ...ctx, maxPerRule: 12 })).toContain('  另有 1 处同类问题（sentence-length）')
  })

  it('says so when nothing is found, and colours only when asked', () => {
    expect(stylish([result('ok.md', '# 标题\n\n短句。\n')], ctx)).toBe('✔ 未发现问题（共 1 个文件）\n')
    const coloured = stylish([result('long.md', LONG)], { ...ctx, color: true })
    expect(coloured).toContain('\x1b[33m警告\x1b[39m')
    expect(coloured).toContain('\x1b[4mlong.md\x1b[24m')
  })

  it('reports what ximo fix wrote and what a dry run would fix', () => {
    const fixed: FileResult = { ...result('a.md', '# 标题\n\n短句。\n'), source: '甲', output: '乙', written: true, fixes: [{ ruleId: 'test-typo', message: '', range: [0, 1], actual: '甲', text: '乙', pass: 1 }] }
    expect(stylish([fixed], { ...ctx, fix: 'write' })).toBe('✔ 未发现问题（共 1 个文件）\n已自动修复 1 处，写入 1 个文件\n')
    expect(stylish([{ ...fixed, written: undefined }], { ...ctx, fix: 'dry-run' })).toBe('✔ 未发现问题（共 1 个文件）\n可自动修复 1 处（1 个文件），未写入文件\n')
  })
})

describe('json', () => {
  it('is an ESLint-like array with UTF-16 positions, severities and counts', () => {
    const text = '# 标题\n\n𠀀年布署。\n'
    const out = JSON.parse(json([result('a.md', text), result('long.md', LONG), broken], ctx))
    expect(out).toEqual([
      {
        filePath: '/work/drafts/a.md',
        messages: [{ ruleId: 'test-typo', severity: 2, level: 'error', message: '“布署”应改为“部署”。', line: 3, column: 4, endLine: 3, endColumn: 6, fix: { range: [9, 11], text: '部署' } }],
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
      },
      {
        filePath: '/work/drafts/long.md',
        messages: [{ ruleId: 'sentence-length', severity: 1, level: 'warning', message: '句子过长（117 字，建议不超过 80 字），请拆成短句。', line: 3, column: 1, endLine: 3, endColumn: 118 }],
        errorCount: 0,
        warningCount: 1,
        infoCount: 0,
      },
      {
        filePath: '/work/drafts/pic.md',
        messages: [{ ruleId: null, severity: 2, level: 'error', message: '不是文本文件（PNG 图片），无法检查。', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }],
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
      },
    ])
  })

  it('gives info severity 1 with level info, counted apart', () => {
    const infoConfig = presetConfig('recommended', rules)
    infoConfig.rules['sentence-length'].severity = 'info'
    const r: FileResult = { filePath: '/x/a.md', diagnostics: lint(LONG, { config: infoConfig, rules }) }
    const [out] = JSON.parse(json([r], ctx))
    expect(out.messages[0]).toMatchObject({ severity: 1, level: 'info' })
    expect([out.errorCount, out.warningCount, out.infoCount]).toEqual([0, 0, 1])
  })
})

describe('github', () => {
  it('writes one workflow annotation per finding', () => {
    expect(github([result('long.md', LONG), result('子目录/a.md', '# 标题\n\n布署。\n'), broken], ctx)).toBe(
      [
        '::warning file=long.md,line=3,col=1,endLine=3,endColumn=118,title=ximo(sentence-length)::句子过长（117 字，建议不超过 80 字），请拆成短句。',
        '::error file=子目录/a.md,line=3,col=1,endLine=3,endColumn=3,title=ximo(test-typo)::“布署”应改为“部署”。',
        '::error file=pic.md,title=ximo::不是文本文件（PNG 图片），无法检查。',
        '',
      ].join('\n'),
    )
  })
  it('escapes % CR LF in data and also : , in properties', () => {
    expect(escapeData('50%\r\n下一行: a,b')).toBe('50%25%0D%0A下一行: a,b')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
  })
})

describe('sarif', () => {
  const log = JSON.parse(sarif([result('long.md', LONG), result('a.md', '# 标题\n\n布署。\n'), broken], ctx))
  const run = log.runs[0]
  it('is SARIF 2.1.0 with UTF-16 columns and the rule catalogue', () => {
    expect(log.version).toBe('2.1.0')
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(run.tool.driver).toMatchObject({ name: 'ximo', version: '9.9.9' })
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['sentence-length', 'test-typo'])
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'sentence-length',
      shortDescription: { text: '句子不宜过长，多用短句' },
      helpUri: 'https://github.com/ximo-lint/ximo/blob/main/rules/sentence-length/README.md',
      defaultConfiguration: { level: 'warning' },
    })
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/drafts/' } })
  })
  it('has one result per finding with a region, and fixes as replacements', () => {
    expect(run.results).toEqual([
      {
        ruleId: 'sentence-length',
        ruleIndex: 0,
        level: 'warning',
        message: { text: '句子过长（117 字，建议不超过 80 字），请拆成短句。' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'long.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 118 } } }],
      },
      {
        ruleId: 'test-typo',
        ruleIndex: 1,
        level: 'error',
        message: { text: '“布署”应改为“部署”。' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 3 } } }],
        fixes: [
          {
            description: { text: '改为“部署”' },
            artifactChanges: [
              {
                artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%' },
                replacements: [{ deletedRegion: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 3 }, insertedContent: { text: '部署' } }],
              },
            ],
          },
        ],
      },
    ])
  })
  it('reports a file that could not be checked as a failed execution', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: '不是文本文件（PNG 图片），无法检查。' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'pic.md', uriBaseId: '%SRCROOT%' } } }] }],
      },
    ])
  })
  it('maps info to note and percent-encodes paths', () => {
    const infoConfig = presetConfig('recommended', rules)
    infoConfig.rules['sentence-length'].severity = 'info'
    const r: FileResult = { filePath: `${cwd}/草稿 1.md`, diagnostics: lint(LONG, { config: infoConfig, rules }) }
    const res = JSON.parse(sarif([r], ctx)).runs[0].results[0]
    expect(res.level).toBe('note')
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('%E8%8D%89%E7%A8%BF%201.md')
  })
})

describe('fixDiff', () => {
  it('prints a git-style unified diff of the fixed files only', () => {
    const r: FileResult = { filePath: `${cwd}/a.md`, diagnostics: [], source: '# 标题。\n\n正文。\n', output: '# 标题\n\n正文。\n' }
    expect(fixDiff([r, result('ok.md', '短句。')], cwd, false)).toBe(
      ['--- a/a.md', '+++ b/a.md', '@@ -1,3 +1,3 @@', '-# 标题。', '+# 标题', ' ', ' 正文。', ''].join('\n'),
    )
  })
})
