import { createRequire } from 'node:module'
import { closeSync, openSync, readSync } from 'node:fs'
import { dirname, join } from 'node:path'
import domainDict from '../dict/zhengwu.txt'

/** Words and their tags, index for index. */
export interface WordsAndTags {
  words: string[]
  tags: string[]
}

/** A word with its jieba part-of-speech tag. */
export interface TaggedWord {
  word: string
  tag: string
}

/**
 * The small interface every backend implements. `hmm` is always passed explicitly: with
 * HMM on, jieba joins unknown characters into words (place names, new terms).
 */
export interface Segmenter {
  readonly name: string
  cut(text: string, hmm: boolean): string[]
  tag(text: string, hmm: boolean): TaggedWord[]
  /** The same as `tag`, as two parallel arrays (no object per word); optional. */
  tagWords?(text: string, hmm: boolean): WordsAndTags
  /** Add words in jieba dictionary format: one `词 [词频] [词性]` a line. */
  addWords(lines: string[]): void
}

const require = createRequire(import.meta.url)

/** Normalise user dictionary lines to `word freq tag` (jieba wants a frequency before a tag). */
export function normaliseDictLines(lines: string[]): string[] {
  const out: string[] = []
  for (const raw of lines) {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) continue
    const parts = line.split(/\s+/)
    const word = parts[0]
    let freq = '2000'
    let tag = ''
    if (parts.length >= 2) {
      if (/^\d+$/.test(parts[1])) {
        freq = parts[1]
        tag = parts[2] ?? ''
      } else {
        tag = parts[1]
      }
    }
    out.push(tag ? `${word} ${freq} ${tag}` : `${word} ${freq}`)
  }
  return out
}

type NodeRsJiebaClass = typeof import('@node-rs/jieba').Jieba

/** How much of a dictionary file `loadJiebaDict` hands jieba at a time. */
const DICT_PIECE = 512 * 1024

/**
 * A jieba instance with the dictionary file `file`, handed over in pieces of whole lines: the
 * same dictionary as `Jieba.withDict(readFileSync(file))` (jieba adds a piece's words in order,
 * as it adds a file's lines, and sums the frequencies again after each piece), without a
 * buffer as large as the file. jieba's dict.txt is 5 MB: the fresh memory for it was a fifth of
 * the time jieba took to load (about 25 ms on the benchmark machine).
 */
export function loadJiebaDict(Jieba: NodeRsJiebaClass, file: string, piece = DICT_PIECE): InstanceType<NodeRsJiebaClass> {
  let jieba: InstanceType<NodeRsJiebaClass> | undefined
  const add = (lines: Uint8Array) => {
    if (jieba) jieba.loadDict(lines)
    else jieba = Jieba.withDict(lines)
  }
  const fd = openSync(file, 'r')
  try {
    let buf = Buffer.allocUnsafe(piece)
    let held = 0
    let at = 0
    for (;;) {
      if (held === buf.length) {
        // A line longer than the buffer: make room for it.
        const bigger = Buffer.allocUnsafe(buf.length * 2)
        buf.copy(bigger, 0, 0, held)
        buf = bigger
      }
      const n = readSync(fd, buf, held, buf.length - held, at)
      at += n
      held += n
      if (n === 0) {
        if (held > 0) add(buf.subarray(0, held))
        break
      }
      const end = buf.lastIndexOf(10, held - 1) + 1
      if (end === 0) continue
      add(buf.subarray(0, end))
      buf.copy(buf, 0, end, held)
      held -= end
    }
  } finally {
    closeSync(fd)
  }
  return jieba ?? Jieba.withDict(new Uint8Array(0))
}

function createNodeRsJieba(): Segmenter {
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
  // dict.txt read directly: `@node-rs/jieba/dict` also reads idf.txt (6 MB, keyword extraction
  // only), a fifth of the start-up time of a short lint.
  const jieba = loadJiebaDict(Jieba, join(dirname(require.resolve('@node-rs/jieba')), 'dict.txt'))
  const tags = new WordTags(jieba)
  return {
    name: 'jieba',
    cut: (text, hmm) => jieba.cut(text, hmm),
    tag: (text, hmm) => tags.tag(text, hmm),
    tagWords: (text, hmm) => tags.tagWords(text, hmm),
    addWords(lines) {
      const norm = normaliseDictLines(lines)
      if (norm.length) jieba.loadDict(Buffer.from(norm.join('\n') + '\n'))
      tags.clear()
    },
  }
}

type NodeRsJieba = Pick<InstanceType<typeof import('@node-rs/jieba').Jieba>, 'cut' | 'tag'>

/**
 * @node-rs/jieba's `tag` is its `cut` followed by a tag for each word that depends on the word
 * alone (its dictionary tag, else one guessed from its characters); but handing back an object
 * per word costs it three times what `cut` costs. So: cut, and take each word's tag from a memo.
 * A new word is tagged by jieba on its own; a word jieba does not keep whole on its own (one its
 * HMM joined only in context) sends the paragraph to jieba's `tag`, whose answer fills the memo.
 * The result is always exactly jieba's `tag` (segmenter.test.ts compares the two).
 */
export class WordTags {
  private memo = new Map<string, string>()

  /** `maxWords`: the memo starts again when it holds this many words (a long session's vocabulary). */
  constructor(
    private jieba: NodeRsJieba,
    private readonly maxWords = 100_000,
  ) {}

