/**
 * Phrase lists shared by filler-phrase and ending-cliche: literal entries matched on jieba
 * token boundaries, gap entries (`在……领导下`) matched with a short gap that stays inside one
 * clause, an optional ` info` marker per entry, and quoted mentions (“在……领导下”) skipped.
 */
import type { Block, Severity } from './types.js'
import { compileGapPattern, containsAny, matchPhrases } from './kit.js'

export interface Entry {
  /** The entry as listed, ellipses normalised to `……`. */
  text: string
  /** 'info' for borderline entries (listed with a trailing ` info`). */
  severity?: Severity
  /** Literal parts around the gaps (one part: a literal entry). */
  parts: string[]
  re?: RegExp
}

export interface Hit {
  entry: Entry
  /** Prose indices in the block. */
  index: number
  length: number
  start: number
  end: number
}

const GAP_RE = /…+|\.{3,}/
const OPEN_QUOTES = '“‘「『"'
const CLOSE_QUOTES = '”’」』"'
// A gap never crosses a clause (no commas or colons; the pattern already stops at sentence
// ends) and never holds an ellipsis: “在……领导下” quotes the pattern, it does not use it.
const GAP_STOP = /[，,：:…]|\.{3}/
// 下 that starts a word of its own (下一步, 下午, 下属 …), so 领导下 is not 在……领导下.
const XIA_WORD = /^下[一午属级发游达设辖降滑调沉派拨放旬半步阶期乡去来面]/

/** Entries from list lines; `词 info` marks a borderline entry. */
export function parseEntries(lines: string[], maxGap: number): Entry[] {
  return lines.map((line) => {
    const m = /^(.*?)\s+info$/.exec(line)
    const text = (m ? m[1] : line).trim().replace(/…+|\.{3,}/g, '……')
    const parts = text.split(GAP_RE)
    return { text, severity: m ? 'info' : undefined, parts, re: parts.length > 1 ? compileGapPattern(text, maxGap) : undefined }
  })
}

/** Base entries plus `extra`, without those whose text is in `ignore`. */
export function mergeEntries(base: Entry[], extra: string[] | undefined, ignore: string[] | undefined, maxGap: number): Entry[] {
  const drop = new Set((ignore ?? []).map((w) => w.trim().replace(/…+|\.{3,}/g, '……')))
  const seen = new Set<string>()
  const out: Entry[] = []
  for (const e of [...parseEntries(extra ?? [], maxGap), ...base]) {
    if (drop.has(e.text) || seen.has(e.text)) continue
    seen.add(e.text)
    out.push(e)
  }
  return out
}

/** Whether prose [i, j) of `text` is a phrase in quotes on its own (“众所周知”): a mention, not a use. */
function isMention(text: string, i: number, j: number): boolean {
  return OPEN_QUOTES.includes(text[i - 1] ?? '') && CLOSE_QUOTES.includes(text[j] ?? '')
}

interface Prepared {
  literal: Map<string, Entry>
  keys: string[]
  gaps: Entry[]
  /**
   * The first literal part of each gap entry: a paragraph spelling none of them has no gap match.
   * Undefined when an entry starts with its gap (every paragraph is then searched).
   */
  gapFirsts?: string[]
  size: number
}

/** The gap entries of a paragraph that spells none of their first parts: shared, never written. */
const NO_ENTRIES: Entry[] = Object.freeze([]) as unknown as Entry[]

/** Entry lists are module-level (or cached per options): split each once into literals and gaps. */
const prepared = new WeakMap<Entry[], Prepared>()

function prepare(entries: Entry[]): Prepared {
  const hit = prepared.get(entries)
  if (hit && hit.size === entries.length) return hit
  const literal = new Map<string, Entry>()
  for (const e of entries) if (!e.re) literal.set(e.text, e)
  const gaps = entries.filter((e) => e.re)
  const p = { literal, keys: [...literal.keys()], gaps, gapFirsts: gaps.every((e) => e.parts[0]) ? gaps.map((e) => e.parts[0]) : undefined, size: entries.length }
  prepared.set(entries, p)
  return p
}

/** Every entry found in a block, overlaps dropped (the earlier, then the longer, wins). */
export function findPhrases(block: Block, entries: Entry[]): Hit[] {
  const text = block.text
  let bounds: { starts: Set<number>; ends: Set<number> } | undefined
  const tokenBounds = () => {
    if (!bounds) {
      bounds = { starts: new Set<number>(), ends: new Set<number>() }
      for (const t of block.tokens) {
        bounds.starts.add(t.index)
        bounds.ends.add(t.index + t.text.length)
      }
    }
    return bounds
  }
  const hits: Hit[] = []
  const { literal, keys, gaps, gapFirsts } = prepare(entries)
  // Most paragraphs hold no listed phrase at all: those are not segmented for this.
  if (containsAny(text, keys)) {
    for (const m of matchPhrases(block.tokens, keys)) {
      const index = block.tokens[m.first].index
      hits.push({ entry: literal.get(m.phrase)!, index, length: m.phrase.length, start: m.start, end: m.end })
    }
  }
  for (const e of !gapFirsts || containsAny(text, gapFirsts) ? gaps : NO_ENTRIES) {
    // A match starts with the first literal part.
    if (!text.includes(e.parts[0])) continue
    // The entry's own expression (global, from compileGapPattern): each search runs to its end,
    // where exec leaves lastIndex at 0 again.
    const re = e.re!
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) {
      const i = m.index
      const j = i + m[0].length
      const { starts, ends } = tokenBounds()
      if (gapFits(text, e.parts, i, j, starts, ends)) {
        const [start, end] = block.range(i, j)
        hits.push({ entry: e, index: i, length: j - i, start, end })
      } else re.lastIndex = i + 1
    }
  }
  hits.sort((a, b) => a.index - b.index || b.length - a.length || (a.entry.severity ? 1 : 0) - (b.entry.severity ? 1 : 0))
  const out: Hit[] = []
  for (const h of hits) {
    const last = out[out.length - 1]
    if (last && h.index < last.index + last.length) continue
    if (!h.entry.re && isMention(text, h.index, h.index + h.length)) continue
    out.push(h)
  }
  return out
}

/** The literal parts of a gap match sit on token boundaries and each gap stays in one clause. */
function gapFits(text: string, parts: string[], i: number, j: number, starts: Set<number>, ends: Set<number>): boolean {
  let at = i
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]
    const pos = k === 0 ? i : k === parts.length - 1 ? j - p.length : text.indexOf(p, at + 1)
    if (pos < at || (k > 0 && pos === at)) return false
    if (!starts.has(pos) || !ends.has(pos + p.length) || GAP_STOP.test(text.slice(at, pos))) return false
    at = pos + p.length
  }
  return !XIA_WORD.test(text.slice(j - 1, j + 1))
}
