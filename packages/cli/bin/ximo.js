#!/usr/bin/env node
// The `ximo` command (CommonJS, see package.json here). The CLI (with the core bundled in) is
// built into ../dist/ by `node scripts/build.mjs`, which `npm install` runs.
try {
  require('../dist/cli.js')
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('ximo 尚未构建：请在仓库根目录运行 npm install（或 node scripts/build.mjs）。\n')
    process.exitCode = 2
  } else throw e
}
