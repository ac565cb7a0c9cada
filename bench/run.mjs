#!/usr/bin/env node
// Ximo's speed and memory benchmark (`npm run bench`; not part of `npm test`). In one run it
// builds the bundles, generates a corpus from fixtures/ and prints, side by side:
//   - the `ximo lint` CLI with every rule on, whole process, median of 5, on ×1 (≈30,000
//     characters) and ×30 (one file, and 30 files), with peak memory;
//   - the floor (read + segment + tag with the same segmenter, no rules) and Ximo/floor;
//   - autocorrect-node and textlint (sentence-length) on the same files, installed into
//     bench/.peers on demand, and the ratios;
//   - the language server (bench/lsp-latency.mjs): didChange of one paragraph to diagnostics on
//     a 20,000-character draft over 200 edits, cold start to first diagnostics, peak memory
//     after linting the ×30 file;
//   - two pathological drafts (a 2 MB line without punctuation, a 2 MB run of one character);
// and each target next to its figure, met or not met.
//
// Every figure is given for two corpora: "varied" (each copy's sentences shuffled and digits
// rotated, so no paragraph repeats: Ximo's caches by paragraph cannot help) and "repeated"
// (the same paragraphs over and over). Targets are judged on the varied corpus.
//
//   node bench/run.mjs [--runs 5] [--no-peers] [--no-lsp] [--no-build] [--textlint-timeout 120]
import { spawnSync } from 'node:child_process'
import { cpus, loadavg, availableParallelism } from 'node:os'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeCorpus, writePathological, COPIES } from './lib/corpus.mjs'
import { measure, measureTogether } from './lib/measure.mjs'
import { ensurePeers, peerCommands } from './lib/peers.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const opt = (name, dflt) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : dflt)
const flag = (name) => argv.includes(`--${name}`)
const RUNS = opt('runs', 5)
const TEXTLINT_TIMEOUT = opt('textlint-timeout', 120)
const log = (s) => process.stderr.write(`${s}\n`)
const started = Date.now()
const load0 = loadavg()[0]

// ---------------------------------------------------------------------------------------------
// Build and corpus

if (!flag('no-build')) {
  log('构建（node scripts/build.mjs）…')
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })
  if (b.status !== 0) process.exit(b.status ?? 2)
}
const WORK = join(root, 'bench', '.work')
const CORPUS = join(WORK, 'corpus')
const corpus = writeCorpus(root, CORPUS)
// Every rule at its default severity, whatever config sits above the work folder.
writeFileSync(join(CORPUS, '.ximorc.json'), JSON.stringify({ extends: 'ximo:recommended' }) + '\n')
const tiny = join(CORPUS, 'tiny.md')
copyFileSync(join(root, 'fixtures/cli/clean.md'), tiny)
const patho = writePathological(CORPUS)
const V = corpus.files.varied
const R = corpus.files.repeated

const XIMO = join(root, 'packages/cli/bin/ximo.js')
const FLOOR = join(root, 'bench/floor.mjs')
const ximo = (...paths) => [process.execPath, [XIMO, 'lint', ...paths]]
const floor = (...paths) => [process.execPath, [FLOOR, ...paths]]

// The segmenter on this machine, against the issue's reference (1.5 M characters a second
// tagging, 5 M cutting): says how busy or slow the machine is.
function calibrate() {
  const require = createRequire(import.meta.url)
  const { Jieba } = require('@node-rs/jieba')
  const { dict } = require('@node-rs/jieba/dict')
  const jieba = Jieba.withDict(dict)
  const paras = readFileSync(V.x1, 'utf8').split(/\n\n/).filter(Boolean)
  const chars = paras.reduce((n, p) => n + p.length, 0)
  const rate = (fn) => {
    let best = Infinity
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      for (const p of paras) fn(p)
      best = Math.min(best, performance.now() - t)
    }
    return chars / best / 1000
  }
  return { tag: rate((p) => jieba.tag(p, true)), cut: rate((p) => jieba.cut(p, true)) }
}

