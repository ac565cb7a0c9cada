// Writes the language server's V8 code cache (dist/server-main.cjs.cache): starts the built server
// as the VS Code extension does (same Node flags: V8 refuses a cache made under other flags),
// opens the fixture drafts, asks for a hover and quick fixes, and shuts it down; the server
// writes the cache as it exits, holding every function that run compiled. See core/src/code-cache.ts.
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export async function warmServerCache(root, timeoutMs = 60_000) {
  const flags = JSON.parse(readFileSync(join(root, 'packages/language-server/node-flags.json'), 'utf8'))
  const server = spawn(process.execPath, [...flags, join(root, 'packages/language-server/dist/server.js'), '--stdio'], {
    cwd: root,
    env: { ...process.env, XIMO_WRITE_CODE_CACHE: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  server.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)))
  const timer = setTimeout(() => server.kill(), timeoutMs)

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
    return new Promise((resolve) => pending.set(id, resolve))
  }
  const notify = (method, params) => send({ jsonrpc: '2.0', method, params })

  try {
    await request('initialize', { processId: process.pid, rootUri: null, capabilities: {} })
    notify('initialized', {})
    for (const dir of ['good', 'bad', 'demo']) {
      for (const name of readdirSync(join(root, 'fixtures', dir)).filter((n) => /\.(md|txt)$/.test(n))) {
        const uri = pathToFileURL(join(root, 'fixtures', dir, name)).href
        const diagnostics = new Promise((resolve) => published.set(uri, resolve))
        const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext'
        notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(join(root, 'fixtures', dir, name), 'utf8') } })
        const found = await diagnostics
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
