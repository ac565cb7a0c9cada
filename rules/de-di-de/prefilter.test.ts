import { describe, it, expect } from 'vitest'
import { buildDocument } from '../../packages/core/src/document.js'
import { parseWordList } from '../../packages/core/src/kit.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { DEGREE, DETERMINERS, PREPOSITIONS, VERBAL_WORD_MAX, hitsIn, mayHit, verbalReach } from './index.js'
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
        // A verb of 1 to `reach` characters, then 了, 着 or a determiner.
        const reach = verbalReach()
        for (let r = 1; r <= reach && r < after.length; r++)
          if (/[了着]/.test(after[r]) || [...DETERMINERS].some((d) => after.startsWith(d, r))) return true
      }
      return false
    }
    const pure = new Set(parseWordList(pureList))
    let yes = 0
    const far = ['认真的研究了', '认真的一二三四五六了', '认真的一二三四五六七了', '扎实的推进各项', '扎实的一二三四五六各项', '扎实的一二三四五六七各项']
    for (const text of [...sentences(20_000, 7), '的', '的的', '很的', '的很', '尽快的', '的的的的了', ...far]) {
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

  it('knows the longest verb in jieba\'s dictionary', () => {
    // A token tagged as a verb or adjective is a dictionary word (jieba tags other words x, m or
    // eng), so mayHit looks that far past 的 for 了, 着 or a determiner.
    const require = createRequire(import.meta.url)
    const dict = readFileSync(join(dirname(require.resolve('@node-rs/jieba')), 'dict.txt'), 'utf8')
    let longest = 0
    for (const line of dict.split('\n')) {
      const [word, , tag] = line.trim().split(/\s+/)
      if (tag && /^(v[din]?|a)$/.test(tag)) longest = Math.max(longest, word.length)
    }
    expect(longest).toBe(VERBAL_WORD_MAX)
    expect(verbalReach()).toBe(VERBAL_WORD_MAX)
  })

  // Last in this file: the word stays in the dictionary.
  it('reaches further when the user adds a longer verb', () => {
    const text = '各单位认真的全面深入推进落实了整改。'
    const pure = new Set(parseWordList(pureList))
    expect(mayHit(text, pure)).toBe(false)
    const doc = buildDocument(text, { format: 'text', dictionary: ['全面深入推进落实 100000 v'] })
    const [s] = doc.blocks[0].sentences
    expect(s.tokens.map((t) => t.text)).toContain('全面深入推进落实')
    expect(hitsIn(s.tokens, pure).length).toBe(1)
    expect(verbalReach()).toBe(8)
    expect(mayHit(text, pure)).toBe(true)
  })
})
