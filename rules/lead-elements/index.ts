import type { Block, Rule, Token } from '../../packages/core/src/types.js'
import { allMatches, compileGapPattern, matchPhrases, mergeList, parseWordList } from '../../packages/core/src/kit.js'
import timeList from './time.txt'
import placeList from './places.txt'
import subjectList from './subjects.txt'
import suffixList from './org-suffixes.txt'
import purposeList from './purpose.txt'
import methodList from './method.txt'

export type LeadElementKey = 'time' | 'place' | 'subject' | 'event' | 'purpose' | 'method'
/** What was found, with source offsets. */
export interface Evidence {
  text: string
  start: number
  end: number
}
export type LeadElements = Record<LeadElementKey, Evidence | null>

export interface Options {
  /** Elements whose absence is a finding (one diagnostic naming all of them). */
  required: LeadElementKey[]
  /** Elements whose absence is an info hint. */
  hints: LeadElementKey[]
  /** Extra entries for the word lists (added to the built-in ones). */
  timeWords: string[]
  placeWords: string[]
  subjectWords: string[]
  orgSuffixes: string[]
  purposeWords: string[]
  methodWords: string[]
  /** Entries removed from every list (and jieba `t` words not to count as time). */
  ignore: string[]
}

const KEYS: LeadElementKey[] = ['time', 'place', 'subject', 'event', 'purpose', 'method']
const NAMES: Record<LeadElementKey, string> = { time: '时间', place: '地点', subject: '主体', event: '事件', purpose: '目的', method: '方式' }
const QUESTIONS: Record<LeadElementKey, string> = { time: '何时', place: '何地', subject: '何人', event: '何事', purpose: '为何', method: '如何' }

const defaultOptions: Options = {
  required: ['time', 'subject', 'event'],
  hints: [],
  timeWords: [],
  placeWords: [],
  subjectWords: [],
  orgSuffixes: [],
  purposeWords: [],
  methodWords: [],
  ignore: [],
}

const BASE = {
  time: parseWordList(timeList),
  place: parseWordList(placeList),
  subject: parseWordList(subjectList),
  suffix: parseWordList(suffixList),
  purpose: parseWordList(purposeList),
  method: parseWordList(methodList),
}

// ---------------------------------------------------------------------------------------------
// Word lists: plain words (matched on token boundaries), `……X` suffixes (X right after a word:
// 春节期间, 入汛以来) and gap patterns (以……为抓手, matched within a clause).

interface Markers {
  plain: string[]
  suffixes: string[]
  gaps: RegExp[]
}

interface Lists {
  time: Markers
  placeWords: Set<string>
  placeEnds: string[]
  subjects: Set<string>
  suffixes: string[]
  purpose: Markers
  method: Markers
  ignore: Set<string>
}

const GAP = /…+|\.{3,}/

function markers(entries: string[]): Markers {
  const out: Markers = { plain: [], suffixes: [], gaps: [] }
  for (const e of entries) {
    const head = /^(?:…+|\.{3,})/.exec(e)
    if (head && !GAP.test(e.slice(head[0].length))) out.suffixes.push(e.slice(head[0].length))
    else if (GAP.test(e)) out.gaps.push(compileGapPattern(e, 20))
    else out.plain.push(e)
  }
  return out
}

const listCache = new Map<string, Lists>()

function lists(o: Options): Lists {
  const key = JSON.stringify([o.timeWords, o.placeWords, o.subjectWords, o.orgSuffixes, o.purposeWords, o.methodWords, o.ignore])
  let l = listCache.get(key)
  if (!l) {
    const m = (base: string[], extra: string[]) => mergeList(base, extra, o.ignore)
    const place = m(BASE.place, o.placeWords)
    l = {
      time: markers(m(BASE.time, o.timeWords)),
      placeWords: new Set(place.filter((w) => w.length > 1)),
      placeEnds: place,
      subjects: new Set(m(BASE.subject, o.subjectWords)),
      suffixes: m(BASE.suffix, o.orgSuffixes),
      purpose: markers(m(BASE.purpose, o.purposeWords)),
      method: markers(m(BASE.method, o.methodWords)),
      ignore: new Set(o.ignore),
    }
    if (listCache.size > 50) listCache.clear()
    listCache.set(key, l)
  }
  return l
}

