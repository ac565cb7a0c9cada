/**
 * Start a CommonJS bundle through V8's code cache (Node only; not part of the library's API).
 *
 * Compiling a 1.5 MB bundle, and compiling each function the first time it runs, costs 30–50 ms
 * of the language server's cold start and of a short `ximo lint`. V8 can save that work as a code
 * cache and take it back the next time instead of compiling again. The build writes the cache
 * once, after a run over the fixture drafts (scripts/warm-code-cache.mjs, `XIMO_WRITE_CODE_CACHE=1`),
 * next to the bundle as `<bundle>.cache`.
 *
 * A cache serves only the bundle it was made from: it starts with the bundle's SHA-1, because V8
 * itself checks only the source's length. V8 refuses a cache made by another V8 version or with
 * other V8 flags; the bundle is then compiled as usual. At worst the cache is unused, never wrong.
 *
 * `XIMO_CODE_CACHE_DIR`: keep the cache in this folder instead, and write it there (as the process
 * exits) whenever it was missing or refused. The VS Code extension points it at its storage: VS
 * Code runs the server on its own Node, whose V8 refuses the cache the build made.
 */
import { isAscii } from 'node:buffer'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { Script } from 'node:vm'

const HASH_BYTES = 20

/** What happened to the cache; for tests and `XIMO_CODE_CACHE_DEBUG`. */
export type CodeCacheUse = 'used' | 'none' | 'stale' | 'refused'

export interface BundleRun {
  exports: unknown
  cache: CodeCacheUse
  /** Write the cache for this bundle from what this run has compiled so far. */
  saveCache(): void
}

/**
 * A V8 flag a bundle is given once it has run (`set`), and the flag's default (`reset`). V8
 * records the flags a cache is made under and refuses the cache under others, so they are
 * undone while the cache is written. Given on Node's command line instead, they would make Node
 * refuse the code cache of its own modules too.
 */
export interface RuntimeFlag {
  set: string
  reset: string
}

/**
 * The young generation keeps its start-up size (about 1 MB a semi-space; V8 otherwise doubles
 * it up to 16 MB while a long draft is linted). A lint keeps its document model to the end: in a
 * small young generation it is promoted at once rather than copied back and forth, and the same
 * few pages are reused instead of 32 MB of fresh ones (the CLI and the language server).
 */
export const SMALL_YOUNG_GENERATION: RuntimeFlag = { set: '--semi-space-growth-factor=1', reset: '--semi-space-growth-factor=2' }

/**
 * Run `file`, a CommonJS bundle, as Node would `require` it. With `XIMO_WRITE_CODE_CACHE=1` (the
 * build), or a `cacheDir` holding no usable cache, the cache is written as the process exits, so
 * that it holds every function the run compiled.
 */
export function runWithCodeCache(
  file: string,
  cacheDir: string | undefined = process.env.XIMO_CODE_CACHE_DIR || undefined,
  runtimeFlags: readonly RuntimeFlag[] = [],
): BundleRun {
  const cacheFile = cacheDir ? join(cacheDir, `${basename(file)}.cache`) : `${file}.cache`
  const source = readFileSync(file)
  const hash = createHash('sha1').update(source).digest()
  let cachedData: Buffer | undefined
  let cache: CodeCacheUse = 'none'
  try {
    const saved = readFileSync(cacheFile)
    if (saved.subarray(0, HASH_BYTES).equals(hash)) cachedData = saved.subarray(HASH_BYTES)
    else cache = 'stale'
  } catch {
    // No cache: compile as usual.
  }
  // No dynamic import() in the bundle: Node 20 loses a script's import() handler when the script
  // comes from a code cache (scripts/build.mjs checks the bundles for it).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString(isAscii(source) ? 'latin1' : 'utf8')}\n})`, { filename: file, cachedData })
  if (cachedData) cache = script.cachedDataRejected ? 'refused' : 'used'
  if (process.env.XIMO_CODE_CACHE_DEBUG) process.stderr.write(`ximo code cache: ${cache} (${cacheFile})\n`)
  const require = createRequire(file)
  // node:v8 is loaded only to set flags (about 3 ms).
  const setFlags = (which: 'set' | 'reset') => {
    if (!runtimeFlags.length) return
    const { setFlagsFromString } = require('node:v8') as typeof import('node:v8')
    for (const flag of runtimeFlags) setFlagsFromString(flag[which])
  }
  const saveCache = () => {
    setFlags('reset')
    try {
      writeAtomically(cacheFile, Buffer.concat([hash, script.createCachedData()]))
    } finally {
      setFlags('set')
    }
  }
  const write = process.env.XIMO_WRITE_CODE_CACHE === '1' || (cacheDir !== undefined && cache !== 'used')
  // Only a process's main thread writes it (the CLI's worker threads load the same bundle).
  // worker_threads is loaded only then: the language server does not otherwise need it (5 ms).
  if (write && (require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread)
    process.once('exit', () => {
      try {
        if (cacheDir) mkdirSync(cacheDir, { recursive: true })
        saveCache()
      } catch {
        // A folder that cannot be written: the next start compiles as usual.
      }
    })
  const module = { exports: {} as unknown }
  const wrapper = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: typeof module, f: string, d: string) => void
  // The cache is taken by now (V8 compares flags then): the flags hold for the bundle's own run,
  // which for the CLI is the whole lint.
  setFlags('set')
  wrapper(module.exports, require, module, file, dirname(file))
  return { exports: module.exports, cache, saveCache }
}

function writeAtomically(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, data)
    renameSync(temp, file)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}
