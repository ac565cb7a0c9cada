// End-to-end test of the VS Code extension in a real editor: the .vsix installed into
// code-server, driven by headless Chromium through playwright-core. Run by .ci/e2e.sh, which
// installs code-server and the apt packages first.
//
// Env: CODE_SERVER  path to the code-server launcher (default .cache/code-server/node_modules/.bin/code-server)
//      XIMO_VSIX    the .vsix to test (default packages/vscode/ximo-vscode-linux-x64-<version>.vsix)
//      CHROMIUM     the browser (default /usr/bin/chromium)
//
// Checks: the fixture draft's diagnostics equal what the CLI reports for it (rule ids, ranges,
// messages), both in the extension host (test hook file) and in the Problems panel; the status
// bar shows the count; a hover shows the rule; the headline's trailing 。 is removed with a quick
// fix picked from the Ctrl+. menu; 惜墨：修复全部问题 gives the same text as `ximo fix`.
// Screenshots go to artifacts/.
import assert from 'node:assert/strict'
import { spawn, execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const artifacts = join(root, 'artifacts')
const version = JSON.parse(readFileSync(join(root, 'packages/vscode/package.json'), 'utf8')).version
const codeServer = process.env.CODE_SERVER ?? join(root, '.cache/code-server/node_modules/.bin/code-server')
const vsix = process.env.XIMO_VSIX ?? join(root, `packages/vscode/ximo-vscode-linux-x64-${version}.vsix`)
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const FIXTURE = join(root, 'fixtures/demo/草稿.md')
const FILE_NAME = '草稿.md'
// Generous: on a busy 2-core machine the extension host alone can take a minute to start.
const STEP_TIMEOUT = Number(process.env.XIMO_E2E_STEP_TIMEOUT ?? 90_000)

const started = Date.now()
function log(message) {
  process.stdout.write(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`)
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Poll `probe` until it returns a truthy value; the last error or value is in the failure. */
async function waitFor(what, probe, timeout = STEP_TIMEOUT) {
  const end = Date.now() + timeout
  let last
  for (;;) {
    try {
      const value = await probe()
      if (value) return value
      last = undefined
    } catch (e) {
      if (e.fatal) throw e
      last = e
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`)
    await sleep(250)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

// -----------------------------------------------------------------------------------------------
// Expected: what the CLI (the same core) reports and fixes for the draft.

function cliJson(file) {
  let out
  try {
    out = execFileSync(process.execPath, [join(root, 'packages/cli/bin/ximo.js'), 'lint', '--format', 'json', file], { encoding: 'utf8' })
  } catch (e) {
    // exit code 1: errors found
    out = e.stdout
  }
  const [result] = JSON.parse(out)
  return result.messages.map((m) => ({
    code: m.ruleId,
    message: m.message,
    severity: m.level,
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
  }))
}

const key = (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`
const sortedKeys = (list) => list.map(key).sort()

// -----------------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'ximo-e2e-'))
const workspace = join(work, 'workspace')
const userData = join(work, 'user-data')
const extensions = join(work, 'extensions')
const hookFile = join(work, 'diagnostics.json')
const draft = join(workspace, FILE_NAME)
mkdirSync(workspace, { recursive: true })
mkdirSync(join(userData, 'User'), { recursive: true })
mkdirSync(artifacts, { recursive: true })
for (const f of readdirSync(artifacts)) if (/^(vscode-|code-server\.log|browser-console\.log)/.test(f)) rmSync(join(artifacts, f), { force: true })
copyFileSync(FIXTURE, draft)
const original = readFileSync(draft, 'utf8')
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'files.autoSave': 'off',
      'editor.hover.delay': 100,
      'editor.lightbulb.enabled': 'on',
      'markdown.validate.enabled': false,
      'git.enabled': false,
      'git.autoRepositoryDetection': false,
      'extensions.ignoreRecommendations': true,
      'chat.commandCenter.enabled': false,
    },
    null,
    2,
  ),
)
const config = join(work, 'code-server.yaml')
writeFileSync(config, 'auth: none\ncert: false\n')

const expected = cliJson(draft)
const HEADLINE_PERIOD = original.split('\n')[0].indexOf('。')
// Facts of the fixture, independent of the CLI: the headline ends with 。, 再接再励 is a typo.
const anchors = [
  { code: 'headline-punctuation', line: 0, character: HEADLINE_PERIOD, endCharacter: HEADLINE_PERIOD + 1 },
  { code: 'typo', line: 6, character: original.split('\n')[6].indexOf('再接再励'), endCharacter: original.split('\n')[6].indexOf('再接再励') + 4 },
  { code: 'punctuation-width', line: 4, character: original.split('\n')[4].lastIndexOf('.'), endCharacter: original.split('\n')[4].lastIndexOf('.') + 1 },
]
for (const a of anchors) {
  assert.ok(
    expected.some((d) => d.code === a.code && d.range.start.line === a.line && d.range.start.character === a.character && d.range.end.character === a.endCharacter),
    `the CLI does not report ${a.code} at ${a.line + 1}:${a.character + 1} in the fixture`,
  )
}
// The text after the quick fix, and after fix-all (what `ximo fix` makes of it), with the
// diagnostics the CLI reports for each: computed up front.
const lines = original.split('\n')
const quickFixed = [lines[0].slice(0, HEADLINE_PERIOD) + lines[0].slice(HEADLINE_PERIOD + 1), ...lines.slice(1)].join('\n')
const quickFixedFile = join(work, 'quick-fixed.md')
writeFileSync(quickFixedFile, quickFixed)
const expectedAfterQuickFix = cliJson(quickFixedFile)
assert.ok(!expectedAfterQuickFix.some((d) => d.code === 'headline-punctuation'))
const cliFixedFile = join(work, 'cli-fixed.md')
writeFileSync(cliFixedFile, quickFixed)
try {
  execFileSync(process.execPath, [join(root, 'packages/cli/bin/ximo.js'), 'fix', cliFixedFile], { stdio: 'ignore' })
} catch {
  // exit code 1: problems remain that need a person
}
const cliFixed = readFileSync(cliFixedFile, 'utf8')
assert.notEqual(cliFixed, quickFixed, 'the fixture has more fixable problems')
const expectedAfterFixAll = cliJson(cliFixedFile)
log(`fixture ${FILE_NAME}: ${expected.length} diagnostics expected (${[...new Set(expected.map((d) => d.code))].join(', ')})`)

let serverProc
let context
const serverLog = createWriteStream(join(artifacts, 'code-server.log'))
const browserLog = createWriteStream(join(artifacts, 'browser-console.log'))
let failed = false

function cleanup() {
  if (serverProc && serverProc.exitCode === null) {
    try {
      process.kill(-serverProc.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}
process.on('exit', cleanup)

try {
  // --- install the extension ------------------------------------------------------------------
  assert.ok(existsSync(vsix), `missing ${vsix}: run npm run package -w ximo-vscode`)
  assert.ok(existsSync(codeServer), `missing ${codeServer}: run .ci/e2e.sh`)
  const installOut = execFileSync(codeServer, ['--config', config, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, HOME: work },
  })
  assert.match(installOut, /ximo-vscode.*successfully installed/s, installOut)
  log('extension installed')

  // --- start code-server ----------------------------------------------------------------------
  // code-server's wrapper gives its child process 10 s to start; a busy machine can miss that,
  // so a start that exits early is retried.
  let url
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    serverProc = spawn(
      codeServer,
      [
        '--config', config,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--user-data-dir', userData,
        '--extensions-dir', extensions,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        workspace,
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: work, XIMO_E2E_DIAGNOSTICS_FILE: hookFile } },
    )
    serverProc.stdout.pipe(serverLog, { end: false })
    serverProc.stderr.pipe(serverLog, { end: false })
    url = `http://127.0.0.1:${port}/`
    const proc = serverProc
    const up = await waitFor('code-server to answer', async () => {
      if (proc.exitCode !== null) return 'exited'
      const res = await fetch(`${url}healthz`)
      return res.ok && 'up'
    })
    if (up === 'up') break
    if (attempt === 3) throw new Error(`code-server exited with ${proc.exitCode} three times (see artifacts/code-server.log)`)
    log(`code-server exited with ${proc.exitCode} while starting: retrying`)
  }
  log(`code-server on ${url}`)

  // --- open the workbench in Chromium ---------------------------------------------------------
  context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
    executablePath: browserPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(STEP_TIMEOUT)
  page.setDefaultNavigationTimeout(2 * STEP_TIMEOUT)
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') browserLog.write(`[${m.type()}] ${m.text()}\n`)
  })
  // The workbench gives up on an extension host that is not ready within 60 s (a hard limit in
  // VS Code), which a busy machine can exceed: then the window is reloaded, at most twice.
  let extensionHostFailed = false
  page.on('console', (m) => {
    if (/remote extension host took longer than/.test(m.text())) extensionHostFailed = true
  })
  for (let attempt = 1; ; attempt++) {
    extensionHostFailed = false
    // Not `load`: the workbench keeps loading resources long after it is usable.
    if (attempt === 1) await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' })
    else await page.reload({ waitUntil: 'domcontentloaded' })
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 2 * STEP_TIMEOUT })
    await page.locator('.explorer-folders-view').first().waitFor({ state: 'visible' })
    log('workbench loaded')
    // Open the draft from the Explorer (after a reload it may already be open).
    if (!(await page.locator('.tab.active', { hasText: FILE_NAME }).count())) {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE_NAME }).first().click()
    }
    await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' })
    await page.locator('.tab.active', { hasText: FILE_NAME }).waitFor()
    log('draft opened')
    // The extension is active once its status bar item shows.
    const active = await waitFor(
      'the extension to activate',
      async () => ((await page.locator('.statusbar-item', { hasText: '惜墨' }).count()) ? 'active' : extensionHostFailed ? 'failed' : undefined),
      3 * STEP_TIMEOUT,
    )
    if (active === 'active') break
    if (attempt === 4) throw new Error('the extension host did not start in four attempts')
    log('the extension host did not start within 60 s: reloading the window')
  }
  log('extension active')

  // --- diagnostics in the extension host ------------------------------------------------------
  const readHook = () => (existsSync(hookFile) ? JSON.parse(readFileSync(hookFile, 'utf8')) : undefined)
  const ours = (hook) => hook.diagnostics.filter((d) => d.source === 'ximo' && d.uri.startsWith('file:') && fileURLToPath(d.uri) === draft)
  const hook = await waitFor('the extension host to report the draft diagnostics', () => {
    const h = readHook()
    return h && h.state === 'running' && ours(h).length >= expected.length ? h : undefined
  }, 3 * STEP_TIMEOUT)
  assert.deepEqual(sortedKeys(ours(hook)), sortedKeys(expected), 'diagnostics in the extension host differ from the CLI')
  log(`extension host: ${ours(hook).length} diagnostics, identical to the CLI`)

  // --- status bar -----------------------------------------------------------------------------
  const status = page.locator('.statusbar-item', { hasText: '惜墨' }).first()
  await waitFor('the status bar count', async () => (await status.innerText()).replace(/\s+/g, ' ').trim() === `惜墨 ${expected.length}`)
  assert.equal(await status.locator('.codicon-warning').count(), 1, 'status bar item shows the warning icon')
  log(`status bar: ${(await status.innerText()).trim()}`)

  // --- Problems panel (opened by clicking the status bar item) --------------------------------
  await status.click()
  const rows = page.locator('.markers-panel .monaco-list-row')
  await waitFor('the Problems panel rows', async () => (await rows.count()) >= expected.length + 1)
  // textContent: the source and the code are separate elements.
  const panelText = (await rows.evaluateAll((els) => els.map((e) => e.textContent ?? ''))).map((t) => t.replace(/\s+/g, ' '))
  for (const d of expected) {
    const where = `[Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`
    assert.ok(
      // One row: message, source "ximo", the rule id (the parentheses are CSS), the position.
      panelText.some((t) => t.includes(`${d.message}ximo${d.code}${where}`)),
      `Problems panel lacks ${d.code} ${where} ${d.message}\n${panelText.join('\n')}`,
    )
  }
  assert.ok(panelText.some((t) => t.includes(FILE_NAME) && t.includes(String(expected.length))), `Problems panel: no file row with ${expected.length}`)
  log(`Problems panel: ${expected.length} rows checked`)
  await page.screenshot({ path: join(artifacts, 'vscode-problems.png') })

  // --- hover ----------------------------------------------------------------------------------
  const editor = page.locator('.monaco-editor .view-lines').first()
  async function goTo(line, column) {
    await editor.click()
    await page.keyboard.press('Control+G')
    const input = page.locator('.quick-input-widget input')
    await input.waitFor({ state: 'visible' })
    await input.fill(`:${line}:${column}`)
    await page.keyboard.press('Enter')
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' })
  }
  const typo = anchors[1]
  await goTo(typo.line + 1, typo.character + 2)
  await page.keyboard.press('Control+K')
  await page.keyboard.press('Control+I')
  // The rule's Chinese explanation (a paragraph of its README's 说明 section), the guide's
  // reason and the README's first wrong example, as rendered Markdown (whitespace aside). The
  // marker part of the hover shows first; the server's part follows.
  const flat = (t) => t.replace(/[`*>]/g, '').replace(/\s+/g, '')
  const typoRule = (await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href)).rules.find((r) => r.meta.id === 'typo')
  const readme = readFileSync(join(root, 'rules/typo/README.md'), 'utf8')
  const about = /## 说明\n([\s\S]*?)\n## /.exec(readme)[1].split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.includes(typoRule.meta.guide.slice(0, 12)))
  const badExample = /## 错误示例\n+```\w*\n([\s\S]*?)\n```/.exec(readme)[1]
  const hoverChecks = [
    ['the message', (t) => t.includes(flat('“再接再励”是错别字，请改为“再接再厉”。'))],
    ['the rule title', (t) => t.includes(flat(`${typoRule.meta.description}（typo）`))],
    ["the guide's reason", (t) => t.includes(flat(`依据：${typoRule.meta.guide}`))],
    ['the explanation from rules/typo/README.md', (t) => about.some((p) => t.includes(flat(p)))],
    ['the wrong example', (t) => t.includes(flat(badExample))],
  ]
  const hover = page.locator('.monaco-hover:not(.hidden)')
  let hoverText = ''
  try {
    await waitFor('the hover on 再接再励', async () => {
      hoverText = (await hover.allInnerTexts()).join('\n')
      return hoverChecks.every(([, ok]) => ok(flat(hoverText)))
    })
  } catch (e) {
    const missing = hoverChecks.filter(([, ok]) => !ok(flat(hoverText))).map(([what]) => what)
    throw new Error(`${e.message}; the hover lacks ${missing.join(', ')}:\n${hoverText}`)
  }
  log('hover shows the typo rule: its explanation, the guide and an example')
  await page.screenshot({ path: join(artifacts, 'vscode-hover.png') })
  await page.keyboard.press('Escape')

  // --- quick fix through the Ctrl+. menu ------------------------------------------------------
  await goTo(1, HEADLINE_PERIOD + 1)
  await page.keyboard.press('Control+.')
  const fixItem = page.locator('.action-widget .monaco-list-row', { hasText: '删除“。”' }).first()
  await fixItem.waitFor({ state: 'visible' })
  const menu = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.trim())
  log(`quick fix menu: ${menu.join(' | ')}`)
  // Choose it with the keyboard, as a user would (the menu's pointer block swallows synthetic clicks).
  const focused = page.locator('.action-widget .monaco-list-row.focused')
  for (let i = 0; !((await focused.textContent()) ?? '').includes('删除“。”'); i++) {
    assert.ok(i < menu.length, 'could not focus 删除“。” in the quick fix menu')
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Enter')
  await page.locator('.action-widget').waitFor({ state: 'hidden' })
  await page.keyboard.press('Control+S')
  const afterQuickFix = await waitFor('the saved quick fix', () => {
    const text = readFileSync(draft, 'utf8')
    return text !== original ? text : undefined
  })
  assert.equal(afterQuickFix, quickFixed, 'the quick fix removes exactly the headline 。')
  await waitFor('the diagnostics after the quick fix', () => {
    const h = readHook()
    return h && JSON.stringify(sortedKeys(ours(h))) === JSON.stringify(sortedKeys(expectedAfterQuickFix))
  })
  log(`quick fix applied: ${ours(readHook()).length} diagnostics left`)

  // --- 惜墨：修复全部问题 from the command palette --------------------------------------------
  await editor.click()
  await page.keyboard.press('F1')
  const palette = page.locator('.quick-input-widget input')
  await palette.waitFor({ state: 'visible' })
  await palette.fill('>惜墨: 修复全部问题')
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: '修复全部问题' }).first().waitFor()
  await page.keyboard.press('Enter')
  await page.locator('.notification-toast', { hasText: '已修复全部可自动修复的问题' }).first().waitFor()
  await page.keyboard.press('Control+S')
  await waitFor('the saved fix-all', () => readFileSync(draft, 'utf8') === cliFixed)
  await waitFor('the diagnostics after fix-all', () => {
    const h = readHook()
    return h && JSON.stringify(sortedKeys(ours(h))) === JSON.stringify(sortedKeys(expectedAfterFixAll))
  })
  await waitFor('the status bar count after fix-all', async () => (await status.innerText()).replace(/\s+/g, ' ').trim() === `惜墨 ${expectedAfterFixAll.length}`)
  log(`fix-all applied: file equals \`ximo fix\` output, ${expectedAfterFixAll.length} diagnostics left`)
  await page.screenshot({ path: join(artifacts, 'vscode-e2e.png') })
  log('screenshots: artifacts/vscode-problems.png, artifacts/vscode-hover.png, artifacts/vscode-e2e.png')
} catch (e) {
  failed = true
  process.stderr.write(`\nvscode e2e FAILED: ${e.stack ?? e}\n`)
  const page = context?.pages()[0]
  if (page) await page.screenshot({ path: join(artifacts, 'vscode-failure.png') }).catch(() => {})
  if (existsSync(hookFile)) copyFileSync(hookFile, join(artifacts, 'vscode-diagnostics.json'))
  // The extension host's log and the extension's own output channel.
  try {
    for (const f of execFileSync('find', [join(userData, 'logs'), '-name', '*.log'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
      if (/exthost|remoteagent|惜墨|ximo/i.test(f)) copyFileSync(f, join(artifacts, `vscode-log-${f.split('/').slice(-2).join('-')}`))
    }
  } catch {
    // no logs
  }
  process.stderr.write('see artifacts/: vscode-failure.png, code-server.log, browser-console.log, vscode-diagnostics.json, vscode-log-*\n')
} finally {
  await context?.close().catch(() => {})
  cleanup()
  serverLog.end()
  browserLog.end()
  if (!failed) rmSync(work, { recursive: true, force: true })
}
log(failed ? 'FAIL' : 'PASS')
process.exit(failed ? 1 : 0)
