// End-to-end tests of the `ximo` command: spawn the built bin (run `node scripts/build.mjs`
// first) in temp directories. Drafts come from fixtures/cli/:
//   long.md             one 117-character sentence at line 3 (sentence-length, max 80)
//   clean.md            short sentences only
//   headline-period.md  a headline ending with 。 (headline-punctuation removes it)
// Tests limit themselves to sentence-length (or headline-punctuation for fixes) with --rule,
// so that rules landing later do not change their results.
import { describe, it, expect, beforeAll, beforeEach, afterEach, vi } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync, mkdirSync, copyFileSync, openSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import iconv from 'iconv-lite'

const root = join(import.meta.dirname, '..')
const BIN = join(root, 'packages/cli/bin/ximo.js')
const FIX = join(root, 'fixtures/cli')
const hasHeadlinePunctuation = existsSync(join(root, 'rules/headline-punctuation/index.ts'))
const SL = ['--rule', 'sentence-length']
const HP = ['--rule', 'headline-punctuation']
const LONG_MSG = '句子过长（117 字，建议不超过 80 字），请拆成短句。'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

// Each spawn loads jieba's dictionary; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 120_000 })

let dir: string

function ximo(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Run {
  // Colour is off unless a test forces it.
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' }
  delete env.FORCE_COLOR
  if (opts.env?.FORCE_COLOR) delete env.NO_COLOR
  Object.assign(env, opts.env)
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? dir, input: opts.input ?? '', env, encoding: 'utf8', timeout: 60000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Copy fixture drafts into the temp dir: `{ 'a/b.md': 'long.md' }`. */
function place(files: Record<string, string>): void {
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true })
    copyFileSync(join(FIX, from), join(dir, to))
  }
}

const write = (name: string, content: string | Buffer) => {
  mkdirSync(dirname(join(dir, name)), { recursive: true })
  writeFileSync(join(dir, name), content)
}
const read = (name: string) => readFileSync(join(dir, name))
const paths = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string; messages: unknown[] }>).map((r) => [r.filePath.slice(dir.length + 1), r.messages.length])

beforeAll(() => {
  if (!existsSync(join(root, 'packages/cli/dist/cli.js'))) throw new Error('packages/cli/dist/cli.js is missing: run node scripts/build.mjs first')
})
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ximo-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('usage', () => {
  it('prints the version and the Chinese help', () => {
    const v = ximo(['--version'])
    expect(v).toEqual({ code: 0, stdout: JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version + '\n', stderr: '' })
    const h = ximo(['--help'])
    expect(h.code).toBe(0)
    expect(h.stdout).toContain('用法：')
    expect(h.stdout).toContain('--fix-dry-run           只显示修复前后的差异，不写文件')
    expect(ximo([]).stdout).toBe(h.stdout)
  })
  it('rejects an unknown command, flag, format or rule with exit 2', () => {
    expect(ximo(['check', 'a.md'])).toEqual({ code: 2, stdout: '', stderr: 'ximo：未知命令 "check"。可用命令：lint、fix、rules、init\n运行 ximo --help 查看用法。\n' })
    expect(ximo(['lint', '--bogus'])).toEqual({ code: 2, stdout: '', stderr: 'ximo：未知选项 --bogus\n运行 ximo --help 查看用法。\n' })
    expect(ximo(['lint', '-f', 'xml']).code).toBe(2)
    expect(ximo(['lint', '--rule', 'no-such-rule'])).toEqual({ code: 2, stdout: '', stderr: 'ximo：未知规则 "no-such-rule"（运行 ximo rules 查看全部规则）\n运行 ximo --help 查看用法。\n' })
  })
})

describe('start-up', () => {
  it('runs from the code cache the build wrote, in the worker threads too', () => {
    const paragraph = '县交通运输局组织技术人员对全县农村公路开展安全隐患排查，共排查桥梁两百余座。\n\n'
    // Two files of about 96 KB: enough text for a second thread.
    for (const name of ['a.md', 'b.md']) write(name, '# 县交通运输局开展农村公路安全隐患排查\n\n' + paragraph.repeat(800))
    const r = ximo(['lint', '--jobs', '2', '-f', 'json', 'a.md', 'b.md'], { env: { XIMO_CODE_CACHE_DEBUG: '1', XIMO_CODE_CACHE_DIR: '' } })
    expect(r.code).toBe(0)
    expect(paths(r.stdout).map(([p]) => p)).toEqual(['a.md', 'b.md'])
    expect(r.stderr.match(/^ximo code cache: \w+/gm)).toEqual(['ximo code cache: used', 'ximo code cache: used'])
  })
})

