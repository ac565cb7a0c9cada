/**
 * lint → diagnostics (vfile messages) → fixes. Pure: no I/O. Callers (CLI, language server,
 * HTTP API) load the config and read files, then call these.
 */
import { VFileMessage } from 'vfile-message'
import { allRules } from '../../../rules/index.js'
import { blockMapping, blockOrigin, releaseBlock, buildDocument, segmentGeneration, type BuiltDocument } from './document.js'
import { TextCache, detach } from './cache.js'
import { presetConfig, resolveConfig } from './config.js'
import type { Block, Diagnostic, Document, Fix, Fixable, Format, Report, ResolvedConfig, Rule, Severity, XimoConfig } from './types.js'

export const DOCS_BASE = 'https://github.com/ximo-lint/ximo/blob/main/rules'

export function ruleUrl(id: string): string {
  return `${DOCS_BASE}/${id}/README.md`
}

export interface LintOptions {
  filePath?: string
  /** Defaults from the file extension: .txt → text, otherwise markdown. */
  format?: Format
  /** A resolved config (from loadConfig) or a raw one (resolved against the current directory). */
  config?: ResolvedConfig | XimoConfig
  /** Only run these rule ids. */
  only?: string[]
  /** The rule catalogue (defaults to every built-in rule). */
  rules?: Rule[]
  /** Run every rule on the whole document, ignoring `scope: 'block'` (tests compare the two). */
  wholeDocument?: boolean
  /**
   * Keep each Markdown chunk's parse and each paragraph's findings for the next run, and use
   * what earlier runs kept (default true: an editor, the HTTP API, the passes of a fix). A single
   * lint of files turns it off: nothing would be reused, and keeping it costs time and memory
   * on a 900,000-character report.
   */
  cache?: boolean
}

export function formatFor(filePath: string | undefined, format?: Format): Format {
  if (format) return format
  if (filePath && /\.(txt|text)$/i.test(filePath)) return 'text'
  return 'markdown'
}

function isResolved(c: ResolvedConfig | XimoConfig): c is ResolvedConfig {
  return (c as ResolvedConfig).resolved === true
}

/** The default config, one per catalogue: rules derive their word lists once per options object. */
const defaults = new WeakMap<Rule[], ResolvedConfig>()

export function toResolved(config: ResolvedConfig | XimoConfig | undefined, rules: Rule[] = allRules): ResolvedConfig {
  if (!config) {
    let preset = defaults.get(rules)
    if (!preset) defaults.set(rules, (preset = presetConfig('recommended', rules)))
    return preset
  }
  if (isResolved(config)) return config
  return resolveConfig(config, { rules })
}

/** Each message template split once into text and placeholder names: `[text, name, text, name, text…]`. */
const templateParts = new Map<string, string[]>()

function render(template: string, data: Record<string, string | number> = {}): string {
  let parts = templateParts.get(template)
  if (!parts) templateParts.set(template, (parts = template.split(/\{(\w+)\}/)))
  let out = parts[0]
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1]
  }
  return out
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 }

export interface AnalyzeResult {
  diagnostics: Diagnostic[]
  document: BuiltDocument
  config: ResolvedConfig
}

/** One rule's findings on one paragraph, offsets relative to the paragraph. */
interface Slot {
  rule: Rule
  options: unknown
  severity: Severity
  reports: readonly Report[]
}
/**
 * A paragraph's findings, one slot per paragraph-scoped rule of the run (by its place in the
 * run's list; the slot says which rule, options and severity it was found with). Most slots have
 * no reports and are shared (emptySlot): on a 900,000-character report a Map and an object per
 * rule per paragraph held 32 MB.
 */
type Findings = Array<Slot | undefined>
/** Findings of paragraph-scoped rules by paragraph (see blockKey). */
const blockFindings = new TextCache<Findings>(400_000)
/**
 * The same for a paragraph of a cached Markdown chunk, by the chunk's block (RawBlock.origin) and
 * then by context (see blockKey): nothing to build or hash per paragraph on each keystroke, and
 * kept as long as the chunk stays cached. A paragraph seen in more than one context (its role
 * changed) has a short chain.
 */
