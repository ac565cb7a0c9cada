// Language server latency: time from a didChange that edits one paragraph to the
// publishDiagnostics for that version, on a ~20,000-character draft, over 200 edits.
//
//   node scripts/build.mjs && node bench/lsp-latency.mjs [--edits 200] [--chars 20000] [--debounce 0]
//        [--starts 5]   cold starts to time (median)
//        [--big FILE]   then open FILE (the ×30 corpus) and report the server's peak memory
//        [--json]       print the figures as one JSON line (bench/run.mjs reads it)
//
// The debounce (the pause the server waits for while the user types) is 0 by default, so the
// numbers are the server's own cost; an editor adds `ximo.debounce` (150 ms) on top.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir, loadavg, cpus } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'packages/language-server/bin/ximo-language-server.js')
// The server is started as the VS Code extension starts it: with the Node flags in node-flags.json.
const NODE_FLAGS = JSON.parse(readFileSync(join(root, 'packages/language-server/node-flags.json'), 'utf8'))
if (!existsSync(join(root, 'packages/language-server/dist/server.js'))) {
  console.error('先运行 node scripts/build.mjs')
  process.exit(1)
}
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const EDITS = arg('edits', 200)
const STARTS = Math.max(1, arg('starts', 5))
const CHARS = arg('chars', 20000)
const DEBOUNCE = arg('debounce', 0)
const BIG = process.argv.includes('--big') ? process.argv[process.argv.indexOf('--big') + 1] : undefined
const JSON_OUT = process.argv.includes('--json')

// A draft written for this benchmark: a headline, a lead and body paragraphs made of varied
// sentences, with some findings (long sentences, half-width commas) as a real draft has.
const SENTENCES = [
  '县农业农村局组织技术人员深入乡镇开展秋播技术指导。',
  '今年全县秋播面积比去年增加三千亩，小麦和油菜是主要品种。',
  '各乡镇设立农资供应点，保障种子和化肥按时到户。',
  '技术人员现场讲解播种深度和施肥方法,并发放明白纸。',
  '针对部分地块土壤墒情偏差的问题，县里协调水利部门开闸放水，确保适墒播种。',
  '种粮大户普遍反映机收机播服务及时，作业质量比往年有明显提高。',
  '下一步，县农业农村局将继续跟踪出苗情况，做好冬前田间管理。',
  '县财政安排专项资金用于补贴深松整地作业，每亩补助三十元，全县已有八百多户申请补贴并通过审核，补贴资金将在年底前发放到户。',
  '截至十月底，全县已完成秋播任务的六成。',
  '部分村组劳动力外出务工较多，县里组织农机合作社提供托管服务。',
]
function paragraph(i) {
  let p = ''
  for (let k = 0; k < 4; k++) p += SENTENCES[(i * 3 + k * 7) % SENTENCES.length]
  return p.replace('三千', String(1000 + i))
}
const paragraphs = []
let length = 0
for (let i = 0; length < CHARS; i++) {
  const p = paragraph(i)
  paragraphs.push(p)
  length += p.length + 2
}
const headline = '# 县农业农村局多措并举推进秋播工作'
const text = [headline, ...paragraphs].join('\n\n') + '\n'

const dir = mkdtempSync(join(tmpdir(), 'ximo-bench-'))
const uri = pathToFileURL(join(dir, 'draft.md')).href
const bigUri = pathToFileURL(join(dir, 'big.md')).href
let bigPublished
const waiting = new Map()
let lastCount = 0
const published = (version) => new Promise((resolve) => waiting.set(version, resolve))

/** Start a server as an editor does, open the draft; the time from spawn to its first diagnostics. */
async function start() {
  const spawnedAt = performance.now()
  const proc = spawn(process.execPath, [...NODE_FLAGS, ...(process.env.XIMO_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), bin, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] })
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin))
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri === bigUri) bigPublished?.(p)
    if (p.uri !== uri) return
    lastCount = p.diagnostics.length
    waiting.get(p.version)?.()
  })
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounce: DEBOUNCE })))
  conn.onRequest('client/registerCapability', () => null)
  conn.listen()
  const rootUri = pathToFileURL(dir).href
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { debounce: DEBOUNCE },
  })
  await conn.sendNotification('initialized', {})
  const t = performance.now()
  const done = published(1)
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } })
  await done
  return { proc, conn, openMs: performance.now() - t, coldMs: performance.now() - spawnedAt }
}

