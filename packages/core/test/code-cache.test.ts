import { describe, it, expect } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { runWithCodeCache, SMALL_YOUNG_GENERATION } from '../src/code-cache.js'

function bundle(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ximo-code-cache-'))
  writeFileSync(join(dir, 'helper.cjs'), 'module.exports = (x) => x * 2\n')
  const file = join(dir, 'bundle.cjs')
  writeFileSync(file, body)
  return file
}

describe('runWithCodeCache', () => {
  it('runs a CommonJS bundle: exports, require relative to it, __filename and __dirname', () => {
    const file = bundle("const double = require('./helper.cjs')\nexports.value = double(21)\nexports.file = __filename\nmodule.exports.dir = __dirname\n")
    const run = runWithCodeCache(file)
    expect(run.cache).toBe('none')
    expect(run.exports).toEqual({ value: 42, file, dir: join(file, '..') })
  })

  it('saves a cache headed by the bundle\'s hash, and the next run takes it', () => {
    const source = 'exports.f = function (n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s }\nexports.f(10)\n'
    const file = bundle(source)
    runWithCodeCache(file).saveCache()
    const saved = readFileSync(`${file}.cache`)
    expect(saved.subarray(0, 20).equals(createHash('sha1').update(source).digest())).toBe(true)
    expect(saved.length).toBeGreaterThan(20)
    const again = runWithCodeCache(file)
    expect(again.cache).toBe('used')
    expect((again.exports as { f: (n: number) => number }).f(4)).toBe(6)
  })

  it('does not use the cache of another bundle of the same length (V8 would: it checks only the length)', () => {
    const file = bundle('exports.answer = "old"\n')
    runWithCodeCache(file).saveCache()
    writeFileSync(file, 'exports.answer = "new"\n')
    const run = runWithCodeCache(file)
    expect(run.cache).toBe('stale')
    expect(run.exports).toEqual({ answer: 'new' })
  })

  it('reads an all-ASCII bundle and a UTF-8 one alike', () => {
    const file = bundle('exports.text = "惜墨" + \'\\u60dc\'\n')
    expect(runWithCodeCache(file).exports).toEqual({ text: '惜墨惜' })
  })

  it('keeps the cache in another folder when given one', () => {
    const file = bundle('exports.x = 2\n')
    const dir = mkdtempSync(join(tmpdir(), 'ximo-code-cache-dir-'))
    expect(runWithCodeCache(file, dir).cache).toBe('none')
    runWithCodeCache(file, dir).saveCache()
    expect(existsSync(join(dir, 'bundle.cjs.cache'))).toBe(true)
    expect(existsSync(`${file}.cache`)).toBe(false)
    expect(runWithCodeCache(file, dir).cache).toBe('used')
    expect(runWithCodeCache(file).cache).toBe('none')
  })

  it('keeps no half-written cache file behind', () => {
    const file = bundle('exports.x = 1\n')
    runWithCodeCache(file).saveCache()
    expect(existsSync(`${file}.cache`)).toBe(true)
    expect(existsSync(`${file}.cache.${process.pid}.tmp`)).toBe(false)
  })

  it('sets its runtime flags before the bundle runs (the CLI lints inside that run)', () => {
    // The bundle holds a growing model while making garbage, as a lint does, and exports the
    // size its young generation reached. Run in a child: flags are process-wide.
    const file = bundle(`
      const kept = []
      for (let i = 0; i < 400000; i++) {
        const garbage = { a: i, b: String(i), c: [i, i + 1] }
        if (i % 4 === 0) kept.push({ text: garbage.b, n: garbage.a })
      }
      exports.young = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576
    `)
    // code-cache.ts as CommonJS, for a plain Node child.
    const compiled = join(file, '..', 'code-cache.cjs')
    buildSync({ entryPoints: [fileURLToPath(new URL('../src/code-cache.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', outfile: compiled, logLevel: 'silent' })
    const young = (flags: string) => {
      const script = `process.stdout.write(String(require(${JSON.stringify(compiled)}).runWithCodeCache(${JSON.stringify(file)}, undefined, ${flags}).exports.young))`
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)
      return Number(run.stdout)
    }
    expect(young('[]')).toBeGreaterThan(8)
    expect(young(JSON.stringify([SMALL_YOUNG_GENERATION]))).toBeLessThanOrEqual(4)
  })
})
