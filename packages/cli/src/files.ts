/**
 * From command-line patterns to files, and from files to their config: files, directories
 * (their drafts, recursively) and globs; `.ximorc.*` found walking up (cached per directory
 * and per config file) or forced with --config; `ignore` globs from the config (relative to
 * its directory) and --ignore-pattern (relative to the current directory).
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, relative, resolve, sep, isAbsolute } from 'node:path'
import { globSync, isDynamicPattern, convertPathToPattern } from 'tinyglobby'
import { findConfigFile, ignoreMatcher, loadConfig, loadConfigFile, type ResolvedConfig, type Rule } from '@ximo/core'

/** Extensions linted when a directory is given. */
export const DRAFT_EXTENSIONS = ['md', 'markdown', 'txt']
const SKIP = ['**/node_modules/**', '**/.git/**']

export interface Expanded {
  /** Absolute paths, in argument order, without duplicates. */
  files: string[]
  /** Files named on the command line (not found through a directory or a glob). */
  explicit: Set<string>
  /** Chinese reasons for patterns that matched nothing. */
  unmatched: string[]
}

export function expandPatterns(patterns: string[], cwd: string): Expanded {
  const files: string[] = []
  const seen = new Set<string>()
  const explicit = new Set<string>()
  const unmatched: string[] = []
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f)
      files.push(f)
    }
  }
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern)
    if (existsSync(abs)) {
      const st = statSync(abs)
      if (st.isDirectory()) {
        const found = globSync(`**/*.{${DRAFT_EXTENSIONS.join(',')}}`, { cwd: abs, absolute: true, ignore: SKIP, onlyFiles: true })
        if (!found.length) unmatched.push(`目录 ${pattern} 中没有 .md、.markdown 或 .txt 文件`)
        for (const f of found.map((p) => resolve(p)).sort()) add(f)
      } else {
        explicit.add(abs)
        add(abs)
      }
      continue
    }
    if (isDynamicPattern(pattern)) {
      const glob = isAbsolute(pattern) ? convertPathToPattern(pattern) : pattern.split(sep).join('/')
      const found = globSync(glob, { cwd, absolute: true, ignore: SKIP, onlyFiles: true })
      if (!found.length) unmatched.push(`没有与 ${pattern} 匹配的文件`)
      for (const f of found.map((p) => resolve(p)).sort()) add(f)
      continue
    }
    unmatched.push(`找不到文件或目录 ${pattern}`)
  }
  return { files, explicit, unmatched }
}

const toPosix = (p: string) => p.split(sep).join('/')

export interface ConfigResolverOptions {
  /** --config: one config for every file. */
  configFile?: string
  /** --rule: rules switched off in the config are switched back on (at their default level). */
  only?: string[]
  rules: Rule[]
}

/** Finds and caches the config of each file; throws core's ConfigError. */
export class ConfigResolver {
  private byDir = new Map<string, string | undefined>()
  private byFile = new Map<string, { config: ResolvedConfig; ignored: (rel: string) => boolean }>()
  private forced?: { config: ResolvedConfig; ignored: (rel: string) => boolean }

  constructor(private readonly options: ConfigResolverOptions) {
    if (options.configFile) this.forced = this.prepare(loadConfigFile(options.configFile, options.rules))
  }

  private prepare(config: ResolvedConfig) {
    const only = this.options.only
    if (only?.length) {
      config = { ...config, rules: { ...config.rules } }
      for (const id of only) {
        const setting = config.rules[id]
        const meta = this.options.rules.find((r) => r.meta.id === id)?.meta
        if (meta && (!setting || setting.severity === 'off'))
          config.rules[id] = { severity: meta.severity, options: setting?.options ?? { ...(meta.defaultOptions as Record<string, unknown>) } }
      }
    }
    return { config, ignored: ignoreMatcher(config.ignore) }
  }

  private entry(dir: string) {
    if (this.forced) return this.forced
    let file: string | undefined
    if (this.byDir.has(dir)) file = this.byDir.get(dir)
    else {
      file = findConfigFile(dir)
      this.byDir.set(dir, file)
    }
    const key = file ?? ''
    let hit = this.byFile.get(key)
    if (!hit) {
      hit = this.prepare(file ? loadConfigFile(file, this.options.rules) : loadConfig(dir, this.options.rules))
      this.byFile.set(key, hit)
    }
    return hit
  }

  /** The config for files in `dir`. */
  forDir(dir: string): ResolvedConfig {
    return this.entry(resolve(dir)).config
  }

  /** The config for a file, and whether its `ignore` globs exclude it. */
  forFile(file: string): { config: ResolvedConfig; ignored: boolean } {
    const { config, ignored } = this.entry(dirname(file))
    const base = config.baseDir ?? dirname(file)
    return { config, ignored: ignored(toPosix(relative(base, file))) }
  }
}
