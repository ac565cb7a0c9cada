// The V8 flags the server sets on itself once started (src/runtime-flags.ts): this Node takes
// them at run time, they do what they are there for, and their `reset` values undo them (the
// values put back while the code cache is written; test/lsp.test.ts checks that the build's
// cache, written by a run that set them, is taken).
import { describe, it, expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { RUNTIME_FLAGS } from '../src/runtime-flags.js'

/** A child that holds a growing model while making garbage, as a lint of a long draft does; its young generation's size at the end, in MB. */
function youngGeneration(flags: readonly string[]): number {
  const script = `
    const v8 = require('node:v8')
    for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f)
    const kept = []
    for (let i = 0; i < 400000; i++) {
      const garbage = { a: i, b: String(i), c: [i, i + 1] }
      if (i % 4 === 0) kept.push({ text: garbage.b, n: garbage.a })
    }
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')
    process.stdout.write(String(space.space_size / 1048576) + ' ' + kept.length)
  `
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return Number(run.stdout.split(' ')[0])
}

describe('runtime flags', () => {
  const set = RUNTIME_FLAGS.map((f) => f.set)
  const reset = RUNTIME_FLAGS.map((f) => f.reset)

  it('keep the young generation small when set after start-up (it grows past 8 MB without them)', () => {
    expect(youngGeneration([])).toBeGreaterThan(8)
    expect(youngGeneration(set)).toBeLessThanOrEqual(4)
  })

  it('are undone by their reset values', () => {
    expect(youngGeneration([...set, ...reset])).toBeGreaterThan(8)
  })
})
