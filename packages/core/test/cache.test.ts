import { describe, expect, it } from 'vitest'
import { TextCache } from '../src/cache.js'

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