/** Shut a server down and wait until its process is gone. */
async function stop({ proc, conn }) {
  const gone = new Promise((resolve) => proc.once('exit', resolve))
  await conn.sendRequest('shutdown')
  await conn.sendNotification('exit')
  await gone
  conn.dispose()
}

const { proc, conn, openMs, coldMs: firstColdMs } = await start()
let version = 1
let t
let done

// These shared machines pause now and then (the whole VM, hundreds of ms): a timer in this
// process measures the pauses during the edits, and the server's own CPU time (/proc) gives
// a cost per edit that pauses do not inflate.
const cpuMs = () => {
  try {
    const f = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100 // utime + stime, in clock ticks of 10 ms
  } catch {
    return NaN
  }
}
const stalls = []
let tick = performance.now()
const probe = setInterval(() => {
  const now = performance.now()
  if (now - tick > 60) stalls.push(now - tick - 10)
  tick = now
}, 10)
const cpu0 = cpuMs()

// Each edit rewrites one character of one paragraph (a number, as an officer corrects a figure).
const lines = text.split('\n')
const times = []
for (let i = 0; i < EDITS; i++) {
  const p = 1 + ((i * 37) % paragraphs.length)
  const line = p * 2 // paragraphs are on even lines after the headline
  const at = lines[line].indexOf('，') > 0 ? lines[line].indexOf('，') - 1 : 0
  const ch = String.fromCharCode(0x4e00 + ((i * 131) % 20000))
  lines[line] = lines[line].slice(0, at) + ch + lines[line].slice(at + 1)
  version++
  done = published(version)
  t = performance.now()
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: ch }],
  })
  await done
  times.push(performance.now() - t)
}

clearInterval(probe)
const cpuPerEdit = (cpuMs() - cpu0) / EDITS

// The server's memory after it has linted the ×30 corpus (Linux: /proc).
let big
if (BIG) {
  const bigText = readFileSync(BIG, 'utf8')
  const got = new Promise((resolve) => (bigPublished = resolve))
  t = performance.now()
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: bigText } })
  const p = await got
  const ms = performance.now() - t
  const kb = (key) => {
    try {
      return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1])
    } catch {
      return NaN
    }
  }
  big = { chars: bigText.length, ms, diagnostics: p.diagnostics.length, peakRssMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 }
}

await stop({ proc, conn })

// Cold start, like the CLI's figures, is the median of several starts (the machine's pauses
// make any one of them tens of milliseconds off).
const colds = [firstColdMs]
const opens = [openMs]
for (let i = 1; i < STARTS; i++) {
  const s = await start()
  colds.push(s.coldMs)
  opens.push(s.openMs)
  await stop(s)
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const coldMs = median(colds)

times.sort((a, b) => a - b)
const q = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))]
const r = (x) => x.toFixed(1)
if (JSON_OUT) {
  console.log(JSON.stringify({ chars: text.length, paragraphs: paragraphs.length, edits: EDITS, debounce: DEBOUNCE, openMs: median(opens), coldMs, colds, firstColdMs, p50: q(0.5), p95: q(0.95), min: times[0], max: times.at(-1), cpuPerEdit, stalls: stalls.length, maxStall: Math.max(0, ...stalls), big }))
  process.exit(0)
}
console.log(`文稿 ${text.length} 字符，${paragraphs.length} 段；${EDITS} 次修改；防抖 ${DEBOUNCE} ms；最后一次 ${lastCount} 条诊断`)
console.log(`启动到首次诊断：中位数 ${r(coldMs)} ms（${STARTS} 次：${colds.map((c) => c.toFixed(0)).join('、')}）；打开到首次诊断：${r(median(opens))} ms（含分词器加载）`)
console.log(`修改一段到诊断发布：中位数 ${r(q(0.5))} ms，p95 ${r(q(0.95))} ms，最小 ${r(times[0])} ms，最大 ${r(times.at(-1))} ms`)
console.log(`服务器每次修改的 CPU 时间：${r(cpuPerEdit)} ms（/proc，平均）；测量期间本机停顿 ${stalls.length} 次（超过 50 ms），最长 ${r(Math.max(0, ...stalls))} ms`)
if (big) console.log(`打开 ${big.chars} 字符的稿件：${r(big.ms)} ms 后发布 ${big.diagnostics} 条诊断；服务器峰值内存 ${big.peakRssMB.toFixed(0)} MB，当前 ${big.rssMB.toFixed(0)} MB`)
