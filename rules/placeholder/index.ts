import type { Rule, Severity } from '../../packages/core/src/types.js'
import { allMatches, insideQuotes, mergeList, parseWordList, perOptions } from '../../packages/core/src/kit.js'
import surnameList from './surnames.txt'
import placeholderList from './placeholders.txt'

export interface Options {
  /** More literal placeholder texts to flag (待补充、【单位名称】). */
  extra: string[]
  /** Placeholder texts not to report (XX, 某某). */
  ignore: string[]
  /** Report an ellipsis standing where a name should be (开发……政务服务网). */
  ellipsis: boolean
}

const SURNAMES = parseWordList(surnameList).flatMap((l) => l.split(/\s+/))
const LITERALS = parseWordList(placeholderList)

// A run of Latin letters, digits and ×: a placeholder when its only letters are X/x (20XX, ××).
const RUN_RE = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ×✕]+/g
const MARK = /[XxＸｘ×✕]/g
const HAS_MARK = new RegExp(MARK.source)
// ○○ / 〇〇 / □□ / ＊＊ next to Han text (not inside a numeral: 二〇〇五年).
const SHAPE_RE = /[○〇◯]{2,}|□{2,}|＊{2,}/g
const NUMERAL = /[零〇○◯一二三四五六七八九十百千万两0-9０-９]/
const HAN = /\p{Script=Han}/u
// 某某 (张某某 is an anonymised name, not a blank).
const MOU_RE = /某{2,}/g
// Date parts and 号 that belong to the blank: 20XX年XX月XX日 is one blank.
const DATE_PART = /[年月日号时]/
// An office or a count after the blank: 江XX局, 提高XX个百分点 are blanks; 江XX may be a name.
const NOT_NAME_AFTER = /^[局厅委办处科站所院县市区镇乡村街路桥公司部署会校队组个人名家次件项条天年月日号时万千百亿元%％]/
const ELLIPSIS_RE = /…+|⋯+|\.{3,}|。{3,}/g
// What the expressions need, looked for first: most paragraphs have none of it, and an
// alternation is tried at every position.
const HAS_SHAPE = /[○〇◯□＊]/
const hasEllipsis = (text: string) => text.includes('…') || text.includes('⋯') || text.includes('...') || text.includes('。。。')
const OPENERS = '“‘「『《〈"'
const CLOSERS = /[”’」』》〉"]/
// An ellipsis before 等 / 之类 ends a list.
const LIST_END = /^(?:等|之类)/

interface Hit {
  start: number
  end: number
  messageId: 'unfilled' | 'maybeName' | 'ellipsis'
  severity?: Severity
}

function precededBySurname(text: string, i: number): boolean {
  return SURNAMES.some((s) => text.endsWith(s, i))
}

function blank(text: string, hits: Hit[], start: number, end: number): void {
  const severity = precededBySurname(text, start) && !NOT_NAME_AFTER.test(text.slice(end)) ? 'warning' : undefined
  // Take the date part after the blank (XX年), so that adjacent blanks merge.
  if (DATE_PART.test(text[end] ?? '')) end++
  hits.push({ start, end, messageId: severity ? 'maybeName' : 'unfilled', severity })
}

/** What findHits returns for a paragraph without a blank (most): shared, never written. */
const NO_HITS: Hit[] = Object.freeze([]) as unknown as Hit[]

/** `latins[n]`: literals[n] is a Latin word, found only where no letter adjoins it. */
function findHits(text: string, literals: string[], latins: boolean[], ignore: Set<string>, ellipsis: boolean): Hit[] {
  const hits: Hit[] = []
  // A run is a blank only with an X or × in it: most paragraphs have none, and their numbers
  // are not looked at one by one.
  if (HAS_MARK.test(text))
    for (const m of allMatches(text, RUN_RE)) {
      const run = m[0]
      const marks = run.match(MARK)?.length ?? 0
      if (!marks || /[A-WYZa-wyzＡ-ＷＹＺａ-ｗｙｚ]/.test(run)) continue
      const end = m.index + run.length
      const next = text[end] ?? ''
      // XX世纪 is a Roman numeral; a lone X (X光, 3×4) is a blank only before 年/月/日/号.
      if (/^[XＸ]+$/.test(run) && text.startsWith('世纪', end)) continue
      if (marks < 2 && !(run.length === 1 && DATE_PART.test(next))) continue
      if (marks < 2 && /^[×✕]$/.test(run) && NUMERAL.test(text[m.index - 1] ?? '')) continue
      blank(text, hits, m.index, end)
    }
  if (HAS_SHAPE.test(text))
    for (const m of allMatches(text, SHAPE_RE)) {
      const before = text[m.index - 1] ?? ''
      const after = text[m.index + m[0].length] ?? ''
      if (NUMERAL.test(before) || NUMERAL.test(after) || !(HAN.test(before) || HAN.test(after))) continue
      blank(text, hits, m.index, m.index + m[0].length)
    }
  if (text.includes('某某'))
    for (const m of allMatches(text, MOU_RE)) {
      if (precededBySurname(text, m.index)) continue
      hits.push({ start: m.index, end: m.index + m[0].length, messageId: 'maybeName', severity: 'warning' })
    }
  for (let n = 0; n < literals.length; n++) {
    const lit = literals[n]
    const latin = latins[n]
    for (let i = text.indexOf(lit); i >= 0; i = text.indexOf(lit, i + lit.length)) {
      if (latin && (/[A-Za-z]/.test(text[i - 1] ?? '') || /[A-Za-z]/.test(text[i + lit.length] ?? ''))) continue
      hits.push({ start: i, end: i + lit.length, messageId: 'unfilled' })
    }
  }
  if (ellipsis && hasEllipsis(text))
    for (const m of allMatches(text, ELLIPSIS_RE)) {
      const end = m.index + m[0].length
      const before = text[m.index - 1] ?? ''
      if (!HAN.test(text[end] ?? '') || LIST_END.test(text.slice(end))) continue
      if (OPENERS.includes(before) && before) {
        // “……云踏勘” / 《……办法》: a short quoted name that starts with the ellipsis. A quotation
        // after a colon (他说：“……”) is speech with an omission.
        const close = text.slice(end, end + 13).search(CLOSERS)
        if (close < 0 || /[。！？；，、：:]/.test(text.slice(end, end + close))) continue
        if (before !== '《' && /[：:]\s*$/.test(text.slice(0, m.index - 1))) continue
        hits.push({ start: m.index, end, messageId: 'ellipsis', severity: 'warning' })
      } else if (HAN.test(before) && !insideQuotes(text, m.index, end)) {
        // 开发……政务服务网: a gap between two words, outside a quotation.
        hits.push({ start: m.index, end, messageId: 'ellipsis', severity: 'info' })
      }
    }
  if (!hits.length) return NO_HITS
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  // Merge adjacent blanks of the same kind (20XX年XX月XX日); drop hits inside another.
  const out: Hit[] = []
  for (const h of hits) {
    if (ignore.has(text.slice(h.start, h.end)) || ignore.has(text.slice(h.start, h.end).replace(/[年月日号时]$/, ''))) continue
    const last = out[out.length - 1]
    if (last && h.start < last.end) continue
    if (last && h.start === last.end && h.messageId === 'unfilled' && last.messageId === 'unfilled') last.end = h.end
    else out.push({ ...h })
  }
  return out
}

const lists = perOptions((o: Options) => {
  const literals = mergeList(LITERALS, o.extra)
  return { literals, latins: literals.map((lit) => /^[A-Za-z]+$/.test(lit)), ignore: new Set(o.ignore) }
})

const rule: Rule<Options> = {
  meta: {
    id: 'placeholder',
    type: 'problem',
    description: '稿件中不得留有 XX、××、某某等未填写的占位内容',
    severity: 'error',
    strictSeverity: 'error',
    fixable: null,
    scope: 'block',
    category: 'accuracy',
    guide: '信息中的时间、地点、数据、概念必须真实、客观可靠；确保每篇信息的每个字符、每个标点都准确无误。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '追加的占位文字（原样匹配）' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不报告的占位内容，如“某某”' },
        ellipsis: { type: 'boolean', description: '检查代替名称的省略号' },
      },
    },
    defaultOptions: { extra: [], ignore: [], ellipsis: true },
    messages: {
      unfilled: '“{actual}”是未填写的占位内容，请补全后再报送。',
      maybeName: '“{actual}”疑为未填写的名称，请补全；有意隐去姓名的，写作“王某”即可。',
      ellipsis: '省略号处疑似漏写名称，请补全。',
    },
  },
  check(doc, { options, report }) {
    const { literals, latins, ignore } = lists(options)
    for (const b of doc.blocks) {
      for (const h of findHits(b.text, literals, latins, ignore, options.ellipsis)) {
        const [start, end] = b.range(h.start, h.end)
        report({ messageId: h.messageId, data: { actual: b.text.slice(h.start, h.end) }, start, end, severity: h.severity })
      }
    }
  },
}

export default rule
