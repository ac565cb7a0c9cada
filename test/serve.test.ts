// `ximo serve` over real HTTP on 127.0.0.1: every route, every error path, the limits, and
// concurrent requests. Servers run in this process (port 0); one test spawns the built CLI.
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest'
import { request as httpRequest } from 'node:http'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { analyze, lint, rules as allRules } from '@ximo/core'
import { startServer, type RunningServer } from '../packages/cli/src/serve/index.js'
import { DEFAULTS, parseServeArgs } from '../packages/cli/src/serve/options.js'
import { toJsonMessage } from '../packages/cli/src/formatters/json.js'
import { Queue } from '../packages/cli/src/serve/service.js'
import { ruleInfo } from '../packages/cli/src/commands.js'
import { attachParagraphs, readDocx } from '../packages/cli/src/docx.js'
import { BRIDGE_LINES, bridgeDocx, encryptedDocxLike } from './docx-fixtures.js'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const root = join(import.meta.dirname, '..')
const PERIOD = '标题末尾不加“。”，请删去。'
const TYPO = '“再接再励”是错别字，请改为“再接再厉”。'

// My own draft: a headline ending in 。, a lead with time, place, subject and event, a typo.
const DRAFT = ['# 市交通局完成全市桥梁安全检测。', '', '11月3日，市交通局组织专业机构对全市42座桥梁开展安全检测，发现隐患7处，已全部整改到位。', '', '下一步，市交通局将再接再励，加强日常巡查。', ''].join('\n')
const TYPO_AT = DRAFT.indexOf('再接再励')

/** A client config with only these rules on (at their default level). */
const only = (...ids: string[]) => ({ rules: Object.fromEntries(allRules.map((r) => [r.meta.id, ids.includes(r.meta.id) ? r.meta.severity : 'off'])) })

let main: RunningServer
let small: RunningServer
let bridge: Buffer

beforeAll(async () => {
  bridge = await bridgeDocx()
  main = await startServer({ port: 0, version: 'test' })
  small = await startServer({ port: 0, version: 'test', bodyLimit: 64 * 1024, maxChars: 2000, maxConcurrent: 2, timeLimit: 10_000, cors: ['http://oa.test'] })
})
afterAll(async () => {
  await main?.close()
  await small?.close()
})

interface Res {
  status: number
  headers: Headers
  body: any
}

async function call(server: RunningServer, path: string, init: RequestInit = {}): Promise<Res> {
  const res = await fetch(server.url + path, init)
  const text = await res.text()
  let body: unknown = text
  if (text && (res.headers.get('content-type') ?? '').includes('application/json')) body = JSON.parse(text)
  return { status: res.status, headers: res.headers, body }
}

const post = (server: RunningServer, path: string, payload: unknown) =>
  call(server, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) })

function upload(server: RunningServer, path: string, name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([bytes]), name)
  return call(server, path, { method: 'POST', body: form })
}

const errorOf = (r: Res) => [r.status, r.body.error.code, r.body.error.message]