interface ContextFindings {
  context: string
  findings: Findings
  next?: ContextFindings
}
const originFindings = new WeakMap<object, ContextFindings>()

function findingsIn(origin: object, context: string, rules: number): ContextFindings {
  const first = originFindings.get(origin)
  let n = 0
  for (let c = first; c; c = c.next) {
    if (c.context === context) return c
    // A few contexts per paragraph at most (roles, a changed dictionary): drop the oldest.
    if (++n === 3) c.next = undefined
  }
  // Sized once (an array grown from [] keeps room for 17).
  const entry: ContextFindings = { context, findings: new Array(rules), next: first }
  originFindings.set(origin, entry)
  return entry
}

/**
 * Most paragraphs have no findings at all: they share one frozen array of empty slots (per run's
 * rules) instead of an array each, 4 MB on a 900,000-character report. A shared array is copied
 * before a later run writes into it.
 */
function nothingFound(slots: readonly Slot[]): Findings {
  return Object.freeze(slots.slice()) as Findings
}

function sameSlots(found: Findings, slots: readonly Slot[]): boolean {
  for (let k = 0; k < slots.length; k++) if (found[k] !== slots[k]) return false
  return true
}

/** Put a paragraph's findings back where they were found: its chunk's entry, else the cache by text. */
function keepFindings(entry: ContextFindings | undefined, key: string | undefined, findings: Findings): Findings {
  if (entry) entry.findings = findings
  else blockFindings.set(key!, findings)
  return findings
}

const emptySlots = new WeakMap<Rule, WeakMap<object, Partial<Record<Severity, Slot>>>>()
const NO_REPORTS: readonly Report[] = Object.freeze([])

/** The slot for no findings, one per rule, options and severity. */
function emptySlot(rule: Rule, options: unknown, severity: Severity): Slot {
  let byOptions = emptySlots.get(rule)
  if (!byOptions) emptySlots.set(rule, (byOptions = new WeakMap()))
  const key = typeof options === 'object' && options !== null ? options : rule
  let bySeverity = byOptions.get(key)
  if (!bySeverity) byOptions.set(key, (bySeverity = {}))
  return (bySeverity[severity] ??= { rule, options, severity, reports: NO_REPORTS })
}

type Role = 'headline' | 'preface' | 'lead' | 'ending' | 'body' | 'other'

/**
 * The role of each block, index for index. buildDocument takes the preface and the body from
 * the blocks in document order, so both are followed alongside the blocks (sets of a long
 * report's paragraphs cost more: each paragraph hashed, twice).
 */
function blockRoles(doc: BuiltDocument): Role[] {
  const { blocks, preface, body } = doc
  const roles: Role[] = new Array(blocks.length)
  let p = 0
  let q = 0
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]
    const inPreface = b === preface[p]
    if (inPreface) p++
    const inBody = b === body[q]
    if (inBody) q++
    roles[k] = b === doc.headline ? 'headline' : inPreface ? 'preface' : b === doc.lead ? 'lead' : b === doc.ending ? 'ending' : inBody ? 'body' : 'other'
  }
  return roles
}

/** The draft as a paragraph-scoped rule sees it when it checks one paragraph. */
function blockView(doc: BuiltDocument, b: Block, role: Role): Document {
  const inBody = role === 'lead' || role === 'ending' || role === 'body'
  return {
    source: doc.source,
    format: doc.format,
    filePath: doc.filePath,
    blocks: [b],
    headline: role === 'headline' ? b : null,
    preface: role === 'preface' ? [b] : [],
    lead: role === 'lead' ? b : null,
    body: inBody ? [b] : [],
    ending: role === 'ending' ? b : null,
    sentences: () => (role === 'headline' || role === 'preface' ? [] : b.sentences),
    position: doc.position,
  }
}

/**
 * Everything a paragraph-scoped rule's findings depend on, besides its options: the context
 * (segmentation, format, the paragraph's role) and the paragraph itself.
 */
