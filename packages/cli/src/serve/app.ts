/**
 * The HTTP server of `ximo serve` (fastify): the JSON API, its OpenAPI description, the
 * health check and the web page. Every error is a JSON `{error: {code, message}}` with a 4xx
 * or 503 status and a Chinese message; clients never name a file on the server.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { Format, ResolvedConfig, Rule } from '@ximo/core'
import { ruleInfo } from '../commands.js'
import { decode, DecodeError } from '../encoding.js'
import { DocxError, readDocx } from '../docx.js'
import type { FixType } from '../lint-file.js'
import { ClientError, clientConfig, fixDraft, lintDraft, Queue, type Draft } from './service.js'
import { openApi } from './openapi.js'
import type { ServeOptions } from './options.js'
import type { Asset } from './web.js'

export interface AppDeps {
  rules: Rule[]
  /** The server's config (from --config or the nearest .ximorc.*). */
  config: ResolvedConfig
  version: string
  assets: Map<string, Asset>
  /** Where unexpected errors are reported (stderr). */
  log?: (message: string) => void
}

interface Source {
  name: string
  kind: 'docx' | 'text' | 'markdown'
  format: Format
  text: string
  skippedParagraphs?: number
}

const FORMATS: Format[] = ['markdown', 'text']
const FIX_TYPES: FixType[] = ['wording', 'punctuation']
const PATH_KEYS = new Set(['path', 'file', 'filePath', 'filename', 'fileName', 'dir', 'cwd', 'configFile'])
const UPLOAD_EXT: Record<string, Source['kind']> = { '.docx': 'docx', '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown' }

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB` : `${Math.round(bytes / 1024)} KB`)

/** A fastify or multipart error as status, code and Chinese message. */
const BAD_MULTIPART = '上传的表单数据不完整：请用 multipart/form-data 重新上传整个文件（字段名 file）。'

function describe(err: FastifyError | ClientError | Error, options: ServeOptions): { status: number; code: string; message: string; headers?: Record<string, string> } {
  if (err instanceof ClientError) return { status: err.status, code: err.code, message: err.message, headers: err.headers }
  const code = (err as FastifyError).code
  const limit = sizeLabel(options.bodyLimit)
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'body_too_large', message: `请求体过大（上限 ${limit}），请缩短稿件或分篇提交。` }
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, code: 'too_many_parts', message: '一次只能上传一个文件（字段名 file），另可带 format、config、fixTypes 字段。' }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Content-Type 应为 application/json（提交文字）或 multipart/form-data（上传文件）。' }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'bad_json', message: '请求体为空，应为 JSON，如 {"text": "稿件全文", "format": "markdown"}。' }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'bad_json', message: '请求体不是合法的 JSON，请检查引号、逗号和括号。' }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'bad_request', message: 'Content-Length 与实际请求体长度不符。' }
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'bad_url', message: '地址不合法。' }
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return { status: 400, code: 'bad_multipart', message: BAD_MULTIPART }
  }
  if (err instanceof SyntaxError && (err as FastifyError).statusCode === 400) return { status: 400, code: 'bad_json', message: '请求体不是合法的 JSON，请检查引号、逗号和括号。' }
  const status = (err as FastifyError).statusCode
  if (status && status >= 400 && status < 500) return { status, code: 'bad_request', message: `请求有误（${err.message}）。` }
  return { status: 500, code: 'internal', message: '服务内部错误，请稍后重试；如反复出现，请把请求内容报告给维护者。' }
}

function timeout(timeLimit: number): ClientError {
  return new ClientError(503, 'timeout', `处理超时（超过 ${timeLimit / 1000} 秒），请稍后重试或缩短稿件。`, { 'retry-after': '1' })
}

/** Resolve `work` unless the deadline passes first. */
function beforeDeadline<T>(work: Promise<T>, deadline: number, timeLimit: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout(timeLimit)), Math.max(0, deadline - Date.now()))
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

export async function buildApp(options: ServeOptions, deps: AppDeps): Promise<FastifyInstance> {
  const { rules, assets } = deps
  const queue = new Queue()
  let inFlight = 0
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    return503OnClosing: true,
    frameworkErrors: (err, _request, reply) => {
      const d = describe(err, options)
      void (reply as FastifyReply).code(d.status).send({ error: { code: d.code, message: d.message } })
    },
  })
  // JSON (fastify's own parser) and multipart (the plugin) only: text/plain is not a way in.
  app.removeContentTypeParser('text/plain')
  await app.register(multipart, {
    limits: { fileSize: options.bodyLimit, files: 1, fields: 3, fieldSize: 256 * 1024, parts: 4, headerPairs: 100 },
  })

  // --- limits, CORS, headers -----------------------------------------------------------------
  const apiPost = (req: FastifyRequest) => req.method === 'POST' && (req.url === '/api/lint' || req.url === '/api/fix' || req.url.startsWith('/api/lint?') || req.url.startsWith('/api/fix?'))
  app.addHook('onRequest', async (request, reply) => {
    ;(request as FastifyRequest & { deadline?: number }).deadline = Date.now() + options.timeLimit
    const origin = request.headers.origin
    if (options.cors.length && typeof origin === 'string') {
      const any = options.cors.includes('*')
      if (any || options.cors.includes(origin.toLowerCase())) {
        void reply.header('access-control-allow-origin', any ? '*' : origin)
        if (!any) void reply.header('vary', 'Origin')
      }
    }
    // A body still arriving when the time is up gets 408 and the connection is closed. (Node's
    // own requestTimeout also counts the time spent answering, so it is not used.)
    if (request.method === 'POST') {
      const timer = setTimeout(
        // After a long analysis the timer may fire before pending input is read: look again
        // after the next poll phase.
        () =>
          setImmediate(() => {
            if (request.raw.complete || reply.raw.headersSent || reply.raw.destroyed) return
            const body = JSON.stringify({ error: { code: 'request_timeout', message: `请求体在 ${options.timeLimit / 1000} 秒内没有传完，连接已关闭。请检查网络后重试。` } })
            reply.raw.writeHead(408, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' })
            reply.raw.end(body, () => request.raw.socket?.destroy())
          }),
        options.timeLimit,
      )
      reply.raw.once('close', () => clearTimeout(timer))
    }
    if (apiPost(request)) {
      if (inFlight >= options.maxConcurrent) throw new ClientError(503, 'busy', `服务繁忙（已有 ${options.maxConcurrent} 个请求在处理），请稍后重试。`, { 'retry-after': '1' })
      inFlight++
      reply.raw.once('close', () => inFlight--)
    }
  })
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff')
    void reply.header('referrer-policy', 'no-referrer')
    void reply.header('content-security-policy', CSP)
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store')
    return payload
  })

  app.setErrorHandler((err: FastifyError | ClientError, _request, reply) => {
    const d = describe(err, options)
    if (d.status >= 500 && d.code === 'internal') deps.log?.(`ximo serve 内部错误：${err.stack ?? err.message}\n`)
    void reply
      .code(d.status)
      .headers(d.headers ?? {})
      .send({ error: { code: d.code, message: d.message } })
  })

  // --- 404 and 405 ---------------------------------------------------------------------------
  const allowed = new Map<string, string[]>([
    ['/api/lint', ['POST']],
    ['/api/fix', ['POST']],
    ['/api/rules', ['GET', 'HEAD']],
    ['/api/openapi.json', ['GET', 'HEAD']],
    ['/healthz', ['GET', 'HEAD']],
  ])
  for (const path of assets.keys()) allowed.set(path, ['GET', 'HEAD'])
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    const methods = allowed.get(path)
    if (methods) {
      void reply
        .code(405)
        .header('allow', (options.cors.length && path.startsWith('/api/') ? [...methods, 'OPTIONS'] : methods).join(', '))
        .send({ error: { code: 'method_not_allowed', message: `${path} 不支持 ${request.method} 请求（可用：${methods.join('、')}）。` } })
      return
    }
    void reply.code(404).send({ error: { code: 'not_found', message: `没有这个地址：${path}。接口说明见 /api/openapi.json。` } })
  })

  // --- reading a draft -----------------------------------------------------------------------
  async function readUpload(request: FastifyRequest, forFix: boolean, deadline: number) {
    const fields: Record<string, string> = {}
    let file: { name: string; bytes: Buffer } | undefined
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') file = { name: (part.filename ?? '').split(/[\\/]/).pop() ?? '', bytes: await part.toBuffer() }
        else fields[part.fieldname] = String(part.value)
      }
    } catch (e) {
      // The plugin's own errors carry a code (limits); busboy's parse errors do not.
      if (e instanceof ClientError || String((e as FastifyError).code ?? '').startsWith('FST_')) throw e
      throw new ClientError(400, 'bad_multipart', BAD_MULTIPART)
    }
    if (!file) throw new ClientError(400, 'missing_file', '没有收到文件：请用字段名 file 上传 .docx、.txt 或 .md 文件。')
    const known = new Set(['format', 'config', ...(forFix ? ['fixTypes'] : [])])
    for (const k of Object.keys(fields)) if (!known.has(k)) throw new ClientError(400, 'bad_request', `不认识的表单字段 "${k}"（可用：${[...known].join('、')}）。`)
    const ext = /\.[^.]+$/.exec(file.name)?.[0].toLowerCase() ?? ''
    const kind = UPLOAD_EXT[ext]
    if (!kind) throw new ClientError(415, 'unsupported_file', `不支持的文件类型${ext ? ` ${ext}` : ''}：请上传 .docx、.txt 或 .md 文件。`)
    let config: unknown
    if (fields.config !== undefined) {
      try {
        config = JSON.parse(fields.config)
      } catch (e) {
        throw new ClientError(400, 'bad_config', `config 字段不是合法的 JSON（${(e as Error).message}）。`)
      }
    }
    const fixTypes = fields.fixTypes === undefined ? undefined : fields.fixTypes.split(',').map((s) => s.trim()).filter(Boolean)
    let source: Source
    if (kind === 'docx') {
      if (fields.format !== undefined && fields.format !== 'text') throw new ClientError(400, 'bad_format', '.docx 按段落检查（format 只能是 text）。')
      try {
        const docx = await beforeDeadline(readDocx(file.bytes), deadline, options.timeLimit)
        source = { name: file.name, kind, format: 'text', text: docx.text, skippedParagraphs: docx.skipped }
        return { source, docx, config, fixTypes }
      } catch (e) {
        if (e instanceof DocxError) throw new ClientError(422, `docx_${e.kind.replace('-', '_')}`, e.message)
        throw e
      }
    }
    let text: string
    try {
      text = decode(file.bytes).text
    } catch (e) {
      if (e instanceof DecodeError) throw new ClientError(422, 'undecodable', e.message)
      throw e
    }
    const format = fields.format ?? (kind === 'text' ? 'text' : 'markdown')
    source = { name: file.name, kind, format: format as Format, text }
    return { source, docx: undefined, config, fixTypes, format }
  }

  async function readDraft(request: FastifyRequest, forFix: boolean): Promise<{ draft: Draft; fixTypes?: FixType[]; source?: Source }> {
    const deadline = (request as FastifyRequest & { deadline: number }).deadline
    let text: unknown
    let format: unknown
    let config: unknown
    let fixTypes: unknown
    let source: Source | undefined
    let docx: Draft['docx']
    if (request.isMultipart()) {
      const up = await readUpload(request, forFix, deadline)
      ;({ source, docx, config, fixTypes } = up)
      text = up.source.text
      format = up.source.format
    } else {
      const body = request.body
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new ClientError(400, 'bad_request', '请求体应为 JSON 对象，如 {"text": "稿件全文", "format": "markdown"}。')
      const known = new Set(['text', 'format', 'config', ...(forFix ? ['fixTypes'] : [])])
      for (const k of Object.keys(body)) {
        if (PATH_KEYS.has(k)) throw new ClientError(400, 'path_not_allowed', `不接受文件路径（${k}）：请把稿件内容放在 text 中提交，或用 multipart/form-data 上传文件。`)
        if (!known.has(k)) throw new ClientError(400, 'bad_request', `不认识的字段 "${k}"（可用：${[...known].join('、')}）。`)
      }
      ;({ text, format, config, fixTypes } = body as Record<string, unknown>)
      if (format === undefined) format = 'markdown'
    }
    if (typeof text !== 'string') throw new ClientError(400, 'missing_text', '缺少 text（要检查的稿件全文，字符串）。')
    if (!FORMATS.includes(format as Format)) throw new ClientError(400, 'bad_format', `format 应为 markdown 或 text，而不是 ${JSON.stringify(format)}。`)
    if (fixTypes !== undefined && (!Array.isArray(fixTypes) || fixTypes.some((t) => !FIX_TYPES.includes(t as FixType))))
      throw new ClientError(400, 'bad_fix_types', 'fixTypes 应为数组，取值 wording（措辞）、punctuation（标点）。')
    if (text.length > options.maxChars)
      throw new ClientError(413, 'text_too_long', `稿件过长（${text.length} 字，上限 ${options.maxChars} 字），请分篇提交。`)
    const cfg = clientConfig(config, deps.config, rules)
    return { draft: { text, format: format as Format, config: cfg, docx }, fixTypes: fixTypes as FixType[] | undefined, source }
  }

  // --- routes --------------------------------------------------------------------------------
  const deadlineOf = (request: FastifyRequest) => (request as FastifyRequest & { deadline: number }).deadline

  app.post('/api/lint', async (request, reply) => {
    const { draft, source } = await readDraft(request, false)
    const result = await queue.run(() => lintDraft(draft, rules), deadlineOf(request), options.timeLimit)
    return reply.send(source ? { ...result, source } : result)
  })

  app.post('/api/fix', async (request, reply) => {
    const { draft, fixTypes, source } = await readDraft(request, true)
    const result = await queue.run(() => fixDraft({ ...draft, docx: undefined }, rules, fixTypes), deadlineOf(request), options.timeLimit)
    return reply.send(source ? { ...result, source } : result)
  })

  const catalogue = ruleInfo(rules)
  app.get('/api/rules', async () => catalogue)
  const spec = openApi(deps.version, options)
  app.get('/api/openapi.json', async () => spec)
  app.get('/healthz', async () => ({ status: 'ok', version: deps.version, rules: rules.length }))

  if (options.cors.length)
    app.options('/api/*', async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'Content-Type')
        .header('access-control-max-age', '600')
        .send(),
    )

  for (const [path, asset] of assets)
    app.get(path, async (_request, reply: FastifyReply) => reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body))

  return app
}
