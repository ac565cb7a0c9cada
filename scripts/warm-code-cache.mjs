// Writes the V8 code caches of the built CLI (dist/cli-main.cjs.cache) and language server
// (dist/server-main.cjs.cache): each is run once over the fixture drafts with
// XIMO_WRITE_CODE_CACHE=1 and writes its cache as it exits, holding every function the run
// compiled. Each runs as it is usually started: V8 refuses a cache made under other Node flags.
// See packages/core/src/code-cache.ts.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const FIXTURE_DIRS = ['good', 'bad', 'demo']

/** `ximo lint` (one thread: only the main thread writes the cache), then `--fix-dry-run --format json`. */
export function warmCliCache(root) {
  const dirs = FIXTURE_DIRS.map((d) => join(root, 'fixtures', d))
  // XIMO_CODE_CACHE_DIR emptied: the cache goes next to the bundle, whatever the shell says.
  const env = { ...process.env, XIMO_WRITE_CODE_CACHE: '1', XIMO_CODE_CACHE_DIR: '' }
  for (const args of [['lint', '--jobs', '1', ...dirs], ['lint', '--jobs', '1', '--fix-dry-run', '--format', 'json', ...dirs]]) {
    const run = spawnSync(process.execPath, [join(root, 'packages/cli/bin/ximo.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 })
    // 0: clean, 1: findings; anything else is a failure.
    if (run.status !== 0 && run.status !== 1) throw new Error(`ximo ${args.join(' ')} exited with ${run.status ?? run.signal}:\n${run.stderr}`)
  }
}

/** The server as the VS Code extension starts it: opens each fixture draft, asks for a hover and quick fixes, shuts down. */
export async function warmServerCache(root, timeoutMs = 60_000) {
  const flags = JSON.parse(readFileSync(join(root, 'packages/language-server/node-flags.json'), 'utf8'))
  const server = spawn(process.execPath, [...flags, join(root, 'packages/language-server/dist/server.js'), '--stdio'], {
    cwd: root,
    env: { ...process.env, XIMO_WRITE_CODE_CACHE: '1', XIMO_CODE_CACHE_DIR: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  server.stderr.on('data', (d) => (stderr += d))
  // Writing to a server that has died: its exit is what gets reported.
  server.stdin.on('error', () => {})
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve(code ?? signal)))
  const timer = setTimeout(() => server.kill(), timeoutMs)
  // Every wait for the server ends when it does: a server that dies mid-way fails the warm-up
  // instead of leaving it waiting for ever.
  const gone = exited.then((code) => {
    throw new Error(`exited with ${code}`)
  })
  gone.catch(() => {})
  const untilExit = (p) => Promise.race([p, gone])

  // JSON-RPC over stdio: Content-Length framing.
  const pending = new Map()
  const published = new Map()
  let buffer = Buffer.alloc(0)
  server.stdout.on('data', (d) => {
    buffer = Buffer.concat([buffer, d])
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1])
      if (buffer.length < end + 4 + length) return
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'))
      buffer = buffer.subarray(end + 4 + length)
      if (message.id !== undefined && message.method) send({ jsonrpc: '2.0', id: message.id, result: null })
      else if (message.id !== undefined) pending.get(message.id)?.(message.result)
      else if (message.method === 'textDocument/publishDiagnostics') published.get(message.params.uri)?.(message.params.diagnostics)
    }
  })
  const send = (m) => {
    const body = Buffer.from(JSON.stringify(m), 'utf8')
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
    server.stdin.write(body)
  }
  let nextId = 1
  const request = (method, params) => {
    const id = nextId++
    send({ jsonrpc: '2.0', id, method, params })
    return untilExit(new Promise((resolve) => pending.set(id, resolve)))
  }
  const notify = (method, params) => send({ jsonrpc: '2.0', method, params })

  try {
    await request('initialize', { processId: process.pid, rootUri: null, capabilities: {} })
    notify('initialized', {})
    for (const dir of FIXTURE_DIRS) {
      for (const name of readdirSync(join(root, 'fixtures', dir)).filter((n) => /\.(md|txt)$/.test(n))) {
        const uri = pathToFileURL(join(root, 'fixtures', dir, name)).href
        const diagnostics = new Promise((resolve) => published.set(uri, resolve))
        const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext'
        notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(join(root, 'fixtures', dir, name), 'utf8') } })
        const found = await untilExit(diagnostics)
        if (found.length) {
          const { range } = found[0]
          await request('textDocument/hover', { textDocument: { uri }, position: range.start })
          await request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: found } })
        }
        notify('textDocument/didClose', { textDocument: { uri } })
      }
    }
    await request('shutdown', null)
    notify('exit', null)
  } catch (e) {
    server.kill()
    stderr += String(e)
  }
  const code = await exited
  clearTimeout(timer)
  if (code !== 0) throw new Error(`the language server exited with ${code} while warming its code cache${stderr ? `:\n${stderr}` : ''}`)
}