function blockKey(doc: BuiltDocument, b: Block, context: string): string {
  const mapping = blockMapping(b)
  return `${context}\u0000${b.kind}${b.depth ?? ''}\u0000${mapping}\u0000${doc.source.slice(b.start, b.end)}\u0000${b.text}`
}

/** A report to cache: offsets relative to its paragraph, strings that hold nothing else alive. */
function keepable(r: Report, shift: number): Report {
  const out: Report = { ...r, start: r.start - shift, end: r.end - shift }
  if (r.data) out.data = Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, typeof v === 'string' ? detach(v) : v]))
  if (r.expected) out.expected = r.expected.map(detach)
  return out
}

/** Lint and keep the document model (the language server and the API use both). */
export function analyze(text: string, options: LintOptions = {}): AnalyzeResult {
  const rules = options.rules ?? allRules
  const config = toResolved(options.config, rules)
  const format = formatFor(options.filePath, options.format)
  const doc = buildDocument(text, {
    format,
    filePath: options.filePath,
    segmenter: config.segmenter,
    hmm: config.hmm,
    dictionary: config.dictionary,
    cache: options.cache,
  })
  const useCache = options.cache ?? true
  const diagnostics: Diagnostic[] = []
  const only = options.only ? new Set(options.only) : undefined
  const active: Array<{ rule: Rule; severity: Exclude<Severity, 'off'>; options: Record<string, unknown> }> = []
  for (const rule of rules) {
    const id = rule.meta.id
    if (only && !only.has(id)) continue
    const setting = config.rules[id] ?? { severity: rule.meta.severity, options: rule.meta.defaultOptions as Record<string, unknown> }
    if (setting.severity === 'off') continue
    active.push({ rule, severity: setting.severity, options: setting.options })
  }
  const emit = (rule: Rule, severity: Severity, r: Report, shift = 0) => {
    const id = rule.meta.id
    const template = rule.meta.messages[r.messageId]
    if (template === undefined) throw new Error(`rule ${id} reported unknown messageId ${r.messageId}`)
    const sev = r.severity && RANK[r.severity] < RANK[severity] ? r.severity : severity
    const start = Math.max(0, Math.min(r.start + shift, text.length))
    const end = Math.max(start, Math.min(r.end + shift, text.length))
    diagnostics.push(makeDiagnostic(doc, rule, r.messageId, render(template, r.data), sev, start, end, r.expected))
  }

  const byBlock = options.wholeDocument ? [] : active.filter((a) => a.rule.meta.scope === 'block')
  for (const a of active) {
    if (byBlock.includes(a)) continue
    a.rule.check(doc, { options: a.options, severity: a.severity, report: (r) => emit(a.rule, a.severity, r) })
  }
  if (byBlock.length) {
    // Keys by text hold each paragraph twice (source and prose) plus its context and mapping.
    if (useCache) blockFindings.fit(2 * text.length + 64 * doc.blocks.length, 10_000_000)
    const roles = blockRoles(doc)
    const contextPrefix = `${segmentGeneration()}\u0000${config.segmenter}${config.hmm ? 1 : 0}\u0000${doc.format}\u0000`
    const contexts: Partial<Record<Role, string>> = {}
    const empty = byBlock.map((a) => emptySlot(a.rule, a.options, a.severity))
    // One context per rule for the whole run, and one list for a paragraph's findings, emptied
    // before each check: a context, a closure and a list per paragraph and rule came to 70 MB of
    // garbage on a 900,000-character report.
    const reports: Report[] = []
    const ruleContexts = byBlock.map((a) => ({ options: a.options, severity: a.severity, report: (r: Report) => void reports.push(r) }))
    let nothing: Findings | undefined
    // A function per paragraph rather than one loop body: V8 optimises it once for every draft of
    // a run, where the loop inside analyze was compiled again (on-stack) for each draft (30 files:
    // analyze compiled eight times, up to 100 ms each on a compiler thread).
    const checkBlock = (b: Block, role: Role): void => {
      const context = (contexts[role] ??= contextPrefix + role)
      const origin = blockOrigin(b)
      let found: Findings | undefined
      let entry: ContextFindings | undefined
      let key: string | undefined
      if (useCache && origin) found = (entry = findingsIn(origin, context, byBlock.length)).findings
      else if (useCache) {
        key = blockKey(doc, b, context)
        found = blockFindings.get(key)
        if (!found) blockFindings.set(key, (found = new Array(byBlock.length)))
      }
      let wrote = false
      let view: Document | undefined
      for (let k = 0; k < byBlock.length; k++) {
        const a = byBlock[k]
        const hit = found?.[k]
        if (hit && hit.rule === a.rule && hit.options === a.options && hit.severity === a.severity) {
          for (const r of hit.reports) emit(a.rule, a.severity, r, b.start)
          continue
        }
        // Setting an array's length is a call into V8; most checks report nothing.
        if (reports.length) reports.length = 0
        a.rule.check((view ??= blockView(doc, b, role)), ruleContexts[k])
        let inside = true
        for (const r of reports) {
          emit(a.rule, a.severity, r)
          if (r.start < b.start || r.end > b.end) inside = false
        }
        // Offsets relative to the paragraph; a finding outside it could not be moved with it.
        // Strings copied: a rule's data are often slices of the draft, which they would keep alive.
        if (found && inside) {
          if (Object.isFrozen(found)) found = keepFindings(entry, key, found.slice())
          found[k] = reports.length ? { rule: a.rule, options: a.options, severity: a.severity, reports: reports.map((r) => keepable(r, b.start)) } : empty[k]
          wrote = true
        }
      }
      if (found && wrote && sameSlots(found, empty)) keepFindings(entry, key, (nothing ??= nothingFound(empty)))
      // Other paragraphs' tokens are not needed again (the roles' rules have run): a long report
      // is segmented a paragraph at a time, not held whole.
      if (view && role !== 'headline' && role !== 'lead' && role !== 'ending') releaseBlock(b)
    }
    for (let k = 0; k < doc.blocks.length; k++) checkBlock(doc.blocks[k], roles[k])
  }
  const kept = applyDirectives(doc, diagnostics)
  kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId))
  return { diagnostics: kept, document: doc, config }
}

