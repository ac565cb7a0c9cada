// Runs the web page's end-to-end test (test/e2e/web.e2e.mjs: headless Chromium through
// playwright-core against the built `ximo serve`). Skipped, with the reason, when Debian's
// Chromium is missing (apt-get install -y chromium fonts-noto-cjk).
import { it, expect } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const browser = process.env.CHROMIUM ?? '/usr/bin/chromium'
const hasBrowser = existsSync(browser)
if (!hasBrowser) console.warn(`serve-web: skipped, ${browser} not found (apt-get install -y chromium fonts-noto-cjk)`)

it.skipIf(!hasBrowser)(
  'the web page: paste, underlines, list, explanation, fixes, download, .docx upload (headless Chromium)',
  async () => {
    const child = spawn(process.execPath, [join(root, 'test/e2e/web.e2e.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (out += c))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(out).toContain('web e2e: ok')
    expect(code).toBe(0)
  },
  300_000,
)