describe('GET routes', () => {
  it('/healthz says ok with the version and the rule count', async () => {
    const r = await call(main, '/healthz')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ status: 'ok', version: 'test', rules: allRules.length })
  })

  it('/api/rules is the catalogue of `ximo rules --format json`', async () => {
    const r = await call(main, '/api/rules')
    expect(r.status).toBe(200)
    expect(r.body).toEqual(ruleInfo(allRules))
    expect(r.body.find((x: { id: string }) => x.id === 'typo')).toMatchObject({ id: 'typo', fixable: 'wording' })
  })

  it('/api/openapi.json describes exactly the routes that answer', async () => {
    const r = await call(main, '/api/openapi.json')
    expect(r.status).toBe(200)
    expect(r.body.openapi).toBe('3.1.0')
    expect(r.body.info.version).toBe('test')
    expect(Object.keys(r.body.paths).sort()).toEqual(['/api/fix', '/api/lint', '/api/openapi.json', '/api/rules', '/healthz'])
    for (const [path, ops] of Object.entries(r.body.paths as Record<string, Record<string, unknown>>))
      for (const method of Object.keys(ops)) {
        const res = await call(main, path, method === 'post' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '# 标题\n\n正文。' }) } : {})
        expect([path, method, res.status]).toEqual([path, method, 200])
      }
    // Every $ref points at a schema that exists.
    const refs = JSON.stringify(r.body).match(/#\/components\/schemas\/\w+/g) ?? []
    for (const ref of new Set(refs)) expect(r.body.components.schemas[ref.split('/').pop()!]).toBeDefined()
  })

  it('/ serves the page and its assets from Ximo itself, with a strict CSP', async () => {
    const page = await call(main, '/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<html lang="zh-CN">')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'")
    for (const [path, type] of [
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/style.css', 'text/css; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
    ]) {
      const r = await call(main, path)
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, 200, type])
      // No CDN: nothing is loaded from another host.
      expect(r.body).not.toMatch(/(src|href)=["']?(https?:)?\/\//)
      expect(r.body).not.toMatch(/(import|fetch)\(?\s*['"]https?:/)
    }
    expect(page.body).not.toMatch(/(src|href)=["']?(https?:)?\/\//)
  })
})

describe('POST /api/lint', () => {
  it('returns the CLI JSON formatter’s diagnostics and the summary', async () => {
    const r = await post(main, '/api/lint', { text: DRAFT, format: 'markdown' })
    expect(r.status).toBe(200)
    expect(r.body.diagnostics).toEqual(JSON.parse(JSON.stringify(lint(DRAFT).map(toJsonMessage))))
    const picked = r.body.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'headline-punctuation' || d.ruleId === 'typo')
    expect(picked).toEqual([
      { ruleId: 'headline-punctuation', severity: 1, level: 'warning', message: PERIOD, line: 1, column: 17, endLine: 1, endColumn: 18, fix: { range: [16, 17], text: '' } },
      { ruleId: 'typo', severity: 2, level: 'error', message: TYPO, line: 5, column: 10, endLine: 5, endColumn: 14, fix: { range: [TYPO_AT, TYPO_AT + 4], text: '再接再厉' } },
    ])
    const lead = '11月3日，市交通局组织专业机构对全市42座桥梁开展安全检测，发现隐患7处，已全部整改到位。'
    const leadAt = DRAFT.indexOf(lead)
    const s = r.body.summary
    expect(s).toMatchObject({ headline: '市交通局完成全市桥梁安全检测。', headlineType: 'direct', headlineTypeName: '内容直述型', lead })
    expect(Object.keys(s.leadElements)).toEqual(['time', 'place', 'subject', 'event', 'purpose', 'method'])
    expect(s.leadElements.time).toEqual({ text: '11月3日', start: leadAt, end: leadAt + 5 })
    expect(s.leadElements.subject).toEqual({ text: '市交通局', start: leadAt + 6, end: leadAt + 10 })
    expect(s.leadElements.purpose).toBeNull()
    // The counts are those of the diagnostics.
    const n = (level: string) => r.body.diagnostics.filter((d: { level: string }) => d.level === level).length
    expect([s.errors, s.warnings, s.infos, s.fixable]).toEqual([n('error'), n('warning'), n('info'), r.body.diagnostics.filter((d: { fix?: unknown }) => d.fix).length])
  })

  it('lints text format (the first line is the headline) and defaults to markdown', async () => {
    const text = '区应急局完成汛前检查。\n5月8日，区应急局检查了全区12座水库。\n'
    const t = await post(main, '/api/lint', { text, format: 'text', config: only('headline-punctuation') })
    expect(t.body.diagnostics).toEqual([{ ruleId: 'headline-punctuation', severity: 1, level: 'warning', message: PERIOD, line: 1, column: 11, endLine: 1, endColumn: 12, fix: { range: [10, 11], text: '' } }])
    expect(t.body.summary.headline).toBe('区应急局完成汛前检查。')
    // As markdown there is no # heading: no headline.
    const m = await post(main, '/api/lint', { text, config: only('headline-punctuation') })
    expect(m.body.diagnostics).toEqual([])
    expect(m.body.summary.headline).toBeNull()
    expect(m.body.summary.headlineType).toBeNull()
  })

  it('applies a client config of presets and rule settings', async () => {
    const off = await post(main, '/api/lint', { text: DRAFT, config: { rules: { typo: 'off', 'headline-punctuation': 'error' } } })
    const ids = off.body.diagnostics.map((d: { ruleId: string; level: string }) => `${d.ruleId}:${d.level}`)
    expect(ids).not.toContain('typo:error')
    expect(ids).toContain('headline-punctuation:error')
    // The rest of the server's config is untouched.
    const full = await post(main, '/api/lint', { text: DRAFT })
    const others = (list: Array<{ ruleId: string }>) => list.filter((d) => d.ruleId !== 'typo' && d.ruleId !== 'headline-punctuation')
    expect(others(off.body.diagnostics)).toEqual(others(full.body.diagnostics))
    const strict = await post(main, '/api/lint', { text: DRAFT, config: { extends: 'ximo:strict' } })
    expect(strict.status).toBe(200)
    expect(strict.body.diagnostics).toEqual(JSON.parse(JSON.stringify(lint(DRAFT, { config: { extends: 'ximo:strict' } }).map(toJsonMessage))))
  })

  it('rejects configs that name files, unknown rules and bad options', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ dictionaryFiles: ['/etc/passwd'] }, 'config_not_allowed', 'config 中的 "dictionaryFiles" 不能由客户端提交（服务端不读取客户端给出的文件和词典），可用的只有 extends 和 rules。'],
      [{ wordLists: { typo: '/etc/hosts' } }, 'config_not_allowed', 'config 中的 "wordLists" 不能由客户端提交（服务端不读取客户端给出的文件和词典），可用的只有 extends 和 rules。'],
      [{ extends: '../.ximorc.json' }, 'config_not_allowed', 'config.extends 只能是 ximo:recommended 或 ximo:strict，而不是 "../.ximorc.json"'],
      [{ rules: { 'no-such-rule': 'off' } }, 'bad_config', 'config 有误：未知规则 "no-such-rule"（运行 ximo rules 查看全部规则）'],
      [{ rules: { typo: 'loud' } }, 'bad_config', 'config 有误：规则 typo 的级别 "loud" 无效（应为 off、info、warning、error）'],
      [[1], 'bad_config', 'config 应为对象，如 {"rules": {"sentence-length": "off"}}'],
    ]
    for (const [config, code, message] of cases) expect(errorOf(await post(main, '/api/lint', { text: DRAFT, config }))).toEqual([400, code, message])
  })

  it('rejects bad requests with a JSON error, never a crash', async () => {
    const cases: Array<[string, RequestInit, number, string, string]> = [
      ['bad JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": "标题' }, 400, 'bad_json', '请求体不是合法的 JSON，请检查引号、逗号和括号。'],
      ['empty JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }, 400, 'bad_json', '请求体为空，应为 JSON，如 {"text": "稿件全文", "format": "markdown"}。'],
      ['text/plain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '标题' }, 415, 'unsupported_media_type', 'Content-Type 应为 application/json（提交文字）或 multipart/form-data（上传文件）。'],
      ['form-urlencoded', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=a' }, 415, 'unsupported_media_type', 'Content-Type 应为 application/json（提交文字）或 multipart/form-data（上传文件）。'],
      ['no body', { method: 'POST' }, 400, 'bad_request', '请求体应为 JSON 对象，如 {"text": "稿件全文", "format": "markdown"}。'],
      ['array', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' }, 400, 'bad_request', '请求体应为 JSON 对象，如 {"text": "稿件全文", "format": "markdown"}。'],
      ['no text', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":"text"}' }, 400, 'missing_text', '缺少 text（要检查的稿件全文，字符串）。'],
      ['text not a string', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":42}' }, 400, 'missing_text', '缺少 text（要检查的稿件全文，字符串）。'],
      ['bad format', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"a","format":"docx"}' }, 400, 'bad_format', 'format 应为 markdown 或 text，而不是 "docx"。'],
      ['a path', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"path":"/etc/passwd"}' }, 400, 'path_not_allowed', '不接受文件路径（path）：请把稿件内容放在 text 中提交，或用 multipart/form-data 上传文件。'],
      ['unknown field', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"a","lang":"zh"}' }, 400, 'bad_request', '不认识的字段 "lang"（可用：text、format、config）。'],
      ['fixTypes on lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"a","fixTypes":["wording"]}' }, 400, 'bad_request', '不认识的字段 "fixTypes"（可用：text、format、config）。'],
    ]
    for (const [name, init, status, code, message] of cases) {
      const r = await call(main, '/api/lint', init)
      expect([name, ...errorOf(r)]).toEqual([name, status, code, message])
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8')
    }
    expect((await call(main, '/healthz')).status).toBe(200)
  })
})

describe('POST /api/fix', () => {
  it('returns the fixed text, the fixes applied and what is left', async () => {
    const r = await post(main, '/api/fix', { text: DRAFT, config: only('headline-punctuation', 'typo', 'lead-elements') })
    expect(r.status).toBe(200)
    const fixed = DRAFT.replace('检测。\n', '检测\n').replace('再接再励', '再接再厉')
    expect(r.body.output).toBe(fixed)
    expect(r.body.fixes).toEqual([
      { ruleId: 'headline-punctuation', message: PERIOD, range: [16, 17], actual: '。', text: '', pass: 1 },
      { ruleId: 'typo', message: TYPO, range: [TYPO_AT, TYPO_AT + 4], actual: '再接再励', text: '再接再厉', pass: 1 },
    ])
    expect(r.body.diagnostics).toEqual([])
    expect(r.body.summary).toMatchObject({ errors: 0, warnings: 0, infos: 0, fixable: 0, headline: '市交通局完成全市桥梁安全检测' })
  })

  it('does only the fix types asked for', async () => {
    const r = await post(main, '/api/fix', { text: DRAFT, config: only('headline-punctuation', 'typo'), fixTypes: ['wording'] })
    expect(r.body.output).toBe(DRAFT.replace('再接再励', '再接再厉'))
    expect(r.body.fixes.map((f: { ruleId: string }) => f.ruleId)).toEqual(['typo'])
    expect(r.body.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['headline-punctuation'])
    expect(errorOf(await post(main, '/api/fix', { text: DRAFT, fixTypes: ['spacing'] }))).toEqual([400, 'bad_fix_types', 'fixTypes 应为数组，取值 wording（措辞）、punctuation（标点）。'])
  })

  it('gives the same text as fixDetailed for the whole catalogue', async () => {
    const { fixDetailed } = await import('@ximo/core')
    const r = await post(main, '/api/fix', { text: DRAFT })
    expect(r.body.output).toBe(fixDetailed(DRAFT).output)
    expect(r.body.diagnostics).toEqual(JSON.parse(JSON.stringify(lint(r.body.output).map(toJsonMessage))))
  })
})

describe('uploads', () => {
  it('lints a .docx with paragraphs, and returns the text it read', async () => {
    const r = await upload(main, '/api/lint', '桥梁.docx', bridge, { config: JSON.stringify(only('headline-punctuation', 'typo')) })
    expect(r.status).toBe(200)
    expect(r.body.source).toEqual({ name: '桥梁.docx', kind: 'docx', format: 'text', text: BRIDGE_LINES.join('\n'), skippedParagraphs: 1 })
    expect(r.body.diagnostics).toEqual([
      { ruleId: 'headline-punctuation', severity: 1, level: 'warning', message: PERIOD, line: 1, column: 15, endLine: 1, endColumn: 16, fix: { range: [14, 15], text: '' }, paragraph: { index: 2, offset: 14, endIndex: 2, endOffset: 15, text: BRIDGE_LINES[0] } },
      { ruleId: 'typo', severity: 2, level: 'error', message: TYPO, line: 3, column: 10, endLine: 3, endColumn: 14, fix: expect.any(Object), paragraph: { index: 4, offset: 9, endIndex: 4, endOffset: 13, text: BRIDGE_LINES[2] } },
      { ruleId: 'typo', severity: 2, level: 'error', message: TYPO, line: 4, column: 14, endLine: 4, endColumn: 18, fix: expect.any(Object), paragraph: { index: 5, offset: 13, endIndex: 5, endOffset: 17, text: BRIDGE_LINES[3] } },
    ])
    // The whole catalogue: the same as the library on the same paragraphs.
    const all = await upload(main, '/api/lint', '桥梁.docx', bridge)
    const docx = await readDocx(bridge)
    const expected = analyze(docx.text, { format: 'text' }).diagnostics
    expect(all.body.diagnostics).toEqual(JSON.parse(JSON.stringify(attachParagraphs(expected, docx).map(toJsonMessage))))
  })

  it('fixes an uploaded .docx into text, leaving nothing on the server', async () => {
    const r = await upload(main, '/api/fix', '桥梁.docx', bridge, { config: JSON.stringify(only('typo')) })
    expect(r.status).toBe(200)
    expect(r.body.output).toBe(BRIDGE_LINES.join('\n').replaceAll('再接再励', '再接再厉'))
    expect(r.body.fixes.length).toBe(2)
  })

  it('decodes .txt and .md uploads (GB18030 too) and takes the format from the extension', async () => {
    const text = '区应急局完成汛前检查。\n5月8日，区应急局检查了全区12座水库。\n'
    const gb = await upload(main, '/api/lint', '汛前.txt', iconv.encode(text, 'gb18030'), { config: JSON.stringify(only('headline-punctuation')) })
    expect(gb.status).toBe(200)
    expect(gb.body.source).toEqual({ name: '汛前.txt', kind: 'text', format: 'text', text })
    expect(gb.body.diagnostics.map((d: { ruleId: string; line: number }) => [d.ruleId, d.line])).toEqual([['headline-punctuation', 1]])
    const md = await upload(main, '/api/lint', 'a.md', DRAFT, { config: JSON.stringify(only('typo')) })
    expect(md.body.source.format).toBe('markdown')
    expect(md.body.diagnostics.map((d: { ruleId: string; line: number }) => [d.ruleId, d.line])).toEqual([['typo', 5]])
    const asText = await upload(main, '/api/lint', 'a.md', DRAFT, { format: 'text', config: JSON.stringify(only('headline-punctuation')) })
    expect(asText.body.source.format).toBe('text')
    expect(asText.body.summary.headline).toBe('# 市交通局完成全市桥梁安全检测。')
  })

  it('refuses what it cannot read, with a JSON error', async () => {
    const cases: Array<[string, Uint8Array | string, Record<string, string>, number, string, string]> = [
      ['稿件.pdf', '%PDF-1.4', {}, 415, 'unsupported_file', '不支持的文件类型 .pdf：请上传 .docx、.txt 或 .md 文件。'],
      ['稿件', 'abc', {}, 415, 'unsupported_file', '不支持的文件类型：请上传 .docx、.txt 或 .md 文件。'],
      ['加密.docx', encryptedDocxLike(), {}, 422, 'docx_encrypted', '文件设有打开密码（已加密），无法读取。请在 Word 中取消密码后另存，再检查。'],
      ['损坏.docx', bridge.subarray(0, 1500), {}, 422, 'docx_corrupt', '.docx 文件已损坏（无法读取压缩包目录），请在 Word 中打开后另存一份再试。'],
      ['图片.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), {}, 422, 'undecodable', '不是文本文件（PNG 图片），无法检查。请另存为 UTF-8 编码的 .md 或 .txt 文件后重试。'],
      ['a.txt', '标题', { lang: 'zh' }, 400, 'bad_request', '不认识的表单字段 "lang"（可用：format、config）。'],
      ['a.txt', '标题', { config: '{rules' }, 400, 'bad_config', expect.stringMatching(/^config 字段不是合法的 JSON（.+）。$/) as unknown as string],
      ['a.docx', bridge, { format: 'markdown' }, 400, 'bad_format', '.docx 按段落检查（format 只能是 text）。'],
      ['a.txt', '标题', { format: 'html' }, 400, 'bad_format', 'format 应为 markdown 或 text，而不是 "html"。'],
    ]
    for (const [name, bytes, fields, status, code, message] of cases) expect([name, ...errorOf(await upload(main, '/api/lint', name, bytes, fields))]).toEqual([name, status, code, message])
    const none = new FormData()
    none.append('format', 'text')
    expect(errorOf(await call(main, '/api/lint', { method: 'POST', body: none }))).toEqual([400, 'missing_file', '没有收到文件：请用字段名 file 上传 .docx、.txt 或 .md 文件。'])
    const two = new FormData()
    two.append('file', new Blob(['a']), 'a.txt')
    two.append('file2', new Blob(['b']), 'b.txt')
    expect(errorOf(await call(main, '/api/lint', { method: 'POST', body: two }))).toEqual([413, 'too_many_parts', '一次只能上传一个文件（字段名 file），另可带 format、config、fixTypes 字段。'])
    const BAD_MP = '上传的表单数据不完整：请用 multipart/form-data 重新上传整个文件（字段名 file）。'
    expect(errorOf(await call(main, '/api/lint', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'xx' }))).toEqual([400, 'bad_multipart', BAD_MP])
    const truncated = '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n标题'
    expect(errorOf(await call(main, '/api/lint', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: truncated }))).toEqual([400, 'bad_multipart', BAD_MP])
    expect((await call(main, '/healthz')).status).toBe(200)
  })
})

describe('routing', () => {
  it('answers unknown routes with 404 and wrong methods with 405, in JSON', async () => {
    expect(errorOf(await call(main, '/api/nope'))).toEqual([404, 'not_found', '没有这个地址：/api/nope。接口说明见 /api/openapi.json。'])
    expect(errorOf(await call(main, '/etc/passwd'))).toEqual([404, 'not_found', '没有这个地址：/etc/passwd。接口说明见 /api/openapi.json。'])
    const get = await call(main, '/api/lint')
    expect(errorOf(get)).toEqual([405, 'method_not_allowed', '/api/lint 不支持 GET 请求（可用：POST）。'])
    expect(get.headers.get('allow')).toBe('POST')
    const del = await call(main, '/healthz', { method: 'DELETE' })
    expect(errorOf(del)).toEqual([405, 'method_not_allowed', '/healthz 不支持 DELETE 请求（可用：GET、HEAD）。'])
    expect((await call(main, '/healthz', { method: 'HEAD' })).status).toBe(200)
    expect(errorOf(await call(main, '/api/lint', { method: 'OPTIONS' }))).toEqual([405, 'method_not_allowed', '/api/lint 不支持 OPTIONS 请求（可用：POST）。'])
  })
})

describe('limits', () => {
  it('refuses a body over the limit (5 MB by default) with 413', async () => {
    const big = JSON.stringify({ text: '字'.repeat(Math.ceil((5 * 1024 * 1024) / 3) + 10) })
    expect(errorOf(await post(main, '/api/lint', big))).toEqual([413, 'body_too_large', '请求体过大（上限 5 MB），请缩短稿件或分篇提交。'])
    expect(errorOf(await post(small, '/api/lint', { text: 'a'.repeat(70 * 1024) }))).toEqual([413, 'body_too_large', '请求体过大（上限 64 KB），请缩短稿件或分篇提交。'])
    expect(errorOf(await upload(small, '/api/lint', 'big.txt', 'a'.repeat(70 * 1024)))).toEqual([413, 'body_too_large', '请求体过大（上限 64 KB），请缩短稿件或分篇提交。'])
    expect((await call(main, '/healthz')).status).toBe(200)
  })

  it('refuses a text over the character limit with 413', async () => {
    expect(errorOf(await post(small, '/api/lint', { text: '字'.repeat(2001) }))).toEqual([413, 'text_too_long', '稿件过长（2001 字，上限 2000 字），请分篇提交。'])
    expect((await post(small, '/api/lint', { text: '字'.repeat(2000) })).status).toBe(200)
  })

  it('answers 503 busy past the concurrent-request limit, then serves the held requests', async () => {
    // Two requests send their headers and half their body, and wait.
    const held = [rawPost(small.port, '/api/lint', JSON.stringify({ text: DRAFT, config: only('typo') })), rawPost(small.port, '/api/lint', JSON.stringify({ text: DRAFT, config: only('typo') }))]
    await new Promise((r) => setTimeout(r, 300))
    const third = await post(small, '/api/lint', { text: DRAFT })
    expect(errorOf(third)).toEqual([503, 'busy', '服务繁忙（已有 2 个请求在处理），请稍后重试。'])
    expect(third.headers.get('retry-after')).toBe('1')
    // GET routes are not counted.
    expect((await call(small, '/healthz')).status).toBe(200)
    for (const h of held) h.finish()
    const done = await Promise.all(held.map((h) => h.response))
    for (const d of done) {
      expect(d.status).toBe(200)
      expect(JSON.parse(d.body).diagnostics.map((x: { ruleId: string }) => x.ruleId)).toEqual(['typo'])
    }
    // The slots are free again.
    expect((await post(small, '/api/lint', { text: DRAFT })).status).toBe(200)
  })

  it('answers 408 to a body that does not arrive within the time limit, and closes the connection', async () => {
    const slow = await startServer({ port: 0, version: 'test', timeLimit: 1000 })
    try {
      const h = rawPost(slow.port, '/api/lint', JSON.stringify({ text: DRAFT }))
      const started = Date.now()
      const r = await h.response
      const took = Date.now() - started
      expect([r.status, JSON.parse(r.body)]).toEqual([408, { error: { code: 'request_timeout', message: '请求体在 1 秒内没有传完，连接已关闭。请检查网络后重试。' } }])
      expect(took).toBeGreaterThanOrEqual(900)
      expect(took).toBeLessThan(10_000)
      expect(await h.closed).toBe(true)
      // A body that does arrive in time is linted.
      expect((await post(slow, '/api/lint', { text: DRAFT, config: only('typo') })).body.diagnostics.length).toBe(1)
    } finally {
      await slow.close()
    }
  })

  it('answers 503 timeout to requests still queued when their time is up', async () => {
    const slow = await startServer({ port: 0, version: 'test', timeLimit: 1500 })
    try {
      // Forty-eight drafts of fresh sentences (none cached, about 20,000 characters each),
      // analysed one at a time: together far more work than 1.5 s even on a fast machine (the
      // rules run at about 20 ms per 10,000 characters at best), while the first is done in time.
      const drafts = Array.from({ length: 48 }, (_, k) =>
        [`# 第${(k % 9) + 1}县开展长稿测试`, ''].concat(Array.from({ length: 500 }, (_, i) => `第${k + 1}县第${i + 1}组检查人员于${(i % 28) + 1}日走访${i + k + 3}户农户，核查补贴资金${i * 7 + k * 13 + 11}万元。`)).join('\n'),
      )
      // All requests are under way (their clocks started) before any body is complete.
      const held = drafts.map((text) => rawPost(slow.port, '/api/lint', JSON.stringify({ text })))
      await new Promise((r) => setTimeout(r, 100))
      for (const h of held) h.finish()
      const results = await Promise.all(held.map((h) => h.response))
      const ok = results.filter((r) => r.status === 200)
      const late = results.filter((r) => r.status !== 200)
      expect(ok.length).toBeGreaterThanOrEqual(1)
      expect(late.length).toBeGreaterThanOrEqual(1)
      for (const r of ok) expect(JSON.parse(r.body).summary.headline).toMatch(/^第\d县开展长稿测试$/)
      for (const r of late) expect([r.status, JSON.parse(r.body)]).toEqual([503, { error: { code: 'timeout', message: '处理超时（超过 1.5 秒），服务繁忙或稿件过长，请稍后重试或缩短稿件。' } }])
      expect((await call(slow, '/healthz')).status).toBe(200)
    } finally {
      await slow.close()
    }
  })

  it('queues analyses one at a time and turns away those whose time ran out while waiting', async () => {
    // Jobs that each hold the thread for 400 ms: the second starts at 400 ms, inside its 700 ms;
    // the third at 800 ms, past them (a pause of the machine only makes it later).
    const queue = new Queue()
    const start = Date.now()
    const busy = (ms: number, value: string) => () => {
      const until = Date.now() + ms
      while (Date.now() < until);
      return value
    }
    const runs = ['一', '二', '三'].map((v) => queue.run(busy(400, v), start + 700, 700).then((x) => x, (e: { status: number; code: string }) => `${e.status} ${e.code}`))
    expect(queue.waiting).toBe(3)
    expect(await Promise.all(runs)).toEqual(['一', '二', '503 timeout'])
    expect(queue.waiting).toBe(0)
    // A job that throws rejects its own request only; the next one still runs.
    const failing = queue.run(() => {
      throw new Error('坏稿件')
    }, Date.now() + 1000, 1000)
    await expect(failing).rejects.toThrow('坏稿件')
    expect(await queue.run(() => '四', Date.now() + 1000, 1000)).toBe('四')
  })

  it('handles 20 concurrent requests, each with its own answer', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => `# 第${i + 1}镇完成道路检测。\n\n${i + 1}月${i + 2}日，第${i + 1}镇完成${i * 3 + 5}条道路的检测，将再接再励。\n`)
    const responses = await Promise.all(texts.map((text, i) => (i % 2 ? post(main, '/api/fix', { text, config: only('typo') }) : post(main, '/api/lint', { text }))))
    responses.forEach((r, i) => {
      expect(r.status).toBe(200)
      if (i % 2) expect(r.body.output).toBe(texts[i].replace('再接再励', '再接再厉'))
      else expect(r.body.diagnostics).toEqual(JSON.parse(JSON.stringify(lint(texts[i]).map(toJsonMessage))))
    })
  })
})

