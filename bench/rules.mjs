#!/usr/bin/env node
// Where the time goes inside one process: the document model (parse + segment + sentences)
// and each rule, on a draft (default: the ×1 varied corpus written by bench/run.mjs), in
// CPU milliseconds per run (process.cpuUsage: steadier than wall time on a busy machine), median
// of --runs runs after a warm-up. Like ESLint's TIMING=1.
//   node scripts/build.mjs && node bench/rules.mjs [FILE] [--runs 10]
import { readFileSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 10
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? join(root, 'bench/.work/corpus/varied.x1.md')
if (!existsSync(file)) {
  console.error(`${file} 不存在：先运行 node bench/run.mjs 生成语料，或指定文件`)
  process.exit(2)
}
const { analyze, rules, buildDocument, getSegmenter } = await import(join(root, 'packages/core/dist/index.js'))
const text = readFileSync(file, 'utf8')
const format = file.endsWith('.txt') ? 'text' : 'markdown'

// The fastest run: on these shared machines a run is only ever slowed down by others.
const median = (xs) => Math.min(...xs)
// Whole lint runs with the given options, after a warm-up run (loads jieba, fills the caches).
function time(options) {
  analyze(text, { format, ...options })
  const xs = []
  for (let i = 0; i < RUNS; i++) {
    const t = process.cpuUsage()
    analyze(text, { format, ...options })
    const d = process.cpuUsage(t)
    xs.push((d.user + d.system) / 1000)
  }
  return median(xs)
}

const cpu = (fn) => {
  const t = process.cpuUsage()
  fn()
  const d = process.cpuUsage(t)
  return (d.user + d.system) / 1000
}
const load = cpu(() => getSegmenter('jieba'))
// The document model: parsing (blocks, headline, lead…), then segmentation and sentences,
// which are lazy (a rule that needs them pays once).
const model = () =>
  cpu(() => {
    const doc = buildDocument(text, { format })
    for (const b of doc.blocks) b.tokens
    doc.sentences()
  })
const parseOnly = median(Array.from({ length: RUNS }, () => cpu(() => buildDocument(text, { format }))))
const whole = median(Array.from({ length: RUNS }, model))
// Each rule's own work: its check on one document whose tokens and sentences are already built
// (what the model costs is the row above), with its default options.
const built = buildDocument(text, { format })
for (const b of built.blocks) b.tokens
built.sentences()
const ruleCpu = (rule) => {
  const ctx = { options: rule.meta.defaultOptions, severity: rule.meta.severity, report: () => {} }
  rule.check(built, ctx)
  return median(Array.from({ length: RUNS }, () => cpu(() => rule.check(built, ctx))))
}
const rows = rules.map((r) => [r.meta.id, ruleCpu(r)]).sort((a, b) => b[1] - a[1])
// As `ximo lint` runs (no caches), and as an editor does after an edit elsewhere (every
// paragraph's findings reused).
const allOnce = time({ cache: false })
const allByBlock = time({})
console.log(`${file}: ${text.length.toLocaleString()} 字符，CPU 时间，${RUNS} 次取最小值`)
const row = (label, ms) => console.log(`  ${label.padEnd(34 - (label.match(/[^\x00-\xff]/g) ?? []).length)} ${ms.toFixed(1).padStart(9)} ms`)
row('加载分词器（一次）', load)
row('解析', parseOnly)
row('解析＋分词＋分句', whole)
for (const [id, ms] of rows) row(id, ms)
row('全部（不用缓存，同 ximo lint）', allOnce)
row('全部（按段缓存，段落都没改）', allByBlock)
