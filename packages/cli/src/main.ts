/**
 * The `ximo` executable: run the CLI on this process's arguments and streams. The same bundle
 * is the script of the worker threads that lint many files (see pool.ts).
 */
import { run, EXIT_FAILURE } from './cli.js'
import { isLintWorker, runLintWorker, WORKER_ARG, workerThreads } from './pool.js'

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    process.stdin.on('data', (c: Buffer) => chunks.push(c))
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)))
    process.stdin.on('error', reject)
  })
}

/**
 * Exit once the output is written, rather than when the event loop is empty: letting Node tear
 * down by itself frees jieba's dictionary piece by piece, 20–30 ms of every run.
 */
function exitWhenFlushed(): void {
  process.stdout.write('', () => {
    const failed = process.stdout.errored as NodeJS.ErrnoException | null
    if (failed && failed.code !== 'EPIPE') return outputFailed(failed)
    process.stderr.write('', () => process.exit())
  })
}

/** Output that could not be written (a full disk): say so, and fail, rather than exit as if it had been. */
function outputFailed(e: NodeJS.ErrnoException): void {
  process.stderr.write(`ximo：无法写出检查结果（${e.code ?? e.message}），请检查输出位置后重试。\n`)
  process.exit(EXIT_FAILURE)
}

function main(): void {
  // A closed pipe (`ximo lint | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    outputFailed(e)
  })

  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin,
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    // Worker threads start as this process did: through dist/cli.js, next to this bundle.
    workerUrl: new URL('./cli.js', import.meta.url),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code
      exitWhenFlushed()
    },
    (e: unknown) => {
      process.stderr.write(`ximo 内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n请把以上信息报告给维护者。\n`)
      process.exitCode = EXIT_FAILURE
      exitWhenFlushed()
    },
  )
}

// A lint worker is started with WORKER_ARG; only then is node:worker_threads loaded to check
// (a user who types the argument still gets the CLI: the thread must also not be the main one).
const threads = process.argv.includes(WORKER_ARG) ? workerThreads() : undefined
if (threads && !threads.isMainThread && isLintWorker(threads.workerData)) void runLintWorker(threads.workerData, (m) => threads.parentPort!.postMessage(m))
else main()
