import type { Block, Rule, Token } from '../../packages/core/src/types.js'
import { matchPhrases, mergeList, parseWordList, perOptions } from '../../packages/core/src/kit.js'
import { matchPairs } from '../../packages/core/src/document.js'
import labelsTxt from './labels.txt'
import docTypesTxt from './doc-types.txt'
import verbsTxt from './verbs.txt'
import notVerbsTxt from './not-verbs.txt'
import nominalVerbsTxt from './nominal-verbs.txt'
import nominalHeadsTxt from './nominal-heads.txt'
import advisoryTxt from './advisory.txt'
import forecastTxt from './forecast.txt'
import summaryTxt from './summary.txt'
import summaryPhrasesTxt from './summary-phrases.txt'
import reportVerbsTxt from './report-verbs.txt'

export interface Options {
  /** Extra document labels (…工作汇报). */
  extra: string[]
  /** Labels not to report (工作总结; 报告 for 关于……的报告). */
  ignore: string[]
  /** Extra predicate verbs (words jieba tags as nouns in your headlines). */
  verbs: string[]
}

export type HeadlineType = 'direct' | 'summary' | 'advisory' | 'forecast' | 'label' | 'no-predicate'

export interface HeadlineAnalysis {
  type: HeadlineType
  /** 内容直述型 / 总括归纳型 / 评论劝谏型 / 趋向预测型 / 文种标签 / 缺少谓语 */
  typeName: string
  /** The main predicate verb found, if any. */
  predicate: string | null
  /** For 'label': the document label found (工作汇报, 关于……的报告). */
  label?: string
}

const TYPE_NAMES: Record<HeadlineType, string> = {
  direct: '内容直述型',
  summary: '总括归纳型',
  advisory: '评论劝谏型',
  forecast: '趋向预测型',
  label: '文种标签',
  'no-predicate': '缺少谓语',
}

const LABELS = parseWordList(labelsTxt)
const DOC_TYPES = parseWordList(docTypesTxt).sort((a, b) => b.length - a.length)
const VERBS = parseWordList(verbsTxt)
const NOT_VERBS = new Set(parseWordList(notVerbsTxt))
const NOMINAL_VERBS = new Set(parseWordList(nominalVerbsTxt))
const NOMINAL_HEADS = new Set(parseWordList(nominalHeadsTxt))
const ADVISORY = parseWordList(advisoryTxt)
const FORECAST = parseWordList(forecastTxt)
const SUMMARY_PHRASES = parseWordList(summaryPhrasesTxt)
const REPORT_VERBS = new Set(parseWordList(reportVerbsTxt))
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const byLength = (a: string, b: string) => b.length - a.length
const NUM = '(?:[二三四五六七八九十两多]|\\d+)(?:个|项|条|大|种)?'
const SUMMARY_RE = new RegExp(`${NUM}(?:${parseWordList(summaryTxt).sort(byLength).map(esc).join('|')})`, 'g')
// “三注重” “四个到位”: a quoted phrase opening with a numeral (not 一: “一网通办” is a name).
const QUOTED_SUMMARY_RE = /“((?:[二三四五六七八九十两]|\d+)[个项条大种]?[^“”一二三四五六七八九十两\d]{1,6})”/g
const LABEL_DOC_RE = new RegExp(`关于.+的(${DOC_TYPES.map(esc).join('|')})$`)
/** Modal and auxiliary verbs: the main predicate is the verb after them when there is one. */
const AUXILIARY = new Set([...FORECAST, '需', '亟需', '应', '要', '能', '会'])
/** An unknown word (jieba 'x') ending like this is an organisation or place name, not a verb. */
const ORG_END = /(局|委|办|处|厅|院|所|站|中心|部|会|队|组|司|县|市|区|镇|乡|村|街道|社区)$/
const HAN = /\p{Script=Han}/u
/** 大检查, 新突破, 专项检查: a verb after these modifiers is a noun. */
const MODIFIERS = new Set(['大', '新', '专项'])
const OPENERS = new Set(['“', '‘', '「', '『', '《', '（', '('])

