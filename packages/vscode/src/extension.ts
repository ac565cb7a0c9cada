/**
 * The Ximo (惜墨) VS Code extension: starts the bundled language server (dist/server/server.js)
 * over node IPC, and adds the commands, the status-bar item and the e2e test hook.
 * All linting, hovers and code actions come from the server.
 */
import * as vscode from 'vscode'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LanguageClient, State, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node'
// Node flags for the server (bench/lsp-latency.mjs starts it with the same ones).
import serverNodeFlags from '../../language-server/node-flags.json'

const SECTION = 'ximo'
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('ximo')
const DEFAULT_LANGUAGES = ['markdown', 'plaintext']

type ServerState = 'starting' | 'running' | 'stopped'

/** One rule in dist/rules/index.json (written by scripts/bundle.mjs from rules/<id>/README.md). */
interface RuleEntry {
  id: string
  title: string
  severity?: string
  fixable?: string | null
}

let client: LanguageClient | undefined
let serverState: ServerState = 'stopped'
let statusItem: vscode.StatusBarItem
let extensionUri: vscode.Uri
let output: vscode.OutputChannel
/** Serialises start/stop/restart. */
let lifecycle: Promise<void> = Promise.resolve()

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION)
}

function languages(): string[] {
  const value = settings().get<unknown>('languages')
  return Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length ? (value as string[]) : DEFAULT_LANGUAGES
}

function documentSelector(): DocumentSelector {
  const ids = languages()
  if (ids.includes('*')) return [{ scheme: 'file' }, { scheme: 'untitled' }]
  return ids.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ])
}

/** The `ximo` settings as plain data (a WorkspaceConfiguration carries methods too). */
function initializationOptions(): Record<string, unknown> {
  const s = settings()
  return {
    enable: s.get('enable'),
    rules: s.get('rules'),
    languages: s.get('languages'),
    debounce: s.get('debounce'),
    maxDocumentSize: s.get('maxDocumentSize'),
  }
}

function lintable(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false
  const ids = languages()
  return ids.includes('*') || ids.includes(doc.languageId)
}

function ximoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ximo')
}

// ---------------------------------------------------------------------------------------------
// Client lifecycle

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server/server.js')
  // The server keeps its V8 code cache in the extension's storage, made by its first run on this
  // VS Code's Node (the one the build makes is for the Node that built it).
  const env = { ...process.env, XIMO_CODE_CACHE_DIR: join(context.globalStorageUri.fsPath, 'code-cache') }
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6019'], env } },
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.ximorc.{json,yaml,yml}'),
    },
    initializationOptions: initializationOptions(),
    outputChannel: output,
    // The server reports its own problems (bad config) as messages; do not pop the output up.
    revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
  }
  const c = new LanguageClient('ximo', '惜墨', serverOptions, clientOptions)
  c.onDidChangeState((e) => {
    setServerState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped')
  })
  return c
}