// ---------------------------------------------------------------------------------------------
// Token classes.

const PUNCT = /^[\p{P}\p{S}\s]+$/u
const isPunct = (t: Token) => t.pos !== 'code' && PUNCT.test(t.text)
const NOMINAL = new Set(['r', 'j', 'b', 'm', 'q', 'mq', 'zg', 's', 'a', 'an', 'vn', 'eng', 'code', 'x', 'nrt', 'nrfg'])
const isNominal = (t: Token) => !isPunct(t) && (t.pos.startsWith('n') || NOMINAL.has(t.pos))
const isPredicate = (t: Token) => t.pos.startsWith('v') || t.pos === 'i' || t.pos === 'l' || t.pos === 'z'
// nz (other proper nouns) counts only at the head of a noun phrase: jieba gives it to 迅速行动, 印发.
const PROPER = new Set(['nt', 'ns', 'nr', 'nrt', 'nrfg'])
const JOINERS = new Set(['、', '和', '与', '及', '以及'])
/** Prepositions after which a noun phrase is a place, not an actor. */
const LOCATIVE = new Set(['在', '于', '从', '自', '到', '对', '向', '经', '往'])
/** Words before which a noun phrase is a place: 在城南客运站, 赴城南新区, 深入田间. */
const TO_PLACE = new Set(['在', '于', '赴', '到', '来到', '前往', '深入', '走进'])
/** Words that join a date that follows: 截至6月底, 自3月起. */
const TIME_PREFIX = new Set(['截至', '截止', '截止到', '自', '从'])
const TRIM = /[\s，,；;：:。！？!?…、]/
const CLAUSE_END = /[，,；;：:。！？!?…\n]/
const SENTENCE_END = /[。！？!?…\n]/

const D = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}'
const Y = '[0-9０-９]{4}|[〇零一二三四五六七八九]{4}'
const RANGE = `(?:(?:${D})\\s*[—–\\-~～至到]\\s*)?`
const DATE_RE = new RegExp(
  `(?:(?:${Y})\\s*年(?:\\s*${RANGE}(?:${D})\\s*月)?|${RANGE}(?:${D})\\s*月)(?:\\s*(?:${D})\\s*[日号](?:\\s*[—–\\-~～至到]\\s*(?:${D})\\s*[日号])?)?(?:份|初|底|末|上旬|中旬|下旬)?|(?<![0-9０-９])[0-9０-９]{1,2}\\s*日|(?:本|上|下|这)?(?:周|星期)[一二三四五六日天]`,
  'g',
)

interface Clause {
  s: number
  e: number
  tokens: Token[]
  /** Last clause before a sentence end. */
  last: boolean
}

type Span = [number, number]

function clauses(lead: Block): Clause[] {
  const out: Clause[] = []
  const text = lead.text
  let s = 0
  for (let e = 0; e <= text.length; e++) {
    if (e < text.length && !CLAUSE_END.test(text[e])) continue
    if (e > s) out.push({ s, e, tokens: lead.tokens.filter((t) => t.index >= s && t.index < e), last: e === text.length || SENTENCE_END.test(text[e]) })
    s = e + 1
  }
  return out
}

// ---------------------------------------------------------------------------------------------

function findMarkers(lead: Block, cls: Clause[], mk: Markers, isMarker?: (t: Token, next?: Token) => boolean): Span | null {
  const toks = lead.tokens
  const spans: Span[] = []
  const clauseEnd = (i: number) => cls.find((c) => c.s <= i && i < c.e)?.e ?? lead.text.length
  const afterVerb = (k: number) => k > 0 && !isPunct(toks[k - 1]) && (toks[k - 1].pos.startsWith('v') || toks[k - 1].pos === 'ad')
  for (const m of matchPhrases(toks, mk.plain)) if (!afterVerb(m.first)) spans.push([toks[m.first].index, clauseEnd(toks[m.first].index)])
  if (isMarker) toks.forEach((t, k) => isMarker(t, toks[k + 1]) && !afterVerb(k) && spans.push([t.index, clauseEnd(t.index)]))
  for (const c of cls)
    for (const re of mk.gaps)
      for (const m of allMatches(lead.text.slice(c.s, c.e), re)) spans.push([c.s + m.index!, c.e])
  return earliest(spans)
}

