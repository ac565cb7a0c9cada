// The language server over stdio, driven with vscode-jsonrpc as an editor would: initialize,
// open, incremental changes, push diagnostics with exact UTF-16 ranges (characters outside
// the BMP included), code actions applied and re-linted, hover, config changes, shutdown.
// The rules are pinned by the workspace config so that new rules do not change the results.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver'
import { analyze, summarize, type XimoConfig } from '@ximo/core'
import { startClient, workspace, applyEdits, until, type TestClient } from '../packages/language-server/test/client.js'

const CONFIG: XimoConfig = { extends: [], rules: { 'sentence-length': ['warning', { max: 20 }], 'punctuation-width': 'warning' } }

// 𠮷 (U+20BB7) is two UTF-16 code units: every column after it is one more than its index in code points.
const DRAFT = [
  '# 𠮷田村秋播工作有序推进', // 0
  '', // 1
  '𠮷田村种粮大户说收成好。县农业农村局组织技术人员深入全县十二个乡镇开展秋播技术指导。', // 2
  '', // 3
  '𠮷大伯说,玉米长势很好,亩产有望提高。', // 4
  '',
].join('\n')

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } })
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)

describe('language server over stdio (push diagnostics)', () => {
  let client: TestClient
  let ws: ReturnType<typeof workspace>
  let uri: string
  let text = DRAFT
  let version = 1

  /** Send an incremental change and keep the client's copy in step. */
  async function change(edits: Array<{ range: ReturnType<typeof range>; newText: string }>): Promise<number> {
    text = applyEdits(text, edits)
    version++
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    })
    return version
  }

  const atVersion = (v: number) => (p: PublishDiagnosticsParams) => p.version === v

  beforeAll(async () => {
    ws = workspace({ '.ximorc.json': JSON.stringify(CONFIG, null, 2) + '\n' })
    uri = ws.uri('draft.md')
    writeFileSync(join(ws.dir, 'draft.md'), DRAFT)
    client = await startClient({ cwd: ws.dir, capabilities: { ...noPull() } })
  }, 120_000)
  afterAll(async () => {
    if (client && client.proc.exitCode === null) await client.close()
  })

  it('initializes with incremental sync, code actions, hover and push diagnostics', () => {
    const caps = client.init.capabilities
    expect(caps.textDocumentSync).toEqual({ openClose: true, change: 2 })
    expect(caps.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.ximo'] })
    expect(caps.hoverProvider).toBe(true)
    expect(caps.executeCommandProvider).toEqual({ commands: ['ximo.addToDictionary'] })
    expect(caps.diagnosticProvider).toBeUndefined()
    expect(client.init.serverInfo?.name).toBe('ximo-language-server')
  })

  it('publishes diagnostics on open with exact UTF-16 ranges', async () => {
    client.open(uri, text)
    const p = await client.diagnostics(uri, atVersion(1))
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:13-2:43', 'punctuation-width 4:5-4:6', 'punctuation-width 4:12-4:13'])
    const [long, comma] = p.diagnostics
    expect(long).toMatchObject({
      severity: 2,
      source: 'ximo',
      code: 'sentence-length',
      message: '句子过长（30 字，建议不超过 20 字），请拆成短句。',
      codeDescription: { href: 'https://github.com/ximo-lint/ximo/blob/main/rules/sentence-length/README.md' },
      data: { messageId: 'tooLong', actual: '县农业农村局组织技术人员深入全县十二个乡镇开展秋播技术指导。', fixable: false },
    })
    expect(long.tags).toBeUndefined()
    expect(comma).toMatchObject({ severity: 2, source: 'ximo', code: 'punctuation-width', data: { actual: ',', expected: ['，'], fixable: true } })
  })

  it('re-lints after an incremental change, ranges shifted past the surrogate pair', async () => {
    // 收成好 is at UTF-16 columns 9–12 (𠮷 takes columns 0 and 1).
    const v = await change([{ range: range(2, 9, 2, 12), newText: '今年收成比去年好' }])
    const p = await client.diagnostics(uri, atVersion(v))
    expect(text.split('\n')[2].startsWith('𠮷田村种粮大户说今年收成比去年好。县')).toBe(true)
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'punctuation-width 4:5-4:6', 'punctuation-width 4:12-4:13'])
  })

  it('debounces a burst of changes and never publishes an older version over a newer one', async () => {
    // A longer pause than the default, so that a loaded machine cannot stretch the burst past it.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ximo: { debounce: 600 } } })
    await client.diagnostics(uri, atVersion(version))
    const before = client.published.length
    const sent = ['一', '二', '三', '四', '五'].map((ch) => change([{ range: range(4, 0, 4, 0), newText: ch }]))
    const last = Math.max(...(await Promise.all(sent)))
    const p = await client.diagnostics(uri, atVersion(last))
    // 五四三二一 now precede 𠮷 on line 4.
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'sentence-length 4:0-4:25', 'punctuation-width 4:10-4:11', 'punctuation-width 4:17-4:18'])
    await new Promise((r) => setTimeout(r, 800))
    const burst = client.published.slice(before).filter((x) => x.uri === uri)
    expect(burst.map((x) => x.version)).toEqual([last])
    const versions = client.published.filter((x) => x.uri === uri).map((x) => x.version!)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    // Back to the draft's line 4 and the default settings.
    const v = await change([{ range: range(4, 0, 4, 5), newText: '' }])
    await client.diagnostics(uri, atVersion(v))
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ximo: {} } })
    await client.diagnostics(uri, atVersion(v))
  })

  async function actionsAt(r: ReturnType<typeof range>, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: r,
      context: { diagnostics, ...(only ? { only } : {}) },
    })) as CodeAction[]
  }

  async function applyAction(a: CodeAction): Promise<PublishDiagnosticsParams> {
    const edits = a.edit!.changes![uri]
    const v = await change(edits)
    return client.diagnostics(uri, atVersion(v))
  }

  it('offers the rule fix as the preferred quick fix, a fix-all for the rule and a disable comment', async () => {
    const current = client.published.filter((x) => x.uri === uri).at(-1)!
    const comma = current.diagnostics.find((d) => d.code === 'punctuation-width')!
    expect(comma.range).toEqual(range(4, 5, 4, 6))
    const actions = await actionsAt(comma.range, [comma])
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['将“,”改为“，”', 'quickfix', true],
      ['修复本文件中所有同类问题（punctuation-width，共 2 处）', 'quickfix', false],
      ['在此行禁用该规则（punctuation-width）', 'quickfix', false],
      ['修复本文件中所有可自动修复的问题（惜墨）', 'source.fixAll.ximo', false],
    ])
    expect(actions[0].edit!.changes![uri]).toEqual([{ range: range(4, 5, 4, 6), newText: '，' }])
    expect(actions[1].edit!.changes![uri]).toEqual([
      { range: range(4, 5, 4, 6), newText: '，' },
      { range: range(4, 12, 4, 13), newText: '，' },
    ])
    expect(actions[2].edit!.changes![uri]).toEqual([{ range: range(4, 0, 4, 0), newText: '<!-- ximo-disable-next-line punctuation-width -->\n' }])
    expect(actions[0].diagnostics).toEqual([comma])

    // Apply the preferred fix: the comma is gone from the re-linted diagnostics.
    const p = await applyAction(actions[0])
    expect(text.split('\n')[4]).toBe('𠮷大伯说，玉米长势很好,亩产有望提高。')
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'punctuation-width 4:12-4:13'])
  })

  it('refuses a quick fix for a diagnostic whose text has changed', async () => {
    const stale: Diagnostic = {
      range: range(4, 5, 4, 6),
      source: 'ximo',
      code: 'punctuation-width',
      message: 'x',
      data: { messageId: 'halfWidth', actual: ',', expected: ['，'], fixable: true },
    }
    const actions = await actionsAt(stale.range, [stale])
    expect(actions.filter((a) => a.title.startsWith('将'))).toEqual([])
  })

  it('inserts the disable comment and the rule goes quiet on that line', async () => {
    const current = client.published.filter((x) => x.uri === uri).at(-1)!
    const comma = current.diagnostics.find((d) => d.code === 'punctuation-width')!
    const disable = (await actionsAt(comma.range, [comma])).find((a) => a.title.startsWith('在此行禁用'))!
    const p = await applyAction(disable)
    expect(text.split('\n').slice(4, 6)).toEqual(['<!-- ximo-disable-next-line punctuation-width -->', '𠮷大伯说，玉米长势很好,亩产有望提高。'])
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48'])
    // Undo it.
    const v = await change([{ range: range(4, 0, 5, 0), newText: '' }])
    await client.diagnostics(uri, atVersion(v))
  })

  it('puts the disable comment at the end of the previous line inside a paragraph', async () => {
    // Line 5 continues the paragraph of line 4: a comment line between them would split it.
    const v = await change([{ range: range(4, 20, 4, 20), newText: '\n村民说,今年的价格不错。' }])
    const p = await client.diagnostics(uri, atVersion(v))
    const second = p.diagnostics.find((d) => d.code === 'punctuation-width' && d.range.start.line === 5)!
    expect(second.range).toEqual(range(5, 3, 5, 4))
    const disable = (await actionsAt(second.range, [second])).find((a) => a.title.startsWith('在此行禁用'))!
    expect(disable.edit!.changes![uri]).toEqual([{ range: range(4, 20, 4, 20), newText: '<!-- ximo-disable-next-line punctuation-width -->' }])
    const after = await applyAction(disable)
    expect(brief(after.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'punctuation-width 4:12-4:13'])
    const undo = await change([{ range: range(4, 20, 5, 12), newText: '' }])
    const back = await client.diagnostics(uri, atVersion(undo))
    expect(text).toBe(DRAFT.replace('说,玉', '说，玉').replace('收成好', '今年收成比去年好'))
    expect(brief(back.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'punctuation-width 4:12-4:13'])
  })

  it('source.fixAll.ximo applies every safe fix in one edit', async () => {
    const v0 = await change([{ range: range(4, 0, 4, 0), newText: '今天,' }])
    await client.diagnostics(uri, atVersion(v0))
    const actions = await actionsAt(range(0, 0, 0, 0), [], ['source.fixAll'])
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['修复本文件中所有可自动修复的问题（惜墨）', 'source.fixAll.ximo']])
    // One minimal edit from the first comma to the last.
    expect(actions[0].edit!.changes![uri]).toEqual([{ range: range(4, 2, 4, 16), newText: '，𠮷大伯说，玉米长势很好，' }])
    const p = await applyAction(actions[0])
    expect(text.split('\n')[4]).toBe('今天，𠮷大伯说，玉米长势很好，亩产有望提高。')
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'sentence-length 4:0-4:23'])
    // Nothing left to fix: no fixAll action.
    expect(await actionsAt(range(0, 0, 0, 0), [], ['source.fixAll'])).toEqual([])
  })

  it('answers quick-fix requests without diagnostics from its own results', async () => {
    const actions = await actionsAt(range(2, 20, 2, 20), [])
    expect(actions.map((a) => a.title)).toEqual(['在此行禁用该规则（sentence-length）'])
  })

  it('explains a diagnostic on hover: rule, message, the guide and an example', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 30 } })) as Hover
    const value = (hover.contents as { kind: string; value: string }).value
    expect((hover.contents as { kind: string }).kind).toBe('markdown')
    expect(value).toContain('**句子不宜过长，多用短句**（`sentence-length`）')
    expect(value).toContain('句子过长（30 字，建议不超过 20 字），请拆成短句。')
    expect(value).toContain('> 依据：信息着重反映情况和问题，因此要多用结构简单的短句，少用或不用关系复杂的长句。')
    expect(value).toMatch(/错误示例：\n\n```markdown\n.+\n```/)
    expect(value).toMatch(/正确示例：\n\n```markdown\n.+\n```/)
    expect(value).toContain('[规则说明](https://github.com/ximo-lint/ximo/blob/main/rules/sentence-length/README.md)')
    // Past the end of the line: nothing.
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 0 } })
    expect(none).toBeNull()
  })

  it('shows the headline type and the lead elements on hover, as core summarizes them', async () => {
    const text = '# 𠮷田村秋播工作有序推进\n\n10月8日，𠮷田村农业服务中心在村委会组织种粮大户开展秋播技术培训，通过现场示范提高播种质量。\n'
    const doc = ws.uri('structure.md')
    client.open(doc, text)
    await client.diagnostics(doc)
    const hoverAt = async (line: number, character: number) =>
      ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: { line, character } })) as Hover | null)?.contents as
        | { value: string }
        | undefined
    const summary = summarize(analyze(text, { config: CONFIG }))
    const h = summary.headline!
    expect(['内容直述型', '总括归纳型', '评论劝谏型', '趋向预测型', '文种标签', '缺少谓语']).toContain(h.typeName)
    expect((await hoverAt(0, 4))?.value).toBe(`**标题类型：${h.typeName}**${h.predicate ? `（谓语“${h.predicate}”）` : ''}`)
    const names: Array<[keyof NonNullable<typeof summary.lead>['elements'], string]> = [
      ['time', '何时'],
      ['place', '何地'],
      ['event', '何事'],
      ['subject', '何人'],
      ['purpose', '为何'],
      ['method', '如何'],
    ]
    const els = summary.lead!.elements
    const found = names.filter(([k]) => els[k]).length
    expect(found).toBeGreaterThanOrEqual(3)
    expect(els.time?.text).toBe('10月8日')
    // The lead's sentence is also too long: the rule's explanation comes first, then the elements.
    const lead = (await hoverAt(2, 10))!.value.split('\n\n---\n\n')
    expect(lead[0]).toMatch(/^\*\*句子不宜过长，多用短句\*\*/)
    expect(lead[1]).toBe(
      `**导语六要素：找到 ${found} 项**\n\n` + names.map(([k, n]) => (els[k] ? `- ✓ ${n}：“${els[k]!.text}”` : `- ✗ ${n}：未找到`)).join('\n'),
    )
    expect(await hoverAt(1, 0)).toBeUndefined()
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doc } })
  })

  it('re-lints open documents when the config file changes (watched files)', async () => {
    expect(JSON.stringify(client.registrations)).toContain('**/.ximorc.json')
    const file = join(ws.dir, '.ximorc.json')
    writeFileSync(file, JSON.stringify({ extends: [], rules: { 'sentence-length': ['warning', { max: 25 }] } }))
    const before = client.published.length
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.ximorc.json'), type: 2 }] })
    const p = await client.diagnostics(uri, (x) => client.published.indexOf(x) >= before)
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48'])
    expect(p.version).toBe(version)
  })

  it('reports a broken config on the file and keeps linting with the last good one', async () => {
    const file = join(ws.dir, '.ximorc.json')
    const broken = '{\n  "extends": [],\n  "rules": { "sentence-length": ["warning", { "max": 25 }] },\n  "rulez": {}\n}\n'
    writeFileSync(file, broken)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.ximorc.json'), type: 2 }] })
    const onConfig = await client.diagnostics(ws.uri('.ximorc.json'), (x) => x.diagnostics.length > 0)
    expect(onConfig.diagnostics).toEqual([
      {
        range: range(3, 3, 3, 8),
        severity: 1,
        source: 'ximo',
        code: 'config',
        message: '配置有误：未知配置项 "rulez"。惜墨暂按上一次有效的配置检查。',
      },
    ])
    await until(() => client.messages.find((m) => m.type === 1 && m.message.includes('未知配置项 "rulez"')), 30000, 'error notification')
    const p = await client.diagnostics(uri, atVersion(version))
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48'])

    // Invalid JSON: the diagnostic points at the offending position.
    writeFileSync(file, '{ "extends": [], }')
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.ximorc.json'), type: 2 }] })
    const json = await client.diagnostics(ws.uri('.ximorc.json'), (x) => x.diagnostics.length > 0)
    expect(json.diagnostics[0].range).toEqual(range(0, 17, 0, 18))
    expect(json.diagnostics[0].message).toMatch(/^配置有误：不是合法的 JSON：/)

    // Fixed: the config diagnostic is cleared and the new config applies.
    writeFileSync(file, JSON.stringify(CONFIG))
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.ximorc.json'), type: 2 }] })
    await client.diagnostics(ws.uri('.ximorc.json'), (x) => x.diagnostics.length === 0)
    const fixed = await client.diagnostics(uri, (x) => x.diagnostics.length === 2)
    expect(brief(fixed.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'sentence-length 4:0-4:23'])
  })

  it('applies client settings over the config file and can be switched off', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { ximo: { rules: { 'sentence-length': ['info', { max: 21 }] } } },
    })
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length === 2 && x.diagnostics[0].severity === 3)
    expect(brief(p.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'sentence-length 4:0-4:23'])
    expect(p.diagnostics[1].message).toBe('句子过长（22 字，建议不超过 21 字），请拆成短句。')

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ximo: { rules: { 'no-such-rule': 'error' } } } })
    await until(() => client.messages.find((m) => m.message.includes('设置 ximo.rules 有误：未知规则 "no-such-rule"')), 30000, 'settings error')
    const fallback = await client.diagnostics(uri, (x) => x.diagnostics.length === 2 && x.diagnostics[0].severity === 2)
    expect(brief(fallback.diagnostics)).toEqual(['sentence-length 2:18-2:48', 'sentence-length 4:0-4:23'])

    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ximo: { enable: false } } })
    await client.diagnostics(uri, (x) => x.diagnostics.length === 0)
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ximo: {} } })
    await client.diagnostics(uri, (x) => x.diagnostics.length === 2)
  })

  it('lints plain text as text (the first line is the headline) and skips other languages', async () => {
    const txt = ws.uri('draft.txt')
    client.open(txt, '𠮷田村秋播工作有序推进,进度过半\n𠮷大伯说,玉米长势很好。\n', 'plaintext')
    const p = await client.diagnostics(txt)
    expect(brief(p.diagnostics)).toEqual(['punctuation-width 0:12-0:13', 'punctuation-width 1:5-1:6'])
    // No disable comment in plain text.
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: txt },
      range: p.diagnostics[1].range,
      context: { diagnostics: [p.diagnostics[1]] },
    })) as CodeAction[]
    expect(actions.map((a) => a.title)).toEqual(['将“,”改为“，”', '修复本文件中所有同类问题（punctuation-width，共 2 处）', '修复本文件中所有可自动修复的问题（惜墨）'])

    const js = ws.uri('a.js')
    client.open(js, 'const a = "县里开会,部署工作。"\n', 'javascript')
    await new Promise((r) => setTimeout(r, 400))
    expect(client.published.filter((x) => x.uri === js)).toEqual([])
  })

  it('clears diagnostics when a document is closed', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } })
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length === 0)
    expect(p.diagnostics).toEqual([])
  })

  it('shuts down and exits with code 0', async () => {
    const code = await client.close()
    expect(code).toBe(0)
    expect(client.stderr()).toBe('')
  })
})

