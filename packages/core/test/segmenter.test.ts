import { describe, it, expect } from 'vitest'
import { createRequire } from 'node:module'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WordTags, loadJiebaDict, normaliseDictLines } from '../src/segmenter.js'

// WordTags must give exactly what @node-rs/jieba's own `tag` gives, word for word and tag for
// tag: compare the two on one jieba instance (the domain dictionary loaded, as core does).
const require = createRequire(import.meta.url)
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
const dictPath = join(dirname(require.resolve('@node-rs/jieba')), 'dict.txt')
const dictText = readFileSync(dictPath, 'utf8')
const jieba = Jieba.withDict(Buffer.from(dictText))
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const domain = normaliseDictLines(readFileSync(join(root, 'packages/core/dict/zhengwu.txt'), 'utf8').split('\n'))
jieba.loadDict(Buffer.from(domain.join('\n') + '\n'))

const flat = (words: { word: string; tag: string }[]) => words.map((w) => `${w.word}/${w.tag}`).join(' ')

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('WordTags (cut, then each word tagged once)', () => {
  it('tags every fixture paragraph exactly as jieba does, with HMM on and off', () => {
    const tags = new WordTags(jieba)
    const files: string[] = []
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name))
        else if (/\.(md|txt)$/.test(e.name)) files.push(join(dir, e.name))
      }
    }
    walk(join(root, 'fixtures'))
    let paragraphs = 0
    for (const f of files)
      for (const p of readFileSync(f, 'utf8').split(/\n\s*\n/)) {
        if (!p.trim()) continue
        paragraphs++
        for (const hmm of [true, false]) expect(flat(tags.tag(p, hmm))).toBe(flat(jieba.tag(p, hmm)))
      }
    expect(paragraphs).toBeGreaterThan(20)
  })

  it('tags generated text exactly as jieba does: dictionary words, unknown words, digits, Latin, punctuation', () => {
    const words = dictText.split('\n').map((l) => l.split(' ')[0]).filter(Boolean)
    const extra = '，。、；：的地得了在是和与及aZ19 -_.%①（）“”《》\n\t零一二三四五六七八九十百千万年月日第次个我局处厅委办'
    const random = mulberry32(7)
    const pick = <T,>(xs: ArrayLike<T>) => xs[Math.floor(random() * xs.length)]
    const tags = new WordTags(jieba)
    const mismatches: string[] = []
    // A second WordTags on a jieba that counts the paragraphs sent to jieba's own `tag`.
    let current = ''
    let fellBack = 0
    const spy = new WordTags({
      cut: (t, h) => jieba.cut(t, h),
      tag: (t, h) => ((t === current && jieba.cut(t, h ?? true).length > 1 ? fellBack++ : 0), jieba.tag(t, h)),
    })
    for (let n = 0; n < 6000; n++) {
      let text = ''
      const len = 1 + Math.floor(random() * 24)
      for (let k = 0; k < len; k++) {
        const r = random()
        text += r < 0.6 ? pick(words) : r < 0.8 ? pick(extra) : String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000))
      }
      current = text
      for (const hmm of [true, false]) {
        const want = flat(jieba.tag(text, hmm))
        const { words: ws, tags: ts } = tags.tagWords(text, hmm)
        const parallel = flat(ws.map((word, i) => ({ word, tag: ts[i] })))
        if (flat(tags.tag(text, hmm)) !== want || flat(spy.tag(text, hmm)) !== want || parallel !== want) mismatches.push(text)
      }
    }
    expect(mismatches).toEqual([])
    // Most paragraphs are answered from the memo; some (a word jieba's HMM joins only in
    // context) are tagged by jieba whole, and then their words are known.
    expect(fellBack).toBeGreaterThan(10)
    expect(fellBack).toBeLessThan(1200)
  })

  it('keeps its memo under its word budget and stays exact when it starts again', () => {
    const tags = new WordTags(jieba, 40)
    // 30 paragraphs of 8 dictionary words each, with about 240 words in all, twice over.
    const words = dictText.split('\n').map((l) => l.split(' ')[0]).filter((w) => w.length > 1)
    const texts = Array.from({ length: 30 }, (_, i) => Array.from({ length: 8 }, (_, k) => words[(i * 8 + k) * 997]).join('，'))
    let most = 0
    for (let round = 0; round < 2; round++)
      for (const t of texts) {
        expect(flat(tags.tag(t, true))).toBe(flat(jieba.tag(t, true)))
        most = Math.max(most, tags.size)
      }
    expect(most).toBeLessThanOrEqual(40)
    expect(most).toBeGreaterThan(20)
  })

  it('forgets its memo when the dictionary changes', () => {
    const local = Jieba.withDict(Buffer.from(dictText))
    const tags = new WordTags(local)
    expect(flat(tags.tag('我局推进放管服改革', true))).toBe(flat(local.tag('我局推进放管服改革', true)))
    local.loadDict(Buffer.from('放管服 2000 nz\n我局 2000 nt\n'))
    tags.clear()
    expect(flat(tags.tag('我局推进放管服改革', true))).toBe('我局/nt 推进/v 放管服/nz 改革/vn')
  })
})

describe('loadJiebaDict (the dictionary handed to jieba in pieces)', () => {
  /** A stand-in for jieba's class that keeps what it is given. */
  const recorder = () => {
    const pieces: string[] = []
    const instance = { loadDict: (b: Uint8Array) => void pieces.push(Buffer.from(b).toString('utf8')) }
    const Fake = { withDict: (b: Uint8Array) => (pieces.push(Buffer.from(b).toString('utf8')), instance) }
    return { Fake: Fake as unknown as Parameters<typeof loadJiebaDict>[0], pieces }
  }

  it('hands over every byte once, in order, in pieces of whole lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ximo-dict-'))
    try {
      const cases = [
        '一 10 m\n二 20 m\n三 30 m\n',
        // no newline at the end, a line longer than the piece, an empty line, CRLF
        `甲 5 n\n${'长'.repeat(40)} 3 n\n\n乙 7 v\r\n丙 9 a`,
        '',
      ]
      for (const text of cases)
        for (const piece of [8, 16, 64, 1 << 20]) {
          const file = join(dir, 'dict.txt')
          writeFileSync(file, text)
          const { Fake, pieces } = recorder()
          loadJiebaDict(Fake, file, piece)
          expect(pieces.join('')).toBe(text)
          for (const p of pieces.slice(0, -1)) expect(p.endsWith('\n')).toBe(true)
          if (piece === 8 && text.length > 40) expect(pieces.length).toBeGreaterThan(3)
        }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives jieba the same dictionary as the whole file at once', () => {
    const whole = Jieba.withDict(Buffer.from(dictText))
    // Small pieces: about 80 of them, each a boundary where a line could be lost or split.
    const pieces = loadJiebaDict(Jieba, dictPath, 64 * 1024)
    const words = dictText.split('\n').map((l) => l.split(' ')[0]).filter(Boolean)
    // Every dictionary word on a line of its own: a word lost or split, or a frequency changed,
    // changes how its line is cut.
    const lines = words.join('\n')
    expect(pieces.cut(lines, true)).toEqual(whole.cut(lines, true))
    const sample = words.filter((_, i) => i % 40 === 0).join('，')
    expect(flat(pieces.tag(sample, true))).toBe(flat(whole.tag(sample, true)))
  })
})
