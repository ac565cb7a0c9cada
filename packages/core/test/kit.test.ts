import { describe, it, expect } from 'vitest'
import { countChars } from '../src/kit.js'
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
