// Build: generate the rule catalogue, then bundle the core, the CLI (and, when present, the
// language server) with esbuild. Word lists (.txt) are bundled as text.
import { build } from 'esbuild'
import { existsSync } from 'node:fs'
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

const entries = [
  ['packages/core/src/index.ts', 'packages/core/dist/index.js'],
  ['packages/cli/src/main.ts', 'packages/cli/dist/cli.js'],
  ['packages/language-server/src/main.ts', 'packages/language-server/dist/server.js'],
]
await Promise.all(
  entries
    .filter(([src]) => existsSync(join(root, src)))
    .map(([src, out]) => build({ ...common, entryPoints: [join(root, src)], outfile: join(root, out) })),
)
