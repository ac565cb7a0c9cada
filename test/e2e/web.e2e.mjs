// End-to-end test of the web page of `ximo serve` in headless Chromium (playwright-core,
// Debian's /usr/bin/chromium). Run by test/serve-web.test.ts after the build; alone:
//   node scripts/build.mjs && node test/e2e/web.e2e.mjs
//
// The server runs in a temp directory whose .ximorc.json turns on three rules only
// (headline-punctuation: warning, lead-preamble: info, typo: error), so the findings are exact.
// Steps: paste a draft and check; the underlines, the list grouped by rule and the summary;
// click a finding (scrolls to it, shows the explanation and the guide's reason); apply that
// fix; apply all safe fixes; download the text; upload a .docx (positions as 第N段第M字).
// Every request the page makes goes to Ximo itself. Screenshots go to artifacts/.
//
// Env: CHROMIUM  the browser (default /usr/bin/chromium); without it the test prints SKIP.
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const BIN = join(root, 'packages/cli/bin/ximo.js')
const artifacts = join(root, 'artifacts')
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const started = Date.now()
const log = (m) => process.stdout.write(`[web e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}\n`)

if (!existsSync(browserPath)) {
  process.stdout.write(`SKIP: ${browserPath} not found; install it with apt-get install -y chromium fonts-noto-cjk\n`)
  process.exit(0)
}
if (!existsSync(join(root, 'packages/cli/dist/cli.js'))) throw new Error('packages/cli/dist/cli.js is missing: run node scripts/build.mjs first')

const { chromium } = await import('playwright-core')
const { Document, HeadingLevel, Packer, Paragraph } = await import('docx')

// My own draft: a headline ending in 。, a lead opening with 在……领导下, a typo.
const DRAFT = ['# 市交通局完成全市桥梁安全检测。', '', '在市委的正确领导下，11月3日，市交通局组织专业机构对全市42座桥梁开展安全检测，发现隐患7处。', '', '下一步，市交通局将再接再励，加强日常巡查。', ''].join('\n')
const AFTER_ONE = DRAFT.replace('再接再励', '再接再厉')
const AFTER_ALL = AFTER_ONE.replace('检测。\n', '检测\n')

const work = mkdtempSync(join(tmpdir(), 'ximo-web-e2e-'))
const catalogue = JSON.parse(execFileSync(process.execPath, [BIN, 'rules', '--format', 'json'], { encoding: 'utf8' }))
const on = { 'headline-punctuation': 'warning', 'lead-preamble': 'info', typo: 'error' }
writeFileSync(join(work, '.ximorc.json'), JSON.stringify({ rules: Object.fromEntries(catalogue.map((r) => [r.id, on[r.id] ?? 'off'])) }))