describe("the config's ignore globs", () => {
  it('publishes no diagnostics for an ignored document, and lints it once the glob is removed', async () => {
    const ws = workspace({ '.ximorc.json': JSON.stringify({ ...CONFIG, ignore: ['存档/**'] }) })
    mkdirSync(join(ws.dir, '存档'))
    const client = await startClient({ cwd: ws.dir, capabilities: noPull() })
    try {
      const archived = ws.uri('存档/旧稿.md')
      const draft = ws.uri('草稿.md')
      client.open(archived, DRAFT)
      client.open(draft, DRAFT)
      const linted = await client.diagnostics(draft)
      const expected = ['sentence-length 2:13-2:43', 'punctuation-width 4:5-4:6', 'punctuation-width 4:12-4:13']
      expect(brief(linted.diagnostics)).toEqual(expected)
      const ignored = await client.diagnostics(archived)
      expect(ignored.diagnostics).toEqual([])

      writeFileSync(join(ws.dir, '.ximorc.json'), JSON.stringify(CONFIG))
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.ximorc.json'), type: 2 }] })
      const relinted = await client.diagnostics(archived, (p) => p.diagnostics.length > 0)
      expect(brief(relinted.diagnostics)).toEqual(expected)
      expect(await client.close()).toBe(0)
    } finally {
      if (client.proc.exitCode === null) client.proc.kill()
    }
  }, 120_000)
})

