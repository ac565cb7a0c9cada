import type { Block, Rule, Token } from '../../packages/core/src/types.js'
import { parsePairList, parseWordList } from '../../packages/core/src/kit.js'
import { compileForms, findWrongForms, type WrongForms } from './match.js'
import pairList from './pairs.txt'
import exceptionList from './exceptions.txt'

export interface Options {
  /** More pairs, `错词→正词`. */
  extra: string[]
  /** Wrong forms not to report (`截止` switches off the 截止/截至 check). */
  ignore: string[]
}

const BASE_PAIRS = parsePairList(pairList)
const EXCEPTIONS = parseWordList(exceptionList)
const BASE = compileForms(new Map(BASE_PAIRS), EXCEPTIONS)

// 做为 after an adverb or a verb is often 做 + 为 (“要多做为群众解忧的事”): report it there
// only when it ends the clause (“积极做为。”, “担当做为，”).
const AFTER_ADVERB = new Set(['做为'])
const ADVERBIAL = /^(d|v|vd|vg|a|ad|ag)$/
const CLAUSE_END = /^[，,。；;：:！!？?、）)”’\s]/

// 截止 + a time point it runs up to is 截至 (“截止目前” → “截至目前”). 截止 is right for a
// deadline: 截止日期, 报名截止6月30日, 截止到/截止于. Times never meant as a deadline are
// reported anywhere; a date only when 截止 opens the clause.
const NEVER_DEADLINE = new Set(['目前', '当前', '现在', '此时', '日前', '发稿', '发稿时', '昨天', '昨日'])
const DATE_AFTER = /^\s*(?:(?:\d{1,4}|[〇零一二三四五六七八九十]{1,4})\s*[年月日号]|(?:今|去|上|本|明)年|本月|上月|本季度|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|年底|年末|月底|月末)/
const BEFORE_DEADLINE = /^(?:\s*(?:\d+|[〇零一二三四五六七八九十]+)\s*[年月日号时点]|底|末|初|上旬|中旬|下旬|上半年|下半年)*\s*(?:之前|以前|前)/
const CLAUSE_START = /(^|[，,。；;：:！!？?、（(“‘「【《\s\uFFFC])$/

let cache: { key: string; forms: WrongForms } | undefined

function formsFor(options: Options): WrongForms {
  if (!options.extra.length && !options.ignore.length) return BASE
  const key = JSON.stringify([options.extra, options.ignore])
  if (cache?.key !== key) {
    const pairs = new Map([...BASE_PAIRS, ...parsePairList(options.extra.join('\n'))])
    for (const entry of options.ignore) pairs.delete(entry.split(/→|->|=>/)[0].trim())
    cache = { key, forms: compileForms(pairs, EXCEPTIONS) }
  }
  return cache.forms
}

/** 截止 followed by the time point it runs up to. */
function jiezhiAsUpTo(block: Block, t: Token): boolean {
  const after = block.text.slice(t.index + t.text.length)
  const next = after.trimStart()
  if (/^(到|于|至|日期|时间|期限|时限|日|时|前)/.test(next)) return false
  if ([...NEVER_DEADLINE].some((w) => next.startsWith(w))) return true
  if (!DATE_AFTER.test(after) || BEFORE_DEADLINE.test(after.replace(DATE_AFTER, ''))) return false
  return CLAUSE_START.test(block.text.slice(0, t.index))
}

const rule: Rule<Options> = {
  meta: {
    id: 'typo',
    type: 'problem',
    description: '改正错别字和易混词（布署→部署、截止→截至等）',
    severity: 'error',
    fixable: 'wording',
    scope: 'block',
    category: 'accuracy',
    guide: '确保每篇信息的每个字符、每个标点都准确无误。',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: { type: 'array', items: { type: 'string' }, description: '追加的错别字，每项“错词→正词”' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不检查的错词（“截止”关闭截止/截至检查）' },
      },
    },
    defaultOptions: { extra: [], ignore: [] },
    messages: {
      typo: '“{wrong}”是错别字，请改为“{right}”。',
      jiezhi: '表示“到某时为止”应写“截至”，请把“截止”改为“截至”。',
    },
  },
  check(doc, { options, report }) {
    const forms = formsFor(options)
    const checkJiezhi = !options.ignore.includes('截止')
    for (const block of doc.blocks) {
      for (const hit of findWrongForms(block, forms)) {
        const after = block.text.slice(hit.index + hit.wrong.length)
        if (AFTER_ADVERB.has(hit.wrong) && hit.before && ADVERBIAL.test(hit.before.pos) && after && !CLAUSE_END.test(after)) continue
        const [start, end] = block.range(hit.index, hit.index + hit.wrong.length)
        report({ messageId: 'typo', data: { wrong: hit.wrong, right: hit.right }, start, end, expected: [hit.right] })
      }
      if (!checkJiezhi || !block.text.includes('截止')) continue
      for (const t of block.tokens) {
        if (t.text === '截止' && jiezhiAsUpTo(block, t)) {
          report({ messageId: 'jiezhi', start: t.start, end: t.end, expected: ['截至'], severity: 'warning' })
        }
      }
    }
  },
}

export default rule
