import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  plugins: [
    {
      // Word lists are imported as strings (esbuild's text loader does the same in the build).
      name: 'ximo-txt',
      enforce: 'pre',
      transform(code, id) {
        if (id.endsWith('.txt')) return { code: `export default ${JSON.stringify(code)}`, map: null }
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
