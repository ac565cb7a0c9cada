/**
 * Entry point of `ximo-language-server`: `--stdio` (the default), `--node-ipc`,
 * `--socket=<port>` or `--pipe=<name>`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js'
import readmes from 'ximo:rule-readmes'
import { startServer } from './server.js'

const args = process.argv.slice(2)
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write('0.1.0\n')
  process.exit(0)
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('用法：ximo-language-server [--stdio | --node-ipc | --socket=<端口> | --pipe=<名称>]\n惜墨语言服务器，供编辑器通过 LSP 调用；默认使用 --stdio。\n')
  process.exit(0)
}
if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio')

// stdout carries the protocol: anything printed elsewhere goes to stderr.
console.log = console.info = console.debug = (...parts: unknown[]) => process.stderr.write(parts.map(String).join(' ') + '\n')

// A bug in one lint must not take the editor's server down.
process.on('uncaughtException', (e) => process.stderr.write(`ximo-language-server: ${e.stack ?? e.message}\n`))
process.on('unhandledRejection', (e) => process.stderr.write(`ximo-language-server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`))

startServer(createConnection(ProposedFeatures.all), { readmes })