/** Client capabilities without pull diagnostics. */
function noPull() {
  return {
    workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    textDocument: { publishDiagnostics: { versionSupport: true, dataSupport: true, codeDescriptionSupport: true } },
  }
}

describe('language server with pull diagnostics (LSP 3.17)', () => {
  it('answers textDocument/diagnostic, reports unchanged results and asks for a refresh on config change', async () => {
    const ws = workspace({ '.ximorc.json': JSON.stringify(CONFIG), 'draft.md': DRAFT })
    const uri = ws.uri('draft.md')
    const client = await startClient({
      cwd: ws.dir,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, publishDiagnostics: {} },
      },
    })
    try {
      expect(client.init.capabilities.diagnosticProvider).toEqual({ identifier: 'ximo', interFileDependencies: false, workspaceDiagnostics: false })
      client.open(uri, DRAFT)
      const pull = (previousResultId?: string) =>
        client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<{
          kind: string
          resultId?: string
          items?: Diagnostic[]
        }>
      const first = await pull()
      expect(first.kind).toBe('full')
      expect(brief(first.items!)).toEqual(['sentence-length 2:13-2:43', 'punctuation-width 4:5-4:6', 'punctuation-width 4:12-4:13'])
      expect(await pull(first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId })

      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: range(4, 5, 4, 6), text: '，' }],
      })
      const second = await pull(first.resultId)
      expect(second.kind).toBe('full')
      expect(brief(second.items!)).toEqual(['sentence-length 2:13-2:43', 'punctuation-width 4:12-4:13'])

      writeFileSync(join(ws.dir, '.ximorc.json'), JSON.stringify({ extends: [], rules: { 'punctuation-width': 'error' } }))
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.ximorc.json'), type: 2 }] })
      await until(() => client.refreshes > 0, 30000, 'workspace/diagnostic/refresh')
      const third = await pull(second.resultId)
      expect(third.items!.map((d) => [d.code, d.severity])).toEqual([['punctuation-width', 1]])
      // Pull mode: nothing is pushed for the document.
      expect(client.published.filter((p) => p.uri === uri)).toEqual([])
      expect(readFileSync(join(ws.dir, '.ximorc.json'), 'utf8')).toContain('punctuation-width')
    } finally {
      expect(await client.close()).toBe(0)
    }
  }, 120_000)
})