const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] })
let serverOut = ''
server.stdout.on('data', (c) => (serverOut += c))
server.stderr.on('data', (c) => (serverOut += c))
let browser
try {
  const deadline = Date.now() + 60_000
  while (!/http:\/\/127\.0\.0\.1:\d+/.test(serverOut)) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`ximo serve did not start:\n${serverOut}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const base = /http:\/\/127\.0\.0\.1:\d+/.exec(serverOut)[0]
  log(`server at ${base}`)

  // What the API says about the draft: the page must show exactly this.
  const api = await (await fetch(`${base}/api/lint`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: DRAFT }) })).json()
  assert.deepEqual(
    api.diagnostics.map((d) => [d.ruleId, d.level]),
    [
      ['headline-punctuation', 'warning'],
      ['lead-preamble', 'info'],
      ['typo', 'error'],
    ],
  )

  browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'zh-CN' })
  const page = await context.newPage()
  const requests = []
  page.on('request', (r) => requests.push(r.url()))
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))

  await page.goto(base + '/')
  assert.equal(await page.title(), '惜墨 · 政务信息写作检查')

  // --- paste and check -------------------------------------------------------------------------
  await page.fill('#editor', DRAFT)
  await page.click('#check')
  await page.waitForSelector('.finding')
  const marks = await page.$$eval('.view .mark', (ns) => ns.map((n) => [n.className.replace(' current', ''), n.textContent]))
  const offsetOf = (d) => {
    const lines = DRAFT.split('\n')
    let o = 0
    for (let i = 0; i < d.line - 1; i++) o += lines[i].length + 1
    return o + d.column - 1
  }
  const [hp, pre, typo] = api.diagnostics
  const preText = DRAFT.slice(offsetOf(pre), offsetOf({ line: pre.endLine, column: pre.endColumn }))
  assert.deepEqual(marks, [
    ['mark warning', '。'],
    ['mark info', preText],
    ['mark error', '再接再励'],
  ])
  assert.equal(await page.$eval('.view', (n) => n.textContent), DRAFT)
  const groups = await page.$$eval('.group', (gs) => gs.map((g) => [g.dataset.rule, g.querySelector('.desc').textContent, [...g.querySelectorAll('.finding')].map((f) => [f.className.replace(/ current/, ''), f.querySelector('.pos').textContent, f.querySelector('.msg').textContent])]))
  const desc = (id) => catalogue.find((r) => r.id === id).description
  assert.deepEqual(groups, [
    ['headline-punctuation', desc('headline-punctuation'), [['finding warning', '第1行第17字', hp.message]]],
    ['lead-preamble', desc('lead-preamble'), [['finding info', '第3行第1字', pre.message]]],
    ['typo', desc('typo'), [['finding error', '第5行第10字', typo.message]]],
  ])
  assert.equal(await page.textContent('#sum-headline'), '标题类型：内容直述型')
  assert.equal(await page.textContent('#sum-counts'), '错误 1警告 1提示 1可自动修复 2')
  const chips = await page.$$eval('#sum-lead .chip', (cs) => cs.map((c) => [c.dataset.element, c.classList.contains('on')]))
  assert.deepEqual(
    chips,
    ['time', 'place', 'subject', 'event', 'purpose', 'method'].map((k) => [k, api.summary.leadElements[k] !== null]),
  )
  assert.equal(chips.find(([k]) => k === 'time')[1], true)
  mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: join(artifacts, 'web-page.png') })
  log('underlines, list and summary as expected')

  // --- click a finding: scroll, explanation, guide ----------------------------------------------
  // A short viewport makes the text scroll.
  await page.setViewportSize({ width: 1366, height: 420 })
  await page.$eval('.view', (v) => (v.scrollTop = 0))
  await page.click('.group[data-rule="typo"] .finding')
  await page.waitForFunction(() => document.querySelector('.view .mark.current')?.textContent === '再接再励')
  assert.equal(await page.textContent('#detail-message'), typo.message)
  assert.equal(await page.textContent('#detail-pos'), '第5行第10字')
  assert.equal(await page.textContent('#detail-guide'), catalogue.find((r) => r.id === 'typo').guide)
  assert.equal(await page.textContent('#detail-suggest'), '建议：把“再接再励”改为“再接再厉”')
  await page.waitForFunction(() => {
    const m = document.querySelector('.view .mark.current').getBoundingClientRect()
    const v = document.querySelector('.view').getBoundingClientRect()
    return m.top >= v.top && m.bottom <= v.bottom
  })
  await page.setViewportSize({ width: 1366, height: 768 })
  // Clicking an underline selects its finding in the list.
  await page.click('.view .mark.warning')
  await page.waitForFunction(() => document.querySelector('.finding.current')?.closest('.group').dataset.rule === 'headline-punctuation')
  log('finding selection, scroll and explanation as expected')

  // --- apply one fix, then all ----------------------------------------------------------------
  await page.click('.group[data-rule="typo"] .finding')
  await page.click('#fix-one')
  await page.waitForFunction(() => document.querySelectorAll('.finding').length === 2)
  assert.equal(await page.inputValue('#editor'), AFTER_ONE)
  assert.equal(await page.textContent('#status'), `已修复 1 处：${typo.message}`)
  await page.click('#fix-all')
  await page.waitForFunction(() => document.querySelectorAll('.finding').length === 1)
  assert.equal(await page.inputValue('#editor'), AFTER_ALL)
  assert.equal(await page.textContent('#status'), '已修复 1 处。')
  assert.deepEqual(await page.$$eval('.finding', (fs) => fs.map((f) => f.closest('.group').dataset.rule)), ['lead-preamble'])
  assert.equal(await page.isDisabled('#fix-all'), true)
  assert.equal(await page.textContent('#sum-counts'), '错误 0警告 0提示 1可自动修复 0')
  log('fixes applied')

  // --- download -------------------------------------------------------------------------------
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')])
  assert.equal(download.suggestedFilename(), '稿件-修改后.md')
  const saved = join(work, 'download.md')
  await download.saveAs(saved)
  assert.equal(readFileSync(saved, 'utf8'), AFTER_ALL)
  await page.screenshot({ path: join(artifacts, 'web-page-fixed.png') })
  log('download holds the fixed text')

  // --- upload a .docx -------------------------------------------------------------------------
  const docx = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('交通信息专报 第5期'),
            new Paragraph({ text: '区交通局完成汛前道路检查。', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('5月8日，区交通局检查了全区36条道路，将再接再励做好防汛准备。'),
          ],
        },
      ],
    }),
  )
  await page.setInputFiles('#file', { name: '汛前检查.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx })
  await page.waitForFunction(() => document.querySelector('#doc-title').textContent === '稿件：汛前检查.docx')
  await page.waitForSelector('.finding')
  assert.equal(await page.inputValue('#editor'), '区交通局完成汛前道路检查。\n5月8日，区交通局检查了全区36条道路，将再接再励做好防汛准备。')
  assert.equal(await page.inputValue('#format'), 'text')
  assert.deepEqual(
    await page.$$eval('.finding', (fs) => fs.map((f) => [f.closest('.group').dataset.rule, f.querySelector('.pos').textContent])),
    [
      ['headline-punctuation', '第2段第13字'],
      ['typo', '第3段第22字'],
    ],
  )
  assert.equal(await page.textContent('#status'), '标题之前的 1 段（报头）未检查。')
  // After a fix the text is linted again as text, and positions stay in paragraphs.
  await page.click('.group[data-rule="typo"] .finding')
  await page.click('#fix-one')
  await page.waitForFunction(() => document.querySelectorAll('.finding').length === 1)
  assert.deepEqual(await page.$$eval('.finding .pos', (ps) => ps.map((p) => p.textContent)), ['第2段第13字'])
  const [download2] = await Promise.all([page.waitForEvent('download'), page.click('#download')])
  assert.equal(download2.suggestedFilename(), '汛前检查-修改后.txt')
  await page.screenshot({ path: join(artifacts, 'web-page-docx.png') })
  log('.docx upload shows paragraphs')

  // --- offline: everything came from Ximo ------------------------------------------------------
  const foreign = requests.filter((u) => !u.startsWith(base + '/') && !u.startsWith('blob:') && !u.startsWith('data:'))
  assert.deepEqual(foreign, [])
  assert.deepEqual(pageErrors, [])
  log(`ok (${requests.length} requests, all to ${base}); screenshots in artifacts/web-page*.png`)
  process.stdout.write('web e2e: ok\n')
} finally {
  await browser?.close()
  server.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
}
