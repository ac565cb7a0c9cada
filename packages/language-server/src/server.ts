/**
 * The Ximo language server: a thin adapter between LSP and core. Each document version is
 * analysed once (`analyze`), its diagnostics mapped with `toDiagnostic`; code actions and
 * hovers read that one result. No linting logic lives here.
 */
import { dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { watch, type FSWatcher } from 'node:fs'
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  MessageType,
  ShowMessageNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { analyze, fixDetailed, getSegmenter, rules as builtinRules, CONFIG_FILES, type AnalyzeResult, type Format, type ResolvedConfig, type Rule } from '@ximo/core'
import { toDiagnostic, rangeContains, rangesIntersect, sameRange } from './convert.js'
import {
  ADD_TO_DICTIONARY,
  DICTIONARY_RULES,
  FIX_ALL_KIND,
  addToDictionary,
  dataOf,
  disableLine,
  fixAllOfRule,
  fixAllSafe,
  kindAllowed,
  quickFixes,
  type AddToDictionaryArgs,
} from './actions.js'
import { diagnosticHover } from './hover.js'
import { structureHover } from './structure.js'
import { RuleDocs } from './rule-docs.js'
import { DEFAULT_SETTINGS, languageEnabled, normalizeSettings, type Settings } from './settings.js'
import { ConfigStore, addToIgnoreList, isIgnored, problemOffsets, type ConfigProblem } from './workspace.js'

export interface ServerOptions {
  /** Rule READMEs by id (bundled at build time), for hovers. */
  readmes?: Record<string, string>
  /** The rule catalogue (defaults to core's). */
  rules?: Rule[]
}

/** One analysed version of a document. */
interface LintState {
  version: number
  generation: number
  text: string
  format: Format
  filePath?: string
  config?: ResolvedConfig
  result?: AnalyzeResult
  diagnostics: Diagnostic[]
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

function formatOf(doc: TextDocument, filePath: string | undefined): Format {
  if (doc.languageId === 'plaintext' || doc.languageId === 'text') return 'text'
  if (doc.languageId === 'markdown') return 'markdown'
  return filePath && /\.(txt|text)$/i.test(filePath) ? 'text' : 'markdown'
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const catalogue = options.rules ?? builtinRules
  const ruleById = new Map(catalogue.map((r) => [r.meta.id, r]))
  const docs = new RuleDocs(options.readmes ?? {}, (id) => ruleById.get(id)?.meta.guide)
  const documents = new TextDocuments(TextDocument)

  let settings: Settings = DEFAULT_SETTINGS
  let pullMode = false
  let refreshSupport = false
  let configurationSupport = false
  let watchRegistration = false
  let shuttingDown = false
  let folders: string[] = []
  /** Bumped when settings or config files change: cached results of older generations are stale. */
  let generation = 0

  const states = new Map<string, LintState>()
  const timers = new Map<string, NodeJS.Timeout>()
  const lastChange = new Map<string, number>()
  const publishedVersion = new Map<string, number>()
  const watchers = new Map<string, FSWatcher>()

  const log = (message: string) => connection.console.log(message)
  /** After `shutdown`, requests fail with InvalidRequest (LSP). */
  const alive = () => {
    if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, '服务器已关闭')
  }
  // A notification, not window/showMessageRequest: nothing waits for the user.
  const showMessage = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message })
  const logError = (what: string, e: unknown) => connection.console.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)

  // -------------------------------------------------------------------------------------------
  // Config

  /** Config file key → the URI its problem diagnostic was published on (an extended file may be the culprit). */
  const configProblemUris = new Map<string, string>()
  const store = new ConfigStore(catalogue, (key, problem) => onConfigProblem(key, problem))

  function onConfigProblem(key: string, problem: ConfigProblem | null): void {
    if (key === '<settings>') {
      if (problem) showMessage(MessageType.Error, `惜墨：设置 ximo.rules 有误：${problem.reason}。暂按配置文件检查。`)
      return
    }
    const previous = configProblemUris.get(key)
    if (previous) void connection.sendDiagnostics({ uri: previous, diagnostics: [] })
    configProblemUris.delete(key)
    if (!problem) return
    const uri = pathToFileURL(problem.file ?? key).href
    configProblemUris.set(key, uri)
    const [s, e] = problemOffsets(problem)
    const lines = TextDocument.create(uri, 'json', 0, problem.text ?? '')
    void connection.sendDiagnostics({
      uri,
      diagnostics: [
        {
          range: { start: lines.positionAt(s), end: lines.positionAt(e) },
          severity: DiagnosticSeverity.Error,
          source: 'ximo',
          code: 'config',
          message: `配置有误：${problem.reason}。惜墨暂按上一次有效的配置检查。`,
        },
      ],
    })
    showMessage(MessageType.Error, `惜墨：配置文件 ${problem.file ?? key} 有误：${problem.reason}。已按上一次有效的配置继续检查。`)
  }

  function folderOf(filePath: string | undefined): string | undefined {
    if (!filePath) return folders[0]
    return folders.filter((f) => filePath === f || filePath.startsWith(f.endsWith('/') ? f : f + '/')).sort((a, b) => b.length - a.length)[0]
  }

  function configDirOf(filePath: string | undefined): string {
    return filePath ? dirname(filePath) : (folders[0] ?? process.cwd())
  }

  // -------------------------------------------------------------------------------------------
  // Linting

  function lintable(doc: TextDocument): boolean {
    return settings.enable && languageEnabled(settings, doc.languageId)
  }

  function notice(message: string): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'ximo', message }
  }

  /** The analysis of the document's current version (computed once per version and generation). */
  function stateOf(doc: TextDocument): LintState {
    const hit = states.get(doc.uri)
    if (hit && hit.version === doc.version && hit.generation === generation) return hit
    const text = doc.getText()
    const filePath = uriToPath(doc.uri)
    const format = formatOf(doc, filePath)
    const state: LintState = { version: doc.version, generation, text, format, filePath, diagnostics: [] }
    if (!lintable(doc)) {
      // not linted: no diagnostics
    } else if (text.length > settings.maxDocumentSize) {
      state.diagnostics = [notice(`稿件过长（${text.length} 字符，上限 ${settings.maxDocumentSize}），惜墨未检查。可在设置 ximo.maxDocumentSize 中调整。`)]
    } else if (text.includes('\u0000')) {
      state.diagnostics = [notice('文件含有二进制内容，不是文本稿件，惜墨未检查。')]
    } else {
      try {
        const { config } = store.configFor(configDirOf(filePath), settings.rules)
        state.config = config
        // A file excluded by the config's `ignore` globs is not linted (as with `ximo lint`).
        if (!isIgnored(config, filePath)) {
          state.result = analyze(text, { filePath, format, config, rules: catalogue })
          state.diagnostics = state.result.diagnostics.map(toDiagnostic)
        }
      } catch (e) {
        logError(`检查 ${doc.uri} 时出错`, e)
      }
    }
    states.set(doc.uri, state)
    return state
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri))
    if (pullMode || shuttingDown) return
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        void lintAndPublish(uri)
      }, delay),
    )
  }

  async function lintAndPublish(uri: string): Promise<void> {
    const doc = documents.get(uri)
    if (!doc) return
    let state: LintState
    try {
      state = stateOf(doc)
    } catch (e) {
      logError('检查失败', e)
      return
    }
    // Let changes that arrived while linting be read first (the connection handles one queued
    // message per turn of the event loop): a result for an older version is never published.
    let current = documents.get(uri)
    for (let turn = 0; turn < 3 && current && current.version === state.version; turn++) {
      await new Promise((resolve) => setImmediate(resolve))
      current = documents.get(uri)
    }
    if (!current || current.version !== state.version || state.generation !== generation) return
    const previous = publishedVersion.get(uri)
    if (previous !== undefined && previous > state.version) return
    // A document never linted (another language, linting off) gets nothing, not an empty list.
    if (previous === undefined && !state.diagnostics.length && !lintable(current)) return
    publishedVersion.set(uri, state.version)
    await connection.sendDiagnostics({ uri, version: state.version, diagnostics: state.diagnostics })
  }

  function relintAll(): void {
    generation++
    if (pullMode) {
      // Typed void, but it is a request: a client error must not become an unhandled rejection.
      if (refreshSupport) Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch((e: unknown) => logError('刷新诊断失败', e))
      return
    }
    for (const doc of documents.all()) schedule(doc.uri, 0)
  }

  function sleep(ms: number, token?: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms)
      const sub = token?.onCancellationRequested(done)
      function done() {
        clearTimeout(t)
        sub?.dispose()
        resolve()
      }
    })
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities
    pullMode = !!caps.textDocument?.diagnostic
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport
    configurationSupport = !!caps.workspace?.configuration
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)
    if (!folders.length && params.rootUri) {
      const root = uriToPath(params.rootUri)
      if (root) folders = [root]
    }
    if (params.initializationOptions !== undefined && params.initializationOptions !== null) settings = normalizeSettings(params.initializationOptions)
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [ADD_TO_DICTIONARY] },
        ...(pullMode ? { diagnosticProvider: { identifier: 'ximo', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'ximo-language-server', version: '0.1.0' },
    }
  })

  connection.onInitialized(() => {
    void (async () => {
      if (configurationSupport) {
        const before = JSON.stringify(settings)
        await pullSettings()
        // Documents opened before the settings arrived are linted again with them.
        if (JSON.stringify(settings) !== before && documents.all().length) relintAll()
      }
      if (watchRegistration) {
        await connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_FILES.map((name) => ({ globPattern: `**/${name}` })) })
          .catch((e: unknown) => logError('注册文件监视失败', e))
      } else {
        for (const f of folders) watchDir(f)
      }
      // Load jieba now, so the first lint does not wait for it.
      setImmediate(() => {
        try {
          getSegmenter('jieba')
        } catch (e) {
          logError('加载分词器失败', e)
        }
      })
    })()
  })

  async function pullSettings(): Promise<void> {
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: 'ximo' }])) as unknown[]
      if (section !== null && section !== undefined) settings = normalizeSettings(section)
    } catch (e) {
      logError('读取设置失败', e)
    }
  }

  connection.onDidChangeConfiguration(async (params) => {
    const pushed = (params?.settings as Record<string, unknown> | undefined)?.ximo
    if (pushed !== undefined && pushed !== null) settings = normalizeSettings(pushed)
    else if (configurationSupport) await pullSettings()
    store.invalidate()
    relintAll()
  })

  // Fallback when the client cannot watch files: watch the folders that hold config files.
  let reloadTimer: NodeJS.Timeout | undefined
  function configFilesChanged(): void {
    store.invalidate()
    relintAll()
  }
  function watchDir(dir: string): void {
    if (watchRegistration || watchers.has(dir) || shuttingDown) return
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (name && !(CONFIG_FILES as readonly string[]).includes(String(name))) return
        clearTimeout(reloadTimer)
        reloadTimer = setTimeout(configFilesChanged, 50)
      })
      w.on('error', () => {
        w.close()
        watchers.delete(dir)
      })
      watchers.set(dir, w)
    } catch {
      // The folder may not exist or the system may be out of watchers: config is still re-read per lint.
    }
  }

  connection.onDidChangeWatchedFiles(() => configFilesChanged())

  connection.onShutdown(() => {
    shuttingDown = true
    for (const t of timers.values()) clearTimeout(t)
    timers.clear()
    clearTimeout(reloadTimer)
    for (const w of watchers.values()) w.close()
    watchers.clear()
  })

  // -------------------------------------------------------------------------------------------
  // Documents

  // A newly opened document is linted at once; later changes wait for typing to pause.
  const fresh = new Set<string>()
  documents.onDidOpen(({ document }) => {
    fresh.add(document.uri)
    const path = uriToPath(document.uri)
    if (path && !watchRegistration) {
      try {
        const cfg = store.configFor(configDirOf(path), settings.rules).file
        watchDir(cfg ? dirname(cfg) : dirname(path))
      } catch (e) {
        logError('读取配置失败', e)
      }
    }
  })

  documents.onDidChangeContent(({ document }) => {
    lastChange.set(document.uri, Date.now())
    schedule(document.uri, fresh.delete(document.uri) ? 0 : settings.debounce)
  })

  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri))
    timers.delete(document.uri)
    states.delete(document.uri)
    fresh.delete(document.uri)
    lastChange.delete(document.uri)
    publishedVersion.delete(document.uri)
    if (!pullMode) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] })
  })

  // Pull diagnostics (LSP 3.17): wait for typing to pause, then answer for the current version.
  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    alive()
    const uri = params?.textDocument?.uri
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, '缺少 textDocument.uri')
    for (;;) {
      const since = Date.now() - (lastChange.get(uri) ?? 0)
      if (since >= settings.debounce || token.isCancellationRequested) break
      await sleep(settings.debounce - since, token)
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, '稿件已更新', { retriggerRequest: true })
    const doc = documents.get(uri)
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] }
    const state = stateOf(doc)
    const resultId = `${state.version}:${state.generation}`
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId }
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: state.diagnostics }
  })

  // -------------------------------------------------------------------------------------------
  // Code actions

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    alive()
    const doc = documents.get(params?.textDocument?.uri)
    if (!doc || !params.range) return []
    const state = stateOf(doc)
    const only = params.context?.only
    const out: CodeAction[] = []
    if (kindAllowed(only, CodeActionKind.QuickFix) && state.result) {
      // Our own findings for this version: those in the range, and those the client names by
      // their exact range. A client's copy may be stale or mangled (Neovim 0.7 sends byte
      // columns back), so its ranges and data are never edited from directly.
      const requested = (params.context?.diagnostics ?? []).filter((d) => d && d.source === 'ximo' && d.range)
      const targets = state.diagnostics.filter((o) => rangesIntersect(o.range, params.range) || requested.some((d) => d.code === o.code && sameRange(o.range, d.range)))
      const fixAllDone = new Set<string>()
      const disableDone = new Set<string>()
      for (const d of targets) {
        const ruleId = typeof d.code === 'string' ? d.code : undefined
        const data = dataOf(d)
        if (!ruleId || !data) continue
        out.push(...quickFixes(doc, d, data))
        if (!fixAllDone.has(ruleId)) {
          fixAllDone.add(ruleId)
          const all = fixAllOfRule(doc, state.text, state.result.diagnostics, ruleId)
          if (all) out.push(all)
        }
        if (DICTIONARY_RULES.has(ruleId) && ruleById.get(ruleId)?.meta.schema.properties?.ignore && data.actual && doc.getText(d.range) === data.actual) out.push(addToDictionary(doc, d, ruleId, data.actual))
        const line = `${ruleId}:${d.range.start.line}`
        if (state.format === 'markdown' && ruleById.has(ruleId) && !disableDone.has(line)) {
          disableDone.add(line)
          out.push(disableLine(doc, d, ruleId, continuesParagraph(doc, state, d)))
        }
      }
    }
    // Fixing everything lints several times: only when asked for, or next to a fixable finding.
    const nearFix = out.some((a) => a.isPreferred)
    if (kindAllowed(only, FIX_ALL_KIND) && (only || nearFix) && state.result && state.result.diagnostics.some((d) => d.fix)) {
      const { output } = fixDetailed(state.text, { filePath: state.filePath, format: state.format, config: state.config, rules: catalogue })
      const all = fixAllSafe(doc, state.text, output)
      if (all) out.push(all)
    }
    return out
  })

  /** Whether the diagnostic's line starts inside a paragraph that began on an earlier line. */
  function continuesParagraph(doc: TextDocument, state: LintState, d: Diagnostic): boolean {
    const lineStart = doc.offsetAt({ line: d.range.start.line, character: 0 })
    return !!state.result?.document.blocks.some((b) => b.start < lineStart && lineStart <= b.end)
  }

  connection.onExecuteCommand(async (params) => {
    alive()
    if (params.command !== ADD_TO_DICTIONARY) throw new ResponseError(LSPErrorCodes.RequestFailed, `未知命令 ${params.command}`)
    const args = params.arguments?.[0] as AddToDictionaryArgs | undefined
    if (!args || typeof args.uri !== 'string' || typeof args.word !== 'string' || !args.word || typeof args.ruleId !== 'string')
      throw new ResponseError(LSPErrorCodes.RequestFailed, '加入词典的参数有误')
    // Only a rule with an `ignore` word list can take the word (any other option would break the config).
    if (!ruleById.get(args.ruleId)?.meta.schema.properties?.ignore) throw new ResponseError(LSPErrorCodes.RequestFailed, `规则 ${args.ruleId} 没有忽略词表`)
    const filePath = uriToPath(args.uri)
    const dir = configDirOf(filePath)
    const severity = stateOf(documents.get(args.uri) ?? TextDocument.create(args.uri, 'markdown', 0, '')).config?.rules[args.ruleId]?.severity ?? ruleById.get(args.ruleId)!.meta.severity
    try {
      const { file, created } = addToIgnoreList(dir, folderOf(filePath) ?? dir, args.ruleId, args.word, severity)
      showMessage(MessageType.Info, `惜墨：已将“${args.word}”加入${created ? '新建的' : ''} ${file} 的 ${args.ruleId} 忽略词表。`)
    } catch (e) {
      showMessage(MessageType.Error, `惜墨：无法加入词典：${e instanceof Error ? e.message : String(e)}`)
      return null
    }
    configFilesChanged()
    return null
  })

  // -------------------------------------------------------------------------------------------
  // Hover

  connection.onHover((params): Hover | null => {
    alive()
    const doc = documents.get(params?.textDocument?.uri)
    if (!doc || !params.position) return null
    const state = stateOf(doc)
    const found = state.diagnostics.filter((d) => typeof d.code === 'string' && ruleById.has(d.code) && rangeContains(d.range, params.position))
    const parts = diagnosticHover(
      found.map((d) => ({ ruleId: String(d.code ?? ''), message: d.message, url: d.codeDescription?.href })),
      ruleById,
      docs,
    )
    if (state.result) {
      const offset = doc.offsetAt(params.position)
      const structure = structureHover(state.result, offset)
      if (structure) parts.push(structure)
    }
    if (!parts.length) return null
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } }
  })

  documents.listen(connection)
  connection.listen()
  log('惜墨语言服务器已启动')
}
