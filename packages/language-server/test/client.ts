/**
 * A small LSP client for the protocol tests: starts the built server (stdio or node-ipc),
 * answers its requests (configuration, registrations, refresh) and records what it sends.
 */
import { spawn, fork, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js'
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver'

export const root = join(import.meta.dirname, '..', '..', '..')
export const serverBin = join(root, 'packages/language-server/bin/ximo-language-server.js')
const bundle = join(root, 'packages/language-server/dist/server.js')

function newest(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/** Build the server bundle when it is missing or older than its sources. */
export function ensureBuilt(): void {
  const sources = Math.max(...['packages/language-server/src', 'packages/core/src', 'rules'].map((d) => newest(join(root, d))))
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' })
}

/** A temporary workspace holding `files` (path → content). */
export function workspace(files: Record<string, string>): { dir: string; uri: (p: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ximo-lsp-'))
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text)
  return { dir, uri: (p: string) => pathToFileURL(join(dir, p)).href }
}

export interface StartOptions {
  cwd: string
  transport?: 'stdio' | 'ipc'
  capabilities?: ClientCapabilities
  initializationOptions?: unknown
  /** Answers to workspace/configuration for the `ximo` section. */
  settings?: () => unknown
}

export interface TestClient {
  connection: MessageConnection
  proc: ChildProcess
  init: InitializeResult
  /** Every publishDiagnostics, in order of arrival. */
  published: PublishDiagnosticsParams[]
  messages: Array<{ type: number; message: string }>
  registrations: unknown[]
  refreshes: number
  stderr(): string
  /** The next publishDiagnostics for `uri` (after `after` publications) matching `pred`. */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeout?: number): Promise<PublishDiagnosticsParams>
  open(uri: string, text: string, languageId?: string, version?: number): void
  close(): Promise<number | null>
}

export const BASE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
}

export async function startClient(opts: StartOptions): Promise<TestClient> {
  ensureBuilt()
  let proc: ChildProcess
  let connection: MessageConnection
  if (opts.transport === 'ipc') {
    proc = fork(serverBin, ['--node-ipc'], { cwd: opts.cwd, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    connection = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
  } else {
    proc = spawn(process.execPath, [serverBin, '--stdio'], { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!))
  }
  let stderr = ''
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const published: PublishDiagnosticsParams[] = []
  const waiters: Array<() => void> = []
  const messages: Array<{ type: number; message: string }> = []
  const registrations: unknown[] = []
  const client = { refreshes: 0 } as TestClient
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p)
    for (const w of waiters.splice(0)) w()
  })
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    messages.push(p)
    for (const w of waiters.splice(0)) w()
  })
  connection.onNotification('window/logMessage', () => {})
  connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map(() => opts.settings?.() ?? null))
  connection.onRequest('client/registerCapability', (p: unknown) => {
    registrations.push(p)
    return null
  })
  connection.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshes++
    for (const w of waiters.splice(0)) w()
    return null
  })
  connection.listen()
  const rootUri = pathToFileURL(opts.cwd).href
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: opts.capabilities ?? BASE_CAPABILITIES,
    initializationOptions: opts.initializationOptions,
  })) as InitializeResult
  await connection.sendNotification('initialized', {})

  // Per URI: how many of its publications a `diagnostics()` call has consumed.
  const seen = new Map<string, number>()
  Object.assign(client, {
    connection,
    proc,
    init,
    published,
    messages,
    registrations,
    stderr: () => stderr,
    diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeout = 30000) {
      return new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)]))}\n${stderr}`)), timeout)
        const check = () => {
          const mine = published.filter((p) => p.uri === uri)
          for (let i = seen.get(uri) ?? 0; i < mine.length; i++) {
            if (pred(mine[i])) {
              seen.set(uri, i + 1)
              clearTimeout(timer)
              resolve(mine[i])
              return
            }
          }
          seen.set(uri, mine.length)
          waiters.push(check)
        }
        check()
      })
    },
    open(uri: string, text: string, languageId = 'markdown', version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } })
    },
    async close() {
      const exited = new Promise<number | null>((resolve) => {
        if (proc.exitCode !== null) resolve(proc.exitCode)
        else proc.once('exit', (code) => resolve(code))
      })
      try {
        await connection.sendRequest('shutdown')
        await connection.sendNotification('exit')
      } catch {
        proc.kill()
      }
      const code = await exited
      connection.dispose()
      return code
    },
  })
  return client
}

/** Wait for a condition, polling. */
export async function until<T>(f: () => T | undefined | null | false, timeout = 30000, what = 'condition'): Promise<T> {
  const start = Date.now()
  for (;;) {
    const v = f()
    if (v) return v
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Apply LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: Array<{ range: Diagnostic['range']; newText: string }>): string {
  const lines: number[] = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.push(i + 1)
  const off = (p: { line: number; character: number }) => (lines[p.line] ?? text.length) + p.character
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start))
  let out = text
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end))
  return out
}
