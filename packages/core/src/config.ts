/**
 * `.ximorc.json` / `.ximorc.yaml`, found walking up from the linted file. Every problem is a
 * ConfigError naming the file and the reason: nothing is silently ignored.
 */
import { readFileSync, existsSync, statSync } from 'node:fs'
import { dirname, join, resolve, isAbsolute } from 'node:path'
import YAML from 'yaml'
import { allRules } from '../../../rules/index.js'
import type { JsonSchema, ResolvedConfig, Rule, RuleSetting, SeveritySetting, XimoConfig } from './types.js'
import { parseWordList } from './kit.js'

export const CONFIG_FILES = ['.ximorc.json', '.ximorc.yaml', '.ximorc.yml'] as const

export class ConfigError extends Error {
  constructor(
    readonly filePath: string | undefined,
    readonly reason: string,
  ) {
    super(filePath ? `配置文件 ${filePath} 有误：${reason}` : `配置有误：${reason}`)
    this.name = 'ConfigError'
  }
}

const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warning', 'error']
const TOP_KEYS = new Set(['$schema', 'extends', 'rules', 'dictionary', 'dictionaryFiles', 'wordLists', 'ignore', 'segmenter', 'hmm', 'root'])

function ruleMap(rules: Rule[]): Map<string, Rule> {
  return new Map(rules.map((r) => [r.meta.id, r]))
}

/** `ximo:recommended`: every rule at its own severity and default options. */
export function presetConfig(name: 'recommended' | 'strict' | 'all-off', rules: Rule[] = allRules): ResolvedConfig {
  const out: ResolvedConfig = { resolved: true, rules: {}, dictionary: [], ignore: [], segmenter: 'jieba', hmm: true }
  for (const r of rules) {
    const severity = name === 'all-off' ? 'off' : name === 'strict' ? (r.meta.strictSeverity ?? r.meta.severity) : r.meta.severity
    out.rules[r.meta.id] = { severity, options: { ...(r.meta.defaultOptions as Record<string, unknown>) } }
  }
  return out
}

/** Validate a value against the small JSON Schema subset rules use. Returns a Chinese reason or null. */
export function validateSchema(value: unknown, schema: JsonSchema, path: string): string | null {
  if (schema.enum && !schema.enum.includes(value)) return `${path} 应为 ${schema.enum.map((v) => JSON.stringify(v)).join('、')} 之一`
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} 应为对象`
      for (const [k, v] of Object.entries(value)) {
        const sub = schema.properties?.[k]
        if (!sub) {
          if (schema.additionalProperties === false) return `未知选项 ${path ? path + '.' : ''}${k}`
          continue
        }
        const err = validateSchema(v, sub, path ? `${path}.${k}` : k)
        if (err) return err
      }
      return null
    }
    case 'array':
      if (!Array.isArray(value)) return `${path} 应为数组`
      if (schema.items)
        for (let i = 0; i < value.length; i++) {
          const err = validateSchema(value[i], schema.items, `${path}[${i}]`)
          if (err) return err
        }
      return null
    case 'string':
      return typeof value === 'string' ? null : `${path} 应为字符串`
    case 'boolean':
      return typeof value === 'boolean' ? null : `${path} 应为 true 或 false`
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${path} 应为数字`
      if (schema.type === 'integer' && !Number.isInteger(value)) return `${path} 应为整数`
      if (schema.minimum !== undefined && value < schema.minimum) return `${path} 不能小于 ${schema.minimum}`
      if (schema.maximum !== undefined && value > schema.maximum) return `${path} 不能大于 ${schema.maximum}`
      return null
    default:
      return null
  }
}