/** Overlapping or adjacent spans joined: 2024年4月18日 + 上午, 4月份 + 月份以来. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = []
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

function earliest(spans: Span[]): Span | null {
  return [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1])[0] ?? null
}

/** Time spans: dates, jieba `t` words, listed words, and words before a `……以来` suffix (soft). */
function findTimes(lead: Block, l: Lists): { spans: Span[]; strong: Span[] } {
  const toks = lead.tokens
  const hard: Span[] = []
  for (const m of allMatches(lead.text, DATE_RE)) hard.push([m.index!, m.index! + m[0].length])
  for (const m of matchPhrases(toks, l.time.plain)) hard.push([toks[m.first].index, toks[m.last].index + toks[m.last].text.length])
  const strong = hard.map(([s, e]): Span => [s, e])
  for (const t of toks) if (t.pos === 't' && !l.ignore.has(t.text)) hard.push([t.index, t.index + t.text.length])
  // 截至6月底: the preposition belongs to the time.
  for (const span of hard) {
    const k = toks.findIndex((t) => t.index + t.text.length === span[0])
    if (k >= 0 && TIME_PREFIX.has(toks[k].text)) span[0] = toks[k].index
  }
  const soft: Span[] = []
  for (const m of matchPhrases(toks, l.time.suffixes)) {
    let k = m.first - 1
    if (k < 0 || (isPunct(toks[k]) && toks[k].text !== '”' && toks[k].text !== '’')) continue
    if (isPunct(toks[k])) while (k > 0 && toks[k].text !== '“' && toks[k].text !== '‘') k--
    soft.push([toks[k].index, toks[m.last].index + toks[m.last].text.length])
  }
  // A word that itself ends with a suffix: 春节前夕, 开学以来.
  for (const t of toks) if (l.time.suffixes.some((x) => t.text.length > x.length && t.text.endsWith(x))) soft.push([t.index, t.index + t.text.length])
  return { spans: [...hard, ...soft], strong: [...strong, ...soft] }
}

/**
 * Tokens that can be (part of) the actor: proper names, listed words, and words ending like an
 * organisation (not a measure word after a number: 56处, 3个站).
 */
function candidates(lead: Block, l: Lists): (t: Token) => boolean {
  const toks = lead.tokens
  const set = new Set<Token>()
  for (const m of matchPhrases(toks, l.subjects)) for (let k = m.first; k <= m.last; k++) set.add(toks[k])
  toks.forEach((t, k) => {
    if (PROPER.has(t.pos)) set.add(t)
    else if (isNominal(t) && !['m', 'q', 'mq'].includes(t.pos) && !(t.text.length === 1 && k > 0 && /^[mq]/.test(toks[k - 1].pos)))
      if (l.suffixes.some((s) => t.text.endsWith(s) && (s.length > 1 || t.pos !== 'b'))) set.add(t)
  })
  return (t) => set.has(t)
}

