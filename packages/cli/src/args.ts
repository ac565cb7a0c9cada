/**
 * Command-line parsing. Every mistake is a UsageError with a Chinese reason (exit 2).
 */
import { FORMAT_NAMES, type FormatName } from './formatters/index.js'
import type { FixType } from './lint-file.js'

export type Command = 'lint' | 'fix' | 'rules' | 'init' | 'help' | 'version'

export interface CliOptions {
  command: Command
  /** Files, directories, globs, or `-` for stdin. */
  patterns: string[]
  format: FormatName
  fix: boolean
  fixDryRun: boolean
  fixTypes?: FixType[]
  /** `--rule` ids: only these rules are run and fixed. */
  rules: string[]
  maxWarnings?: number
  quiet: boolean
  /** undefined: colour when stdout is a terminal. */
  color?: boolean
  config?: string
  ignorePatterns: string[]
  stdinFilename?: string
  /** `--jobs`: threads for linting many files (half the cores by default). */
  jobs?: number
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const COMMANDS: Command[] = ['lint', 'fix', 'rules', 'init', 'help']
const FIX_TYPES: FixType[] = ['wording', 'punctuation']

type Flag = { name: keyof CliOptions | 'help' | 'version'; value: boolean; commands: Command[] }
const LINTING: Command[] = ['lint', 'fix']
const FLAGS: Record<string, Flag> = {
  '--format': { name: 'format', value: true, commands: ['lint', 'fix', 'rules'] },
  '-f': { name: 'format', value: true, commands: ['lint', 'fix', 'rules'] },
  '--config': { name: 'config', value: true, commands: LINTING },
  '-c': { name: 'config', value: true, commands: LINTING },
  '--rule': { name: 'rules', value: true, commands: LINTING },
  '--fix': { name: 'fix', value: false, commands: LINTING },
  '--fix-dry-run': { name: 'fixDryRun', value: false, commands: LINTING },
  '--fix-type': { name: 'fixTypes', value: true, commands: LINTING },
  '--ignore-pattern': { name: 'ignorePatterns', value: true, commands: LINTING },
  '--max-warnings': { name: 'maxWarnings', value: true, commands: LINTING },
  '--quiet': { name: 'quiet', value: false, commands: LINTING },
  '-q': { name: 'quiet', value: false, commands: LINTING },
  '--color': { name: 'color', value: false, commands: ['lint', 'fix', 'rules'] },
  '--no-color': { name: 'color', value: false, commands: ['lint', 'fix', 'rules'] },
  '--stdin-filename': { name: 'stdinFilename', value: true, commands: LINTING },
  '--jobs': { name: 'jobs', value: true, commands: LINTING },
  '-j': { name: 'jobs', value: true, commands: LINTING },
  '--help': { name: 'help', value: false, commands: [...COMMANDS] },
  '-h': { name: 'help', value: false, commands: [...COMMANDS] },
  '--version': { name: 'version', value: false, commands: [...COMMANDS] },
  '-v': { name: 'version', value: false, commands: [...COMMANDS] },
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { command: 'lint', patterns: [], format: 'stylish', fix: false, fixDryRun: false, rules: [], quiet: false, ignorePatterns: [] }
  let i = 0
  let wantHelp = false
  let wantVersion = false
  if (argv.length === 0) return { ...opts, command: 'help' }
  const first = argv[0]
  if (!first.startsWith('-')) {
    if (first === 'help') return { ...opts, command: 'help' }
    if (!(COMMANDS as string[]).includes(first)) {
      const hint = /[./\\*]/.test(first) ? `要检查文件，请运行 ximo lint ${first}` : '可用命令：lint、fix、rules、init'
      throw new UsageError(`未知命令 "${first}"。${hint}`)
    }
    opts.command = first as Command
    i = 1
  } else if (first !== '--help' && first !== '-h' && first !== '--version' && first !== '-v') {
    const key = first.split('=')[0]
    throw new UsageError(FLAGS[key] ? `缺少命令，例如：ximo lint ${argv.join(' ')}` : `未知选项 ${key}`)
  }
  let onlyPaths = false
  for (; i < argv.length; i++) {
    const arg = argv[i]
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (!LINTING.includes(opts.command)) throw new UsageError(`${opts.command} 命令不接受参数 "${arg}"`)
      opts.patterns.push(arg)
      continue
    }
    if (arg === '--') {
      onlyPaths = true
      continue
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const key = eq > 0 ? arg.slice(0, eq) : arg
    const flag = FLAGS[key]
    if (!flag) throw new UsageError(`未知选项 ${key}`)
    if (!flag.commands.includes(opts.command)) throw new UsageError(`${opts.command} 命令不支持 ${key}`)
    let value: string | undefined
    if (flag.value) {
      if (eq > 0) value = arg.slice(eq + 1)
      else {
        value = argv[++i]
        if (value === undefined) throw new UsageError(`${key} 缺少取值`)
      }
      if (value === '') throw new UsageError(`${key} 缺少取值`)
    } else if (eq > 0) throw new UsageError(`${key} 不带取值`)
    switch (flag.name) {
      case 'help':
        wantHelp = true
        break
      case 'version':
        wantVersion = true
        break
      case 'format':
        if (!(FORMAT_NAMES as string[]).includes(value!)) throw new UsageError(`未知输出格式 "${value}"（可用：${FORMAT_NAMES.join('、')}）`)
        opts.format = value as FormatName
        break
      case 'fixTypes':
        for (const t of value!.split(',')) {
          if (!(FIX_TYPES as string[]).includes(t.trim())) throw new UsageError(`未知修复类型 "${t}"（可用：wording 措辞、punctuation 标点）`)
          opts.fixTypes = [...(opts.fixTypes ?? []), t.trim() as FixType]
        }
        break
      case 'maxWarnings': {
        if (!/^\d+$/.test(value!)) throw new UsageError(`--max-warnings 应为非负整数，而不是 "${value}"`)
        opts.maxWarnings = Number(value)
        break
      }
      case 'rules':
        opts.rules.push(...value!.split(',').map((r) => r.trim()).filter(Boolean))
        break
      case 'ignorePatterns':
        opts.ignorePatterns.push(value!)
        break
      case 'color':
        opts.color = key === '--color'
        break
      case 'fix':
        opts.fix = true
        break
      case 'fixDryRun':
        opts.fixDryRun = true
        break
      case 'quiet':
        opts.quiet = true
        break
      case 'config':
        opts.config = value
        break
      case 'stdinFilename':
        opts.stdinFilename = value
        break
      case 'jobs':
        if (!/^[1-9]\d*$/.test(value!)) throw new UsageError(`--jobs 应为正整数，而不是 "${value}"`)
        opts.jobs = Number(value)
        break
    }
  }
  if (wantHelp) return { ...opts, command: 'help' }
  if (wantVersion) return { ...opts, command: 'version' }
  if (opts.command === 'rules' && opts.format !== 'stylish' && opts.format !== 'json') throw new UsageError('rules 命令只支持 --format stylish 或 json')
  if (opts.command === 'fix') opts.fix = true
  if (opts.fixTypes && !opts.fix && !opts.fixDryRun) throw new UsageError('--fix-type 需要与 --fix、--fix-dry-run 或 ximo fix 一起使用')
  if (opts.patterns.includes('-')) {
    if (opts.patterns.length > 1) throw new UsageError('从标准输入（-）读取时不能再指定文件')
    if (opts.fix && !opts.fixDryRun) throw new UsageError('标准输入的内容无法写回，请改用 --fix-dry-run 查看修复')
  } else if (opts.stdinFilename) throw new UsageError('--stdin-filename 只能与 -（标准输入）一起使用')
  return opts
}

export const HELP = `惜墨（ximo）：政务信息写作检查工具

用法：
  ximo lint [文件|目录|通配符|-] [选项]  检查稿件（不指定时检查当前目录）
  ximo fix [文件|目录|通配符] [选项]     检查并自动修复（同 lint --fix）
  ximo rules [--format json]             列出全部规则
  ximo init                              在当前目录生成配置文件 .ximorc.json
  ximo serve [--host 地址] [--port 端口]  启动网页和 HTTP 接口（默认 127.0.0.1:7070，详见 ximo serve --help）

目录会递归检查其中的 .md、.markdown、.txt 文件（跳过 node_modules、.git）；
- 表示从标准输入读取。
Word 文档（.docx）请逐个指定或用通配符（如 '*.docx'）：按段落检查（表格、页眉页脚不查），
位置显示为“第N段第M字”，不能自动修复。

选项：
  -f, --format <格式>         输出格式：stylish（默认）、json、sarif、github
  -c, --config <文件>         使用指定的配置文件，不再逐级查找 .ximorc.json
      --rule <规则>           只检查（和修复）这条规则，可重复
      --fix                   自动修复并写回文件
      --fix-dry-run           只显示修复前后的差异，不写文件
      --fix-type <类型>       只做这类修复：wording（措辞）、punctuation（标点），可重复
      --ignore-pattern <模式> 忽略匹配的文件（相对当前目录），可重复
      --max-warnings <数量>   警告超过这个数量时也以 1 退出
  -q, --quiet                 只报告错误
      --no-color              不使用颜色
      --stdin-filename <名称> 标准输入内容的文件名（决定格式和配置）
  -j, --jobs <数量>           同时检查文件的线程数（默认为 CPU 核数的一半）
  -h, --help                  显示本帮助
  -v, --version               显示版本号

退出码：0 未发现错误；1 发现错误（或警告超过 --max-warnings）；2 用法、配置或读写出错。
`
