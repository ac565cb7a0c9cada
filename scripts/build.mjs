// Build: generate the rule catalogue, then bundle the core, the CLI (and, when present, the
// language server) with esbuild. Word lists (.txt) are bundled as text.
import { build } from 'esbuild'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateRuleIndex } from './gen-rules.mjs'
import { warmServerCache } from './warm-code-cache.mjs'

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

// The CLI is split: what `ximo lint` needs is loaded at start-up (compiling the bundle is most of
// the start-up time), while `import()`ed parts (the HTTP server, .docx reading) become chunks
// in dist/chunks/ loaded on demand.
rmSync(join(root, 'packages/cli/dist/chunks'), { recursive: true, force: true })
const split = { splitting: true, outdir: join(root, 'packages/cli/dist'), entryNames: 'cli', chunkNames: 'chunks/[name]-[hash]' }

// The language server is a CommonJS bundle (server-main.cjs) that dist/server.js starts through
// V8's code cache (packages/core/src/code-cache.ts); the cache is written below.
const commonJs = {
  format: 'cjs',
  define: { 'import.meta.url': '__ximoModuleUrl' },
  banner: { js: "const __ximoModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
}
const serverDist = join(root, 'packages/language-server/dist')
rmSync(join(serverDist, 'server-main.cjs.cache'), { force: true })

const entries = [
  ['packages/core/src/index.ts', 'packages/core/dist/index.js'],
  ['packages/cli/src/main.ts', 'packages/cli/dist/cli.js', split],
  ['packages/language-server/src/main.ts', 'packages/language-server/dist/server-main.cjs', { plugins: [ruleReadmes()], ...commonJs }],
  ['packages/language-server/src/launch.ts', 'packages/language-server/dist/server.js'],
]
await Promise.all(
  entries
    .filter(([src]) => existsSync(join(root, src)))
    .map(([src, out, extra]) => build({ ...common, ...(extra?.outdir ? {} : { outfile: join(root, out) }), ...extra, entryPoints: [join(root, src)] })),
)

// esbuild escapes non-ASCII in code but not in comments (some dependencies' JSDoc). An all-ASCII
// bundle is read as Latin-1: a one-byte string, half the memory and quicker to decode and compile.
const serverMain = join(serverDist, 'server-main.cjs')
if (existsSync(serverMain)) writeFileSync(serverMain, readFileSync(serverMain, 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))

if (existsSync(join(serverDist, 'server.js'))) {
  try {
    await warmServerCache(root)
  } catch (e) {
    // The server works without it, only starts slower.
    console.warn(`惜墨构建：未能生成语言服务器的代码缓存（不影响使用，启动会慢一些）：${e.message}`)
  }
}