// ---------------------------------------------------------------------------------------------
// Measurements

const results = {}
async function m(key, [cmd, args], opts = {}) {
  log(`测量 ${key} …`)
  results[key] = await measure(cmd, args, { runs: RUNS, cwd: CORPUS, ...opts })
  if (results[key].failed) log(`  ${key}：${results[key].failed}`)
  return results[key]
}

const cal = calibrate()
await m('startup', ximo(tiny))
// Ximo and the floor, one file and 30, in turns: the figures compared share the machine's moods.
for (const [kind, c] of [['varied', V], ['repeated', R]]) {
  const specs = [
    [`ximo.${kind}.x1`, ximo(c.x1)],
    [`floor.${kind}.x1`, floor(c.x1)],
    [`ximo.${kind}.x30`, ximo(c.x30)],
    [`ximo.${kind}.files`, ximo(c.dir)],
    [`floor.${kind}.x30`, floor(c.x30)],
    [`floor.${kind}.files`, floor(c.dir)],
  ].map(([key, [cmd, args]]) => ({ key, cmd, args }))
  log(`测量 ${specs.map((s) => s.key).join('、')}（轮流）…`)
  const got = await measureTogether(specs, { runs: RUNS, cwd: CORPUS })
  for (const [key, r] of Object.entries(got)) {
    results[key] = r
    if (r.failed) log(`  ${key}：${r.failed}`)
  }
}
// The default is half the cores (defaultJobs in packages/cli/src/pool.ts); every core, for comparison.
const ALL_CORES = availableParallelism()
await m('ximo.varied.files.allCores', [process.execPath, [XIMO, 'lint', '--jobs', String(ALL_CORES), V.dir]])

let peers = { autocorrect: { ok: false, reason: '已用 --no-peers 跳过' }, textlint: { ok: false, reason: '已用 --no-peers 跳过' } }
if (!flag('no-peers')) {
  peers = ensurePeers(join(root, 'bench', '.peers'), log)
  const cmds = peerCommands(join(root, 'bench', '.peers'))
  const run = (key, c, opts) => m(key, [c.cmd, c.args], { cwd: c.cwd, ...opts })
  if (peers.autocorrect.ok) {
    await run('autocorrect.x1', cmds.autocorrect([V.x1]), { ok: (c) => c === 0 })
    await run('autocorrect.x30', cmds.autocorrect([V.x30]), { ok: (c) => c === 0 })
    await run('autocorrect.files', cmds.autocorrect([V.dir]), { ok: (c) => c === 0 })
  }
  if (peers.textlint.ok) {
    // textlint needs minutes for the ×30 file (639 s in the issue): one run, with a time limit.
    await run('textlint.x1', cmds.textlint([V.x1]))
    await run('textlint.x30', cmds.textlint([V.x30]), { runs: 1, warmup: 0, timeoutS: TEXTLINT_TIMEOUT })
    const files = Array.from({ length: COPIES }, (_, i) => join(V.dir, `${String(i + 1).padStart(2, '0')}.md`))
    await run('textlint.files', cmds.textlint(files), { runs: 3, warmup: 0, timeoutS: TEXTLINT_TIMEOUT })
  }
}

for (const [key, file] of [['patho.line', patho.noPunctuation], ['patho.run', patho.oneChar]]) await m(key, ximo(file), { runs: 1, warmup: 0, timeoutS: 60 })

