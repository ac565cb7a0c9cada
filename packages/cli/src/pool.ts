/**
 * Linting many files on worker threads. Every thread, the main one included, takes the next
 * file from a counter in shared memory, so one big file never holds up the others; results come
 * back in the order of the files. Threads pay for themselves only with enough text (each one
 * loads the bundle and jieba's dictionary), so a few small files are linted on the main thread.
 */
import { createRequire } from 'node:module'
import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { VFileMessage } from 'vfile-message'
import type { Diagnostic } from '@ximo/core'
import { SMALL_YOUNG_GENERATION } from '../../core/src/code-cache.js'
import { lintFile, type FileResult, type LintFileOptions } from './lint-file.js'
import { WORKER_ARG } from './worker-arg.js'

/** One file to lint. Tasks sent to workers carry plain data only: no `rules` catalogue. */
export interface LintTask {
  path: string
  options: Omit<LintFileOptions, 'input'>
}

export interface PoolOptions {
  /** Threads to use, the main one included (`--jobs`); defaultJobs() by default. */
  jobs?: number
  /** The script a worker runs (the CLI bundle); without it everything runs on the main thread. */
  workerUrl?: URL
  /** Called after each file. */
  onProgress?: (done: number, total: number) => void
  /** Text (bytes) an extra thread needs to pay for itself; BYTES_PER_THREAD by default. */
  bytesPerThread?: number
}

export { WORKER_ARG } from './worker-arg.js'

type WorkerThreads = typeof import('node:worker_threads')
export const workerThreads = (): WorkerThreads => createRequire(import.meta.url)('node:worker_threads') as WorkerThreads

/**
 * Threads by default: half the cores. Each thread keeps more than one core busy (V8 collects
 * garbage and compiles on helper threads: the main thread alone used 1.2 cores on 2), and loads
 * its own bundle and jieba dictionary. On 2 cores, 30 files on 2 threads took 1.64 s against
 * 1.45 s on one (bench/run.mjs corpus, 940,000 characters).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2))
}

/** About this much text (bytes) per extra thread, or the thread costs more than it saves. */
export const BYTES_PER_THREAD = 100_000

interface WorkerInput {
  ximoLintWorker: true
  tasks: LintTask[]
  next: SharedArrayBuffer
}

type WorkerMessage = { index: number; result: SerializedResult } | { index: number; crash: string }

type SerializedResult = Omit<FileResult, 'diagnostics'> & { diagnostics: Record<string, unknown>[] }

/** Diagnostics are vfile messages (Errors): structured clone keeps only their message, so they travel as plain fields. */
function serialize(result: FileResult): SerializedResult {
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d })) }
}

function deserialize(result: SerializedResult): FileResult {
  return { ...result, diagnostics: result.diagnostics.map((d) => Object.assign(Object.create(VFileMessage.prototype) as Diagnostic, d)) }
}

function claim(next: SharedArrayBuffer, total: number): number {
  const i = Atomics.add(new Int32Array(next), 0, 1)
  return i < total ? i : -1
}

/** How many threads to use for these files. */
export function threadCount(tasks: LintTask[], jobs: number, bytesPerThread = BYTES_PER_THREAD): number {
  if (jobs <= 1 || tasks.length <= 1) return 1
  let bytes = 0
  for (const t of tasks) {
    try {
      bytes += statSync(t.path).size
    } catch {
      // Unreadable: lintFile reports it.
    }
  }
  return Math.max(1, Math.min(jobs, tasks.length, Math.ceil(bytes / bytesPerThread)))
}

/** Lint the files, on several threads when it pays; results in the order of `tasks`. */
export async function lintFiles(tasks: LintTask[], pool: PoolOptions = {}): Promise<FileResult[]> {
  const total = tasks.length
  const results: Array<FileResult | undefined> = new Array(total)
  let done = 0
  const finished = (i: number, r: FileResult) => {
    results[i] = r
    pool.onProgress?.(++done, total)
  }
  // dist/cli.js keeps the young generation small: one draft's model lives to the end of the run,
  // and is promoted at once. Drafts linted one after another each die after their file, young
  // if V8 lets the young generation grow (30 files: 3–4 % faster than with it small).
  if (total > 1) createRequire(import.meta.url)('node:v8').setFlagsFromString(SMALL_YOUNG_GENERATION.reset)
  const threads = pool.workerUrl ? threadCount(tasks, pool.jobs ?? defaultJobs(), pool.bytesPerThread) : 1
  const next = new SharedArrayBuffer(4)
  const workers: Array<Promise<void>> = []
  for (let w = 1; w < threads; w++) {
    const input: WorkerInput = { ximoLintWorker: true, tasks, next }
    workers.push(
      new Promise<void>((resolve) => {
        const worker = new (workerThreads().Worker)(pool.workerUrl!, { workerData: input, argv: [WORKER_ARG], stdout: false, stderr: false })
        worker.on('message', (m: WorkerMessage) => {
          if ('result' in m) finished(m.index, deserialize(m.result))
          else finished(m.index, { filePath: tasks[m.index].path, diagnostics: [], error: `检查时出错：${m.crash}` })
        })
        // A worker that cannot start or dies leaves its files to the others (see below).
        worker.on('error', () => resolve())
        worker.on('exit', () => resolve())
      }),
    )
  }
  // The main thread takes files too, yielding between them so workers' results are handled.
  for (let i = claim(next, total); i >= 0; i = claim(next, total)) {
    finished(i, await lintFile(tasks[i].path, tasks[i].options))
    await new Promise((r) => setImmediate(r))
  }
  await Promise.all(workers)
  // Files a dead worker had taken.
  for (let i = 0; i < total; i++) if (!results[i]) finished(i, await lintFile(tasks[i].path, tasks[i].options))
  return results as FileResult[]
}

export function isLintWorker(data: unknown): data is WorkerInput {
  return typeof data === 'object' && data !== null && (data as WorkerInput).ximoLintWorker === true
}

/** The worker's side: take files until none is left, post each result. */
export async function runLintWorker(data: WorkerInput, post: (m: WorkerMessage) => void): Promise<void> {
  const { tasks, next } = data
  for (let i = claim(next, tasks.length); i >= 0; i = claim(next, tasks.length)) {
    try {
      post({ index: i, result: serialize(await lintFile(tasks[i].path, tasks[i].options)) })
    } catch (e) {
      post({ index: i, crash: e instanceof Error ? e.message : String(e) })
    }
  }
}