/** Lint a text: diagnostics sorted by position. */
export function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  return analyze(text, options).diagnostics
}

function makeDiagnostic(doc: BuiltDocument, rule: Rule, messageId: string, reason: string, severity: Severity, start: number, end: number, expected?: string[]): Diagnostic {
  const s = doc.position(start)
  const e = doc.position(end)
  // VFileMessage is an Error: without this, each diagnostic captures a stack trace nobody reads
  // (a tenth of the time on a long report with thousands of findings).
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let msg: Diagnostic
  try {
    msg = new VFileMessage(reason, { place: { start: s, end: e }, ruleId: rule.meta.id, source: 'ximo' }) as Diagnostic
  } finally {
    Error.stackTraceLimit = limit
  }
  msg.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  msg.severity = severity
  msg.messageId = messageId
  msg.url = ruleUrl(rule.meta.id)
  msg.note = rule.meta.guide
  msg.actual = doc.source.slice(start, end)
  msg.line = s.line
  msg.column = s.column
  msg.endLine = e.line
  msg.endColumn = e.column
  msg.offset = start
  msg.endOffset = end
  if (expected) {
    msg.expected = expected
    if (rule.meta.fixable) msg.fix = { range: [start, end], text: expected[0] ?? '' }
  }
  if (doc.filePath) msg.file = doc.filePath
  return msg
}

