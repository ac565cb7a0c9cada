/**
 * Finding listed wrong forms on jieba word boundaries.
 *
 * A wrong form must start and end on a token boundary, so that it is never found inside a
 * longer correct word (`全生` in `安全生产`). Misspellings are rarely in jieba's dictionary,
 * though, and its HMM then glues them to a neighbouring character (`要峻工` → `要峻/工`, or one
 * unknown word `有险竣`). A boundary inside such an unknown word (tag `x`, Han characters) is
 * therefore soft: the wrong form may start or end there. Boundaries inside a dictionary word
 * stay hard.
 */
import type { Block, Token } from '../../packages/core/src/types.js'

export interface WrongForms {
  /** wrong → right */
  pairs: Map<string, string>
  /** Forms by first code unit, longest first: `byFirst[firstCodes[code] - 1]`. */
  byFirst: string[][]
  /**
   * The second code unit of each form in byFirst, index for index (-1 for a one-character
   * form): compared before the form is, since few positions that start a form go on with it.
   */
  seconds: Int32Array[]
  /** Phrases inside which a wrong form is correct usage, by the wrong forms they contain. */
  exceptions: Map<string, string[]>
  /**
   * At each UTF-16 code, 1 + the index in byFirst of the forms starting with it, else 0: a
   * character is looked up by number (`text[i]` would make a string of each Han character).
   */
  firstCodes: Uint16Array
}

export interface WrongHit {
  wrong: string
  right: string
  /** Prose indices [index, index + wrong.length) in the block. */
  index: number
  /** Tokens before and after the hit (undefined at the block edges). */
  before?: Token
  after?: Token
}

export function compileForms(pairs: Map<string, string>, exceptions: string[]): WrongForms {
  const firstCodes = new Uint16Array(0x10000)
  const byFirst: string[][] = []
  for (const wrong of pairs.keys()) {
    if (!wrong) continue
    const code = wrong.charCodeAt(0)
    if (!firstCodes[code]) firstCodes[code] = byFirst.push([])
    byFirst[firstCodes[code] - 1].push(wrong)
  }
  for (const list of byFirst) list.sort((a, b) => b.length - a.length)
  const seconds = byFirst.map((list) => Int32Array.from(list, (w) => (w.length > 1 ? w.charCodeAt(1) : -1)))
  // The listed wrong forms spelled inside each exception phrase: its substrings looked up, not
  // every form searched for in every phrase (700 × 50 searches at each start-up).
  const byWrong = new Map<string, string[]>()
  for (const phrase of exceptions) {
    const inside = new Set<string>()
    for (let i = 0; i < phrase.length; i++)
      for (let j = i + 1; j <= phrase.length; j++) if (pairs.has(phrase.slice(i, j))) inside.add(phrase.slice(i, j))
    for (const wrong of inside) {
      const list = byWrong.get(wrong)
      if (list) list.push(phrase)
      else byWrong.set(wrong, [phrase])
    }
  }
  return { pairs, byFirst, seconds, exceptions: byWrong, firstCodes }
}

const isSoft = (t: Token | undefined): boolean => t !== undefined && t.pos === 'x' && /\p{Script=Han}/u.test(t.text)

/** Whether the text around [index, index + wrong.length) spells one of the exception phrases. */
function excepted(text: string, index: number, wrong: string, phrases: string[] | undefined): boolean {
  for (const phrase of phrases ?? []) {
    for (let k = phrase.indexOf(wrong); k >= 0; k = phrase.indexOf(wrong, k + 1)) {
      if (index - k >= 0 && text.startsWith(phrase, index - k)) return true
    }
  }
  return false
}

export function findWrongForms(block: Block, forms: WrongForms): WrongHit[] {
  const { text } = block
  // The token covering each prose index (-1: none), built the first time a listed form is
  // spelled out: most paragraphs hold none and never segment or index for this rule.
  let tokens: Token[] = []
  let cover: Int32Array | undefined
  const tokenAt = (k: number): number | undefined => {
    if (!cover) {
      tokens = block.tokens
      cover = new Int32Array(text.length).fill(-1)
      tokens.forEach((t, n) => cover!.fill(n, t.index, t.index + t.text.length))
    }
    return cover[k] < 0 ? undefined : cover[k]
  }
  const hits: WrongHit[] = []
  for (let i = 0; i < text.length; i++) {
    const at = forms.firstCodes[text.charCodeAt(i)]
    if (!at) continue
    const list = forms.byFirst[at - 1]
    const seconds = forms.seconds[at - 1]
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -2
    for (let n = 0; n < list.length; n++) {
      const second = seconds[n]
      if (second !== next && second !== -1) continue
      const wrong = list[n]
      if (!text.startsWith(wrong, i)) continue
      const j = i + wrong.length
      const first = tokenAt(i)
      const last = tokenAt(j - 1)
      if (first === undefined || last === undefined) continue
      const startOk = tokens[first].index === i || isSoft(tokens[first])
      const endOk = tokens[last].index + tokens[last].text.length === j || isSoft(tokens[last])
      if (!startOk || !endOk || excepted(text, i, wrong, forms.exceptions.get(wrong))) continue
      const before = tokens[first].index === i ? tokens[first - 1] : undefined
      const after = tokens[last].index + tokens[last].text.length === j ? tokens[last + 1] : undefined
      hits.push({ wrong, right: forms.pairs.get(wrong)!, index: i, before, after })
      i = j - 1
      break
    }
  }
  return hits
}
