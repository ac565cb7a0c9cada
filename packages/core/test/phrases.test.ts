import { describe, it, expect } from 'vitest'
import { buildDocument } from '../src/document.js'
import { findPhrases, parseEntries } from '../src/phrases.js'

const found = (text: string, lines: string[]) => {
  const block = buildDocument(text, { format: 'text' }).blocks[0]
  return findPhrases(block, parseEntries(lines, 20)).map((h) => [h.entry.text, text.slice(h.index, h.index + h.length)])
}

describe('findPhrases', () => {
  it('finds gap entries only where their first part is spelled, and literal entries on word boundaries', () => {
    const lines = ['在……领导下', '众所周知']
    expect(found('众所周知，全县在县委的坚强领导下开展工作。', lines)).toEqual([
      ['众所周知', '众所周知'],
      ['在……领导下', '在县委的坚强领导下'],
    ])
    expect(found('全县按照县委的部署开展工作。', lines)).toEqual([])
  })

  it('searches every paragraph for an entry that starts with its gap', () => {
    expect(found('全县在县委的坚强领导下开展工作。', ['……领导下', '众所周知'])).toEqual([['……领导下', '在县委的坚强领导下']])
  })
})
