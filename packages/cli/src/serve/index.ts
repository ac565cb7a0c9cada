/**
 * `ximo serve`: the web page and the HTTP API on one port (default 127.0.0.1:7070). The
 * segmenter and the rules are loaded once, before the first request, and shared by all.
 */
import { resolve } from 'node:path'
import { analyze, ConfigError, loadConfig, loadConfigFile, rules as allRules, SegmenterUnavailableError, type ResolvedConfig, type Rule } from '@ximo/core'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { DEFAULTS, parseServeArgs, SERVE_HELP, ServeUsageError, type ServeOptions } from './options.js'
import { loadAssets } from './web.js'

export { DEFAULTS, parseServeArgs, SERVE_HELP, type ServeOptions } from './options.js'

export interface StartOptions extends Partial<ServeOptions> {
  /** The server's config; by default --config or the nearest .ximorc.* from `cwd`. */
  resolvedConfig?: ResolvedConfig
  cwd?: string
  rules?: Rule[]
  version?: string
  /** The web page's folder (default: packages/cli/web). */
  webDir?: string
  log?: (message: string) => void
}

export interface RunningServer {
  app: FastifyInstance
  /** `http://host:port` as bound (the real port when 0 was asked for). */
  url: string
  port: number
  options: ServeOptions
  close(): Promise<void>
}

/** Load everything once, warm the segmenter, listen. Throws ConfigError, SegmenterUnavailableError or a listen error. */
export async function startServer(start: StartOptions = {}): Promise<RunningServer> {
  const picked = Object.fromEntries(Object.entries(start).filter(([k, v]) => k in DEFAULTS && v !== undefined))
  const options: ServeOptions = { ...DEFAULTS, ...picked, config: start.config }
  const cwd = start.cwd ?? process.cwd()
  const rules = start.rules ?? allRules
  const config = start.resolvedConfig ?? (options.config ? loadConfigFile(resolve(cwd, options.config), rules) : loadConfig(cwd, rules))
  // Load jieba, the domain dictionary and the server's user words before the first request.
  analyze('# 市交通局完成桥梁检测\n\n11月3日，市交通局完成全市桥梁检测。', { config, rules })
  const app = await buildApp(options, { rules, config, version: start.version ?? '0.0.0', assets: loadAssets(start.webDir), log: start.log })
  await app.listen({ host: options.host, port: options.port })
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr ? addr.port : options.port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return { app, url: `http://${host}:${port}`, port, options, close: () => app.close() }
}

export interface ServeIO {
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
}

const LISTEN_REASONS: Record<string, string> = {
  EADDRINUSE: '端口已被占用，请用 --port 换一个端口',
  EACCES: '没有权限使用这个端口（1024 以下的端口需要管理员权限），请换一个端口',
  EADDRNOTAVAIL: '本机没有这个地址，请检查 --host',
  ENOTFOUND: '找不到这个主机名，请检查 --host',
}

/** The `ximo serve` command: runs until SIGINT or SIGTERM; returns the exit code. */
export async function serveCommand(argv: string[], io: ServeIO, version: string): Promise<number> {
  let options: ServeOptions | null
  try {
    options = parseServeArgs(argv)
  } catch (e) {
    if (!(e instanceof ServeUsageError)) throw e
    io.stderr(`ximo：${e.message}\n运行 ximo serve --help 查看用法。\n`)
    return 2
  }
  if (!options) {
    io.stdout(SERVE_HELP)
    return 0
  }
  let server: RunningServer
  try {
    server = await startServer({ ...options, cwd: io.cwd, version, log: io.stderr })
  } catch (e) {
    if (e instanceof ConfigError || e instanceof SegmenterUnavailableError) {
      io.stderr(`ximo：${e.message}\n`)
      return 2
    }
    const code = (e as NodeJS.ErrnoException).code
    if (code && (LISTEN_REASONS[code] || (e as NodeJS.ErrnoException).syscall === 'listen')) {
      io.stderr(`ximo：无法在 ${options.host}:${options.port} 启动服务（${LISTEN_REASONS[code] ?? code}）。\n`)
      return 2
    }
    throw e
  }
  io.stdout(`惜墨服务已启动：${server.url}/\n网页：${server.url}/  接口说明：${server.url}/api/openapi.json\n按 Ctrl+C 停止。\n`)
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      server.close().then(done, done)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  io.stdout('惜墨服务已停止。\n')
  return 0
}
