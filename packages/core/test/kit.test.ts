import { describe, it, expect } from 'vitest'
import { allMatches, containsAny, countChars } from '../src/kit.js'
import { PLACEHOLDER } from '../src/parse.js'

// The definition countChars implements on code units: code points other than `\s` and the placeholder.
const reference = (text: string) => [...text].filter((ch) => !/\s/.test(ch) && ch !== PLACEHOLDER).length

describe('countChars', () => {
  it('counts what `\\s` does not match, for every code unit of the BMP', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c))
    const mismatches = all.filter((ch) => countChars(ch) !== reference(ch)).map((ch) => ch.charCodeAt(0).toString(16))
    expect(mismatches).toEqual([])
  })

  it('counts a surrogate pair once and a lone surrogate as one', () => {
    for (const text of ['𠮷', '县𠮷局', '\ud842', '\udfb7', '\udfb7\ud842', '甲\ud842 乙', '𠮷\udfb7', '\ud842\ud842\udfb7'])
      expect([text, countChars(text)]).toEqual([text, reference(text)])
    expect(countChars('𠮷野家')).toBe(3)
  })

  it('leaves out spaces, line breaks, full-width spaces and placeholders', () => {
    expect(countChars(`县 局\u3000开展\n\t检查${PLACEHOLDER}。`)).toBe(7)
    expect(countChars('')).toBe(0)
  })
})

describe('containsAny', () => {
  it('finds a phrase anywhere in the text, whatever the words around it', () => {
    const list = ['不但', '虽然', '𠮷野']
    expect(containsAny('他们不但完成了任务', list)).toBe(true)
    expect(containsAny('虽然', list)).toBe(true)
    expect(containsAny('县𠮷野家开业', list)).toBe(true)
    // Inside a longer word still counts: containsAny is a superset of matchPhrases.
    expect(containsAny('不但是', list)).toBe(true)
  })

  it('says false only when no phrase is spelled out', () => {
    const list = ['不但', '虽然', '𠮷野']
    expect(containsAny('不但', [])).toBe(false)
    expect(containsAny('', list)).toBe(false)
    expect(containsAny('不', list)).toBe(false)
    expect(containsAny('但不虽', list)).toBe(false)
    // The same high surrogate, another character.
    expect(containsAny('𠮶野', list)).toBe(false)
    expect(containsAny('任何文字', ['', '不但'])).toBe(false)
    // A character whose code shares 不's bit (4,096 apart): looked at, not taken for 不.
    const twin = String.fromCharCode('不'.charCodeAt(0) + 4096)
    expect(containsAny(twin + '但', list)).toBe(false)
    expect(containsAny(twin + '不但', list)).toBe(true)
  })

  it('agrees with a plain search: one-character phrases, shared first characters, text ends', () => {
    const list = ['但', '不但', '不仅', '不仅仅', '也', '𠮷野', '因为所以']
    const alphabet = ['不', '但', '仅', '也', '因', '为', '所', '以', '𠮷', '𠮶', '野', '，']
    let seed = 7
    let yes = 0
    for (let n = 0; n < 3000; n++) {
      let text = ''
      const len = n % 9
      for (let k = 0; k < len; k++) {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
        text += alphabet[(seed >>> 16) % alphabet.length]
      }
      const plain = list.some((p) => text.includes(p))
      expect([text, containsAny(text, list)]).toEqual([text, plain])
      if (plain) yes++
    }
    expect(yes).toBeGreaterThan(500)
    expect(yes).toBeLessThan(2900)
  })

  it('follows a list that grew after it was first asked about', () => {
    const list = ['不但']
    expect(containsAny('虽然如此', list)).toBe(false)
    list.push('虽然')
    expect(containsAny('虽然如此', list)).toBe(true)
  })
})

describe('allMatches', () => {
  const same = (text: string, re: RegExp) => expect(allMatches(text, re).map((m) => [m.index, ...m])).toEqual([...text.matchAll(re)].map((m) => [m.index, ...m]))

  it('gives what matchAll gives, from the start whatever lastIndex was', () => {
    same('县局……开展。。。检查', /…+|。{3,}/g)
    same('1.是 2.是 3.是', /(\d)\.是/g)
    same('没有', /…+/g)
    const re = /[，。]/g
    re.lastIndex = 3
    same('甲，乙。丙，', re)
    expect(re.lastIndex).toBe(0)
  })

  it('moves on after empty matches, by code point with the u flag', () => {
    same('甲乙', /(?:)/g)
    same('𠮷野', /(?:)/gu)
    same('a𠮷b', /x*/gu)
  })

  it('returns the same empty list when nothing matches, and refuses a non-global expression', () => {
    expect(allMatches('甲', /乙/g)).toBe(allMatches('丙', /丁/g))
    expect(() => allMatches('甲', /甲/)).toThrow(TypeError)
  })
})
