/** `ximo serve` options: defaults, argument parsing (Chinese usage errors) and help. */

export interface ServeOptions {
  host: string
  port: number
  /** Request body limit in bytes (JSON or the whole upload). */
  bodyLimit: number
  /** Per-request time limit in milliseconds (receiving the body, reading a .docx, waiting to be linted). */
  timeLimit: number
  /** Lint and fix requests handled at once; more get 503. */
  maxConcurrent: number
  /** Characters of text linted in one request; more get 413 (bounds the work of one request). */
  maxChars: number
  /** Origins allowed to call the API from a browser (`*` for any); empty: CORS off. */
  cors: string[]
  /** A config file on the server (`--config`); by default `.ximorc.*` found from the current directory. */
  config?: string
}

export const DEFAULTS: ServeOptions = {
  host: '127.0.0.1',
  port: 7070,
  bodyLimit: 5 * 1024 * 1024,
  timeLimit: 30_000,
  maxConcurrent: 64,
  maxChars: 200_000,
  cors: [],
}

export class ServeUsageError extends Error {}

export const SERVE_HELP = `惜墨（ximo serve）：启动网页和 HTTP 接口

用法：
  ximo serve [选项]

打开 http://127.0.0.1:7070/ 粘贴或上传稿件即可检查；接口说明见 /api/openapi.json。

选项：
      --host <地址>           监听地址（默认 127.0.0.1，只允许本机访问）
      --port <端口>           端口（默认 7070；0 表示随机空闲端口）
  -c, --config <文件>         使用指定的配置文件（默认从当前目录逐级查找 .ximorc.json）
      --max-body <MB>         请求体大小上限，单位 MB（默认 5）
      --time-limit <秒>       每个请求的时间上限（默认 30）
      --max-concurrent <数量> 同时处理的检查请求数上限（默认 64）
      --max-chars <字数>      单篇稿件字数上限（默认 200000）
      --cors <来源>           允许跨域调用的网页来源，如 https://oa.example.gov.cn；* 表示任意来源；可重复
  -h, --help                  显示本帮助

按 Ctrl+C 停止服务。
`

/** A number argument: `int` (1, 2, …), `port` (0–65535) or `num` (any positive number). */
function numberArg(flag: string, value: string, kind: 'int' | 'port' | 'num'): number {
  const n = Number(value)
  const ok = kind === 'num' ? /^\d+(\.\d+)?$/.test(value) && n > 0 : /^\d+$/.test(value) && (kind === 'port' ? n <= 65535 : n >= 1)
  if (!ok) throw new ServeUsageError(`${flag} 应为${kind === 'port' ? ' 0 到 65535 之间的整数' : kind === 'int' ? '正整数' : '正数'}，而不是 "${value}"`)
  return n
}

/** Parse `ximo serve` arguments; returns null for --help. */
export function parseServeArgs(argv: string[]): ServeOptions | null {
  const opts: ServeOptions = { ...DEFAULTS, cors: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') return null
    if (!arg.startsWith('-')) throw new ServeUsageError(`serve 命令不接受参数 "${arg}"`)
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const key = eq > 0 ? arg.slice(0, eq) : arg
    const known = ['--host', '--port', '--config', '-c', '--max-body', '--time-limit', '--max-concurrent', '--max-chars', '--cors']
    if (!known.includes(key)) throw new ServeUsageError(`未知选项 ${key}`)
    let value = eq > 0 ? arg.slice(eq + 1) : argv[++i]
    if (value === undefined || value === '') throw new ServeUsageError(`${key} 缺少取值`)
    value = value.trim()
    switch (key) {
      case '--host':
        opts.host = value
        break
      case '--port':
        opts.port = numberArg(key, value, 'port')
        break
      case '--config':
      case '-c':
        opts.config = value
        break
      case '--max-body':
        opts.bodyLimit = Math.round(numberArg(key, value, 'num') * 1024 * 1024)
        break
      case '--time-limit':
        opts.timeLimit = Math.round(numberArg(key, value, 'num') * 1000)
        break
      case '--max-concurrent':
        opts.maxConcurrent = numberArg(key, value, 'int')
        break
      case '--max-chars':
        opts.maxChars = numberArg(key, value, 'int')
        break
      case '--cors':
        for (const o of value.split(',').map((s) => s.trim()).filter(Boolean)) {
          if (o !== '*' && !/^https?:\/\/[^/\s]+$/i.test(o)) throw new ServeUsageError(`--cors 应为网页来源（如 https://oa.example.gov.cn，不带路径）或 *，而不是 "${o}"`)
          opts.cors.push(o.toLowerCase())
        }
        break
    }
  }
  return opts
}
