// Build: generate the rule catalogue, then bundle the core, the CLI (and, when present, the
// language server) with esbuild. Word lists (.txt) are bundled as text.
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateRuleIndex } from './gen-rules.mjs'
import { warmCliCache, warmServerCache } from './warm-code-cache.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
generateRuleIndex()

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  loader: { '.txt': 'text' },
  external: ['@node-rs/jieba', '@node-rs/jieba/*', 'nodejieba'],
  alias: { '@ximo/core': join(root, 'packages/core/src/index.ts') },
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies need require() in ESM output.
  banner: { js: "import { createRequire as __ximoCreateRequire } from 'node:module'; const require = __ximoCreateRequire(import.meta.url);" },
}

// The language server's hovers show each rule's README: `import readmes from 'ximo:rule-readmes'`
// yields { [ruleId]: README text } for every rule folder.
function ruleReadmes() {
  return {
    name: 'ximo-rule-readmes',
    setup(b) {
      b.onResolve({ filter: /^ximo:rule-readmes$/ }, () => ({ path: 'rule-readmes', namespace: 'ximo' }))
      b.onLoad({ filter: /.*/, namespace: 'ximo' }, () => {
        const readmes = {}
        for (const id of readdirSync(join(root, 'rules')).sort()) {
          const file = join(root, 'rules', id, 'README.md')
          if (existsSync(file)) readmes[id] = readFileSync(file, 'utf8')
        }
        return { contents: `export default ${JSON.stringify(readmes)}`, loader: 'js', watchFiles: Object.keys(readmes).map((id) => join(root, 'rules', id, 'README.md')) }
      })
    },
  }
}

// The CLI and the language server are CommonJS bundles (cli-main.cjs, server-main.cjs) that small
// launchers (dist/cli.js, dist/server.js) start through V8's code cache
// (packages/core/src/code-cache.ts): compiling the bundle is a large part of every start-up. The
// caches are written below, after a run over the fixtures. The CLI's rarely used heavy
// dependencies (the HTTP server's fastify, .docx reading's mammoth, GB18030 decoding's iconv-lite)
// stay outside its bundle and are loaded from node_modules when `ximo serve`, a .docx file or a
// file that is not UTF-8 needs them.
// Strict, as the ES modules they are built from (and as the bundles were when they were ES modules).
const commonJs = {
  format: 'cjs',
  define: { 'import.meta.url': '__ximoModuleUrl' },
  banner: { js: "'use strict'; const __ximoModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
}
const cliDist = join(root, 'packages/cli/dist')
const serverDist = join(root, 'packages/language-server/dist')
// Earlier builds' output: the CLI's ES module chunks, and caches of bundles about to change.
rmSync(join(cliDist, 'chunks'), { recursive: true, force: true })
for (const cache of [join(cliDist, 'cli-main.cjs.cache'), join(serverDist, 'server-main.cjs.cache')]) rmSync(cache, { force: true })

const entries = [
  ['packages/core/src/index.ts', 'packages/core/dist/index.js'],
  ['packages/cli/src/main.ts', 'packages/cli/dist/cli-main.cjs', { ...commonJs, external: [...common.external, 'fastify', '@fastify/*', 'mammoth', 'iconv-lite'] }],
  ['packages/cli/src/launch.ts', 'packages/cli/dist/cli.js', commonJs],
  ['packages/language-server/src/main.ts', 'packages/language-server/dist/server-main.cjs', { plugins: [ruleReadmes()], ...commonJs }],
  ['packages/language-server/src/launch.ts', 'packages/language-server/dist/server.js', commonJs],
]
// The launchers are CommonJS too (dist/package.json says so), as are the bin scripts that load
// them: a process that never loads an ES module starts without Node's ES module loader (9 ms).
for (const dist of [cliDist, serverDist]) {
  mkdirSync(dist, { recursive: true })
  writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n')
}
await Promise.all(
  entries
    .filter(([src]) => existsSync(join(root, src)))
    .map(([src, out, extra]) => build({ ...common, outfile: join(root, out), ...extra, entryPoints: [join(root, src)] })),
)

// esbuild escapes non-ASCII in code but not in comments (some dependencies' JSDoc). An all-ASCII
// bundle is read as Latin-1: a one-byte string, half the memory and quicker to decode and compile.
// And no dynamic import(): Node 20 loses a script's import() handler when the script comes from a
// code cache (load such a dependency with createRequire, as docx.ts loads mammoth).
for (const bundle of [join(cliDist, 'cli-main.cjs'), join(serverDist, 'server-main.cjs')]) {
  if (!existsSync(bundle)) continue
  const code = readFileSync(bundle, 'utf8')
  if (/\bimport\(/.test(code)) throw new Error(`${bundle} contains a dynamic import(), which fails when the bundle is started from its code cache`)
  writeFileSync(bundle, code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

// Each works without its cache, only starts slower.
const warmUps = [
  ['命令行', join(cliDist, 'cli.js'), () => warmCliCache(root)],
  ['语言服务器', join(serverDist, 'server.js'), () => warmServerCache(root)],
]
for (const [what, entry, warm] of warmUps) {
  if (!existsSync(entry)) continue
  try {
    await warm()
  } catch (e) {
    console.warn(`惜墨构建：未能生成${what}的代码缓存（不影响使用，启动会慢一些）：${e.message}`)
  }
}
