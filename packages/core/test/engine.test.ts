import { describe, it, expect } from 'vitest'
import { retext } from 'retext'
import type { Root } from 'nlcst'
import { lint, fix, fixDetailed, applyFixes, analyze } from '../src/engine.js'
import { summarize } from '../src/summary.js'
import { retextChinese } from '../src/nlcst.js'
import { rules, type Rule } from '../src/index.js'
import { presetConfig } from '../src/config.js'
import { getSegmenter } from '../src/segmenter.js'
import { buildDocument } from '../src/document.js'

const only = (...ids: string[]) => {
  const c = presetConfig('all-off')
  for (const id of ids) c.rules[id] = { ...presetConfig('recommended').rules[id] }
  return c
}

describe('diagnostics', () => {
  it('are vfile messages with ruleId, severity, exact range, Chinese reason, url, note and fix', () => {
    const [d] = lint('# 市交通局完成桥梁排查。\n\n正文。', { config: only('headline-punctuation') })
    expect(d.ruleId).toBe('headline-punctuation')
    expect(d.source).toBe('ximo')
    expect(d.severity).toBe('warning')
    expect(d.fatal).toBe(false)
    expect([d.line, d.column, d.endLine, d.endColumn, d.offset, d.endOffset]).toEqual([1, 13, 1, 14, 12, 13])
    expect(d.place).toEqual({ start: { line: 1, column: 13, offset: 12 }, end: { line: 1, column: 14, offset: 13 } })
    expect(d.reason).toMatch(/\p{Script=Han}/u)
    expect(d.url).toMatch(/rules\/headline-punctuation\/README\.md$/)
    expect(d.note).toBe(rules.find((r) => r.meta.id === 'headline-punctuation')!.meta.guide)
    expect(d.actual).toBe('。')
    // retext's convention: an empty list of replacements means "delete it".
    expect(d.expected).toEqual([])
    expect(d.fix).toEqual({ range: [12, 13], text: '' })
  })

  it('fill message templates from the data of the report, leaving unknown names as written', () => {
    const rule: Rule = {
      meta: { id: 'templates', type: 'suggestion', description: '测试', severity: 'info', category: 'accuracy', guide: '测试', schema: { type: 'object' }, defaultOptions: {}, messages: { a: '{x}和{y}，{x}', b: '无占位', c: '{x}' } },
      check(doc, { report }) {
        report({ messageId: 'a', data: { x: 1 }, start: 0, end: 1 })
        report({ messageId: 'b', data: { x: 1 }, start: 1, end: 2 })
        report({ messageId: 'c', data: { x: '$&{y}' }, start: 2, end: 3 })
        report({ messageId: 'a', start: 3, end: 4 })
      },
    }
    expect(lint('甲乙丙丁', { rules: [rule], format: 'text' }).map((d) => d.reason)).toEqual(['1和{y}，1', '无占位', '$&{y}', '{x}和{y}，{x}'])
  })

  it('map severities to vfile fatal: error true, warning false, info unset', () => {
    const c = only('sentence-length')
    const text = '甲'.repeat(100) + '。'
    c.rules['sentence-length'].severity = 'error'
    expect(lint(text, { config: c })[0].fatal).toBe(true)
    c.rules['sentence-length'].severity = 'info'
    const info = lint(text, { config: c })[0]
    expect(info.fatal).toBeUndefined()
    expect(info.severity).toBe('info')
  })

  it('counts columns in UTF-16 code units after characters outside the BMP', () => {
    const [d] = lint('# 𠀀𠀀市局完成排查。', { config: only('headline-punctuation') })
    expect([d.column, d.endColumn]).toEqual([13, 14])
  })
})

describe('inline directives', () => {
  const long = '甲'.repeat(90) + '。'
  const config = only('sentence-length')
  it('disable-next-line silences the next non-blank line only, for the named rule', () => {
    const text = `<!-- ximo-disable-next-line sentence-length -->\n${long}\n\n${long}`
    expect(lint(text, { config }).map((d) => d.line)).toEqual([4])
    const other = `<!-- ximo-disable-next-line headline-length -->\n${long}`
    expect(lint(other, { config }).map((d) => d.line)).toEqual([2])
  })
  it('disable … enable silences a region; a bare disable silences every rule', () => {
    const text = `${long}\n\n<!-- ximo-disable sentence-length -->\n\n${long}\n\n<!-- ximo-enable sentence-length -->\n\n${long}`
    expect(lint(text, { config }).map((d) => d.line)).toEqual([1, 9])
    const bare = `<!-- ximo-disable -->\n\n${long}`
    expect(lint(bare, { config })).toEqual([])
  })
})

