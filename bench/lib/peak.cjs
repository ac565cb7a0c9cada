// Preloaded into every timed Node process (NODE_OPTIONS=--require): at exit, writes the whole
// process's peak resident memory and CPU time (all threads) to $XIMO_BENCH_STATS.
const { isMainThread } = require('node:worker_threads')
const out = process.env.XIMO_BENCH_STATS
if (out && isMainThread) {
  process.on('exit', () => {
    const r = process.resourceUsage()
    require('node:fs').writeFileSync(out, JSON.stringify({ maxRssKB: r.maxRSS, cpuS: (r.userCPUTime + r.systemCPUTime) / 1e6 }))
  })
}
