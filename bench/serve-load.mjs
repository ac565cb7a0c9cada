// A short, bounded load test of `ximo serve` on loopback: N requests (default 2,000), C at a
// time (default 20), against the built CLI on 127.0.0.1 only. Mixes /api/lint on the fixture
// drafts, /api/fix and /healthz; reports throughput and latency percentiles; exits 1 if any
// request failed or the run took longer than its time bound. The same requests are first sent to
// a bare node:http server that answers without linting: on these shared virtual machines the
// whole machine pauses now and then (hundreds of ms, also for that bare server), and the
// baseline shows how much of the tail is the machine rather than Ximo.
//   node scripts/build.mjs && node bench/serve-load.mjs [requests] [concurrency]
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const TOTAL = Math.min(Number(process.argv[2] ?? 2000), 20000)
const CONCURRENCY = Math.min(Number(process.argv[3] ?? 20), 100)
const TIME_BOUND_MS = 10 * 60 * 1000

const drafts = []
for (const dir of ['good', 'bad', 'demo', 'cli'])
  for (const f of readdirSync(join(root, 'fixtures', dir)).sort())
    if (/\.(md|txt)$/.test(f)) drafts.push({ text: readFileSync(join(root, 'fixtures', dir, f), 'utf8'), format: f.endsWith('.txt') ? 'text' : 'markdown' })

/** A bare server in its own process, like ximo's: reads the body, answers the shape the checks expect, lints nothing. */
const BARE = `require('node:http').createServer((req, res) => {
  let n = 0
  req.on('data', (c) => (n += c.length))
  req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ diagnostics: [], bytes: n })) })
}).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port) })`

async function startServer(args) {
  const server = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  server.stdout.on('data', (c) => (out += c))
  server.stderr.on('data', (c) => (out += c))
  const deadline = Date.now() + 60_000
  while (!/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
    if (Date.now() > deadline || server.exitCode !== null) {
      console.error(`server did not start:\n${out}`)
      process.exit(1)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { base: /http:\/\/127\.0\.0\.1:\d+/.exec(out)[0], stop: () => server.kill('SIGTERM') }
}

function requestFor(i) {
  const d = drafts[i % drafts.length]
  if (i % 10 === 9) return { path: '/healthz', init: {} }
  const path = i % 5 === 4 ? '/api/fix' : '/api/lint'
  return { path, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(d) } }
}

async function load(base) {
  const latencies = []
  const failures = []
  let next = 0
  const started = performance.now()
  async function worker() {
    while (next < TOTAL && performance.now() - started < TIME_BOUND_MS) {
      const i = next++
      const { path, init } = requestFor(i)
      const t = performance.now()
      try {
        const res = await fetch(base + path, init)
        const body = await res.json()
        if (res.status !== 200 || (path !== '/healthz' && !Array.isArray(body.diagnostics))) failures.push(`${i} ${path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
      } catch (e) {
        failures.push(`${i} ${path}: ${e.message}`)
      }
      latencies.push(performance.now() - t)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(1)
  return { n: latencies.length, elapsed, failures, line: `time ${elapsed.toFixed(1)} s, throughput ${(latencies.length / elapsed).toFixed(1)} req/s, latency ms p50 ${pct(50)}, p95 ${pct(95)}, p99 ${pct(99)}, max ${latencies[latencies.length - 1].toFixed(1)}` }
}

console.log(`ximo serve load test: ${TOTAL} requests, ${CONCURRENCY} at a time, ${drafts.length} drafts (lint 80%, fix 10%, healthz 10%)`)
const bare = await startServer(['-e', BARE])
const b = await load(bare.base)
bare.stop()
console.log(`  bare node:http (no linting): ${b.line}`)
const ximo = await startServer([join(root, 'packages/cli/bin/ximo.js'), 'serve', '--host', '127.0.0.1', '--port', '0'])
// One request first: the segmenter loads on the first lint (about a second), not part of the load.
await fetch(ximo.base + '/api/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(drafts[0]) })
const x = await load(ximo.base)
ximo.stop()
console.log(`  ximo serve:                  ${x.line}`)
console.log(`  failed: ${x.failures.length}`)
for (const f of x.failures.slice(0, 10)) console.log(`    ${f}`)
process.exit(x.failures.length || x.n < TOTAL ? 1 : 0)
