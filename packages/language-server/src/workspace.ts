/**
 * The config a document is linted with: the nearest `.ximorc.*` above it (resolved by core),
 * with the client's `ximo.rules` laid over it. A broken file is reported once and linting goes
 * on with the last good config of that file.
 */
import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs'
import { dirname, join, basename, relative, sep } from 'node:path'
import YAML from 'yaml'
import { ignoreMatcher, findConfigFile, loadConfigFile, presetConfig, resolveConfig, ConfigError, type ResolvedConfig, type Rule, type RuleSetting, type SeveritySetting, type XimoConfig } from '@ximo/core'

export interface ConfigProblem {
  /** The config file, or undefined for the client settings. */
  file: string | undefined
  reason: string
  /** The file's text when it could be read (to place the diagnostic). */
  text?: string
}

export interface ConfigResult {
  config: ResolvedConfig
  file?: string
}

interface Entry {
  stamp: string
  result: ConfigResult
}

export class ConfigStore {
  private cache = new Map<string, Entry>()
  private lastGood = new Map<string, ResolvedConfig>()
  private problems = new Map<string, ConfigProblem>()

  constructor(
    private readonly rules: Rule[],
    /** Called when a file's (or the settings') problem appears, changes or goes away (null). */
    private readonly onProblem: (key: string, problem: ConfigProblem | null) => void,
  ) {}

  /** Forget everything read from disk (a config file changed). */
  invalidate(): void {
    this.cache.clear()
  }

  /** Config files currently known to be broken. */
  brokenFiles(): string[] {
    return [...this.problems.values()].flatMap((p) => (p.file ? [p.file] : []))
  }

  /** The config for a document in `dir`, with the settings' rules laid over the file's. */
  configFor(dir: string, settingsRules: Record<string, RuleSetting>): ConfigResult {
    const file = findConfigFile(dir)
    const key = file ?? `<none>${dir}`
    const stamp = `${file ? fileStamp(file) : ''}|${JSON.stringify(settingsRules)}`
    const hit = this.cache.get(key)
    if (hit && hit.stamp === stamp) return hit.result
    const result = this.resolve(file, dir, settingsRules)
    this.cache.set(key, { stamp, result })
    return result
  }

  private resolve(file: string | undefined, dir: string, settingsRules: Record<string, RuleSetting>): ConfigResult {
    let base: ResolvedConfig
    if (file) {
      try {
        base = loadConfigFile(file, this.rules)
        this.lastGood.set(file, base)
        this.setProblem(file, null)
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e
        this.setProblem(file, { file: e.filePath ?? file, reason: e.reason, text: readText(e.filePath ?? file) })
        base = this.lastGood.get(file) ?? { ...presetConfig('recommended', this.rules), baseDir: dir }
      }
    } else {
      base = { ...presetConfig('recommended', this.rules), baseDir: dir }
    }
    if (!Object.keys(settingsRules).length) {
      this.setProblem('<settings>', null)
      return { config: base, file }
    }
    try {
      const raw: XimoConfig = { extends: file ? [file] : 'ximo:recommended', rules: settingsRules }
      const config = file && this.problems.has(file) ? overlay(base, settingsRules, this.rules) : resolveConfig(raw, { baseDir: dirname(file ?? join(dir, 'x')), rules: this.rules })
      config.filePath = file
      this.setProblem('<settings>', null)
      return { config, file }
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e
      this.setProblem('<settings>', { file: undefined, reason: e.reason })
      return { config: base, file }
    }
  }

  private setProblem(key: string, problem: ConfigProblem | null): void {
    const old = this.problems.get(key)
    if (!problem) {
      if (old) {
        this.problems.delete(key)
        this.onProblem(key, null)
      }
      return
    }
    if (old && old.reason === problem.reason && old.file === problem.file) return
    this.problems.set(key, problem)
    this.onProblem(key, problem)
  }
}

/** The settings' rules over an already resolved config (used while the file itself is broken). */
function overlay(base: ResolvedConfig, settingsRules: Record<string, RuleSetting>, rules: Rule[]): ResolvedConfig {
  const over = resolveConfig({ extends: [], rules: settingsRules }, { rules })
  const out: ResolvedConfig = { ...base, rules: { ...base.rules } }
  for (const id of Object.keys(settingsRules)) if (over.rules[id]) out.rules[id] = over.rules[id]
  return out
}