/** The word, or a longer word ending with it (全面推行, 投入使用). */
function endsWithAny(text: string, words: Iterable<string>): boolean {
  for (const w of words) if (text === w || (w.length >= 2 && text.endsWith(w))) return true
  return false
}

function countHan(text: string): number {
  return [...text].filter((c) => HAN.test(c)).length
}

interface Candidate {
  token: Token
  /** A guess: an unknown word that may be a verb. */
  weak: boolean
}

const lists = perOptions((o: Partial<Options>) => ({ verbs: [...VERBS, ...(o.verbs ?? [])], labels: mergeList(LABELS, o.extra).sort(byLength) }))

export function classifyHeadline(headline: Block, options: Partial<Options> = {}): HeadlineAnalysis {
  const text = headline.text
  const tokens = headline.tokens
  const { verbs, labels } = lists(options)
  const result = (type: HeadlineType, predicate: string | null = null, label?: string): HeadlineAnalysis =>
    label ? { type, typeName: TYPE_NAMES[type], predicate, label } : { type, typeName: TYPE_NAMES[type], predicate }

  // Spans whose words are never the headline's predicate: quotes, titles, brackets, and the
  // 关于……的 attribute.
  const excluded: Array<[number, number]> = []
  for (const [open, close] of matchPairs(text)) if (OPENERS.has(text[open])) excluded.push([open, close + 1])
  // 关于……的思考: a short head noun after the attribute belongs to it too.
  const about = text.indexOf('关于')
  const de = text.lastIndexOf('的')
  if (about >= 0 && de > about) excluded.push([about, countHan(text.slice(de + 1)) <= 4 ? text.length : de + 1])
  const outside = (t: Token) => !excluded.some(([s, e]) => t.index >= s && t.index < e)

  const lastHan = tokens.reduce((k, t, i) => (HAN.test(t.text) ? i : k), -1)
  const candidates = (from: number, to: number): Candidate[] => {
    const out: Candidate[] = []
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]
      if (t.index < from || t.index >= to || !outside(t) || !HAN.test(t.text) || NOT_VERBS.has(t.text)) continue
      const next = tokens[i + 1]
      if (endsWithAny(t.text, NOMINAL_VERBS) && next && NOMINAL_HEADS.has(next.text)) continue
      if (i > 0 && MODIFIERS.has(tokens[i - 1].text)) continue
      if (endsWithAny(t.text, verbs) || (/^v/.test(t.pos) && t.pos !== 'vn') || ((t.pos === 'a' || t.pos === 'ad') && i === lastHan)) out.push({ token: t, weak: false })
      else if (t.pos === 'x') {
        // Unknown words: a run of them ending like an organisation name (县人/社局) is a subject.
        let k = i
        while (tokens[k + 1]?.pos === 'x' && HAN.test(tokens[k + 1].text)) k++
        const run = tokens.slice(i, k + 1).map((u) => u.text).join('')
        if (!ORG_END.test(run)) out.push({ token: t, weak: true })
        i = k
      }
    }
    return out
  }

  // 文种标签: 关于……的报告, or …工作汇报, with no predicate before them.
  const core = text.replace(/[\s\uFFFC。，；：、.,;:！？!?]+$/, '')
  const doc = LABEL_DOC_RE.exec(core)
  if (doc && candidates(0, about).length === 0) return result('label', null, `关于……的${doc[1]}`)
  const label = labels.find((l) => core.endsWith(l))
  // …工作汇报 is a label even after verbs inside the topic (区政务审批服务改革工作汇报), unless a
  // verb takes the report as its object (市长向人大作工作报告, 县政府印发年度工作要点).
  if (label) {
    const before = tokens.filter((t) => t.index < core.length - label.length && outside(t))
    if (!before.some((t) => REPORT_VERBS.has(t.text))) return result('label', null, label)
  }

  const all = candidates(0, text.length)
  const strong = all.filter((c) => !c.weak)
  // The main predicate: skip modal verbs, adverbial verbs (持续) and verbs that are often nouns (养护).
  const main = (list: Candidate[]) => {
    const plain = list.filter((c) => !AUXILIARY.has(c.token.text) && c.token.pos !== 'vd')
    return (plain.find((c) => !endsWithAny(c.token.text, NOMINAL_VERBS)) ?? plain[0] ?? list[0])?.token.text ?? null
  }
  const predicate = main(strong) ?? main(all)

  const markers = (list: string[]) => matchPhrases(tokens, list).filter((m) => outside(tokens[m.first]))
  if (markers(ADVISORY).length) return result('advisory', predicate)
  const forecast = markers(FORECAST).filter((m) => {
    if (m.phrase !== '将') return true
    const next = tokens[m.last + 1]
    return !!next && (next.pos === 'd' || all.some((c) => c.token === next))
  })
  if (forecast.length) return result('forecast', predicate)

  // 总括归纳型: the phrase must end on a word boundary (十大招商 is not 十大 + 招).
  const ends = new Set(tokens.map((t) => t.index + t.text.length))
  let summaryEnd = -1
  for (const re of [SUMMARY_RE, QUOTED_SUMMARY_RE]) {
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while (summaryEnd < 0 && (m = re.exec(text))) if (ends.has(m.index + m[0].length)) summaryEnd = m.index + m[0].length
  }
  const phrase = matchPhrases(tokens, SUMMARY_PHRASES)[0]
  if (phrase && summaryEnd < 0) summaryEnd = tokens[phrase.last].index + tokens[phrase.last].text.length
  if (summaryEnd >= 0) {
    // 三举措稳就业: the word after the numeral phrase, even a one-character one jieba calls an adjective.
    const first = tokens.find((t) => t.index >= summaryEnd && outside(t) && HAN.test(t.text))
    const after = main(all.filter((c) => c.token.index >= summaryEnd && !c.weak))
    return result('summary', first && first.text.length === 1 && /^[av]/.test(first.pos) ? first.text : (after ?? predicate ?? first?.text ?? null))
  }
  if (predicate) return result('direct', predicate)
  return result('no-predicate')
}

