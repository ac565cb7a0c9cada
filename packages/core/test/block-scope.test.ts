/**
 * Paragraph-scoped rules (`scope: 'block'`) are run paragraph by paragraph and their findings
 * reused for unchanged paragraphs. Whatever the order of edits, the result must equal running
 * every rule on the whole document.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyze, buildDocument, presetConfig, rules, type Diagnostic, type Rule } from '../src/index.js'

const root = join(__dirname, '../../..')

const DRAFT = `# 县水利局开展汛前隐患排查。

各位领导：

5月12日,县水利局在县委县政府的坚强领导下，组织技术人员对全县32座小型水库开展汛前安全检查，为了确保安全度汛，因此提前部署。

检查组不但查看了溢洪道和放水设施，而且逐库核对了应急预案，发现问题隐患17处，已全部登记造册并明确整改时限，检查中还对管护人员进行了现场培训，讲解了巡查要点、险情识别方法和信息报送程序，参训人员普遍表示收获很大，对做好今年的防汛工作更有信心了，各乡镇也表示将全力配合做好后续工作。

截止目前，已完成整改12处，其余5处正在加紧推进,预计月底前完成。整改资金共计约120万元左右。

* 认真的开展巡查，做到早发现早处置。
* 张某某、李XX等同志负责联络工作（电话：1380000xxxx）。

> 引用段落：虽然雨季尚未到来，但是各项准备工作已经就绪。

| 项目 | 数量 |
| --- | --- |
| 水库 | 32座 |

下一步，县水利局将进一步提高政治站位，压紧压实责任，坚决打赢防汛攻坚战，确保人民群众生命财产安全，为全县经济社会高质量发展保驾护航，作出新的更大的贡献。

（供稿：县水利局办公室）
`

function drafts(): Array<[string, string]> {
  const out: Array<[string, string]> = [['written for this test', DRAFT]]
  for (const dir of readdirSync(join(root, 'fixtures'))) {
    for (const f of readdirSync(join(root, 'fixtures', dir))) {
      if (/\.(md|txt)$/.test(f)) out.push([`fixtures/${dir}/${f}`, readFileSync(join(root, 'fixtures', dir, f), 'utf8')])
    }
  }
  return out
}

const shape = (ds: Diagnostic[]) => ds.map((d) => [d.ruleId, d.offset, d.endOffset, d.severity, d.reason, d.fix?.text ?? null].join('|'))

// One config object for every run: findings are reused only for the same options objects, so
// with a fresh config per call no paragraph would ever be served from another draft's run.
const RECOMMENDED = presetConfig('recommended')
const STRICT = presetConfig('strict')

function expectSame(text: string, filePath: string, config = RECOMMENDED) {
  const whole = analyze(text, { filePath, config, wholeDocument: true }).diagnostics
  const byBlock = analyze(text, { filePath, config }).diagnostics
  expect(shape(byBlock)).toEqual(shape(whole))
  // Second time: every paragraph's findings come from the cache.
  expect(shape(analyze(text, { filePath, config }).diagnostics)).toEqual(shape(whole))
  // Without the caches (a one-shot lint), paragraph by paragraph.
  expect(shape(analyze(text, { filePath, config, cache: false }).diagnostics)).toEqual(shape(whole))
  return whole
}

describe('paragraph-scoped rules', () => {
  it('are marked on the rules that see one paragraph at a time', () => {
    const scoped = rules.filter((r) => r.meta.scope === 'block').map((r) => r.meta.id)
    expect(scoped).toContain('typo')
    expect(scoped).not.toContain('punctuation-pairs') // pairs quotes across paragraphs
    expect(scoped).not.toContain('ordinal-punctuation') // follows the draft's majority style
  })

  it('give the same findings as whole-document runs on every fixture and a draft full of problems', () => {
    let total = 0
    for (const [name, text] of drafts()) {
      const filePath = name.endsWith('.txt') ? 'draft.txt' : 'draft.md'
      total += expectSame(text, filePath).length
      expectSame(text, filePath, STRICT)
    }
    // The comparison is not vacuous: paragraph-scoped rules do find things here.
    const scoped = new Set(rules.filter((r) => r.meta.scope === 'block').map((r) => r.meta.id))
    const found = new Set(analyze(DRAFT, { filePath: 'draft.md' }).diagnostics.map((d) => d.ruleId))
    expect([...found].filter((id) => scoped.has(id)).length).toBeGreaterThanOrEqual(6)
    expect(total).toBeGreaterThan(20)
  })

  it('stay right as paragraphs are edited, moved, and change role', () => {
    const paras = DRAFT.split('\n\n')
    // Edit one paragraph.
    expectSame(DRAFT.replace('发现问题隐患17处', '发现问题隐患18处,'), 'draft.md')
    // Swap two body paragraphs (their findings move with them).
    const swapped = [...paras]
    ;[swapped[3], swapped[4]] = [swapped[4], swapped[3]]
    expectSame(swapped.join('\n\n'), 'draft.md')
    // Drop the lead: the next paragraph becomes the lead (filler-phrase treats the lead apart).
    expectSame(paras.filter((_, i) => i !== 2).join('\n\n'), 'draft.md')
    // A lead that opens with 在……领导下 (lead-preamble's), then the same paragraph as a body
    // paragraph behind a new lead (filler-phrase's): its findings are not reused across roles.
    const opening = '在县委县政府的坚强领导下，县水利局全面完成汛前检查。'
    const fillerIn = (ds: Diagnostic[], text: string) => ds.some((d) => d.ruleId === 'filler-phrase' && d.offset >= text.indexOf(opening) && d.offset < text.indexOf(opening) + opening.length)
    const asLead = [...paras.slice(0, 2), opening, ...paras.slice(3)].join('\n\n')
    expect(fillerIn(expectSame(asLead, 'draft.md'), asLead)).toBe(false)
    const asBody = [...paras.slice(0, 3), opening, ...paras.slice(3)].join('\n\n')
    expect(fillerIn(expectSame(asBody, 'draft.md'), asBody)).toBe(true)
    // The same in a plain-text draft (a paragraph a line; findings found by the paragraph's text).
    const lines = ['县水利局开展汛前隐患排查', '检查组查看了溢洪道和放水设施。', '下一步，县水利局将继续跟踪整改。']
    const textLead = [lines[0], opening, ...lines.slice(1)].join('\n')
    expect(fillerIn(expectSame(textLead, 'draft.txt'), textLead)).toBe(false)
    const textBody = [lines[0], '5月11日，县水利局召开防汛工作部署会。', opening, ...lines.slice(1)].join('\n')
    expect(fillerIn(expectSame(textBody, 'draft.txt'), textBody)).toBe(true)
    // Text in front shifts every offset.
    expectSame('前言一句。\n\n' + DRAFT, 'draft.md')
  })

  it('see each paragraph in the role the document gives it', () => {
    // A rule that reports the role its one-paragraph view shows, at the paragraph's start.
    const roleRule: Rule = {
      meta: { id: 'role', type: 'suggestion', description: '测试', severity: 'info', scope: 'block', category: 'accuracy', guide: '测试', schema: { type: 'object' }, defaultOptions: {}, messages: { m: '{role}' } },
      check(doc, { report }) {
        const b = doc.blocks[0]
        const role = doc.headline === b ? 'headline' : doc.preface.length ? 'preface' : doc.lead === b ? 'lead' : doc.ending === b ? 'ending' : doc.body.length ? 'body' : 'other'
        report({ messageId: 'm', data: { role }, start: b.start, end: b.start + 1 })
      },
    }
    const text = [
      '## 工作动态',
      '# 县水利局开展汛前隐患排查',
      '各位领导：',
      '（供稿：县水利局办公室）',
      '5月12日，县水利局组织技术人员排查全县小型水库。',
      '## 检查情况',
      '检查组查看了溢洪道和放水设施。',
      '下一步，县水利局将跟踪整改。',
      '抄送：县防汛办',
      '（供稿：县水利局办公室）',
    ].join('\n\n')
    const plain = ['关于汛前隐患排查的报告', '正文：', '5月12日，县水利局组织技术人员排查全县小型水库。', '检查组查看了溢洪道和放水设施。', '下一步将跟踪整改。'].join('\n')
    for (const [draft, format] of [[text, 'markdown'], [plain, 'text']] as const) {
      const doc = buildDocument(draft, { format })
      const expected = doc.blocks.map((b) =>
        b === doc.headline ? 'headline' : doc.preface.includes(b) ? 'preface' : b === doc.lead ? 'lead' : b === doc.ending ? 'ending' : doc.body.includes(b) ? 'body' : 'other',
      )
      const seen = analyze(draft, { format, rules: [roleRule], cache: false }).diagnostics.map((d) => d.reason)
      expect(seen).toEqual(expected)
    }
    const seen = analyze(text, { format: 'markdown', rules: [roleRule], cache: false }).diagnostics.map((d) => d.reason)
    expect(seen).toEqual(['other', 'headline', 'preface', 'preface', 'lead', 'other', 'body', 'ending', 'other', 'other'])
  })

  it('follow a change in which rules run (findings are kept by their place in the list of rules run)', () => {
    const config = presetConfig('recommended')
    const paragraphRules = rules.filter((r) => r.meta.scope === 'block').map((r) => r.meta.id)
    analyze(DRAFT, { filePath: 'draft.md', config })
    for (const only of [paragraphRules.slice(1), paragraphRules.slice().reverse().slice(0, 3), [paragraphRules[2]], paragraphRules]) {
      const whole = analyze(DRAFT, { filePath: 'draft.md', config, only, wholeDocument: true }).diagnostics
      expect(whole.length).toBeGreaterThan(0)
      expect(shape(analyze(DRAFT, { filePath: 'draft.md', config, only }).diagnostics)).toEqual(shape(whole))
    }
  })

  it('are all reused on a long plain-text draft (its paragraph keys outgrow the base budget)', () => {
    let checks = 0
    const counting: Rule = {
      meta: { id: 'counting', type: 'suggestion', description: '测试', severity: 'info', scope: 'block', category: 'accuracy', guide: '测试', schema: { type: 'object' }, defaultOptions: {}, messages: { m: '测试' } },
      check(doc) {
        checks += doc.blocks.length
      },
    }
    // 4,000 lines, 135,000 characters: keys of source, prose, context and mapping come to about
    // 440,000, more than the whole base budget of 400,000.
    const text = Array.from({ length: 4000 }, (_, i) => `第${i}条：县交通运输局组织人员排查农村公路桥梁隐患并登记造册。`).join('\n')
    const only = [counting] // one catalogue, so one default config and the same options each run
    const run = () => analyze(text, { format: 'text', rules: only })
    run()
    checks = 0
    run()
    expect(checks).toBe(0)
  })

  it('follow a change of options (a new options object is not served old findings)', () => {
    const config = presetConfig('recommended')
    const before = analyze(DRAFT, { filePath: 'draft.md', config }).diagnostics.filter((d) => d.ruleId === 'sentence-length')
    const shorter = presetConfig('recommended')
    shorter.rules['sentence-length'] = { severity: 'warning', options: { ...shorter.rules['sentence-length'].options, max: 30 } }
    const after = analyze(DRAFT, { filePath: 'draft.md', config: shorter }).diagnostics.filter((d) => d.ruleId === 'sentence-length')
    expect(after.length).toBeGreaterThan(before.length)
    expectSame(DRAFT, 'draft.md', shorter)
  })
})