describe('加入词典 (typo)', () => {
  const text = '# 县里推进秋播\n\n县里召开会议布署秋播工作，𠮷田村按装了新的灌溉设备。\n'
  const execute = async (client: TestClient, uri: string, p: PublishDiagnosticsParams, word: string) => {
    const target = p.diagnostics.find((d) => d.code === 'typo' && (d.data as { actual: string }).actual === word)!
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as CodeAction[]
    const add = actions.find((a) => a.title === `加入词典：“${word}”`)!
    // Other rules may report on the same place (the second test runs every rule): pick ours by title.
    expect(actions.find((a) => a.title === `将“${word}”改为“${word === '按装' ? '安装' : '部署'}”`)).toMatchObject({ kind: 'quickfix', isPreferred: true })
    expect(add.command).toEqual({ title: '加入词典', command: 'ximo.addToDictionary', arguments: [{ uri, ruleId: 'typo', word }] })
    expect(await client.connection.sendRequest('workspace/executeCommand', add.command)).toBeNull()
  }
  const typos = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'typo').map((d) => `${(d.data as { actual: string }).actual} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`)

  it('writes the word to the typo ignore list of the workspace config, keeping the rest', async () => {
    const original = '{\n  "extends": [],\n  "rules": {\n    "typo": "warning",\n    "sentence-length": ["info", { "max": 200 }]\n  },\n  "dictionary": ["𠮷田村"]\n}\n'
    const ws = workspace({ '.ximorc.json': original })
    const uri = ws.uri('draft.md')
    const client = await startClient({ cwd: ws.dir })
    try {
      client.open(uri, text)
      const first = await client.diagnostics(uri)
      // 𠮷 before 按装 takes two UTF-16 code units.
      expect(typos(first)).toEqual(['布署 2:6-8', '按装 2:17-19'])
      await execute(client, uri, first, '按装')
      expect(JSON.parse(readFileSync(join(ws.dir, '.ximorc.json'), 'utf8'))).toEqual({
        extends: [],
        rules: { typo: ['warning', { ignore: ['按装'] }], 'sentence-length': ['info', { max: 200 }] },
        dictionary: ['𠮷田村'],
      })
      const after = await client.diagnostics(uri, (x) => typos(x).length === 1)
      expect(typos(after)).toEqual(['布署 2:6-8'])
      await until(() => client.messages.find((m) => m.type === 3 && m.message.startsWith('惜墨：已将“按装”加入')), 30000, 'confirmation')
    } finally {
      expect(await client.close()).toBe(0)
    }
  }, 120_000)

  it('creates .ximorc.json in the workspace folder when there is none', async () => {
    const ws = workspace({})
    const uri = ws.uri('draft.md')
    const client = await startClient({ cwd: ws.dir })
    try {
      client.open(uri, text)
      await execute(client, uri, await client.diagnostics(uri), '布署')
      const created = JSON.parse(readFileSync(join(ws.dir, '.ximorc.json'), 'utf8'))
      expect(created).toEqual({ rules: { typo: [created.rules.typo[0], { ignore: ['布署'] }] } })
      expect(['error', 'warning', 'info']).toContain(created.rules.typo[0])
      const after = await client.diagnostics(uri, (x) => typos(x).length === 1)
      expect(typos(after)).toEqual(['按装 2:17-19'])
    } finally {
      expect(await client.close()).toBe(0)
    }
  }, 120_000)
})

