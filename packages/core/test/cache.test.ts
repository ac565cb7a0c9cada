import { describe, expect, it } from 'vitest'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { TextCache } from '../src/cache.js'
import { analyze } from '../src/engine.js'

describe('TextCache', () => {
  it('keeps at most the character budget and drops the oldest generation whole', () => {
    const cache = new TextCache<number>(10)
    for (const [i, k] of ['aa', 'bb', 'cc'].entries()) cache.set(k, i) // 6 chars > 5: young becomes old
    expect(cache.get('aa')).toBe(0)
    for (const k of ['dd', 'ee', 'ff']) cache.set(k, 9) // aa (promoted) + dd + ee pass 5 chars: a new generation
    // bb and cc were in the old generation, never read again: gone.
    expect(cache.get('bb')).toBeUndefined()
    expect(cache.get('cc')).toBeUndefined()
    expect(cache.get('aa')).toBe(0)
    expect(cache.get('ff')).toBe(9)
  })

  it('a hit in the old generation survives the next turnover', () => {
    const cache = new TextCache<string>(8)
    cache.set('keep', 'k')
    cache.set('xx', 'x') // 6 chars > 4: old = {keep, xx}
    expect(cache.get('keep')).toBe('k') // moved to young
    cache.set('yyyy', 'y') // young passes 4: old = {keep, yyyy}; xx dropped
    expect(cache.get('xx')).toBeUndefined()
    expect(cache.get('keep')).toBe('k')
  })

  it('makes room for a run longer than half its budget, so the next run finds every entry', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `段落${i}`.padEnd(6, '。')) // 72 characters
    const run = (cache: TextCache<number>) => keys.filter((k) => cache.get(k) !== undefined || (cache.set(k, 1), false)).length
    const fixed = new TextCache<number>(100)
    run(fixed)
    expect(run(fixed)).toBeLessThan(keys.length) // 72 > 50: the first run's oldest entries were dropped
    const fitted = new TextCache<number>(100)
    fitted.fit(72, 1000)
    run(fitted)
    expect(run(fitted)).toBe(keys.length)
    // Never past the cap, never under the base budget.
    const capped = new TextCache<number>(100)
    capped.fit(72, 120)
    run(capped)
    expect(run(capped)).toBeLessThan(keys.length)
    capped.fit(1, 1000)
    run(capped)
    expect(run(capped)).toBeLessThan(keys.length)
  })

  it('stays bounded and fast under a stream of distinct keys', () => {
    const cache = new TextCache<number>(1000)
    for (let i = 0; i < 100_000; i++) cache.set(`段落${i}`, i)
    expect(cache.size).toBeLessThan(400)
    expect(cache.get('段落99999')).toBe(99999)
    expect(cache.get('段落0')).toBeUndefined()
    cache.clear()
    expect(cache.size).toBe(0)
  })
})

describe('caches and the drafts they came from', () => {
  // A slice of a string is a view into it in V8: a cached paragraph must not keep the whole
  // version of the draft it was cut from alive (an editor makes a new version per keystroke).
  const gc: () => void = (() => {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc')
  })()
  const heap = () => {
    gc()
    gc()
    return process.memoryUsage().heapUsed
  }
  const SENTENCES = ['县交通运输局组织技术人员对全县农村公路开展安全隐患排查', '共排查桥梁涵洞两百余座并登记问题清单', '对发现的问题逐一明确整改时限和责任人', '排查结果将在下月初向社会公开']

  for (const format of ['markdown', 'text'] as const) {
    it(`holds no earlier version of a ${format} draft after edits`, () => {
      const paragraphs = Array.from({ length: 900 }, (_, i) => SENTENCES.map((s, k) => `${s}第${i}批第${k}项`).join('，') + '。')
      const sep = format === 'markdown' ? '\n\n' : '\n'
      const draft = () => ['县交通运输局开展农村公路安全隐患排查', ...paragraphs].join(sep)
      expect(draft().length).toBeGreaterThan(100_000)
      analyze(draft(), { format })
      const before = heap()
      // 20 versions of a 100,000-character draft: 4 MB of text if each stayed alive. (Plain text
      // passes without the copies too, as its paragraphs are built anew; it guards that.)
      for (let i = 0; i < 20; i++) {
        paragraphs[i * 31] = paragraphs[i * 31].replace('第', `第${i}次修改后第`)
        analyze(draft(), { format })
      }
      expect(heap() - before).toBeLessThan(2_000_000)
    })
  }

  it('keeps nothing from runs with the caches off, and the caches do keep a run otherwise', () => {
    const draft = (tag: string) => ['县交通运输局开展农村公路安全隐患排查', ...Array.from({ length: 900 }, (_, i) => SENTENCES.map((s, k) => `${s}第${i}${tag}第${k}条`).join('，') + '。')].join('\n\n')
    analyze(draft('批'), { cache: false }) // a first run compiles the rules' code
    let before = heap()
    // Three drafts of 103,000 characters: cached, each keeps about 0.9 MB (parsed chunks, findings).
    const off = ['组', '队', '项'].map((tag) => analyze(draft(tag), { cache: false }).diagnostics.length)
    expect(heap() - before).toBeLessThan(1_000_000)
    before = heap()
    const on = ['组', '队', '项'].map((tag) => analyze(draft(tag)).diagnostics.length)
    expect(heap() - before).toBeGreaterThan(2_000_000)
    expect(on).toEqual(off)
  })
})
