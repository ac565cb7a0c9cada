// The benchmark corpus, generated from the project's own fixture drafts (fixtures/*/*.md|txt):
// a unit of every draft as Markdown, repeated to about 30,000 characters (×1) and 30 times
// that (×30), in one file and in 30 files. Two versions:
//   repeated: the same paragraphs over and over (what caches keyed by paragraph love);
//   varied:   each copy's sentences shuffled and its digits rotated, so no paragraph repeats.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const DIRS = ['good', 'bad', 'demo', 'cli']
const TARGET = 30000
export const COPIES = 30

/** Every fixture draft as Markdown (a .txt draft's first line becomes the `#` headline). */
export function fixtureDrafts(root) {
  const drafts = []
  for (const d of DIRS) {
    const dir = join(root, 'fixtures', d)
    if (!existsSync(dir)) continue
    for (const f of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n')
      if (f.endsWith('.md')) drafts.push(text.trim())
      else if (f.endsWith('.txt')) {
        const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
        if (lines.length) drafts.push([`# ${lines[0]}`, ...lines.slice(1)].join('\n\n'))
      }
    }
  }
  return drafts
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SENTENCE_RE = /[^。！？；]+[。！？；]*[”’」』）)]*/g

/** One copy of a paragraph, made different: sentences shuffled, digits rotated by `k`. */
function vary(paragraph, k, random) {
  if (/^(#|```|<!--|>|[-*+] |\d+[.)] |\|)/.test(paragraph)) return paragraph.replace(/\d/g, (d) => String((Number(d) + k) % 10))
  const sentences = paragraph.match(SENTENCE_RE) ?? [paragraph]
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[sentences[i], sentences[j]] = [sentences[j], sentences[i]]
  }
  return sentences.join('').replace(/\d/g, (d) => String((Number(d) + k) % 10))
}

/** The ×1 text made of `copies` copies of the unit; `varied` makes every paragraph unique. */
function build(unitParagraphs, copies, varied, firstCopy, seen) {
  const out = []
  for (let c = 0; c < copies; c++) {
    const k = firstCopy + c
    const random = rng(1000 + k)
    for (const p of unitParagraphs) {
      let q = varied ? vary(p, k, random) : p
      if (varied && !p.startsWith('```') && !p.startsWith('<!--')) {
        // Still the same as an earlier paragraph (one sentence, no digits): number it.
        for (let n = 1; seen.has(q); n++) q = q.replace(/([。！？；]?)$/, `${k}${n > 1 ? `-${n}` : ''}$1`)
        seen.add(q)
      }
      out.push(q)
    }
  }
  return out.join('\n\n') + '\n'
}

/**
 * Write the corpus under `dir` and describe it:
 *   {repeated,varied}.x1.md, {repeated,varied}.x30.md, {repeated,varied}-files/NN.md
 */
export function writeCorpus(root, dir) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const drafts = fixtureDrafts(root)
  const unit = drafts.join('\n\n')
  const paragraphs = unit.split(/\n[ \t]*\n/)
  const copies = Math.max(1, Math.round(TARGET / (unit.length + 2)))
  const info = { drafts: drafts.length, unitChars: unit.length, copiesPerX1: copies, files: {} }
  for (const kind of ['repeated', 'varied']) {
    const seen = new Set()
    const parts = []
    for (let i = 0; i < COPIES; i++) parts.push(build(paragraphs, copies, kind === 'varied', i * copies, seen))
    const x1 = parts[0]
    const x30 = kind === 'varied' ? parts.join('\n') : x1.repeat(COPIES)
    const filesDir = join(dir, `${kind}-files`)
    mkdirSync(filesDir)
    for (let i = 0; i < COPIES; i++) writeFileSync(join(filesDir, `${String(i + 1).padStart(2, '0')}.md`), kind === 'varied' ? parts[i] : x1)
    writeFileSync(join(dir, `${kind}.x1.md`), x1)
    writeFileSync(join(dir, `${kind}.x30.md`), x30)
    const paras = x30.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean)
    info.files[kind] = {
      x1: join(dir, `${kind}.x1.md`),
      x30: join(dir, `${kind}.x30.md`),
      dir: filesDir,
      x1Chars: x1.length,
      x30Chars: x30.length,
      paragraphs: paras.length,
      uniqueParagraphs: new Set(paras).size,
    }
  }
  return info
}

/** Pathological drafts: a 2 MB line without punctuation and a 2 MB run of one character. */
export function writePathological(dir) {
  const bytes = 2 * 1024 * 1024
  const chars = Math.floor(bytes / 3) // Han characters take three bytes in UTF-8
  const words = '县农业农村局组织技术人员深入乡镇开展秋播技术指导今年全县秋播面积比去年增加三千亩小麦和油菜是主要品种'
  const line = words.repeat(Math.ceil(chars / words.length)).slice(0, chars)
  const files = {
    noPunctuation: join(dir, 'pathological-line.md'),
    oneChar: join(dir, 'pathological-run.md'),
  }
  writeFileSync(files.noPunctuation, `# 超长无标点段落\n\n${line}\n`)
  writeFileSync(files.oneChar, `# 单字重复\n\n${'的'.repeat(chars)}\n`)
  return files
}
