/**
 * What the API does with a draft, on top of core: the client's config (presets and rule
 * settings only: never a path), lint with a summary, fix, and a queue that runs one analysis
 * at a time so that the time limit can be checked before each one starts.
 */
import { analyze, ConfigError, fixDetailed, resolveConfig, summarize, type AnalyzeResult, type Format, type ResolvedConfig, type Rule, type XimoConfig } from '@ximo/core'
import { toJsonMessage, type JsonMessage } from '../formatters/json.js'
import { countOf } from '../formatters/types.js'
import { attachParagraphs, type DocxText } from '../docx.js'
import { keepLineEndings } from '../encoding.js'
import type { FixType } from '../lint-file.js'

/** A request the client got wrong: status, a stable code and a Chinese message. */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ClientError'
  }
}

const PRESETS = new Set(['ximo:recommended', 'ximo:strict'])
const CLIENT_KEYS = new Set(['$schema', 'extends', 'rules'])

/**
 * The config for one request: the server's config, changed by the client's `rules` (or, with
 * `extends`, a preset instead of the server's rules). Dictionaries, word lists and anything
 * naming a file stay on the server.
 */
export function clientConfig(raw: unknown, base: ResolvedConfig, rules: Rule[]): ResolvedConfig {
  if (raw === undefined || raw === null) return base
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ClientError(400, 'bad_config', 'config 应为对象，如 {"rules": {"sentence-length": "off"}}')
  const cfg = raw as Record<string, unknown>
  for (const key of Object.keys(cfg))
    if (!CLIENT_KEYS.has(key))
      throw new ClientError(400, 'config_not_allowed', `config 中的 "${key}" 不能由客户端提交（服务端不读取客户端给出的文件和词典），可用的只有 extends 和 rules。`)
  const ext = cfg.extends === undefined ? [] : Array.isArray(cfg.extends) ? cfg.extends : [cfg.extends]
  for (const e of ext)
    if (typeof e !== 'string' || !PRESETS.has(e)) throw new ClientError(400, 'config_not_allowed', `config.extends 只能是 ximo:recommended 或 ximo:strict，而不是 ${JSON.stringify(e)}`)
  let resolved: ResolvedConfig
  try {
    resolved = resolveConfig({ extends: ext.length ? (ext as string[]) : undefined, rules: cfg.rules as XimoConfig['rules'] }, { rules, baseDir: '/' })
  } catch (e) {
    if (e instanceof ConfigError) throw new ClientError(400, 'bad_config', `config 有误：${e.reason}`)
    throw e
  }
  const keep = { dictionary: base.dictionary, segmenter: base.segmenter, hmm: base.hmm }
  if (ext.length) return { ...resolved, ...keep, ignore: [], filePath: undefined }
  const named = Object.keys((cfg.rules as Record<string, unknown> | undefined) ?? {})
  const out = { ...base, rules: { ...base.rules } }
  for (const id of named) out.rules[id] = resolved.rules[id]
  return out
}

export interface Draft {
  text: string
  format: Format
  config: ResolvedConfig
  /** Set when the text came from a .docx. */
  docx?: DocxText
}

export interface LeadEvidence {
  text: string
  start: number
  end: number
}

export interface ApiSummary {
  errors: number
  warnings: number
  infos: number
  fixable: number
  headline: string | null
  /** direct | summary | advisory | forecast | label | no-predicate, or null without a headline. */
  headlineType: string | null
  /** 内容直述型 …, in Chinese. */
  headlineTypeName: string | null
  /** The lead paragraph's text, or null. */
  lead: string | null
  /** The six elements (time, place, subject, event, purpose, method): what was found, or null. */
  leadElements: Record<string, LeadEvidence | null>
}

const LEAD_KEYS = ['time', 'place', 'subject', 'event', 'purpose', 'method'] as const

export function summaryOf(result: AnalyzeResult): ApiSummary {
  const s = summarize(result)
  const n = countOf(result.diagnostics)
  const leadElements: Record<string, LeadEvidence | null> = {}
  for (const k of LEAD_KEYS) {
    const ev = s.lead?.elements[k]
    leadElements[k] = ev ? { text: ev.text, start: ev.start, end: ev.end } : null
  }
  return {
    errors: n.errors,
    warnings: n.warnings,
    infos: n.infos,
    fixable: n.fixable,
    headline: s.headline?.text ?? null,
    headlineType: s.headline?.type ?? null,
    headlineTypeName: s.headline?.typeName ?? null,
    lead: s.lead?.text ?? null,
    leadElements,
  }
}

export interface LintResponse {
  diagnostics: JsonMessage[]
  summary: ApiSummary
}

export function lintDraft(draft: Draft, rules: Rule[]): LintResponse {
  const result = analyze(draft.text, { format: draft.format, config: draft.config, rules })
  if (draft.docx) attachParagraphs(result.diagnostics, draft.docx)
  return { diagnostics: result.diagnostics.map(toJsonMessage), summary: summaryOf(result) }
}

export interface FixResponse extends LintResponse {
  output: string
  fixes: Array<{ ruleId: string; message: string; range: [number, number]; actual: string; text: string; pass: number }>
}

export function fixDraft(draft: Draft, rules: Rule[], fixTypes?: FixType[]): FixResponse {
  const fixed = fixDetailed(draft.text, { format: draft.format, config: draft.config, rules, fixTypes })
  const output = keepLineEndings(draft.text, fixed.output)
  const after = analyze(output, { format: draft.format, config: draft.config, rules })
  return {
    output,
    fixes: fixed.fixes.map((f) => ({ ruleId: f.ruleId, message: f.message, range: [f.range[0], f.range[1]], actual: f.actual, text: f.text, pass: f.pass })),
    diagnostics: after.diagnostics.map(toJsonMessage),
    summary: summaryOf(after),
  }
}

/**
 * Analyses run one at a time (they are synchronous CPU work on one shared segmenter). Between
 * two, the event loop turns, so health checks and static files are served; a request whose
 * time is up before its turn gets 503 instead of being linted late.
 */
export class Queue {
  private tail: Promise<unknown> = Promise.resolve()
  waiting = 0

  run<T>(job: () => T, deadline: number, timeLimit: number): Promise<T> {
    this.waiting++
    const next = this.tail.then(
      () =>
        new Promise<T>((resolve, reject) => {
          setImmediate(() => {
            this.waiting--
            if (Date.now() > deadline) {
              reject(new ClientError(503, 'timeout', `处理超时（超过 ${timeLimit / 1000} 秒），服务繁忙或稿件过长，请稍后重试或缩短稿件。`, { 'retry-after': '1' }))
              return
            }
            try {
              resolve(job())
            } catch (e) {
              reject(e)
            }
          })
        }),
    )
    this.tail = next.catch(() => undefined)
    return next
  }
}