  /** Words in the memo. */
  get size(): number {
    return this.memo.size
  }

  tag(text: string, hmm: boolean): TaggedWord[] {
    const { words, tags } = this.tagWords(text, hmm)
    return words.map((word, i) => ({ word, tag: tags[i] }))
  }

  tagWords(text: string, hmm: boolean): WordsAndTags {
    const words = this.jieba.cut(text, hmm)
    const tags: string[] = new Array(words.length)
    for (let i = 0; i < words.length; i++) {
      const word = words[i]
      let tag = this.memo.get(word)
      if (tag === undefined) {
        const alone = this.jieba.tag(word, hmm)
        if (alone.length !== 1 || alone[0].word !== word) return this.learn(text, hmm)
        this.remember(word, (tag = alone[0].tag))
      }
      tags[i] = tag
    }
    return { words, tags }
  }

  /** Drop the memo (the dictionary changed). */
  clear(): void {
    this.memo.clear()
  }

  private learn(text: string, hmm: boolean): WordsAndTags {
    const tagged = this.jieba.tag(text, hmm) as TaggedWord[]
    const words: string[] = new Array(tagged.length)
    const tags: string[] = new Array(tagged.length)
    for (let i = 0; i < tagged.length; i++) {
      this.remember((words[i] = tagged[i].word), (tags[i] = tagged[i].tag))
    }
    return { words, tags }
  }

  private remember(word: string, tag: string): void {
    if (this.memo.size >= this.maxWords) this.memo.clear()
    this.memo.set(word, tag)
  }
}

interface NodeJiebaModule {
  load(opts?: Record<string, string>): void
  cut(text: string, hmm?: boolean): string[]
  tag(text: string): TaggedWord[]
  insertWord(word: string, tag?: string): boolean
}

function createNodeJieba(): Segmenter {
  let mod: NodeJiebaModule
  try {
    mod = require('nodejieba') as NodeJiebaModule
  } catch {
    throw new SegmenterUnavailableError(
      '配置了 segmenter: "nodejieba"，但未安装 nodejieba。请运行 npm install nodejieba @mapbox/node-pre-gyp，或改用默认的 "jieba"。',
    )
  }
  mod.load()
  return {
    name: 'nodejieba',
    cut: (text, hmm) => mod.cut(text, hmm),
    // nodejieba's tag() always runs with HMM on; it has no flag.
    tag: (text, hmm) => {
      if (!hmm) throw new Error('nodejieba 的词性标注不支持关闭 HMM')
      return mod.tag(text)
    },
    addWords(lines) {
      for (const line of normaliseDictLines(lines)) {
        const [word, , tag] = line.split(' ')
        mod.insertWord(word, tag)
      }
    },
  }
}

export class SegmenterUnavailableError extends Error {}

const instances = new Map<string, Segmenter>()
const addedWords = new Map<string, Set<string>>()
/** Tag → the longest word (UTF-16 units) added with it to any backend: the domain dictionary and users' words. */
const longestByTag = new Map<string, number>()
/** longestAddedWord's answers until a word is added: rules ask for every paragraph. */
const longestFor = new Map<RegExp, number>()

/** Add words to a backend, noting the longest word added with each tag. */
function addWords(seg: Segmenter, lines: string[]): void {
  for (const line of normaliseDictLines(lines)) {
    const [word, , tag] = line.split(' ')
    if (tag && word.length > (longestByTag.get(tag) ?? 0)) longestByTag.set(tag, word.length)
  }
  longestFor.clear()
  seg.addWords(lines)
}

/**
 * The longest word added, to any backend, with a tag `tags` matches (0 if none): a word's tag
 * comes from the dictionaries (jieba tags a word it does not know x, m or eng), so a rule that
 * looks for a tag knows how far such a word can reach from the base dictionary and this.
 */
export function longestAddedWord(tags: RegExp): number {
  let most = longestFor.get(tags)
  if (most === undefined) {
    most = 0
    for (const [tag, length] of longestByTag) if (length > most && tags.test(tag)) most = length
    longestFor.set(tags, most)
  }
  return most
}

/** Every backend is loaded once per process, with the domain dictionary. */
export function getSegmenter(name: 'jieba' | 'nodejieba' = 'jieba'): Segmenter {
  let seg = instances.get(name)
  if (!seg) {
    seg = name === 'nodejieba' ? createNodeJieba() : createNodeRsJieba()
    addWords(seg, domainDict.split('\n'))
    instances.set(name, seg)
    addedWords.set(name, new Set())
  }
  return seg
}

/**
 * Add user dictionary words to a backend once. Returns true when something new was added
 * (callers drop their segmentation caches then).
 */
export function addUserWords(name: 'jieba' | 'nodejieba', lines: string[]): boolean {
  const seg = getSegmenter(name)
  const seen = addedWords.get(name)!
  const fresh = normaliseDictLines(lines).filter((l) => !seen.has(l))
  if (!fresh.length) return false
  for (const l of fresh) seen.add(l)
  addWords(seg, fresh)
  return true
}

/** Register a backend (a browser build registers jieba-wasm here). */
export function registerSegmenter(name: 'jieba' | 'nodejieba', seg: Segmenter): void {
  addWords(seg, domainDict.split('\n'))
  instances.set(name, seg)
  addedWords.set(name, new Set())
}
