// Timing whole processes: wall time from spawn to exit, and (for Node processes, through a
// preloaded module) peak resident memory and CPU time of the whole process.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PEAK = fileURLToPath(new URL('./peak.cjs', import.meta.url))
const statsDir = mkdtempSync(join(tmpdir(), 'ximo-bench-stats-'))
process.on('exit', () => rmSync(statsDir, { recursive: true, force: true }))
let seq = 0

/** One run: { wall (s), rssMB, cpu (s), code, stderr, timedOut }. */
export function runOnce(cmd, args, { cwd, timeoutS = 120, env = {} } = {}) {
  const stats = join(statsDir, `${seq++}.json`)
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env, XIMO_BENCH_STATS: stats, NODE_OPTIONS: `--require ${PEAK}` },
    })
    let stderr = ''
    child.stderr.on('data', (d) => {
      if (stderr.length < 4000) stderr += d
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutS * 1000)
    child.on('close', (code) => {
      clearTimeout(timer)
      const wall = Number(process.hrtime.bigint() - t0) / 1e9
      let rssMB = NaN
      let cpu = NaN
      if (existsSync(stats)) {
        const s = JSON.parse(readFileSync(stats, 'utf8'))
        rssMB = s.maxRssKB / 1024
        cpu = s.cpuS
      }
      resolve({ wall, rssMB, cpu, code, stderr, timedOut })
    })
  })
}

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!s.length) return NaN
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** The figures of a set of runs, as measure() gives them. */
function summarize(all, { ok, timeoutS }) {
  const good = all.filter((r) => !r.timedOut && ok(r.code))
  const bad = all.find((r) => r.timedOut || !ok(r.code))
  const rss = good.map((r) => r.rssMB).filter(Number.isFinite)
  return {
    runs: good.length,
    wall: median(good.map((r) => r.wall)),
    min: Math.min(...good.map((r) => r.wall)),
    cpu: median(good.map((r) => r.cpu)),
    rssMB: rss.length ? Math.max(...rss) : NaN,
    failed: bad ? (bad.timedOut ? `超过 ${timeoutS} 秒未结束` : `退出码 ${bad.code}：${bad.stderr.trim().split('\n').slice(-3).join(' ')}`) : undefined,
  }
}

/**
 * Several commands measured in turns (A B C A B C …, after one unmeasured run of each), so that
 * the machine's slow and quick minutes fall on all of them alike: figures that are compared
 * (Ximo against the floor, one file against 30) are taken together. `specs`: { key, cmd, args }.
 * Returns { [key]: the figures measure() gives }.
 */
export async function measureTogether(specs, { runs = 5, warmup = 1, cwd, timeoutS = 120, ok = (c) => c === 0 || c === 1 } = {}) {
  for (let i = 0; i < warmup; i++) for (const s of specs) await runOnce(s.cmd, s.args, { cwd, timeoutS })
  const all = Object.fromEntries(specs.map((s) => [s.key, []]))
  for (let i = 0; i < runs; i++) {
    for (const s of specs) {
      const done = all[s.key]
      if (done.some((r) => r.timedOut || !ok(r.code))) continue
      done.push(await runOnce(s.cmd, s.args, { cwd, timeoutS }))
    }
  }
  return Object.fromEntries(specs.map((s) => [s.key, summarize(all[s.key], { ok, timeoutS })]))
}

/**
 * `runs` runs (after `warmup` unmeasured ones): the median wall time, the largest peak memory,
 * the median CPU time. `ok(code)` decides whether a run failed (its stderr is kept).
 * `maxTotalS` stops early (at least one run) when the runs take too long.
 */
export async function measure(cmd, args, { runs = 5, warmup = 1, cwd, timeoutS = 120, maxTotalS = Infinity, ok = (c) => c === 0 || c === 1, env } = {}) {
  for (let i = 0; i < warmup; i++) await runOnce(cmd, args, { cwd, timeoutS, env })
  const all = []
  let total = 0
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(cmd, args, { cwd, timeoutS, env })
    all.push(r)
    total += r.wall
    if (r.timedOut || !ok(r.code)) break
    if (total > maxTotalS) break
  }
  return summarize(all, { ok, timeoutS })
}