/** Subject and event of one clause, as token index ranges in the clause. */
function analyseClause(c: Clause, inTime: (t: Token) => boolean, isCandidate: (t: Token) => boolean): { subject?: [number, number]; event?: number } {
  const toks = c.tokens
  let k = 0
  while (k < toks.length && (inTime(toks[k]) || isPunct(toks[k]) || ['d', 'ad', 'c'].includes(toks[k].pos) || toks[k].pos.startsWith('u'))) k++
  if (k >= toks.length) return {}
  if (toks[k].pos === 'p' || toks[k].text.startsWith('据')) {
    // An adverbial clause (在……, 为……, 通过……). Only when no comma follows it can the actor and
    // the predicate be inside: 为保障春运安全市交通局开展检查。
    // 由市委宣传部主办……: the agent follows 由.
    let a = k + 1
    while (toks[k].text === '由' && a < toks.length && isCandidate(toks[a]) && !inTime(toks[a])) a++
    const agent: [number, number] | undefined = a > k + 1 ? [k + 1, a - 1] : undefined
    if (!c.last) return { subject: agent }
    const j = toks.findIndex((t, i) => i > k + 1 && isPredicate(t) && !inTime(t) && toks.slice(k + 1, i).some(isNominal))
    if (j < 0) return { subject: agent }
    let b = j
    while (b > k + 1 && isCandidate(toks[b - 1]) && !inTime(toks[b - 1])) b--
    return { event: j, subject: agent ?? (b < j && !LOCATIVE.has(toks[k].text) ? [b, j - 1] : undefined) }
  }
  // The head noun phrase; a verb inside an organisation name (城管执法大队) is kept when the
  // name ends right after it.
  const endsName = (n: number) => !!toks[n] && isCandidate(toks[n]) && (!toks[n + 1] || !isNominal(toks[n + 1]))
  let i = k
  while (i < toks.length) {
    const t = toks[i]
    // A clause that opens with a verbal noun is a predicate: 排查隐患56处.
    if (i === k && t.pos === 'vn' && !(toks[i + 1] && isCandidate(toks[i + 1]))) break
    if (inTime(t) || isNominal(t) || (i > k && JOINERS.has(t.text))) i++
    // A modifier with 的: 一场别开生面的消防演练, 由市委宣传部主办的读书节.
    else if (t.pos !== 'p' && toks[i + 1]?.text === '的' && toks[i + 2] && isNominal(toks[i + 2])) i += 2
    else if (i > k && isPredicate(t) && !isCandidate(toks[i - 1]) && endsName(i + 1)) i++
    else break
  }
  const cand = (n: number) => !inTime(toks[n]) && (isCandidate(toks[n]) || (n === k && toks[n].pos === 'nz'))
  const cands = toks.slice(k, i).flatMap((_, n) => (cand(k + n) ? [k + n] : []))
  if (!cands.length) {
    const j = toks.findIndex((t, n) => n >= k && isPredicate(t) && !inTime(t))
    return j >= 0 ? { event: j } : {}
  }
  // The subject ends at the last candidate followed by something that is neither part of a
  // name nor a time (the predicate): 市交通运输局 alone has no predicate.
  const rest = (from: number) => toks.findIndex((t, n) => n >= from && !isPunct(t) && !inTime(t) && !cand(n))
  const withRest = cands.filter((n) => rest(n + 1) >= 0)
  const end = withRest.length ? withRest[withRest.length - 1] : cands[cands.length - 1]
  // Something must follow: a predicate, or at least not a bare place phrase (市交通运输局在城南客运站).
  // jieba sometimes tags the verb as a noun (上线/n), so a noun counts.
  const r = toks.findIndex((t, n) => n > end && !isPunct(t) && !inTime(t))
  const predicate = toks.some((t, n) => n > end && !inTime(t) && (isPredicate(t) || t.pos === 'nz'))
  return { subject: [k, end], event: r >= 0 && (predicate || toks[r].pos !== 'p') ? r : undefined }
}

