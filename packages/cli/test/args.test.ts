import { describe, it, expect } from 'vitest'
import { parseArgs, UsageError } from '../src/args.js'

const usage = (argv: string[]): string => {
  try {
    parseArgs(argv)
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    return (e as Error).message
  }
  throw new Error(`no usage error for ${argv.join(' ')}`)
}

describe('parseArgs', () => {
  it('reads lint options, repeated flags and --flag=value', () => {
    expect(
      parseArgs(['lint', 'a.md', '-f', 'json', '--rule', 'sentence-length', '--rule=headline-length', '--max-warnings=3', '-q', '--no-color', '--ignore-pattern', 'old/**', 'docs', '-c', 'x.json']),
    ).toEqual({
      command: 'lint',
      patterns: ['a.md', 'docs'],
      format: 'json',
      fix: false,
      fixDryRun: false,
      rules: ['sentence-length', 'headline-length'],
      maxWarnings: 3,
      quiet: true,
      color: false,
      config: 'x.json',
      ignorePatterns: ['old/**'],
    })
  })
  it('treats fix as lint --fix, and takes fix types', () => {
    expect(parseArgs(['fix', '--fix-type', 'wording,punctuation'])).toMatchObject({ command: 'fix', fix: true, fixTypes: ['wording', 'punctuation'] })
    expect(parseArgs(['lint', '--fix-dry-run', '--fix-type', 'punctuation'])).toMatchObject({ fix: false, fixDryRun: true, fixTypes: ['punctuation'] })
  })
  it('reads stdin with a file name, and paths after --', () => {
    expect(parseArgs(['lint', '-', '--stdin-filename', 'a.txt'])).toMatchObject({ patterns: ['-'], stdinFilename: 'a.txt' })
    expect(parseArgs(['lint', '--', '--odd.md'])).toMatchObject({ patterns: ['--odd.md'] })
  })
  it('shows help and the version', () => {
    expect(parseArgs([]).command).toBe('help')
    expect(parseArgs(['--help']).command).toBe('help')
    expect(parseArgs(['lint', '-h']).command).toBe('help')
    expect(parseArgs(['-v']).command).toBe('version')
  })
  it('rejects mistakes in Chinese', () => {
    expect(usage(['check'])).toBe('未知命令 "check"。可用命令：lint、fix、rules、init')
    expect(usage(['draft.md'])).toBe('未知命令 "draft.md"。要检查文件，请运行 ximo lint draft.md')
    expect(usage(['lint', '--bogus'])).toBe('未知选项 --bogus')
    expect(usage(['--bogus'])).toBe('未知选项 --bogus')
    expect(usage(['--fix', 'a.md'])).toBe('缺少命令，例如：ximo lint --fix a.md')
    expect(usage(['lint', '-f', 'xml'])).toBe('未知输出格式 "xml"（可用：stylish、json、sarif、github）')
    expect(usage(['lint', '--format'])).toBe('--format 缺少取值')
    expect(usage(['lint', '--max-warnings', '-1'])).toBe('--max-warnings 应为非负整数，而不是 "-1"')
    expect(usage(['lint', '--fix-type', 'style', '--fix'])).toBe('未知修复类型 "style"（可用：wording 措辞、punctuation 标点）')
    expect(usage(['lint', '--fix-type', 'wording'])).toBe('--fix-type 需要与 --fix、--fix-dry-run 或 ximo fix 一起使用')
    expect(usage(['lint', '-', 'a.md'])).toBe('从标准输入（-）读取时不能再指定文件')
    expect(usage(['fix', '-'])).toBe('标准输入的内容无法写回，请改用 --fix-dry-run 查看修复')
    expect(usage(['lint', 'a.md', '--stdin-filename', 'b.md'])).toBe('--stdin-filename 只能与 -（标准输入）一起使用')
    expect(usage(['rules', '--fix'])).toBe('rules 命令不支持 --fix')
    expect(usage(['rules', '-f', 'sarif'])).toBe('rules 命令只支持 --format stylish 或 json')
    expect(usage(['init', 'x'])).toBe('init 命令不接受参数 "x"')
    expect(usage(['lint', '--quiet=yes'])).toBe('--quiet 不带取值')
  })
})