function applyDirectives(doc: BuiltDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!doc.directives.length) return diagnostics
  const lines = doc.source.split('\n')
  const nextLine = (line: number): number => {
    let l = line + 1
    while (l <= lines.length && !lines[l - 1].trim()) l++
    return l
  }
  const lineRules: Array<{ line: number; rules: string[] }> = []
  const regions: Array<{ from: number; to: number; rules: string[] }> = []
  const open = new Map<string, number>()
  const ALL = '*'
  for (const d of doc.directives) {
    if (d.kind === 'disable-next-line') lineRules.push({ line: nextLine(doc.position(d.end).line), rules: d.rules })
    else if (d.kind === 'disable-line') lineRules.push({ line: doc.position(d.start).line, rules: d.rules })
    else if (d.kind === 'disable') for (const r of d.rules.length ? d.rules : [ALL]) open.set(r, open.get(r) ?? d.end)
    else
      for (const r of d.rules.length ? d.rules : [...open.keys()]) {
        const from = open.get(r)
        if (from !== undefined) {
          regions.push({ from, to: d.start, rules: r === ALL ? [] : [r] })
          open.delete(r)
        }
      }
  }
  for (const [r, from] of open) regions.push({ from, to: Infinity, rules: r === ALL ? [] : [r] })
  const hits = (rules: string[], id: string) => rules.length === 0 || rules.includes(id)
  return diagnostics.filter(
    (m) => !lineRules.some((l) => l.line === m.line && hits(l.rules, m.ruleId)) && !regions.some((r) => m.offset >= r.from && m.offset < r.to && hits(r.rules, m.ruleId)),
  )
}

// ---------------------------------------------------------------------------------------------
// Fixes

export interface FixOptions extends LintOptions {
  /** Only apply fixes of these kinds (`wording`, `punctuation`). */
  fixTypes?: Exclude<Fixable, null>[]
  /** Maximum passes (default 10). */
  maxPasses?: number
}

export interface AppliedFix {
  ruleId: string
  message: string
  /** Range in the text the fix was applied to (that pass's input). */
  range: [number, number]
  actual: string
  text: string
  pass: number
}

/**
 * Apply non-overlapping fixes in one pass. Returns the new text and the fixes applied; a
 * fix that overlaps an earlier one waits for the next pass.
 */
export function applyFixes(text: string, diagnostics: Diagnostic[]): { output: string; applied: Diagnostic[] } {
  const withFix = diagnostics.filter((d) => d.fix).sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1])
  const applied: Diagnostic[] = []
  let out = ''
  let last = 0
  let lastWasInsertAt = -1
  for (const d of withFix) {
    const [s, e] = d.fix!.range
    if (s < last || (s === e && s === lastWasInsertAt)) continue
    if (text.slice(s, e) === d.fix!.text) continue
    out += text.slice(last, s) + d.fix!.text
    last = e
    lastWasInsertAt = s === e ? s : -1
    applied.push(d)
  }
  out += text.slice(last)
  return { output: out, applied }
}

function fixableBy(rules: Rule[], types?: Exclude<Fixable, null>[]): Set<string> {
  return new Set(rules.filter((r) => r.meta.fixable && (!types || types.includes(r.meta.fixable))).map((r) => r.meta.id))
}

/** Apply every safe fix, in passes until none is left; returns the text and what was applied. */
export function fixDetailed(text: string, options: FixOptions = {}): { output: string; fixes: AppliedFix[]; remaining: Diagnostic[] } {
  const rules = options.rules ?? allRules
  const allowed = fixableBy(rules, options.fixTypes)
  const maxPasses = options.maxPasses ?? 10
  const fixes: AppliedFix[] = []
  let current = text
  let diagnostics = lint(current, options)
  for (let pass = 1; pass <= maxPasses; pass++) {
    const candidates = diagnostics.filter((d) => d.fix && allowed.has(d.ruleId))
    if (!candidates.length) break
    const { output, applied } = applyFixes(current, candidates)
    if (!applied.length || output === current) break
    for (const d of applied) fixes.push({ ruleId: d.ruleId, message: d.reason, range: d.fix!.range, actual: d.actual ?? '', text: d.fix!.text, pass })
    current = output
    diagnostics = lint(current, options)
  }
  return { output: current, fixes, remaining: diagnostics }
}

/** The text with every safe fix applied. */
export function fix(text: string, options: FixOptions = {}): string {
  return fixDetailed(text, options).output
}
