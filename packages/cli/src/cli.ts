/**
 * `ximo`: lint, fix, rules, init. `run` takes the arguments and the process's streams and
 * returns the exit code: 0 no errors, 1 errors (or warnings over --max-warnings), 2 usage,
 * config or I/O failure.
 */
import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { ConfigError, ignoreMatcher, rules as allRules, type Rule } from '@ximo/core'
import { parseArgs, UsageError, HELP, type CliOptions } from './args.js'
import { formatRules, initConfig } from './commands.js'
import { ConfigResolver, expandPatterns } from './files.js'
import { lintFile, STDIN_PATH, type FileResult } from './lint-file.js'
import { lintFiles, type LintTask } from './pool.js'
import { progressLine, PROGRESS_MIN_FILES } from './progress.js'
import { FORMATTERS } from './formatters/index.js'
import { fixDiff } from './diff.js'
import { displayPath } from './formatters/types.js'

export interface CliIO {
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
  readStdin(): Promise<Buffer>
  /** Whether stdout is a terminal (colour by default). */
  isTTY: boolean
  env: Record<string, string | undefined>
  /** Whether stderr is a terminal (the progress line). */
  stderrIsTTY?: boolean
  /** The CLI bundle, run by worker threads to lint many files; without it files are linted on this thread. */
  workerUrl?: URL
}

export const EXIT_OK = 0
export const EXIT_PROBLEMS = 1
export const EXIT_FAILURE = 2

export function version(): string {
  try {
    // dist/cli.js and src/cli.ts both sit one level below the package root.
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}

function useColor(opts: CliOptions, io: CliIO): boolean {
  if (opts.color !== undefined) return opts.color
  const force = io.env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  return io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb'
}

export async function run(argv: string[], io: CliIO, catalogue: Rule[] = allRules): Promise<number> {
  if (argv[0] === 'serve') return (await import('./serve/index.js')).serveCommand(argv.slice(1), io, version())
  let opts: CliOptions
  try {
    opts = parseArgs(argv)
    const known = new Set(catalogue.map((r) => r.meta.id))
    for (const id of opts.rules) if (!known.has(id)) throw new UsageError(`未知规则 "${id}"（运行 ximo rules 查看全部规则）`)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.stderr(`ximo：${e.message}\n运行 ximo --help 查看用法。\n`)
    return EXIT_FAILURE
  }
  switch (opts.command) {
    case 'help':
      io.stdout(HELP)
      return EXIT_OK
    case 'version':
      io.stdout(version() + '\n')
      return EXIT_OK
    case 'rules':
      io.stdout(formatRules(catalogue, opts.format === 'json' ? 'json' : 'stylish'))
      return EXIT_OK
    case 'init': {
      const r = initConfig(io.cwd, catalogue)
      if (!r.ok) {
        io.stderr(`ximo：${r.message}\n`)
        return EXIT_FAILURE
      }
      io.stdout(`已生成 ${displayPath(r.file, io.cwd)}：各规则按默认级别开启，可在 rules 中调整级别或设为 off 关闭。\n`)
      return EXIT_OK
    }
    default:
      return lintCommand(opts, io, catalogue)
  }
}

async function lintCommand(opts: CliOptions, io: CliIO, catalogue: Rule[]): Promise<number> {
  const color = useColor(opts, io)
  const fixMode: 'write' | 'dry-run' | undefined = opts.fixDryRun ? 'dry-run' : opts.fix ? 'write' : undefined
  const only = opts.rules.length ? opts.rules : undefined
  const results: FileResult[] = []
  let failed = false
  try {
    const resolver = new ConfigResolver({ configFile: opts.config && resolve(io.cwd, opts.config), only, rules: catalogue })
    const base = { only, fix: fixMode ?? (false as const), fixTypes: opts.fixTypes, rules: catalogue }
    if (opts.patterns.length === 1 && opts.patterns[0] === '-') {
      const path = opts.stdinFilename ? resolve(io.cwd, opts.stdinFilename) : STDIN_PATH
      const config = resolver.forDir(opts.stdinFilename ? dirname(path) : io.cwd)
      let input: Buffer
      try {
        input = await io.readStdin()
      } catch (e) {
        io.stderr(`ximo：无法读取标准输入（${(e as Error).message}）\n`)
        return EXIT_FAILURE
      }
      results.push(await lintFile(path, { ...base, config, input }))
    } else {
      const { files, explicit, unmatched } = expandPatterns(opts.patterns.length ? opts.patterns : ['.'], io.cwd)
      for (const reason of unmatched) io.stderr(`ximo：${reason}\n`)
      failed = unmatched.length > 0
      const ignoredByCli = ignoreMatcher(opts.ignorePatterns)
      const tasks: LintTask[] = []
      for (const file of files) {
        const { config, ignored } = resolver.forFile(file)
        const rel = displayPath(file, io.cwd)
        if (ignored || (!isAbsolute(rel) && ignoredByCli(rel))) {
          if (explicit.has(file)) io.stderr(`ximo：已忽略 ${rel}（匹配忽略规则）\n`)
          continue
        }
        const { rules: _catalogue, ...plain } = base
        tasks.push({ path: file, options: { ...plain, config } })
      }
      // Worker threads run the built-in catalogue only; an injected one stays on this thread.
      const progress = io.stderrIsTTY && tasks.length > PROGRESS_MIN_FILES ? progressLine(io.stderr) : undefined
      results.push(
        ...(await lintFiles(
          catalogue === allRules ? tasks : tasks.map((t) => ({ ...t, options: { ...t.options, rules: catalogue } })),
          { jobs: opts.jobs, workerUrl: catalogue === allRules ? io.workerUrl : undefined, onProgress: progress?.update },
        )),
      )
      progress?.clear()
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`ximo：${e.message}\n`)
      return EXIT_FAILURE
    }
    throw e
  }

  if (opts.quiet) for (const r of results) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error')
  const ctx = { cwd: io.cwd, color, rules: catalogue.map((r) => r.meta), version: version(), fix: fixMode }
  let out = ''
  if (fixMode === 'dry-run' && (opts.format === 'stylish' || opts.format === 'github')) {
    const diff = fixDiff(results, io.cwd, color)
    if (diff) out += diff + (opts.format === 'stylish' ? '\n' : '')
  }
  out += FORMATTERS[opts.format](results, ctx)
  if (out) io.stdout(out)

  let errors = 0
  let warnings = 0
  for (const r of results) {
    if (r.error) failed = true
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++
      else if (d.severity === 'warning') warnings++
    }
  }
  if (failed) return EXIT_FAILURE
  if (errors) return EXIT_PROBLEMS
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    const msg = `✖ 警告 ${warnings} 个，超过 --max-warnings 允许的 ${opts.maxWarnings} 个\n`
    if (opts.format === 'stylish') io.stdout(msg)
    else io.stderr(`ximo：${msg.slice(2)}`)
    return EXIT_PROBLEMS
  }
  return EXIT_OK
}