function startClient(context: vscode.ExtensionContext): Promise<void> {
  return (lifecycle = lifecycle.then(async () => {
    if (client) return
    const c = createClient(context)
    client = c
    setServerState('starting')
    try {
      await c.start()
    } catch (e) {
      setServerState('stopped')
      output.appendLine(`惜墨语言服务器启动失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
      void vscode.window.showErrorMessage('惜墨：检查服务启动失败，请查看“输出”面板中的“惜墨”日志，或运行命令“惜墨：重新检查”。')
    }
  }))
}

function stopClient(): Promise<void> {
  return (lifecycle = lifecycle.then(async () => {
    const c = client
    client = undefined
    if (!c) return
    try {
      if (c.isRunning()) await c.stop(5000)
      else await c.dispose(5000)
    } catch (e) {
      output.appendLine(`停止惜墨语言服务器时出错：${e instanceof Error ? e.message : String(e)}`)
    }
    setServerState('stopped')
  }))
}

async function restartClient(context: vscode.ExtensionContext): Promise<void> {
  await stopClient()
  // Activation does not wait for the server (jieba's dictionary takes a moment to load).
  void startClient(context)
}

// ---------------------------------------------------------------------------------------------
// Status bar

function setServerState(state: ServerState): void {
  serverState = state
  updateStatus()
  writeTestHook()
}

function updateStatus(): void {
  if (!statusItem) return
  const editor = vscode.window.activeTextEditor
  statusItem.backgroundColor = undefined
  if (serverState === 'starting') {
    statusItem.text = '惜墨 $(sync~spin) 启动中'
    statusItem.tooltip = '惜墨检查服务正在启动（首次加载分词词典需要几秒钟）'
    statusItem.command = undefined
  } else if (serverState === 'stopped') {
    statusItem.text = '惜墨 $(error) 已停止'
    statusItem.tooltip = '惜墨检查服务已停止。点击重新启动并检查。'
    statusItem.command = 'ximo.restart'
    statusItem.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground')
  } else if (!settings().get<boolean>('enable', true)) {
    statusItem.text = '惜墨 $(circle-slash) 已关闭'
    statusItem.tooltip = '惜墨检查已关闭（设置 ximo.enable）。'
    statusItem.command = { title: '打开设置', command: 'workbench.action.openSettings', arguments: ['ximo.enable'] }
  } else if (!editor || !lintable(editor.document)) {
    statusItem.text = '惜墨'
    statusItem.tooltip = `当前文件不在惜墨的检查范围内（设置 ximo.languages：${languages().join('、')}）。`
    statusItem.command = 'ximo.showRuleDocs'
  } else {
    const found = ximoDiagnostics(editor.document.uri)
    const count = (s: vscode.DiagnosticSeverity) => found.filter((d) => d.severity === s).length
    statusItem.text = found.length ? `惜墨 $(warning) ${found.length}` : '惜墨 $(check) 0'
    statusItem.tooltip = found.length
      ? `惜墨：本文件发现 ${found.length} 处问题（错误 ${count(vscode.DiagnosticSeverity.Error)}、警告 ${count(vscode.DiagnosticSeverity.Warning)}、提示 ${count(vscode.DiagnosticSeverity.Information) + count(vscode.DiagnosticSeverity.Hint)}）。点击打开“问题”面板。`
      : '惜墨：本文件未发现问题。'
    statusItem.command = 'workbench.actions.view.problems'
  }
  statusItem.show()
}

// ---------------------------------------------------------------------------------------------
// Commands

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor
  if (!editor || !lintable(editor.document)) {
    void vscode.window.showInformationMessage('惜墨：请先打开一篇要检查的稿件（Markdown 或纯文本）。')
    return
  }
  if (serverState !== 'running') {
    void vscode.window.showWarningMessage('惜墨：检查服务尚未就绪，请稍后再试。')
    return
  }
  const doc = editor.document
  const before = doc.version
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length))
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND.value)) ?? []
  const action = actions.find((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && FIX_ALL_KIND.contains(a.kind))
  if (!action?.edit) {
    void vscode.window.showInformationMessage('惜墨：本文件没有可自动修复的问题。其余问题请按提示人工修改。')
    return
  }
  if (doc.version !== before) {
    void vscode.window.showWarningMessage('惜墨：稿件在修复前已被修改，请再运行一次“修复全部问题”。')
    return
  }
  const ok = await vscode.workspace.applyEdit(action.edit)
  if (!ok) void vscode.window.showErrorMessage('惜墨：修复未能应用，请重试。')
  else void vscode.window.showInformationMessage('惜墨：已修复全部可自动修复的问题，其余问题请按提示人工修改。')
}

function ruleCatalogue(): RuleEntry[] {
  const file = vscode.Uri.joinPath(extensionUri, 'dist', 'rules', 'index.json').fsPath
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return Array.isArray(parsed) ? (parsed as RuleEntry[]).filter((r) => r && typeof r.id === 'string') : []
  } catch {
    return []
  }
}

const SEVERITY_NAMES: Record<string, string> = { error: '错误', warning: '警告', info: '提示' }

async function showRuleDocs(ruleId?: unknown): Promise<void> {
  const rules = ruleCatalogue()
  if (!rules.length) {
    void vscode.window.showErrorMessage('惜墨：扩展中缺少规则说明文件，请重新安装扩展。')
    return
  }
  let chosen = typeof ruleId === 'string' ? rules.find((r) => r.id === ruleId) : undefined
  if (!chosen) {
    // Rules found in the active file come first.
    const editor = vscode.window.activeTextEditor
    const inFile = new Map<string, number>()
    if (editor) {
      for (const d of ximoDiagnostics(editor.document.uri)) {
        const id = typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? '')
        inFile.set(id, (inFile.get(id) ?? 0) + 1)
      }
    }
    const sorted = [...rules].sort((a, b) => (inFile.get(b.id) ?? 0) - (inFile.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    const items = sorted.map((r) => ({
      label: r.title || r.id,
      description: r.id,
      detail: [
        inFile.get(r.id) ? `本文件 ${inFile.get(r.id)} 处` : '',
        r.severity ? `默认级别：${SEVERITY_NAMES[r.severity] ?? r.severity}` : '',
        r.fixable ? '可一键修复' : '',
      ]
        .filter(Boolean)
        .join(' · '),
      rule: r,
    }))
    const picked = await vscode.window.showQuickPick(items, { title: '惜墨：规则说明', placeHolder: '选择一条规则，查看说明和正误示例', matchOnDescription: true, matchOnDetail: true })
    if (!picked) return
    chosen = picked.rule
  }
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'rules', `${chosen.id}.md`)
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri)
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true })
  }
}

// ---------------------------------------------------------------------------------------------
// Test hook: XIMO_E2E_DIAGNOSTICS_FILE receives every diagnostic the extension host knows of.

const SEVERITY_IDS = ['error', 'warning', 'info', 'hint'] as const

function writeTestHook(): void {
  const file = process.env.XIMO_E2E_DIAGNOSTICS_FILE
  if (!file) return
  const diagnostics = vscode.languages.getDiagnostics().flatMap(([uri, list]) =>
    list.map((d) => ({
      uri: uri.toString(),
      range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
      message: d.message,
      code: typeof d.code === 'object' && d.code ? d.code.value : d.code,
      severity: SEVERITY_IDS[d.severity],
      source: d.source,
    })),
  )
  try {
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify({ state: serverState, time: Date.now(), diagnostics }, null, 1))
    renameSync(tmp, file)
  } catch (e) {
    output.appendLine(`无法写入 XIMO_E2E_DIAGNOSTICS_FILE：${e instanceof Error ? e.message : String(e)}`)
  }
}

// ---------------------------------------------------------------------------------------------

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionUri = context.extensionUri
  output = vscode.window.createOutputChannel('惜墨')
  statusItem = vscode.window.createStatusBarItem('ximo.status', vscode.StatusBarAlignment.Right, 100)
  statusItem.name = '惜墨'
  context.subscriptions.push(output, statusItem)

  if (!existsSync(context.asAbsolutePath('dist/server/server.js'))) {
    output.appendLine('缺少 dist/server/server.js：扩展未正确打包。')
    setServerState('stopped')
    void vscode.window.showErrorMessage('惜墨：扩展缺少检查服务文件，请按 README 重新打包并安装。')
    return
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('ximo.fixAll', fixAll),
    vscode.commands.registerCommand('ximo.showRuleDocs', showRuleDocs),
    vscode.commands.registerCommand('ximo.restart', async () => {
      await restartClient(context)
      if (serverState === 'running') void vscode.window.setStatusBarMessage('惜墨：已重新检查', 3000)
    }),
    vscode.languages.onDidChangeDiagnostics(() => {
      updateStatus()
      writeTestHook()
    }),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts: a language change needs a restart.
      if (e.affectsConfiguration('ximo.languages')) void restartClient(context)
      if (e.affectsConfiguration(SECTION)) updateStatus()
    }),
    { dispose: () => void stopClient() },
  )

  // Activation does not wait for the server (jieba's dictionary takes a moment to load).
  void startClient(context)
}

export async function deactivate(): Promise<void> {
  await stopClient()
}