// ---------------------------------------------------------------------------------------------
// The config's `ignore` globs, relative to the config file's directory (core's ignoreMatcher).

const matchers = new WeakMap<ResolvedConfig, (relPath: string) => boolean>()

/** Whether `filePath` is excluded by the `ignore` globs of `config` (never for files outside its directory). */
export function isIgnored(config: ResolvedConfig, filePath: string | undefined): boolean {
  if (!filePath || !config.ignore.length) return false
  const rel = relative(config.baseDir ?? (config.filePath ? dirname(config.filePath) : dirname(filePath)), filePath).split(sep).join('/')
  if (!rel || rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return false
  let match = matchers.get(config)
  if (!match) {
    match = ignoreMatcher(config.ignore)
    matchers.set(config, match)
  }
  return match(rel)
}

function fileStamp(file: string): string {
  try {
    const s = statSync(file)
    return `${s.mtimeMs}:${s.size}`
  } catch {
    return 'missing'
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/** Where a config problem is in its file: the quoted name or the JSON position the reason mentions. */
export function problemOffsets(problem: ConfigProblem): [number, number] {
  const text = problem.text ?? ''
  const pos = /position (\d+)/.exec(problem.reason)
  if (pos) {
    const at = Math.min(Number(pos[1]), text.length)
    return [at, Math.min(at + 1, text.length)]
  }
  const quoted = /"([^"]+)"/.exec(problem.reason)
  if (quoted) {
    const at = text.indexOf(quoted[1])
    if (at >= 0) return [at, at + quoted[1].length]
  }
  const firstLine = text.indexOf('\n')
  return [0, firstLine < 0 ? text.length : firstLine]
}

// ---------------------------------------------------------------------------------------------
// 加入词典: the typo rule's `ignore` list in the workspace config.

export interface DictionaryResult {
  file: string
  created: boolean
}

/**
 * Add `word` to `rules[ruleId][1].ignore` of the nearest config above `dir` (a new
 * `.ximorc.json` in `createIn` when there is none), keeping the rest of the file.
 */
export function addToIgnoreList(dir: string, createIn: string, ruleId: string, word: string, severity: SeveritySetting): DictionaryResult {
  const found = findConfigFile(dir)
  const file = found ?? join(createIn, '.ximorc.json')
  const text = found ? readFileSync(found, 'utf8') : ''
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  const body = bom ? text.slice(1) : text
  let out: string
  if (/\.ya?ml$/.test(basename(file))) {
    const doc = YAML.parseDocument(body)
    if (doc.errors.length) throw new ConfigError(file, `不是合法的 YAML：${doc.errors[0].message.split('\n')[0]}`)
    const current = doc.getIn(['rules', ruleId])
    const setting = YAML.isNode(current) ? (current.toJSON() as RuleSetting) : (current as RuleSetting | undefined)
    if (!YAML.isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents
    doc.setIn(['rules', ruleId], doc.createNode(withIgnored(setting, word, severity)))
    out = doc.toString()
  } else {
    let data: XimoConfig = {}
    if (body.trim()) {
      try {
        data = JSON.parse(body) as XimoConfig
      } catch (e) {
        throw new ConfigError(file, `不是合法的 JSON：${(e as Error).message.split('\n')[0]}`)
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(file, '顶层应为对象')
    }
    const rules = (data.rules ??= {})
    rules[ruleId] = withIgnored(rules[ruleId], word, severity)
    const indent = /\n([ \t]+)"/.exec(body)?.[1] ?? '  '
    const eol = body.includes('\r\n') ? '\r\n' : '\n'
    out = JSON.stringify(data, null, indent).replace(/\n/g, eol) + eol
  }
  writeAtomic(file, bom + out)
  return { file, created: !found }
}

function withIgnored(setting: RuleSetting | undefined, word: string, severity: SeveritySetting): RuleSetting {
  const sev: SeveritySetting = Array.isArray(setting) ? setting[0] : (setting ?? severity)
  const options: Record<string, unknown> = Array.isArray(setting) ? { ...(setting[1] ?? {}) } : {}
  const ignore = Array.isArray(options.ignore) ? (options.ignore as unknown[]).filter((w): w is string => typeof w === 'string') : []
  if (!ignore.includes(word)) ignore.push(word)
  return [sev, { ...options, ignore }]
}

function writeAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  writeFileSync(tmp, text)
  renameSync(tmp, file)
}
