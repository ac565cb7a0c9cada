/** The OpenAPI 3.1 description served at /api/openapi.json. */
import type { ServeOptions } from './options.js'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } })
const error = (description: string) => json(ref('Error'), description)

export function openApi(version: string, options: ServeOptions): Record<string, unknown> {
  const mb = Math.round((options.bodyLimit / 1024 / 1024) * 100) / 100
  const errors = {
    '400': error('请求有误：JSON 不合法、缺少 text、format 或 config 有误'),
    '405': error('该路径不支持这个请求方法'),
    '413': error(`请求体超过 ${mb} MB，或稿件超过 ${options.maxChars} 字`),
    '415': error('Content-Type 不是 application/json 或 multipart/form-data，或上传的文件类型不支持'),
    '422': error('上传的文件无法读取：已加密、已损坏或编码无法识别'),
    '503': error('服务繁忙（同时处理的请求已满）或处理超时；见 Retry-After'),
  }
  const uploadBody = {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary', description: '.docx、.txt、.md 或 .markdown 文件（.txt/.md 可为 UTF-8 或 GB18030 编码）' },
          format: { type: 'string', enum: ['markdown', 'text'], description: '按哪种格式检查 .txt/.md（默认按扩展名）' },
          config: { type: 'string', description: 'JSON 格式的 config（同 JSON 请求）' },
          fixTypes: { type: 'string', description: '仅 /api/fix：逗号分隔的 wording、punctuation' },
        },
      },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '惜墨（ximo）HTTP 接口',
      version,
      description:
        '检查、修复政务信息稿件。诊断的格式与 `ximo lint --format json` 的 messages 相同。' +
        '服务端不接受文件路径：稿件放在请求体中（JSON 的 text，或上传文件）。行、列从 1 起，按 UTF-16 码元计数；.docx 的诊断另有 paragraph（第几段、段内偏移和段落原文）。',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/lint': {
        post: {
          summary: '检查稿件',
          requestBody: { required: true, content: { 'application/json': { schema: ref('LintRequest') }, ...uploadBody } },
          responses: { '200': json(ref('LintResponse'), '诊断与摘要'), ...errors },
        },
      },
      '/api/fix': {
        post: {
          summary: '自动修复稿件中可安全修复的问题',
          requestBody: { required: true, content: { 'application/json': { schema: ref('FixRequest') }, ...uploadBody } },
          responses: { '200': json(ref('FixResponse'), '修复后的文本、已做的修复和剩余的诊断'), ...errors },
        },
      },
      '/api/rules': { get: { summary: '规则目录', responses: { '200': json({ type: 'array', items: ref('Rule') }, '全部规则') } } },
      '/api/openapi.json': { get: { summary: '本接口说明', responses: { '200': { description: 'OpenAPI 3.1 文档' } } } },
      '/healthz': {
        get: {
          summary: '健康检查',
          responses: {
            '200': json(
              { type: 'object', properties: { status: { const: 'ok' }, version: { type: 'string' }, rules: { type: 'integer' } }, required: ['status', 'version', 'rules'] },
              '服务正常',
            ),
          },
        },
      },
    },
    components: {
      schemas: {
        Config: {
          type: 'object',
          additionalProperties: false,
          description: '本次请求的配置：extends 只能是预设；rules 同 .ximorc.json。词典、词表等服务端文件不能由客户端提交。',
          properties: {
            extends: { oneOf: [{ enum: ['ximo:recommended', 'ximo:strict'] }, { type: 'array', items: { enum: ['ximo:recommended', 'ximo:strict'] } }] },
            rules: { type: 'object', additionalProperties: { description: '"off" | "info" | "warning" | "error"，或 [级别, 选项]' } },
          },
        },
        LintRequest: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: { type: 'string', maxLength: options.maxChars, description: '稿件全文' },
            format: { enum: ['markdown', 'text'], default: 'markdown', description: 'markdown：标题是第一个 # 标题；text：第一行是标题' },
            config: ref('Config'),
          },
        },
        FixRequest: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: { type: 'string', maxLength: options.maxChars },
            format: { enum: ['markdown', 'text'], default: 'markdown' },
            config: ref('Config'),
            fixTypes: { type: 'array', items: { enum: ['wording', 'punctuation'] }, description: '只做这些类型的修复（默认全部）' },
          },
        },
        Fix: { type: 'object', required: ['range', 'text'], properties: { range: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 }, text: { type: 'string' } } },
        Paragraph: {
          type: 'object',
          description: '.docx：问题所在的段落（从 1 起，空段不计），段内偏移（从 0 起，UTF-16）和段落原文',
          required: ['index', 'offset', 'endIndex', 'endOffset', 'text'],
          properties: { index: { type: 'integer' }, offset: { type: 'integer' }, endIndex: { type: 'integer' }, endOffset: { type: 'integer' }, text: { type: 'string' } },
        },
        Diagnostic: {
          type: 'object',
          required: ['ruleId', 'severity', 'level', 'message', 'line', 'column', 'endLine', 'endColumn'],
          properties: {
            ruleId: { type: 'string' },
            severity: { enum: [1, 2], description: '2 错误，1 警告或提示' },
            level: { enum: ['error', 'warning', 'info'] },
            message: { type: 'string', description: '中文说明' },
            line: { type: 'integer' },
            column: { type: 'integer' },
            endLine: { type: 'integer' },
            endColumn: { type: 'integer' },
            fix: ref('Fix'),
            paragraph: ref('Paragraph'),
          },
        },
        Evidence: { type: ['object', 'null'], properties: { text: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } } },
        Summary: {
          type: 'object',
          required: ['errors', 'warnings', 'infos', 'fixable', 'headline', 'headlineType', 'headlineTypeName', 'lead', 'leadElements'],
          properties: {
            errors: { type: 'integer' },
            warnings: { type: 'integer' },
            infos: { type: 'integer' },
            fixable: { type: 'integer' },
            headline: { type: ['string', 'null'] },
            headlineType: { enum: ['direct', 'summary', 'advisory', 'forecast', 'label', 'no-predicate', null] },
            headlineTypeName: { type: ['string', 'null'] },
            lead: { type: ['string', 'null'] },
            leadElements: {
              type: 'object',
              description: '导语六要素：找到的文字与位置，未找到为 null',
              properties: Object.fromEntries(['time', 'place', 'subject', 'event', 'purpose', 'method'].map((k) => [k, ref('Evidence')])),
            },
          },
        },
        Source: {
          type: 'object',
          description: '上传文件时返回：读出的文本（.docx 为各段落，一段一行）',
          properties: { name: { type: 'string' }, kind: { enum: ['docx', 'text', 'markdown'] }, format: { enum: ['markdown', 'text'] }, text: { type: 'string' }, skippedParagraphs: { type: 'integer' } },
        },
        LintResponse: {
          type: 'object',
          required: ['diagnostics', 'summary'],
          properties: { diagnostics: { type: 'array', items: ref('Diagnostic') }, summary: ref('Summary'), source: ref('Source') },
        },
        FixResponse: {
          type: 'object',
          required: ['output', 'fixes', 'diagnostics', 'summary'],
          properties: {
            output: { type: 'string', description: '修复后的文本' },
            fixes: {
              type: 'array',
              items: {
                type: 'object',
                properties: { ruleId: { type: 'string' }, message: { type: 'string' }, range: { type: 'array', items: { type: 'integer' } }, actual: { type: 'string' }, text: { type: 'string' }, pass: { type: 'integer' } },
              },
            },
            diagnostics: { type: 'array', items: ref('Diagnostic'), description: '修复后仍有的问题' },
            summary: ref('Summary'),
            source: ref('Source'),
          },
        },
        Rule: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            type: { type: 'string' },
            category: { type: 'string' },
            severity: { enum: ['error', 'warning', 'info'] },
            fixable: { enum: ['wording', 'punctuation', null] },
            description: { type: 'string' },
            guide: { type: 'string', description: '依据（写作指南条文或国家标准）' },
            url: { type: 'string' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string', description: '中文说明' } } } },
        },
      },
    },
  }
}
