import { spawn } from 'node:child_process'
import * as rpc from 'vscode-jsonrpc/node.js'
const proc = spawn('node', ['/work/main/packages/language-server/bin/ximo-language-server.js', '--stdio'], { cwd: '/tmp/ws1' })
proc.stderr.on('data', d => process.stderr.write('[srv] ' + d))
const c = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin))
c.onRequest('workspace/configuration', (p) => p.items.map(() => null))
c.onRequest('client/registerCapability', () => null)
c.onNotification('textDocument/publishDiagnostics', p => console.log('diag', p.uri, p.version, p.diagnostics.length, p.diagnostics[0]?.message))
c.listen()
const t0 = Date.now()
const T = (m) => console.log(Date.now() - t0, m)
await c.sendRequest('initialize', { processId: process.pid, rootUri: 'file:///tmp/ws1', capabilities: {}, workspaceFolders: [{ uri: 'file:///tmp/ws1', name: 'ws' }] })
c.sendNotification('initialized', {})
T('init')
// garbage body
const body = '{"jsonrpc":"2.0","id":99,"method":'
proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
proc.stdin.write(`Content-Length: 4\r\n\r\n[1,]`)
proc.stdin.write(`Content-Length: 2\r\n\r\n{}`)
proc.stdin.write(`Content-Length: 17\r\n\r\n{"jsonrpc":"2.0"}`)
for (const [m, p] of [['textDocument/hover', {}], ['textDocument/hover', null], ['textDocument/codeAction', { textDocument: { uri: 'file:///x.md' } }], ['textDocument/diagnostic', {}], ['workspace/executeCommand', { command: 'ximo.addToDictionary', arguments: [{}] }], ['foo/bar', {}]]) {
  try { console.log(m, JSON.stringify(await c.sendRequest(m, p))) } catch (e) { console.log(m, 'ERR', e.code, e.message) }
}
c.sendNotification('textDocument/didOpen', {})
c.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nope.md', version: 3 }, contentChanges: [{ text: 'x' }] })
const big = ('县农业农村局组织技术人员深入乡镇开展秋播技术指导，现场发放资料。'.repeat(20) + '\n\n').repeat(5000)
T('big ' + big.length)
c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/ws1/big.md', languageId: 'markdown', version: 1, text: big } })
const bin = Buffer.from(Array.from({ length: 100000 }, (_, i) => (i * 7919) % 256)).toString('latin1')
c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/ws1/bin.md', languageId: 'markdown', version: 1, text: bin } })
const bin2 = Buffer.from(Array.from({ length: 100000 }, (_, i) => (i * 7919) % 256)).toString('utf8').replace(/\0/g, '')
c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/ws1/bin2.md', languageId: 'markdown', version: 1, text: bin2 } })
console.log('hover', JSON.stringify(await c.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///tmp/ws1/big.md' }, position: { line: 0, character: 3 } })).slice(0, 100))
T('hover')
await new Promise(r => setTimeout(r, 3000))
await c.sendRequest('shutdown')
T('shutdown')
try { console.log(await c.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///tmp/ws1/big.md' }, position: { line: 0, character: 3 } })) } catch (e) { console.log('after shutdown', e.code, e.message) }
c.sendNotification('exit')
proc.on('exit', code => T('exit ' + code))