describe('the built server starts from its code cache', () => {
  const root = join(import.meta.dirname, '..')
  const server = join(root, 'packages/language-server/dist/server.js')
  const flags = JSON.parse(readFileSync(join(root, 'packages/language-server/node-flags.json'), 'utf8')) as string[]
  const start = (nodeFlags: string[]) =>
    spawnSync(process.execPath, [...nodeFlags, server, '--version'], { env: { ...process.env, XIMO_CODE_CACHE_DEBUG: '1', XIMO_CODE_CACHE_DIR: '' }, encoding: 'utf8' })

  it('written by the build, taken when Node runs with the flags the VS Code extension gives it', () => {
    const run = start(flags)
    expect(run.stdout).toBe('0.1.0\n')
    expect(run.stderr).toMatch(/^ximo code cache: used /)
  })

  it('refused by V8 under other V8 flags, and the server starts all the same', () => {
    const run = start([...flags, '--max-semi-space-size=8'])
    expect(run.stdout).toBe('0.1.0\n')
    expect(run.stderr).toMatch(/^ximo code cache: refused /)
  })

  it('made at exit in XIMO_CODE_CACHE_DIR when there is none for this Node there (as the VS Code extension asks)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ximo-cache-dir-')), 'storage')
    const env = { ...process.env, XIMO_CODE_CACHE_DEBUG: '1', XIMO_CODE_CACHE_DIR: dir }
    const first = spawnSync(process.execPath, [server, '--version'], { env, encoding: 'utf8' })
    expect(first.stdout).toBe('0.1.0\n')
    expect(first.stderr).toMatch(/^ximo code cache: none /)
    expect(existsSync(join(dir, 'server-main.cjs.cache'))).toBe(true)
    const second = spawnSync(process.execPath, [server, '--version'], { env, encoding: 'utf8' })
    expect(second.stderr).toMatch(/^ximo code cache: used /)
  })
})
