// The floor of any Chinese rule engine, for the benchmark: read the files, cut them into
// paragraphs at blank lines and tag every paragraph with the segmenter Ximo uses (the same
// dictionaries, HMM on, tags got the same way), with no cache and no rules.
//
//   node bench/floor.mjs FILE|DIR...
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { Jieba } = require('@node-rs/jieba')
// dict.txt read as core reads it (loadJiebaDict in packages/core/src/segmenter.ts): not
// `@node-rs/jieba/dict`, which also reads idf.txt; handed to jieba in pieces of whole lines,
// which spares a 5 MB buffer (its lines are short). Any engine can load it so: the floor does too.
let jieba
{
  const fd = openSync(join(dirname(require.resolve('@node-rs/jieba')), 'dict.txt'), 'r')
  const buf = Buffer.allocUnsafe(512 * 1024)
  let held = 0
  for (let at = 0; ; ) {
    const n = readSync(fd, buf, held, buf.length - held, at)
    at += n
    held += n
    const end = n === 0 ? held : buf.lastIndexOf(10, held - 1) + 1
    if (end > 0) jieba ? jieba.loadDict(buf.subarray(0, end)) : (jieba = Jieba.withDict(buf.subarray(0, end)))
    if (n === 0) break
    buf.copy(buf, 0, end, held)
    held -= end
  }
  closeSync(fd)
}
// Ximo's domain dictionary, normalised to `word freq [tag]` as core does.
const domain = readFileSync(new URL('../packages/core/dict/zhengwu.txt', import.meta.url), 'utf8')
const lines = []
for (const raw of domain.split('\n')) {
  const parts = raw.replace(/#.*$/, '').trim().split(/\s+/).filter(Boolean)
  if (!parts.length) continue
  const [word, a, b] = parts
  lines.push(/^\d+$/.test(a ?? '') ? [word, a, b].filter(Boolean).join(' ') : [word, '2000', a].filter(Boolean).join(' '))
}
jieba.loadDict(Buffer.from(lines.join('\n') + '\n'))

const files = []
for (const arg of process.argv.slice(2)) {
  if (statSync(arg).isDirectory()) for (const f of readdirSync(arg).sort()) files.push(join(arg, f))
  else files.push(arg)
}
// Tags as core gets them (WordTags in packages/core/src/segmenter.ts): cut, and each word's tag
// from a memo, since jieba's tag for a word depends on the word alone; a paragraph with a word
// jieba will not tag on its own goes to jieba's `tag` whole. The same tags as `jieba.tag`.
const memo = new Map()
function tag(text) {
  const words = jieba.cut(text, true)
  const out = []
  for (const word of words) {
    let t = memo.get(word)
    if (t === undefined) {
      const alone = jieba.tag(word, true)
      if (alone.length !== 1 || alone[0].word !== word) {
        const all = jieba.tag(text, true)
        for (const w of all) memo.set(w.word, w.tag)
        return all
      }
      memo.set(word, (t = alone[0].tag))
    }
    out.push({ word, tag: t })
  }
  return out
}
let words = 0
for (const f of files) {
  for (const para of readFileSync(f, 'utf8').split(/\n[ \t]*\n/)) {
    const p = para.replace(/^#+[ \t]*/, '').trim()
    if (p) words += tag(p).length
  }
}
process.stdout.write(`${words}\n`)