describe('CORS', () => {
  it('is off by default', async () => {
    const r = await call(main, '/healthz', { headers: { origin: 'http://oa.test' } })
    expect(r.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allows only the configured origins, with preflight', async () => {
    const ok = await call(small, '/api/rules', { headers: { origin: 'http://oa.test' } })
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://oa.test')
    expect(ok.headers.get('vary')).toContain('Origin')
    const other = await call(small, '/api/rules', { headers: { origin: 'http://evil.test' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const pre = await call(small, '/api/lint', { method: 'OPTIONS', headers: { origin: 'http://oa.test', 'access-control-request-method': 'POST' } })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://oa.test')
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS')
    expect(pre.headers.get('access-control-allow-headers')).toBe('Content-Type')
  })
})

describe('serve options', () => {
  it('has the documented defaults and parses every option', () => {
    expect(parseServeArgs([])).toEqual({ host: '127.0.0.1', port: 7070, bodyLimit: 5 * 1024 * 1024, timeLimit: 30_000, maxConcurrent: 64, maxChars: 200_000, cors: [] })
    expect(parseServeArgs(['--host', '0.0.0.0', '--port=8080', '-c', 'x.json', '--max-body', '2.5', '--time-limit', '1.5', '--max-concurrent', '8', '--max-chars', '5000', '--cors', 'https://OA.example.gov.cn, http://b.test', '--cors', '*'])).toEqual({
      host: '0.0.0.0',
      port: 8080,
      config: 'x.json',
      bodyLimit: 2.5 * 1024 * 1024,
      timeLimit: 1500,
      maxConcurrent: 8,
      maxChars: 5000,
      cors: ['https://oa.example.gov.cn', 'http://b.test', '*'],
    })
    expect(parseServeArgs(['--port', '0'])!.port).toBe(0)
    expect(parseServeArgs(['-h'])).toBeNull()
    expect(DEFAULTS.cors).toEqual([])
  })

  it('rejects bad values in Chinese', () => {
    const reason = (args: string[]) => {
      try {
        parseServeArgs(args)
        return 'ok'
      } catch (e) {
        return (e as Error).message
      }
    }
    expect(reason(['--port', '70000'])).toBe('--port 应为 0 到 65535 之间的整数，而不是 "70000"')
    expect(reason(['--max-concurrent', '0'])).toBe('--max-concurrent 应为正整数，而不是 "0"')
    expect(reason(['--max-body', '-1'])).toBe('--max-body 应为正数，而不是 "-1"')
    expect(reason(['--time-limit'])).toBe('--time-limit 缺少取值')
    expect(reason(['lint'])).toBe('serve 命令不接受参数 "lint"')
  })
})

describe('ximo serve (the built command)', () => {
  let dir: string
  beforeAll(() => {
    if (!existsSync(join(root, 'packages/cli/dist/cli.js'))) throw new Error('packages/cli/dist/cli.js is missing: run node scripts/build.mjs first')
    dir = mkdtempSync(join(tmpdir(), 'ximo-serve-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('starts on the given port with the config it finds, serves, and stops on SIGTERM', async () => {
    writeFileSync(join(dir, '.ximorc.json'), JSON.stringify({ rules: { typo: 'off' } }))
    const child = spawn(process.execPath, [join(root, 'packages/cli/bin/ximo.js'), 'serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (err += c))
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    try {
      const deadline = Date.now() + 60_000
      while (!/http:\/\/127\.0\.0\.1:\d+\//.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0]
      expect(out.split('\n')[0]).toBe(`惜墨服务已启动：${url}/`)
      const health = await (await fetch(url + '/healthz')).json()
      expect(health).toEqual({ status: 'ok', version: JSON.parse((await import('node:fs')).readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version, rules: allRules.length })
      const r = (await (await fetch(url + '/api/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: DRAFT }) })).json()) as { diagnostics: Array<{ ruleId: string }> }
      const ids = r.diagnostics.map((d: { ruleId: string }) => d.ruleId)
      expect(ids).toContain('headline-punctuation')
      expect(ids).not.toContain('typo') // switched off by the .ximorc.json in its directory
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(out).toContain('惜墨服务已停止。\n')
    expect(err).toBe('')
  })

  it('rejects bad options with exit 2 and prints its help', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [join(root, 'packages/cli/bin/ximo.js'), 'serve', ...args], { cwd: dir })
        let stdout = ''
        let stderr = ''
        c.stdout.on('data', (x) => (stdout += x))
        c.stderr.on('data', (x) => (stderr += x))
        c.on('exit', (code) => resolve({ code, stdout, stderr }))
      })
    expect(await run(['--port', 'abc'])).toEqual({ code: 2, stdout: '', stderr: 'ximo：--port 应为 0 到 65535 之间的整数，而不是 "abc"\n运行 ximo serve --help 查看用法。\n' })
    expect(await run(['--bogus'])).toEqual({ code: 2, stdout: '', stderr: 'ximo：未知选项 --bogus\n运行 ximo serve --help 查看用法。\n' })
    expect(await run(['--cors', 'oa.test/x'])).toEqual({ code: 2, stdout: '', stderr: 'ximo：--cors 应为网页来源（如 https://oa.example.gov.cn，不带路径）或 *，而不是 "oa.test/x"\n运行 ximo serve --help 查看用法。\n' })
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('      --port <端口>           端口（默认 7070；0 表示随机空闲端口）')
    // A port in use is a clear error.
    const busy = await run(['--port', String(main.port)])
    expect(busy).toEqual({ code: 2, stdout: '', stderr: `ximo：无法在 127.0.0.1:${main.port} 启动服务（端口已被占用，请用 --port 换一个端口）。\n` })
  })
})

/** A POST that sends its headers and the first half of its body, and the rest on finish(). */
function rawPost(port: number, path: string, body: string) {
  const bytes = Buffer.from(body)
  let finish!: () => void
  let closed!: Promise<boolean>
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (data += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }))
    })
    req.on('error', reject)
    closed = new Promise((r) => req.on('socket', (sock) => sock.on('close', () => r(true))))
    req.write(bytes.subarray(0, bytes.length >> 1))
    finish = () => req.end(bytes.subarray(bytes.length >> 1))
  })
  return { response, finish: () => finish(), get closed() { return closed } }
}