let lsp = null
let lspReason = '已用 --no-lsp 跳过'
if (!flag('no-lsp')) {
  const script = join(root, 'bench/lsp-latency.mjs')
  if (!existsSync(script)) lspReason = '没有 bench/lsp-latency.mjs'
  else if (!existsSync(join(root, 'packages/language-server/dist/server.js'))) lspReason = '语言服务器尚未构建'
  else {
    log('测量语言服务器 …')
    const r = spawnSync(process.execPath, [script, '--json', '--big', V.x30], { encoding: 'utf8', timeout: 900_000 })
    const line = (r.stdout ?? '').trim().split('\n').pop()
    try {
      lsp = JSON.parse(line)
    } catch {
      lspReason = `lsp-latency.mjs 未输出结果（退出码 ${r.status}）：${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0)
const pad = (s, w) => s + ' '.repeat(Math.max(0, w - width(s)))
const padL = (s, w) => ' '.repeat(Math.max(0, w - width(s))) + s
const sec = (r) => (!r ? '—' : r.failed && !r.runs ? (r.failed.startsWith('超过') ? r.failed.replace('未结束', '') : '失败') : `${r.wall.toFixed(2)} s`)
const ratio = (a, b) => (a && b && Number.isFinite(a.wall) && Number.isFinite(b.wall) && b.wall > 0 ? `${(a.wall / b.wall).toFixed(2)}` : '—')
const mb = (r) => (r && Number.isFinite(r.rssMB) ? `${r.rssMB.toFixed(0)} MB` : '—')
const int = (n) => n.toLocaleString('en-US')
const table = (rows) => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))))
  return rows.map((r) => r.map((cell, c) => (c === 0 ? pad(cell, widths[c]) : padL(cell, widths[c]))).join('   ')).join('\n')
}

const out = []
const say = (s = '') => out.push(s)
say(`惜墨性能基准  ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC  Node ${process.version}  ${availableParallelism()} 核（${cpus()[0]?.model ?? '?'}）`)
say(`机器负载（1 分钟平均）：开始 ${load0.toFixed(1)}，结束 ${loadavg()[0].toFixed(1)}${load0 > availableParallelism() ? '；负载高于核数，计时偏慢、波动大' : ''}`)
say(`分词器标定：@node-rs/jieba 词性标注 ${cal.tag.toFixed(2)} M 字/秒，切词 ${cal.cut.toFixed(2)} M 字/秒（议题参考机：1.5 / 5）`)
say(`语料：fixtures/ 的 ${corpus.drafts} 篇稿件，每份 ${int(corpus.unitChars)} 字符，×1 含 ${corpus.copiesPerX1} 份`)
say(`  不重复语料：×1 ${int(V.x1Chars)} 字符，×30 ${int(V.x30Chars)} 字符；每份打乱句序、改动数字，${int(V.uniqueParagraphs)}/${int(V.paragraphs)} 段互不相同`)
say(`  重复语料：  ×1 ${int(R.x1Chars)} 字符，×30 ${int(R.x30Chars)} 字符；原样重复，${int(R.uniqueParagraphs)}/${int(R.paragraphs)} 段互不相同（只作对照）`)
say()
say(`整个进程，墙钟时间取 ${RUNS} 次的中位数；峰值内存为整个进程（含工作线程）`)
const rows = [['', '×1', '×30 一个文件', `×30 ${COPIES} 个文件`, '峰值内存（×30）']]
for (const [kind, label] of [['varied', '不重复'], ['repeated', '重复']]) {
  const x = (k) => results[`ximo.${kind}.${k}`]
  const f = (k) => results[`floor.${kind}.${k}`]
  rows.push([`惜墨 lint，全部规则（${label}）`, sec(x('x1')), sec(x('x30')), sec(x('files')), mb(x('x30'))])
  rows.push([`下限：读取＋分词＋词性标注（${label}）`, sec(f('x1')), sec(f('x30')), sec(f('files')), mb(f('x30'))])
  rows.push([`惜墨/下限（${label}）`, ratio(x('x1'), f('x1')), ratio(x('x30'), f('x30')), ratio(x('files'), f('files')), ''])
}
rows.push([`惜墨 lint --jobs ${ALL_CORES}（全部核心，不重复）`, '', '', sec(results['ximo.varied.files.allCores']), mb(results['ximo.varied.files.allCores'])])
for (const [peer, label] of [['autocorrect', 'autocorrect-node'], ['textlint', 'textlint（sentence-length）']]) {
  if (!peers[peer].ok) continue
  const p = (k) => results[`${peer}.${k}`]
  rows.push([`${label}（不重复）`, sec(p('x1')), sec(p('x30')), sec(p('files')), mb(p('x30'))])
  rows.push([`惜墨/${label.replace(/（.*/, '')}`, ratio(results['ximo.varied.x1'], p('x1')), ratio(results['ximo.varied.x30'], p('x30')), ratio(results['ximo.varied.files'], p('files')), ''])
}
say(table(rows))
// These VMs stall for hundreds of milliseconds at a time, so a median of 5 carries luck; the
// fastest run is the one least disturbed and shows the code's own cost.
{
  const best = (r) => (r && Number.isFinite(r.min) ? r.min : NaN)
  const fmt = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : '—')
  const q = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '—')
  const cols = ['x1', 'x30', 'files'].map((k) => [best(results[`ximo.varied.${k}`]), best(results[`floor.varied.${k}`])])
  say(`最快一次（不重复；停顿最少的一次）：惜墨 ${cols.map(([x]) => fmt(x)).join(' / ')}，下限 ${cols.map(([, f]) => fmt(f)).join(' / ')}，惜墨/下限 ${cols.map(([x, f]) => q(x, f)).join(' / ')}（×1 / ×30 一个文件 / ×30 ${COPIES} 个文件）`)
}
for (const [peer, label] of [['autocorrect', 'autocorrect-node'], ['textlint', 'textlint']]) if (!peers[peer].ok) say(`（未测 ${label}：${peers[peer].reason}）`)
say(`启动（检查 ${int(readFileSync(tiny, 'utf8').length)} 字符的小稿件）：${sec(results.startup)}，峰值内存 ${mb(results.startup)}`)

// Linear growth: the slope between ×1 and ×30 after start-up.
const S = results.startup?.wall
const T1 = results['ximo.varied.x1']?.wall
const T30 = results['ximo.varied.x30']?.wall
const perTenK = ((T30 - T1) / (V.x30Chars - V.x1Chars)) * 10000
const T1r = results['ximo.repeated.x1']?.wall
const T30r = results['ximo.repeated.x30']?.wall
const perTenKr = ((T30r - T1r) / (R.x30Chars - R.x1Chars)) * 10000
say(`线性：扣除启动后每 1 万字符 ${(perTenK * 1000).toFixed(1)} ms（不重复），${(perTenKr * 1000).toFixed(1)} ms（重复）；×30/×1（扣除启动）= ${((T30 - S) / (T1 - S)).toFixed(1)}`)
say()
if (lsp) {
  say(`语言服务器（${int(lsp.chars)} 字符、${lsp.paragraphs} 段的稿件，${lsp.edits} 次修改一段，防抖 ${lsp.debounce} ms）`)
  say(`  修改到诊断：中位数 ${lsp.p50.toFixed(1)} ms，p95 ${lsp.p95.toFixed(1)} ms（最小 ${lsp.min.toFixed(1)}，最大 ${lsp.max.toFixed(1)}）`)
  say(`  服务器每次修改的 CPU 时间 ${lsp.cpuPerEdit.toFixed(1)} ms；测量期间本机停顿 ${lsp.stalls} 次（超过 50 ms，最长 ${lsp.maxStall.toFixed(0)} ms），p95 受停顿影响`)
  say(`  冷启动到首次诊断：${lsp.coldMs.toFixed(0)} ms，${lsp.colds?.length ?? 1} 次启动的中位数${lsp.colds ? `（${lsp.colds.map((c) => c.toFixed(0)).join('、')}）` : ''}；其中打开到诊断 ${lsp.openMs.toFixed(0)} ms`)
  if (lsp.big) say(`  打开 ×30 稿件（${int(lsp.big.chars)} 字符）：${lsp.big.ms.toFixed(0)} ms，${lsp.big.diagnostics} 条诊断；服务器峰值内存 ${lsp.big.peakRssMB.toFixed(0)} MB，之后 ${lsp.big.rssMB.toFixed(0)} MB`)
} else say(`语言服务器：未测（${lspReason}）`)
say()
say(`异常输入（整个进程，各 1 次）：2 MB 无标点长行 ${sec(results['patho.line'])}，2 MB 单字重复 ${sec(results['patho.run'])}`)
say()

// Targets.
const targets = []
const target = (label, figure, met) => targets.push([label, figure, met === undefined ? '未测' : met ? '达到' : '未达到'])
const ok = (r) => r && r.runs > 0 && Number.isFinite(r.wall)
const X = (k) => results[`ximo.varied.${k}`]
const Fl = (k) => results[`floor.varied.${k}`]
target('×1 整个进程 ≤ 0.30 s', sec(X('x1')), ok(X('x1')) ? X('x1').wall <= 0.3 : undefined)
target('×30 一个文件 ≤ 0.85 s', sec(X('x30')), ok(X('x30')) ? X('x30').wall <= 0.85 : undefined)
if (peers.autocorrect.ok && ok(results['autocorrect.x30']))
  target('×30 一个文件快于 autocorrect-node', `${sec(X('x30'))} 对 ${sec(results['autocorrect.x30'])}`, X('x30').wall < results['autocorrect.x30'].wall)
target('惜墨/下限 ≤ 1.5（×1）', ratio(X('x1'), Fl('x1')), ok(X('x1')) && ok(Fl('x1')) ? X('x1').wall / Fl('x1').wall <= 1.5 : undefined)
target('惜墨/下限 ≤ 1.5（×30 一个文件）', ratio(X('x30'), Fl('x30')), ok(X('x30')) && ok(Fl('x30')) ? X('x30').wall / Fl('x30').wall <= 1.5 : undefined)
target(`${COPIES} 个文件不慢于一个文件`, `${sec(X('files'))} 对 ${sec(X('x30'))}`, ok(X('files')) && ok(X('x30')) ? X('files').wall <= X('x30').wall : undefined)
target('语言服务器：修改到诊断 p95 ≤ 15 ms', lsp ? `${lsp.p95.toFixed(1)} ms` : '—', lsp ? lsp.p95 <= 15 : undefined)
target('语言服务器：冷启动到首次诊断 ≤ 400 ms', lsp ? `${lsp.coldMs.toFixed(0)} ms` : '—', lsp ? lsp.coldMs <= 400 : undefined)
target('语言服务器：检查 ×30 后内存 ≤ 150 MB', lsp?.big ? `${lsp.big.peakRssMB.toFixed(0)} MB` : '—', lsp?.big && Number.isFinite(lsp.big.peakRssMB) ? lsp.big.peakRssMB <= 150 : undefined)
target('线性：×30 − 启动 ≤ 35 ×（×1 − 启动）', `${((T30 - S) / (T1 - S)).toFixed(1)} 倍`, [S, T1, T30].every(Number.isFinite) ? T30 - S <= 35 * (T1 - S) : undefined)
target('2 MB 无标点长行 < 2 s', sec(results['patho.line']), ok(results['patho.line']) ? results['patho.line'].wall < 2 : false)
target('2 MB 单字重复 < 2 s', sec(results['patho.run']), ok(results['patho.run']) ? results['patho.run'].wall < 2 : false)
say('目标（按不重复语料判断）')
say(table([['目标', '数值', '结论'], ...targets]))
say()
say(`用时 ${((Date.now() - started) / 1000).toFixed(0)} s`)
const report = out.join('\n') + '\n'
process.stdout.write(report)
writeFileSync(join(WORK, 'last-report.txt'), report)
writeFileSync(join(WORK, 'last-results.json'), JSON.stringify({ corpus, calibration: cal, results, peers, lsp }, null, 2))