describe('young generation', () => {
  it('stays small for a draft linted alone and grows for several (V8 flags set by dist/cli.js and pool.ts)', () => {
    const preload = join(dir, 'young.cjs')
    write('young.cjs', "process.on('exit', () => process.stderr.write('young ' + require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576 + '\\n'))\n")
    const paragraph = '县交通运输局组织技术人员对全县农村公路开展安全隐患排查，共排查桥梁两百余座。\n\n'
    for (const name of ['a.md', 'b.md']) write(name, '# 县交通运输局开展农村公路安全隐患排查\n\n' + paragraph.repeat(1500))
    const young = (files: string[]) => {
      const r = spawnSync(process.execPath, ['-r', preload, BIN, 'lint', '-f', 'json', ...files], { cwd: dir, encoding: 'utf8', timeout: 60000 })
      expect(r.status, r.stderr).toBe(0)
      return Number(/young ([\d.]+)/.exec(r.stderr)![1])
    }
    expect(young(['a.md'])).toBeLessThanOrEqual(4)
    expect(young(['a.md', 'b.md'])).toBeGreaterThan(4)
  })
})

describe('formats', () => {
  beforeEach(() => place({ 'long.md': 'long.md', 'clean.md': 'clean.md' }))

  it('stylish: grouped by file, in Chinese, with a summary; warnings alone exit 0', () => {
    expect(ximo(['lint', ...SL, 'long.md', 'clean.md'])).toEqual({
      code: 0,
      stdout: `long.md\n  3:1  警告  ${LONG_MSG}  sentence-length\n\n✖ 共 1 个问题（0 个错误，1 个警告）\n`,
      stderr: '',
    })
  })

  it('stylish: colour only when forced or on a terminal', () => {
    expect(ximo(['lint', ...SL, 'long.md']).stdout).not.toContain('\x1b[')
    expect(ximo(['lint', ...SL, 'long.md'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[33m警告\x1b[39m')
    expect(ximo(['lint', ...SL, '--no-color', 'long.md'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[')
  })

  it('json: the exact ESLint-like shape', () => {
    const r = ximo(['lint', ...SL, '-f', 'json', 'long.md', 'clean.md'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([
      {
        filePath: join(dir, 'long.md'),
        messages: [{ ruleId: 'sentence-length', severity: 1, level: 'warning', message: LONG_MSG, line: 3, column: 1, endLine: 3, endColumn: 118 }],
        errorCount: 0,
        warningCount: 1,
        infoCount: 0,
      },
      { filePath: join(dir, 'clean.md'), messages: [], errorCount: 0, warningCount: 0, infoCount: 0 },
    ])
  })

  it('sarif: 2.1.0 with the catalogue and UTF-16 regions', () => {
    const r = ximo(['lint', ...SL, '-f', 'sarif', 'long.md'])
    expect(r.code).toBe(0)
    const run = JSON.parse(r.stdout).runs[0]
    const catalogue = JSON.parse(ximo(['rules', '--format', 'json']).stdout) as Array<{ id: string }>
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(catalogue.map((x) => x.id))
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(run.results).toHaveLength(1)
    expect(run.results[0]).toMatchObject({
      ruleId: 'sentence-length',
      ruleIndex: catalogue.findIndex((x) => x.id === 'sentence-length'),
      level: 'warning',
      message: { text: LONG_MSG },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'long.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 118 } } }],
    })
    expect(run.invocations[0].executionSuccessful).toBe(true)
  })

  it('github: workflow annotations', () => {
    expect(ximo(['lint', ...SL, '-f', 'github', 'long.md', 'clean.md'])).toEqual({
      code: 0,
      stdout: `::warning file=long.md,line=3,col=1,endLine=3,endColumn=118,title=ximo(sentence-length)::${LONG_MSG}\n`,
      stderr: '',
    })
  })

  it('stylish folds a rule after ten findings in a file; json lists them all', () => {
    const sentence = (i: number) => `第${i}批` + '各区县交通部门对辖区公路桥梁隧道逐一开展排查并建立台账'.repeat(4).slice(0, 85) + '。'
    write('many.md', '# 市交通运输局排查公路隐患\n\n' + Array.from({ length: 13 }, (_, i) => sentence(i + 1)).join('') + '\n')
    const s = ximo(['lint', ...SL, 'many.md']).stdout.split('\n')
    expect(s.filter((l) => l.endsWith('  sentence-length'))).toHaveLength(10)
    expect(s).toContain('  另有 3 处同类问题（sentence-length）')
    expect(s).toContain('✖ 共 13 个问题（0 个错误，13 个警告）')
    expect(JSON.parse(ximo(['lint', ...SL, '-f', 'json', 'many.md']).stdout)[0].messages).toHaveLength(13)
    expect(ximo(['lint', ...SL, '-f', 'github', 'many.md']).stdout.trim().split('\n')).toHaveLength(13)
  })
})

describe('exit codes', () => {
  beforeEach(() => place({ 'long.md': 'long.md', 'clean.md': 'clean.md' }))

  it('0 when clean', () => {
    expect(ximo(['lint', ...SL, 'clean.md'])).toEqual({ code: 0, stdout: '✔ 未发现问题（共 1 个文件）\n', stderr: '' })
  })
  it('1 when a finding is an error', () => {
    write('.ximorc.json', JSON.stringify({ rules: { 'sentence-length': 'error' } }))
    const r = ximo(['lint', ...SL, 'long.md'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(`long.md\n  3:1  错误  ${LONG_MSG}  sentence-length\n\n✖ 共 1 个问题（1 个错误，0 个警告）\n`)
  })
  it('1 when warnings exceed --max-warnings, else 0', () => {
    const over = ximo(['lint', ...SL, '--max-warnings', '0', 'long.md'])
    expect(over.code).toBe(1)
    expect(over.stdout.endsWith('✖ 警告 1 个，超过 --max-warnings 允许的 0 个\n')).toBe(true)
    expect(ximo(['lint', ...SL, '--max-warnings', '1', 'long.md']).code).toBe(0)
    const json = ximo(['lint', ...SL, '-f', 'json', '--max-warnings=0', 'long.md'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toHaveLength(1)
    expect(json.stderr).toBe('ximo：警告 1 个，超过 --max-warnings 允许的 0 个\n')
  })
  it('--quiet reports errors only', () => {
    expect(ximo(['lint', ...SL, '--quiet', '--max-warnings', '0', 'long.md'])).toEqual({ code: 0, stdout: '✔ 未发现问题（共 1 个文件）\n', stderr: '' })
  })
  it.runIf(existsSync('/dev/full'))('2 with a message when the results cannot be written (a full disk), 0 when a pipe is closed early', () => {
    const full = openSync('/dev/full', 'w')
    try {
      const r = spawnSync(process.execPath, [BIN, 'lint', ...SL, 'long.md'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
      expect([r.status, r.stderr]).toEqual([2, 'ximo：无法写出检查结果（ENOSPC），请检查输出位置后重试。\n'])
    } finally {
      closeSync(full)
    }
    // `ximo lint … | head -c 1` with more output than a pipe holds: the reader leaving is not an error.
    const long = readFileSync(join(FIX, 'long.md'), 'utf8').split('\n\n')[1]
    write('many.md', ['# 市交通运输局推进隐患排查', ...Array.from({ length: 1500 }, () => long)].join('\n\n'))
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" lint ${SL.join(' ')} many.md | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect([piped.stdout, piped.stderr]).toEqual(['0\n', ''])
  })
  it('2 when a pattern matches nothing, after linting the rest', () => {
    const r = ximo(['lint', ...SL, '-f', 'json', 'long.md', 'missing.md', 'drafts/*.md'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('ximo：找不到文件或目录 missing.md\nximo：没有与 drafts/*.md 匹配的文件\n')
    expect(paths(r.stdout)).toEqual([['long.md', 1]])
  })
})

describe('inputs', () => {
  it('reads stdin, with --stdin-filename for the format and the config', () => {
    write('sub/.ximorc.json', JSON.stringify({ rules: { 'sentence-length': ['warning', { max: 10 }] } }))
    const text = '# 市交通运输局部署防汛\n\n各区县交通部门已完成汛前公路巡查。\n'
    const plain = ximo(['lint', ...SL, '-f', 'json', '-'], { input: text })
    expect(JSON.parse(plain.stdout)).toEqual([{ filePath: '<stdin>', messages: [], errorCount: 0, warningCount: 0, infoCount: 0 }])
    const named = ximo(['lint', ...SL, '-f', 'json', '-', '--stdin-filename', 'sub/draft.md'], { input: text })
    expect(JSON.parse(named.stdout)[0]).toMatchObject({
      filePath: join(dir, 'sub/draft.md'),
      messages: [{ ruleId: 'sentence-length', message: '句子过长（17 字，建议不超过 10 字），请拆成短句。', line: 3, column: 1, endLine: 3, endColumn: 18 }],
    })
    expect(existsSync(join(dir, 'sub/draft.md'))).toBe(false)
  })

  it('lints a directory recursively (.md, .markdown, .txt), skipping node_modules and .git', () => {
    place({ 'd/a.md': 'long.md', 'd/x/b.markdown': 'long.md', 'd/x/c.txt': 'long.md', 'd/node_modules/p/e.md': 'long.md', 'd/.git/f.md': 'long.md' })
    write('d/x/pic.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]))
    const r = ximo(['lint', ...SL, '-f', 'json', 'd'])
    expect(r.code).toBe(0)
    // In text format the first line is the headline; the long sentence is on line 3 either way.
    expect(paths(r.stdout)).toEqual([
      ['d/a.md', 1],
      ['d/x/b.markdown', 1],
      ['d/x/c.txt', 1],
    ])
  })

  it('expands globs', () => {
    place({ 'drafts/a.md': 'long.md', 'drafts/b.md': 'clean.md', 'drafts/c.txt': 'long.md', 'other/d.md': 'long.md' })
    expect(paths(ximo(['lint', ...SL, '-f', 'json', 'drafts/*.md']).stdout)).toEqual([
      ['drafts/a.md', 1],
      ['drafts/b.md', 0],
    ])
    expect(paths(ximo(['lint', ...SL, '-f', 'json', '**/*.md']).stdout)).toEqual([
      ['drafts/a.md', 1],
      ['drafts/b.md', 0],
      ['other/d.md', 1],
    ])
  })

  it('honours ignore globs from the config (relative to it) and --ignore-pattern', () => {
    place({ 'proj/a.md': 'long.md', 'proj/old/b.md': 'long.md', 'proj/sub/old/c.md': 'long.md', 'proj/keep/d.md': 'long.md', 'proj/keep/e.md': 'long.md' })
    write('proj/.ximorc.json', JSON.stringify({ ignore: ['old/'] }))
    const r = ximo(['lint', ...SL, '-f', 'json', 'proj', '--ignore-pattern', 'proj/keep/e.md'])
    expect(paths(r.stdout)).toEqual([
      ['proj/a.md', 1],
      ['proj/keep/d.md', 1],
    ])
    const named = ximo(['lint', ...SL, 'proj/old/b.md'])
    expect(named.stderr).toBe('ximo：已忽略 proj/old/b.md（匹配忽略规则）\n')
    expect(named.code).toBe(0)
  })

  it('reports a binary and an undecodable file clearly and still lints the others (exit 2)', () => {
    place({ 'a.md': 'long.md' })
    write('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))
    write('nul.txt', Buffer.from('正文\u0000正文', 'utf8'))
    write('bad.md', Buffer.concat([Buffer.from('# 标题\n\n正文。\n', 'utf8'), Buffer.from([0xff, 0xfe, 0x80, 0x0a])]))
    const r = ximo(['lint', ...SL, 'image.md', 'a.md', 'nul.txt', 'bad.md'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe(
      [
        'image.md',
        '  错误  不是文本文件（PNG 图片），无法检查。请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。',
        '',
        'a.md',
        `  3:1  警告  ${LONG_MSG}  sentence-length`,
        '',
        'nul.txt',
        '  错误  不是文本文件（含有空字节），无法检查。请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。',
        '',
        'bad.md',
        '  错误  无法识别文件编码（第 4 行起既不是 UTF-8 也不是 GB18030），请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。',
        '',
        '✖ 共 1 个问题（0 个错误，1 个警告）',
        '✖ 3 个文件无法检查或写入',
        '',
      ].join('\n'),
    )
    const json = JSON.parse(ximo(['lint', ...SL, '-f', 'json', 'image.md', 'a.md']).stdout)
    expect(json[0]).toMatchObject({ errorCount: 1, messages: [{ ruleId: null, severity: 2, level: 'error', fatal: true }] })
    expect(json[1].messages).toHaveLength(1)
  })

  it('lints GB18030 (GBK) input', () => {
    write('gbk.md', iconv.encode(readFileSync(join(FIX, 'long.md'), 'utf8'), 'gbk'))
    expect(ximo(['lint', ...SL, 'gbk.md']).stdout).toBe(`gbk.md\n  3:1  警告  ${LONG_MSG}  sentence-length\n\n✖ 共 1 个问题（0 个错误，1 个警告）\n`)
  })
})

describe('config errors (exit 2, naming the file)', () => {
  beforeEach(() => place({ 'a.md': 'long.md' }))
  const cases: Array<[string, string, string]> = [
    ['invalid JSON', '{"rules": ', '不是合法的 JSON'],
    ['an unknown rule', JSON.stringify({ rules: { 'no-such-rule': 'error' } }), '未知规则 "no-such-rule"（运行 ximo rules 查看全部规则）'],
    ['a bad option', JSON.stringify({ rules: { 'sentence-length': ['warning', { max: 'long' }] } }), '规则 sentence-length 的选项有误：max 应为数字'],
    ['a bad severity', JSON.stringify({ rules: { 'sentence-length': 'loud' } }), '规则 sentence-length 的级别 "loud" 无效'],
  ]
  for (const [name, content, reason] of cases)
    it(name, () => {
      write('.ximorc.json', content)
      const r = ximo(['lint', ...SL, 'a.md'])
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.startsWith(`ximo：配置文件 ${join(dir, '.ximorc.json')} 有误：`)).toBe(true)
      expect(r.stderr).toContain(reason)
    })
  it('a --config file that cannot be read', () => {
    const r = ximo(['lint', ...SL, '--config', 'nope.json', 'a.md'])
    expect(r).toEqual({ code: 2, stdout: '', stderr: `ximo：配置文件 ${join(dir, 'nope.json')} 有误：无法读取（ENOENT）\n` })
  })
  it('--config replaces the nearest .ximorc', () => {
    write('.ximorc.json', '{"rules": ')
    write('ci.yaml', 'rules:\n  sentence-length: error\n')
    expect(ximo(['lint', ...SL, '-c', 'ci.yaml', 'a.md']).code).toBe(1)
  })
})

describe('rules and init', () => {
  it('rules lists the catalogue in Chinese, and as JSON', () => {
    const t = ximo(['rules'])
    expect(t.code).toBe(0)
    expect(t.stdout).toMatch(/^规则\s+级别\s+修复\s+说明$/m)
    expect(t.stdout).toMatch(/^sentence-length\s+警告\s+否\s+句子不宜过长，多用短句$/m)
    const j = JSON.parse(ximo(['rules', '-f', 'json']).stdout) as Array<Record<string, unknown>>
    expect(j.find((r) => r.id === 'sentence-length')).toEqual({
      id: 'sentence-length',
      type: 'suggestion',
      category: 'guide',
      severity: 'warning',
      fixable: null,
      description: '句子不宜过长，多用短句',
      guide: '信息着重反映情况和问题，因此要多用结构简单的短句，少用或不用关系复杂的长句。',
      url: 'https://github.com/ximo-lint/ximo/blob/main/rules/sentence-length/README.md',
    })
    expect(t.stdout).toContain(`共 ${j.length} 条规则。`)
  })

  it('init writes a starter .ximorc.json and refuses to overwrite one', () => {
    const r = ximo(['init'])
    expect(r).toEqual({ code: 0, stdout: '已生成 .ximorc.json：各规则按默认级别开启，可在 rules 中调整级别或设为 off 关闭。\n', stderr: '' })
    const written = read('.ximorc.json').toString()
    const cfg = JSON.parse(written)
    expect(cfg.extends).toBe('ximo:recommended')
    expect(cfg.rules['sentence-length']).toBe('warning')
    expect(cfg.ignore).toEqual(['node_modules/**'])
    // The starter config is valid: linting with it works.
    place({ 'a.md': 'long.md' })
    expect(ximo(['lint', ...SL, 'a.md']).code).toBe(0)
    const again = ximo(['init'])
    expect(again).toEqual({ code: 2, stdout: '', stderr: 'ximo：当前目录已有配置文件 .ximorc.json，未覆盖。如需重新生成，请先删除或改名。\n' })
    expect(read('.ximorc.json').toString()).toBe(written)
  })
})

describe.skipIf(!hasHeadlinePunctuation)('fixes (with headline-punctuation)', () => {
  const DRAFT = readFileSync(join(FIX, 'headline-period.md'), 'utf8')
  const FIXED = DRAFT.replace('检测。\n', '检测\n')

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    place({ 'a.md': 'headline-period.md' })
    const r = ximo(['lint', ...HP, '--fix-dry-run', 'a.md'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(
      [
        '--- a/a.md',
        '+++ b/a.md',
        '@@ -1,3 +1,3 @@',
        '-# 市公路管理处完成春季路况检测。',
        '+# 市公路管理处完成春季路况检测',
        ' ',
        ' 4月2日，市公路管理处完成春季路况检测。检测覆盖全市干线公路。',
        '',
        '✔ 未发现问题（共 1 个文件）',
        '可自动修复 1 处（1 个文件），未写入文件',
        '',
      ].join('\n'),
    )
    expect(read('a.md').toString()).toBe(DRAFT)
    const json = JSON.parse(ximo(['lint', ...HP, '--fix-dry-run', '-f', 'json', 'a.md']).stdout)
    expect(json[0]).toMatchObject({ messages: [], output: FIXED })
    expect(read('a.md').toString()).toBe(DRAFT)
  })

  it('fix writes atomically, leaving no temp file', () => {
    place({ 'a.md': 'headline-period.md', 'b.md': 'clean.md' })
    const r = ximo(['fix', ...HP, '.'])
    expect(r).toEqual({ code: 0, stdout: '✔ 未发现问题（共 2 个文件）\n已自动修复 1 处，写入 1 个文件\n', stderr: '' })
    expect(read('a.md').toString()).toBe(FIXED)
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md'])
    expect(ximo(['lint', '--fix', ...HP, 'a.md']).stdout).toBe('✔ 未发现问题（共 1 个文件）\n')
  })

  it('writes GB18030 back as GB18030', () => {
    const text = '市公路管理处完成春季路况检测。\n\n4月2日，市公路管理处完成春季路况检测。\n'
    write('a.txt', iconv.encode(text, 'gb18030'))
    expect(ximo(['fix', ...HP, 'a.txt']).code).toBe(0)
    expect(read('a.txt').equals(iconv.encode(text.replace('检测。\n\n', '检测\n\n'), 'gb18030'))).toBe(true)
  })

  it('keeps a UTF-8 BOM and CRLF line endings', () => {
    write('a.md', '\ufeff' + DRAFT.replace(/\n/g, '\r\n'))
    expect(ximo(['fix', ...HP, 'a.md']).code).toBe(0)
    expect(read('a.md').toString('utf8')).toBe('\ufeff' + FIXED.replace(/\n/g, '\r\n'))
  })

  it('--fix-type limits the kind of fix (headline-punctuation is punctuation)', () => {
    place({ 'a.md': 'headline-period.md' })
    const r = ximo(['fix', ...HP, '--fix-type', 'wording', 'a.md'])
    expect(r.code).toBe(0)
    expect(read('a.md').toString()).toBe(DRAFT)
    expect(r.stdout).toContain('headline-punctuation')
    expect(ximo(['fix', ...HP, '--fix-type', 'punctuation', 'a.md']).code).toBe(0)
    expect(read('a.md').toString()).toBe(FIXED)
  })

  it('--rule limits fixing too', () => {
    place({ 'a.md': 'headline-period.md' })
    expect(ximo(['fix', ...SL, 'a.md']).code).toBe(0)
    expect(read('a.md').toString()).toBe(DRAFT)
  })

  it('refuses --fix on stdin but shows a dry run', () => {
    expect(ximo(['fix', ...HP, '-'], { input: DRAFT }).code).toBe(2)
    const r = ximo(['lint', ...HP, '--fix-dry-run', '-f', 'json', '-', '--stdin-filename', 'x.md'], { input: DRAFT })
    expect(JSON.parse(r.stdout)[0].output).toBe(FIXED)
  })
})
