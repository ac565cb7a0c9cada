// Linting many files: threads (how many, results in file order, the same findings as one
// thread), the progress line and --jobs. The worker test runs the built bundle (run
// `node scripts/build.mjs` first, as `npm test` does).
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { presetConfig } from '@ximo/core'
import { replacer } from './test-rules.js'
import { defaultJobs, lintFiles, threadCount, type LintTask } from '../src/pool.js'
import { lintFile } from '../src/lint-file.js'
import { progressLine } from '../src/progress.js'
import { parseArgs, UsageError } from '../src/args.js'

const root = join(import.meta.dirname, '..', '..', '..')
const bundle = join(root, 'packages/cli/dist/cli.js')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ximo-pool-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const DRAFTS = [
  '# 市应急局布署防汛工作\n\n6月3日，市应急局召开会议，布署全市防汛工作,要求各区县落实责任。\n',
  '# 县交通局完成桥梁排查\n\n4月8日至15日，县交通局排查桥梁126座，发现隐患9处。\n',
  '# 区政务服务中心推行“一窗受理”\n\n今年以来，区政务服务中心推行“一窗受理”，群众办事平均用时缩短一半。\n',
  '# 镇政府召开安全生产例会\n\n在镇党委的正确领导下，镇政府于3月2日召开安全生产例会。\n',
]

function place(): LintTask[] {
  const config = presetConfig('recommended')
  return DRAFTS.map((text, i) => {
    const path = join(dir, `${i}.md`)
    writeFileSync(path, text)
    return { path, options: { config } }
  })
}

describe('defaultJobs', () => {
  it('is half the cores, at least one', () => {
    expect([1, 2, 3, 4, 8, 16].map((c) => defaultJobs(c))).toEqual([1, 1, 1, 2, 4, 8])
  })
})

describe('threadCount', () => {
  it('uses one thread for --jobs 1, a single file or too little text', () => {
    const tasks = place()
    expect(threadCount(tasks, 1, 1)).toBe(1)
    expect(threadCount(tasks.slice(0, 1), 8, 1)).toBe(1)
    expect(threadCount(tasks, 8)).toBe(1) // four short drafts: not worth a thread
  })
  it('uses up to --jobs threads, no more than files, when the text pays for them', () => {
    const tasks = place()
    expect(threadCount(tasks, 2, 1)).toBe(2)
    expect(threadCount(tasks, 16, 1)).toBe(4)
  })
})

describe('lintFiles', () => {
  it('lints on this thread without a worker script, in file order, reporting progress', async () => {
    const typo = replacer('test-typo', 'wording', '布署', '部署')
    const config = presetConfig('recommended', [typo])
    const tasks: LintTask[] = DRAFTS.map((text, i) => {
      const path = join(dir, `${i}.md`)
      writeFileSync(path, text)
      return { path, options: { config, rules: [typo] } }
    })
    const seen: string[] = []
    const results = await lintFiles(tasks, { jobs: 4, onProgress: (done, total) => seen.push(`${done}/${total}`) })
    expect(results.map((r) => r.filePath)).toEqual(tasks.map((t) => t.path))
    expect(results.map((r) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.reason}`))).toEqual([
      ['1:7 “布署”应改为“部署”。', '3:15 “布署”应改为“部署”。'],
      [],
      [],
      [],
    ])
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4'])
  })

  it.skipIf(!existsSync(bundle))(
    'gives on worker threads exactly what one thread gives, in file order',
    async () => {
      const tasks = place()
      const alone = await Promise.all(tasks.map((t) => lintFile(t.path, t.options)))
      let calls = 0
      const pooled = await lintFiles(tasks, { jobs: 2, workerUrl: pathToFileURL(bundle), bytesPerThread: 1, onProgress: () => calls++ })
      const view = (rs: typeof alone) => rs.map((r) => ({ file: r.filePath, error: r.error, found: r.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn, d.severity, d.reason, d.fix]) }))
      expect(view(pooled)).toEqual(view(alone))
      expect(alone.some((r) => r.diagnostics.length > 0)).toBe(true)
      // Diagnostics that crossed a thread are vfile messages again.
      expect(pooled.flatMap((r) => r.diagnostics).every((d) => typeof d.toString === 'function' && d.reason === d.message)).toBe(true)
      expect(calls).toBe(tasks.length)
    },
    120_000,
  )
})

describe('progress line', () => {
  it('redraws at most every 100 ms, always at the end, and erases itself', () => {
    let now = 0
    const out: string[] = []
    const p = progressLine((t) => out.push(t), () => now)
    p.update(1, 10)
    now = 50
    p.update(2, 10)
    now = 150
    p.update(3, 10)
    now = 160
    p.update(10, 10)
    p.clear()
    expect(out).toEqual(['\r检查中 1/10 个文件…\x1b[K', '\r检查中 3/10 个文件…\x1b[K', '\r检查中 10/10 个文件…\x1b[K', '\r\x1b[K'])
  })
  it('writes nothing when it was never shown', () => {
    const out: string[] = []
    progressLine((t) => out.push(t)).clear()
    expect(out).toEqual([])
  })
})

describe('--jobs', () => {
  it('takes a positive number of threads', () => {
    expect(parseArgs(['lint', '--jobs', '3', 'a.md']).jobs).toBe(3)
    expect(parseArgs(['lint', '-j', '1', 'a.md']).jobs).toBe(1)
    expect(parseArgs(['fix', '--jobs=2', 'a.md']).jobs).toBe(2)
    expect(parseArgs(['lint', 'a.md']).jobs).toBeUndefined()
  })
  it('rejects zero, negatives and words, and other commands', () => {
    expect(() => parseArgs(['lint', '--jobs', '0'])).toThrow(new UsageError('--jobs 应为正整数，而不是 "0"'))
    expect(() => parseArgs(['lint', '--jobs', 'all'])).toThrow(UsageError)
    expect(() => parseArgs(['rules', '--jobs', '2'])).toThrow('rules 命令不支持 --jobs')
  })
})