const rule: Rule<Options> = {
  meta: {
    id: 'headline-structure',
    type: 'suggestion',
    description: '标题应为“单位+做+事件”，不用文种标签作标题',
    severity: 'warning',
    fixable: null,
    category: 'guide',
    guide: '拟定标题：简洁干脆，高度概括。模型：主语+谓语+宾语，单位（人）+做（完成）+任务（事件）。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '补充的文种标签' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不检查的文种标签' },
        verbs: { type: 'array', items: { type: 'string' }, description: '补充的谓语动词' },
      },
    },
    defaultOptions: { extra: [], ignore: [], verbs: [] },
    messages: {
      documentLabel: '标题是文种标签（{label}），请改为“单位+做+事件”，写明谁做了什么。',
      noPredicate: '标题缺少谓语动词，请按“单位+做+事件”写明谁做了什么。',
    },
  },
  check(doc, { options, report }) {
    const headline = doc.headline
    if (!headline || !HAN.test(headline.text)) return
    const analysis = classifyHeadline(headline, options)
    // ignore: labels the office accepts (工作总结, or 报告 for 关于……的报告).
    const ignored = (label = '') => (options.ignore ?? []).some((w) => w === label || `关于……的${w}` === label)
    if (analysis.type === 'label' && !ignored(analysis.label)) report({ messageId: 'documentLabel', data: { label: analysis.label ?? '' }, start: headline.start, end: headline.end })
    else if (analysis.type === 'no-predicate') report({ messageId: 'noPredicate', start: headline.start, end: headline.end, severity: 'info' })
  },
}

export default rule