describe('fixes', () => {
  it('never overlap, and a second run changes nothing', () => {
    const text = '# 县人社局开展招聘活动。\n\n3月5日，县人社局举办招聘会。'
    const once = fix(text)
    expect(once).toBe('# 县人社局开展招聘活动\n\n3月5日，县人社局举办招聘会。')
    expect(fix(once)).toBe(once)
  })
  it('applyFixes skips a fix overlapping an earlier one', () => {
    const mk = (s: number, e: number, t: string) => ({ fix: { range: [s, e] as [number, number], text: t } }) as never
    expect(applyFixes('abcdef', [mk(1, 3, 'X'), mk(2, 4, 'Y'), mk(4, 5, 'Z')]).output).toBe('aXdZf')
  })
  it('fixDetailed reports what it applied; fixTypes limits the kinds', () => {
    const text = '# 县人社局开展招聘活动。\n\n3月5日，县人社局举办招聘会。'
    const r = fixDetailed(text)
    expect(r.fixes.map((f) => [f.ruleId, f.actual, f.text])).toEqual([['headline-punctuation', '。', '']])
    expect(fixDetailed(text, { fixTypes: ['wording'] }).output).toBe(text)
  })
})

describe('analyze + summarize', () => {
  it('expose the headline type and the lead elements', () => {
    const s = summarize(analyze('# 县农业农村局三举措抓好秋粮收购\n\n9月以来，县农业农村局在全县设立收购点14个。\n\n粮款当天到账。'))
    expect(s.headline).toMatchObject({ text: '县农业农村局三举措抓好秋粮收购', type: 'summary', typeName: '总括归纳型' })
    expect(s.lead?.elements.time?.text).toBe('9月以来')
    expect(s.lead?.elements.subject?.text).toBe('县农业农村局')
    expect(s.lead?.elements.event).not.toBeNull()
    expect([s.errors, s.warnings]).toEqual([0, 0])
  })
})

describe('retextChinese', () => {
  it('parses Chinese into NLCST with part-of-speech tags and positions', () => {
    const tree = retext().use(retextChinese).parse('市交通局召开会议。随后部署工作。') as Root
    const para = tree.children[0]
    expect(para.type).toBe('ParagraphNode')
    const sentences = (para as { children: Array<{ type: string; children: Array<{ type: string; data?: { pos?: string }; position?: { start: { offset?: number } } }> }> }).children
    expect(sentences.map((s) => s.type)).toEqual(['SentenceNode', 'SentenceNode'])
    const words = sentences[0].children.filter((c) => c.type === 'WordNode') as Array<{ children: Array<{ value: string }>; data?: { pos?: string } }>
    expect(words.map((w) => `${w.children[0].value}/${w.data?.pos}`)).toEqual(['市/n', '交通局/nt', '召开/v', '会议/n'])
    expect(sentences[1].children[0].position?.start.offset).toBe(9)
  })
})

describe('segmentation', () => {
  it('cuts only the paragraphs a rule needs the words of', () => {
    const seg = getSegmenter('jieba')
    const cut: string[] = []
    const original = seg.tagWords!
    seg.tagWords = (text, hmm) => {
      cut.push(text)
      return original(text, hmm)
    }
    try {
      const plain = '各乡镇设立农资供应点，保障种子和化肥按时到户。'
      const wanted = '技术人员认真的落实了播种要求。'
      const draft = `# 县农业农村局开展秋播技术指导\n\n10月8日，县农业农村局组织技术人员深入乡镇开展秋播技术指导。\n\n${plain}\n\n${wanted}\n\n下一步将跟踪出苗情况。\n`
      const found = lint(draft, { format: 'markdown', cache: false })
      expect(found.filter((d) => d.ruleId === 'de-di-de').map((d) => draft.slice(d.offset, d.endOffset))).toEqual(['的'])
      // The headline, lead and ending are always analysed; the plain body paragraph never is.
      expect(cut.some((t) => t.includes('农资供应点'))).toBe(false)
      expect(cut.some((t) => t.includes('播种要求'))).toBe(true)
      // Its tokens are still there when asked for, the same as a whole cut would give.
      const doc = buildDocument(draft, { format: 'markdown' })
      const block = doc.blocks.find((b) => b.text === plain)!
      expect(block.sentences.flatMap((s) => s.tokens)).toEqual(block.tokens)
      expect(block.tokens.map((t) => t.text).join('')).toBe(plain)
    } finally {
      seg.tagWords = original
    }
  })
})
