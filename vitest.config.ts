import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'

export default defineConfig({
  plugins: [
    {
      // Word lists are imported as strings (esbuild's text loader does the same in the build).
      name: 'ximo-txt',
      enforce: 'pre',
      // `load`, not `transform`: Vite's asset plugin would otherwise load a .txt as its URL.
      load(id) {
        const file = id.split('?')[0]
        if (file.endsWith('.txt')) return { code: `export default ${JSON.stringify(readFileSync(file, 'utf8'))}`, map: null }
      },
    },
  ],
  resolve: {
    alias: { '@ximo/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['rules/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    testTimeout: 30000,
    pool: 'forks',
  },
})