function readConfigFile(file: string): XimoConfig {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new ConfigError(file, `无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let data: unknown
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text)
  } catch (e) {
    throw new ConfigError(file, `不是合法的 ${file.endsWith('.json') ? 'JSON' : 'YAML'}：${(e as Error).message.split('\n')[0]}`)
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(file, '顶层应为对象')
  return data as XimoConfig
}

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let cur = resolve(dir)
  for (;;) {
    for (const name of CONFIG_FILES) {
      const f = join(cur, name)
      if (existsSync(f) && statSync(f).isFile()) return f
    }
    const parent = dirname(cur)
    if (parent === cur) return undefined
    cur = parent
  }
}

export interface ResolveOptions {
  /** The config file the raw config came from (for messages and relative paths). */
  filePath?: string
  /** Directory relative paths are resolved from (defaults to the file's directory or cwd). */
  baseDir?: string
  rules?: Rule[]
}

/** Resolve a raw config (extends, rule settings, word lists, dictionaries) and validate it. */
export function resolveConfig(raw: XimoConfig, opts: ResolveOptions = {}, seen: Set<string> = new Set()): ResolvedConfig {
  const rules = opts.rules ?? allRules
  const byId = ruleMap(rules)
  const file = opts.filePath
  const baseDir = opts.baseDir ?? (file ? dirname(file) : process.cwd())
  const fail = (reason: string): never => {
    throw new ConfigError(file, reason)
  }
  for (const key of Object.keys(raw)) if (!TOP_KEYS.has(key)) fail(`未知配置项 "${key}"`)

  // extends: presets or other config files; later entries win.
  const ext = raw.extends === undefined ? ['ximo:recommended'] : Array.isArray(raw.extends) ? raw.extends : [raw.extends]
  let config: ResolvedConfig = presetConfig('all-off', rules)
  for (const name of ext) {
    if (typeof name !== 'string') fail('extends 应为字符串或字符串数组')
    if (name === 'ximo:recommended') config = presetConfig('recommended', rules)
    else if (name === 'ximo:strict') config = presetConfig('strict', rules)
    else if (name.startsWith('ximo:')) fail(`未知预设 "${name}"（可用：ximo:recommended、ximo:strict）`)
    else {
      const target = isAbsolute(name) ? name : resolve(baseDir, name)
      if (seen.has(target)) fail(`extends 循环引用 ${target}`)
      seen.add(target)
      let parentRaw: XimoConfig
      try {
        parentRaw = readConfigFile(target)
      } catch (e) {
        throw new ConfigError(file, `extends 指向的 ${name}：${(e as ConfigError).reason ?? (e as Error).message}`)
      }
      const parent = resolveConfig(parentRaw, { filePath: target, rules }, seen)
      config = { ...parent, rules: { ...parent.rules }, dictionary: [...parent.dictionary], ignore: [...parent.ignore] }
    }
  }

  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) fail('rules 应为对象')
    for (const [id, setting] of Object.entries(raw.rules as Record<string, RuleSetting>)) {
      const rule = byId.get(id)
      if (!rule) fail(`未知规则 "${id}"（运行 ximo rules 查看全部规则）`)
      let severity: SeveritySetting
      let options: Record<string, unknown> | undefined
      if (Array.isArray(setting)) {
        severity = setting[0]
        options = setting[1]
      } else severity = setting as SeveritySetting
      if (!SEVERITIES.includes(severity)) fail(`规则 ${id} 的级别 ${JSON.stringify(severity)} 无效（应为 off、info、warning、error）`)
      const merged = { ...(rule!.meta.defaultOptions as Record<string, unknown>), ...(config.rules[id]?.options ?? {}) }
      if (options !== undefined) {
        const err = validateSchema(options, rule!.meta.schema, '')
        if (err) fail(`规则 ${id} 的选项有误：${err}`)
        Object.assign(merged, options)
      }
      config.rules[id] = { severity, options: merged }
    }
  }

  if (raw.wordLists !== undefined) {
    if (typeof raw.wordLists !== 'object' || raw.wordLists === null) fail('wordLists 应为对象')
    for (const [id, files] of Object.entries(raw.wordLists)) {
      const rule = byId.get(id)
      if (!rule) fail(`wordLists 中的未知规则 "${id}"`)
      if (!rule!.meta.schema.properties?.extra) fail(`规则 ${id} 没有词表，不能配置 wordLists`)
      const entry = config.rules[id]
      const extra = [...((entry.options.extra as string[] | undefined) ?? [])]
      for (const f of Array.isArray(files) ? files : [files]) {
        const p = resolve(baseDir, f)
        try {
          extra.push(...parseWordList(readFileSync(p, 'utf8')))
        } catch (e) {
          fail(`无法读取词表 ${p}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`)
        }
      }
      entry.options = { ...entry.options, extra }
    }
  }

  if (raw.dictionary !== undefined) {
    if (!Array.isArray(raw.dictionary) || raw.dictionary.some((w) => typeof w !== 'string')) fail('dictionary 应为字符串数组')
    config.dictionary.push(...raw.dictionary)
  }
  if (raw.dictionaryFiles !== undefined) {
    if (!Array.isArray(raw.dictionaryFiles)) fail('dictionaryFiles 应为字符串数组')
    for (const f of raw.dictionaryFiles) {
      const p = resolve(baseDir, f)
      try {
        config.dictionary.push(...parseWordList(readFileSync(p, 'utf8')))
      } catch (e) {
        fail(`无法读取词典 ${p}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`)
      }
    }
  }
  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore) || raw.ignore.some((g) => typeof g !== 'string')) fail('ignore 应为字符串数组')
    config.ignore = [...config.ignore, ...raw.ignore]
  }
  if (raw.segmenter !== undefined) {
    if (raw.segmenter !== 'jieba' && raw.segmenter !== 'nodejieba') fail('segmenter 应为 "jieba" 或 "nodejieba"')
    config.segmenter = raw.segmenter
  }
  if (raw.hmm !== undefined) {
    if (typeof raw.hmm !== 'boolean') fail('hmm 应为 true 或 false')
    config.hmm = raw.hmm
  }
  config.filePath = file
  config.baseDir = baseDir
  return config
}

/**
 * Load the config for files in `dir`: the nearest `.ximorc.*` walking up, resolved; the
 * recommended preset when there is none.
 */
export function loadConfig(dir: string, rules: Rule[] = allRules): ResolvedConfig {
  const file = findConfigFile(dir)
  if (!file) return { ...presetConfig('recommended', rules), baseDir: resolve(dir) }
  return loadConfigFile(file, rules)
}

/** Load and resolve one config file (`ximo --config <file>`); any name, JSON or YAML by extension. */
export function loadConfigFile(file: string, rules: Rule[] = allRules): ResolvedConfig {
  const path = resolve(file)
  return resolveConfig(readConfigFile(path), { filePath: path, rules })
}

/** A starter config, as `ximo init` writes it. */
export function starterConfig(rules: Rule[] = allRules): XimoConfig {
  const cfg: XimoConfig = { extends: 'ximo:recommended', rules: {}, dictionary: [], ignore: ['node_modules/**'] }
  for (const r of rules) cfg.rules![r.meta.id] = r.meta.severity
  return cfg
}
