import { describe, it, expect } from 'vitest'
import { parsePairList, parseWordList } from '../../packages/core/src/kit.js'
import { compileForms } from './match.js'
import pairList from './pairs.txt'
import exceptionList from './exceptions.txt'

describe('compileForms', () => {
  it('files each exception phrase under every listed wrong form it spells, in list order', () => {
    const exceptions = [...parseWordList(exceptionList), '做为', '不做为了']
    // The real pairs, and forms made up from pieces of the phrases so that many phrases hold several.
    const pairs = new Map([...parsePairList(pairList), ...exceptions.flatMap((p): Array<[string, string]> => [[p.slice(0, 2), '甲'], [p.slice(1, 3), '乙'], [p.slice(-1), '丙']])])
    // The definition: every form searched for in every phrase.
    const expected = new Map<string, string[]>()
    for (const phrase of exceptions)
      for (const wrong of pairs.keys()) if (phrase.includes(wrong)) expected.set(wrong, [...(expected.get(wrong) ?? []), phrase])
    const got = compileForms(pairs, exceptions).exceptions
    expect(new Map([...got].sort())).toEqual(new Map([...expected].sort()))
    expect(got.size).toBeGreaterThan(40)
    expect([...got.values()].some((phrases) => phrases.length > 1)).toBe(true)
  })
})
