// Build: generate the rule catalogue, then bundle the core, the CLI (and, when present, the
// language server) with esbuild. Word lists (.txt) are bundled as text.
import { build } from 'esbuild'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateRuleIndex } from './gen-rules.mjs'

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

const entries = [
  ['packages/core/src/index.ts', 'packages/core/dist/index.js'],
  ['packages/cli/src/main.ts', 'packages/cli/dist/cli.js', split],
  ['packages/language-server/src/main.ts', 'packages/language-server/dist/server.js', { plugins: [ruleReadmes()] }],
]
await Promise.all(
  entries
    .filter(([src]) => existsSync(join(root, src)))
    .map(([src, out, extra]) => build({ ...common, ...(extra?.outdir ? {} : { outfile: join(root, out) }), ...extra, entryPoints: [join(root, src)] })),
)