/** The six elements of a lead paragraph, each with the text that shows it (or null). */
export function detectLeadElements(lead: Block, options: Partial<Options> = {}): LeadElements {
  const o = { ...defaultOptions, ...options }
  const l = lists(o)
  const cls = clauses(lead)
  const toks = lead.tokens
  const { spans: times, strong } = findTimes(lead, l)
  const isCandidate = candidates(lead, l)
  // Whether a token overlaps a time span: a mask over the prose keeps this O(1) per token
  // however many times a long lead holds.
  const timeMask = new Uint8Array(lead.text.length + 1)
  for (const [s, e] of times) timeMask.fill(1, s, e)
  const inTime = (t: Token) => {
    for (let k = t.index; k < t.index + t.text.length; k++) if (timeMask[k]) return true
    return false
  }
  const ev = (span: Span | null): Evidence | null => {
    if (!span) return null
    let [s, e] = span
    while (e > s && TRIM.test(lead.text[e - 1])) e--
    const [start, end] = lead.range(s, e)
    return { text: lead.text.slice(s, e), start, end }
  }

  let subject: Span | null = null
  let event: Span | null = null
  for (const c of cls) {
    const r = analyseClause(c, inTime, isCandidate)
    const at = (n: number) => c.tokens[n].index
    if (!subject && r.subject) subject = [at(r.subject[0]), at(r.subject[1]) + c.tokens[r.subject[1]].text.length]
    if (!event && r.event !== undefined) event = [at(r.event), c.e]
    if (subject && event) break
  }

  // Place: a place name, a word such as 我市 or 辖区, or what follows 在/赴/到 when it ends like a place.
  const places: Span[] = []
  for (const t of toks) if (t.pos === 'ns' && !l.ignore.has(t.text)) places.push([t.index, t.index + t.text.length])
  for (const m of matchPhrases(toks, l.placeWords)) places.push([toks[m.first].index, toks[m.last].index + toks[m.last].text.length])
  toks.forEach((t, k) => {
    if (!TO_PLACE.has(t.text)) return
    let j = k + 1
    while (j < toks.length && isNominal(toks[j]) && !inTime(toks[j])) j++
    const last = toks[j - 1]
    if (j > k + 1 && l.placeEnds.some((p) => last.text.endsWith(p))) places.push([toks[k + 1].index, last.index + last.text.length])
  })

  const purposeFor = (t: Token, next?: Token) =>
    t.text === '为' && t.pos === 'p' && !!next && (next.pos.startsWith('v') || next.pos === 'd' || next.pos === 'ad') && next.pos !== 'vn'
  return {
    // Prefer a date or a listed word over a bare jieba `t` word (汛期 in a purpose clause).
    time: ev(merge(times).find(([s, e]) => strong.some(([a, b]) => a < e && b > s)) ?? merge(times)[0] ?? null),
    place: ev(earliest(places)),
    subject: ev(subject),
    event: ev(event),
    purpose: ev(findMarkers(lead, cls, l.purpose, purposeFor)),
    method: ev(findMarkers(lead, cls, l.method)),
  }
}

const keyList = { type: 'array' as const, items: { type: 'string' as const, enum: KEYS } }
const words = (description: string) => ({ type: 'array' as const, items: { type: 'string' as const }, description })

const rule: Rule<Options> = {
  meta: {
    id: 'lead-elements',
    type: 'suggestion',
    description: '导语应写明时间、主体和事件等要素',
    severity: 'warning',
    fixable: null,
    category: 'guide',
    guide: '导语有六个要素，即何时、何地、何事、何人、为何、如何。具体在写作过程中，也可以只写部分要素，要求好中挑好。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: { ...keyList, description: '缺少即提示的要素（time、place、subject、event、purpose、method）' },
        hints: { ...keyList, description: '缺少时仅作信息提示的要素' },
        timeWords: words('补充的时间词'),
        placeWords: words('补充的地点词或地名结尾'),
        subjectWords: words('补充的主体词'),
        orgSuffixes: words('补充的机构名、称谓结尾'),
        purposeWords: words('补充的目的标记'),
        methodWords: words('补充的方式标记'),
        ignore: words('从各词表中去掉的词'),
      },
    },
    defaultOptions,
    messages: {
      missingElements: '导语缺少要素：{missing}。请在第一段写明{questions}。',
      missingHints: '导语未写明{missing}，如有必要请在第一段补充（{questions}）。',
    },
  },
  check(doc, { options, report }) {
    const lead = doc.lead
    if (!lead || (lead.kind !== 'paragraph' && lead.kind !== 'blockquote') || !/\p{Script=Han}/u.test(lead.text)) return
    const first = lead.sentences[0]
    if (!first) return
    const found = detectLeadElements(lead, options)
    const required = KEYS.filter((k) => options.required.includes(k))
    const names = (keys: LeadElementKey[]) => ({ missing: keys.map((k) => NAMES[k]).join('、') })
    const questions = (keys: LeadElementKey[]) => keys.map((k) => QUESTIONS[k]).join('、')
    const missing = required.filter((k) => !found[k])
    if (missing.length) report({ messageId: 'missingElements', data: { ...names(missing), questions: questions(required) }, start: first.start, end: first.end })
    const hints = KEYS.filter((k) => options.hints.includes(k) && !required.includes(k) && !found[k])
    if (hints.length) report({ messageId: 'missingHints', data: { ...names(hints), questions: questions(hints) }, start: first.start, end: first.end, severity: 'info' })
  },
}

export default rule
