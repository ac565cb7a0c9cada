import { describe, it, expect } from 'vitest'
import { buildDocument } from '../../packages/core/src/document.js'
import { parseWordList } from '../../packages/core/src/kit.js'
import { DEGREE, DETERMINERS, PREPOSITIONS, hitsIn, mayHit } from './index.js'
import pureList from './pure-adverbs.txt'
import mannerList from './manner.txt'
import complementList from './complements.txt'
import bareList from './bare-complements.txt'

// The rule segments a sentence only when mayHit says its characters allow a hit. Sentences made
// of the words the rule looks at (its lists, degree words, 了/着, determiners, prepositions, verbs,
// nouns, adjectives, punctuation), segmented by jieba: every sentence with a hit must pass mayHit.
const WORDS = [
  ...parseWordList(pureList),
  ...parseWordList(mannerList),
  ...parseWordList(complementList),
  ...parseWordList(bareList),
  ...['很', '非常', '不够', '比较', '更加', '越来越', '十分', '太', '较'],
  ...['了', '着', '过', '各项', '这些', '我们', '群众', '为', '对', '把', '向', '从', '与'],
  ...['落实', '推进', '完成', '研究', '解决', '开展', '整改', '处理', '发展', '工作', '问题', '企业', '任务', '建议'],
  ...['认真', '积极', '明显', '重要', '新', '好', '快', '高', '大力', '主要', '多', '更'],
  ...['，', '。', ' ', '“', '”'],
]

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function sentences(count: number, seed: number): string[] {
  const next = random(seed)
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]
  const out: string[] = []
  for (let n = 0; n < count; n++) {
    let s = ''
    const len = 2 + Math.floor(next() * 7)
    for (let k = 0; k < len; k++) s += (next() < 0.35 ? '的' : '') + pick()
    out.push(s + '。')
  }
  return out
}

describe('de-di-de: the character test before segmenting', () => {
  it('passes every sentence that has a hit', () => {
    const pure = new Set(parseWordList(pureList))
    let hits = 0
    let skipped = 0
    const missed: string[] = []
    // One paragraph per 200 sentences: a paragraph is segmented as a whole, as in a draft.
    const all = sentences(12_000, 20261202)
    for (let p = 0; p < all.length; p += 200) {
      const doc = buildDocument(all.slice(p, p + 200).join(''), { format: 'text' })
      for (const s of doc.blocks.flatMap((b) => b.sentences)) {
        const found = hitsIn(s.tokens, pure).length
        const may = mayHit(s.text, pure)
        hits += found
        if (!may) skipped++
        if (found && !may) missed.push(s.text)
      }
    }
    expect(missed).toEqual([])
    // The generator makes both kinds: sentences with hits, and sentences the test lets through unsegmented.
    expect(hits).toBeGreaterThan(300)
    expect(skipped).toBeGreaterThan(1000)
  })

  it('answers as its definition does, checked 的 by 的', () => {
    // The definition, quadratic on a run of 的, with the rule's own lists; mayHit gives the same
    // answers in linear time.
    const bare = parseWordList(bareList)
    const definition = (text: string, pure: Set<string>): boolean => {
      for (let j = text.indexOf('的'); j >= 0; j = text.indexOf('的', j + 1)) {
        const after = text.slice(j + 1)
        if (!after) break
        if (PREPOSITIONS.has(after[0]) || [...DEGREE, ...bare].some((w) => after.startsWith(w))) return true
        if ([...pure].some((w) => text.slice(0, j).endsWith(w))) return true
        if (/[了着]/.test(after) || [...DETERMINERS].some((d) => after.includes(d))) return true
      }
      return false
    }
    const pure = new Set(parseWordList(pureList))
    let yes = 0
    for (const text of [...sentences(20_000, 7), '的', '的的', '很的', '的很', '尽快的', '的的的的了']) {
      expect([text, mayHit(text, pure)]).toEqual([text, definition(text, pure)])
      if (definition(text, pure)) yes++
    }
    expect(yes).toBeGreaterThan(2000)
  })

  it('takes words added through the options into account', () => {
    const pure = new Set(['抓紧'])
    const doc = buildDocument('各单位抓紧的完成整改。', { format: 'text' })
    const [s] = doc.blocks[0].sentences
    expect(hitsIn(s.tokens, pure).length).toBe(1)
    expect(mayHit(s.text, pure)).toBe(true)
    expect(mayHit(s.text, new Set())).toBe(false)
  })
})
