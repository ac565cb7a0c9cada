// The language server must never crash: malformed messages and parameters, documents of
// several MB, binary content. It answers shutdown/exit as the protocol says, and runs over
// node-ipc as well as stdio.
import { describe, it, expect } from 'vitest'
import type { Diagnostic } from 'vscode-languageserver'
import { ResponseError } from 'vscode-jsonrpc/node.js'
import { startClient, workspace } from '../packages/language-server/test/client.js'

const CONFIG = JSON.stringify({ extends: [], rules: { 'sentence-length': ['warning', { max: 20 }], 'punctuation-width': 'warning' } })
const DRAFT = '# 𠮷田村推进秋播\n\n𠮷大伯说,玉米长势很好。\n'

async function errorOf(p: Promise<unknown>): Promise<{ code: number; message: string } | 'no error'> {
  try {
    await p
    return 'no error'
  } catch (e) {
    expect(e).toBeInstanceOf(ResponseError)
    return { code: (e as ResponseError<unknown>).code, message: (e as Error).message }
  }
}

describe('language server robustness', () => {
  it('survives malformed messages and parameters', async () => {
    const ws = workspace({ '.ximorc.json': CONFIG })
    const client = await startClient({ cwd: ws.dir })
    try {
      // Bodies that are not JSON, not JSON-RPC, or cut short.
      const stdin = client.proc.stdin!
      for (const body of ['{"jsonrpc":"2.0","id":99,"method":', '[1,]', '{}', '{"jsonrpc":"2.0"}', 'null', '{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":"x"}'])
        stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
      // Notifications with missing or wrong parameters.
      await client.connection.sendNotification('textDocument/didOpen', {})
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: ws.uri('none.md'), version: 2 }, contentChanges: [{ text: 'x' }] })
      await client.connection.sendNotification('textDocument/didClose', { textDocument: {} })
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ximo: { rules: 42, debounce: 'soon', languages: [1] } } })
      // Requests with missing or wrong parameters answer with null, [] or an error.
      expect(await client.connection.sendRequest('textDocument/hover', {})).toBeNull()
      expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 42 }, position: 'top' })).toBeNull()
      expect(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: ws.uri('none.md') } })).toEqual([])
      expect(await errorOf(client.connection.sendRequest('textDocument/diagnostic', {}))).toEqual({ code: -32602, message: '缺少 textDocument.uri' })
      expect(await errorOf(client.connection.sendRequest('workspace/executeCommand', { command: 'ximo.addToDictionary', arguments: [{}] }))).toEqual({ code: -32803, message: '加入词典的参数有误' })
      expect(await errorOf(client.connection.sendRequest('workspace/executeCommand', { command: 'ximo.addToDictionary', arguments: [{ uri: ws.uri('a.md'), ruleId: 'punctuation-width', word: '，' }] }))).toEqual({
        code: -32803,
        message: '规则 punctuation-width 没有忽略词表',
      })
      expect(((await errorOf(client.connection.sendRequest('no/such-method', {}))) as { code: number }).code).toBe(-32601)

      // Still working: a document is linted with exact positions.
      const uri = ws.uri('a.md')
      client.open(uri, DRAFT)
      const p = await client.diagnostics(uri)
      expect(p.diagnostics.map((d) => [d.code, d.range])).toEqual([['punctuation-width', { start: { line: 2, character: 5 }, end: { line: 2, character: 6 } }]])
      // A code action with junk among the client's diagnostics.
      const junk = [null, { source: 'ximo' }, { source: 'ximo', range: p.diagnostics[0].range, code: 'punctuation-width', data: 'x' }]
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: junk } })) as Array<{ title: string }>
      expect(actions.map((a) => a.title)).toContain('将“,”改为“，”')
    } finally {
      expect(await client.close()).toBe(0)
    }
    expect(client.stderr()).not.toMatch(/ximo-language-server:/)
  }, 120_000)

  it('handles documents of several MB and binary content', async () => {
    const ws = workspace({ '.ximorc.json': CONFIG })
    const client = await startClient({ cwd: ws.dir })
    try {
      const line = '县农业农村局组织技术人员深入乡镇开展秋播技术指导，现场发放资料。'
      const big = ('# 县里推进秋播工作\n\n' + (line.repeat(10) + '\n\n').repeat(10_000)).slice(0, 3_000_000)
      const bigUri = ws.uri('big.md')
      client.open(bigUri, big)
      const p = await client.diagnostics(bigUri)
      expect(p.diagnostics).toEqual([
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          source: 'ximo',
          message: '稿件过长（3000000 字符，上限 2000000），惜墨未检查。可在设置 ximo.maxDocumentSize 中调整。',
        },
      ])
      expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 0, character: 0 } })).toBeNull()
      expect(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: bigUri }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } })).toEqual([])
      // Editing it stays cheap and answers.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: bigUri, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '今天,' }],
      })
      expect((await client.diagnostics(bigUri, (x) => x.version === 2)).diagnostics).toHaveLength(1)

      const bin = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1')
      const binUri = ws.uri('image.md')
      client.open(binUri, bin)
      const b = await client.diagnostics(binUri)
      expect(b.diagnostics.map((d) => d.message)).toEqual(['文件含有二进制内容，不是文本稿件，惜墨未检查。'])

      // Bytes decoded as UTF-8 (replacement characters, lone surrogates, control codes) but no NUL: linted, no crash.
      const noise = Buffer.from(Array.from({ length: 50_000 }, (_, i) => 1 + ((i * 104729) % 255))).toString('utf8') + '\ud800\udc00\udfff\ud83d'
      const noiseUri = ws.uri('noise.md')
      client.open(noiseUri, noise)
      const n = await client.diagnostics(noiseUri)
      const lines = noise.split('\n')
      for (const d of n.diagnostics as Diagnostic[]) {
        expect(d.range.end.line).toBeLessThan(lines.length)
        expect(d.range.end.character).toBeLessThanOrEqual(lines[d.range.end.line].length)
      }
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: noiseUri }, position: { line: 0, character: 3 } })
      expect(hover === null || typeof hover === 'object').toBe(true)
    } finally {
      expect(await client.close()).toBe(0)
    }
    expect(client.stderr()).not.toMatch(/ximo-language-server:/)
  }, 180_000)

  it('drops a result that went stale while it was being computed', async () => {
    const ws = workspace({ '.ximorc.json': CONFIG })
    // No debounce: the lint of version 2 starts at once and takes long on this draft.
    const client = await startClient({ cwd: ws.dir, initializationOptions: { debounce: 0 }, settings: () => ({ debounce: 0 }) })
    try {
      const uri = ws.uri('long.md')
      const para = '县农业农村局组织技术人员深入乡镇开展秋播技术指导,现场发放资料。'
      client.open(uri, '# 县里推进秋播工作\n\n' + (para.repeat(4) + '\n\n').repeat(800))
      await client.diagnostics(uri, (p) => p.version === 1, 120_000)
      const edit = (version: number, text: string) =>
        client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text }],
        })
      await edit(2, '今天')
      await new Promise((r) => setTimeout(r, 10))
      await edit(3, '明天')
      const p = await client.diagnostics(uri, (x) => x.version === 3, 120_000)
      expect(p.diagnostics.filter((d) => d.code === 'punctuation-width')).toHaveLength(3200)
      expect(client.published.filter((x) => x.uri === uri).map((x) => x.version)).toEqual([1, 3])
    } finally {
      expect(await client.close()).toBe(0)
    }
  }, 300_000)

  it('fails requests after shutdown and exits with 0', async () => {
    const ws = workspace({ '.ximorc.json': CONFIG })
    const client = await startClient({ cwd: ws.dir })
    const uri = ws.uri('a.md')
    client.open(uri, DRAFT)
    await client.diagnostics(uri)
    const exited = new Promise<number | null>((resolve) => client.proc.once('exit', resolve))
    expect(await client.connection.sendRequest('shutdown')).toBeNull()
    expect(await errorOf(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } }))).toEqual({
      code: -32600,
      message: '服务器已关闭',
    })
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(0)
  }, 120_000)

  it('exits with 1 on exit without shutdown', async () => {
    const ws = workspace({ '.ximorc.json': CONFIG })
    const client = await startClient({ cwd: ws.dir })
    const exited = new Promise<number | null>((resolve) => client.proc.once('exit', resolve))
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(1)
  }, 120_000)

  it('runs over node-ipc', async () => {
    const ws = workspace({ '.ximorc.json': CONFIG })
    const client = await startClient({ cwd: ws.dir, transport: 'ipc' })
    try {
      const uri = ws.uri('a.md')
      client.open(uri, DRAFT)
      const p = await client.diagnostics(uri)
      expect(p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)).toEqual(['punctuation-width 2:5-2:6'])
    } finally {
      expect(await client.close()).toBe(0)
    }
  }, 120_000)
})
