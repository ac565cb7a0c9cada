import { describe, expect, it } from 'vitest'
import { runRuleTests } from '../../packages/core/src/testing.js'
import { buildDocument } from '../../packages/core/src/document.js'
import rule, { detectLeadElements, type LeadElements } from './index.js'

const md = (lead: string) => `# 标题\n\n${lead}\n`
const txt = (lead: string) => `关于春运工作的情况报告\n各位领导、同志们：\n县委办公室 2024年5月6日\n　　${lead}\n`

runRuleTests(rule, {
  valid: [
    // Complete leads: time, subject and event (and no hints by default).
    md('3月12日，市交通运输局在城南客运站组织开展春运安全检查。'),
    md('近日，县农业农村局组织技术人员深入田间开展秋播技术指导。'),
    md('今年以来，我市通过推行“一网通办”，企业开办时间压缩至1个工作日。'),
    md('上半年，全区规模以上工业增加值同比增长6.2%。'),
    md('为了保障汛期道路安全，区公路管理站于6月5日对辖区桥梁开展专项排查。'),
    md('2024年4月18日上午，省交通运输厅副厅长张明一行到我市调研农村公路建设。'),
    md('截至6月底，全县累计完成农村公路改造120公里。'),
    md('一季度，王家镇依托网格化管理，化解矛盾纠纷86件。'),
    md('9月3日，城管执法大队采取“错时执法”方式整治占道经营。'),
    md('“五一”期间，我市各景区接待游客36万人次。'),
    md('入汛以来，县水利局组织开展水库安全巡查。'),
    md('本周一，区长李红梅主持召开区政府常务会议，研究部署防汛工作。'),
    md('市发展和改革委员会日前印发通知，要求各地做好能源保供工作。'),
    md('二〇二四年三月十二日，我局召开全体干部大会。'),
    md('1月22日，全市各级交通部门迅速行动，全力做好抗冰保畅工作。'),
    // The agent after 由, and a meeting or an activity as the subject.
    md('近日，由市委宣传部主办的读书节在市图书馆开幕。'),
    md('6月10日，全县防汛工作会议召开。'),
    md('近日，一场别开生面的消防演练在城南小学举行。'),
    md('春节前夕，市领导走访慰问困难群众和一线职工。'),
    // The time may come in a later sentence of the lead.
    md('市交通运输局组织开展春运安全检查。检查于2月3日结束，共排查隐患12处。'),
    // Half-width punctuation.
    md('3月12日,市交通运输局组织开展春运安全检查.'),
    // A block quote, a link and inline code in the lead.
    md('> 6月18日，市税务局在政务服务中心开设办税专窗。'),
    md('3月5日，[市生态环境局](https://example.gov.cn)发布一季度空气质量报告。'),
    md('近日，市数据局上线`一网统管`平台。'),
    // Only the lead is checked, not the paragraphs after it.
    md('近日，县应急管理局联合消防救援大队开展高层建筑消防演练。\n\n组织开展应急疏散演练。'),
    // Text: a salutation and a byline (with a date) come before the lead.
    { format: 'text', text: txt('近日，县应急管理局联合消防救援大队开展高层建筑消防演练。') },
    // All six elements: no hint even when every hint is on.
    {
      text: md('为保障春运安全，1月20日，市交通运输局在城南客运站通过视频巡查方式开展安全检查。'),
      options: { hints: ['place', 'purpose', 'method'] },
    },
    // Nothing required.
    { text: md('组织技术人员深入田间开展技术指导。'), options: { required: [] } },
    // Word lists extended from the config.
    { text: md('开学季，市教育局组织开展校园安全检查。'), options: { timeWords: ['开学季'] } },
    { text: md('近日，护苗小组走进校园开展宣传。'), options: { orgSuffixes: ['小组'] } },
    { text: md('近日，护苗小组走进校园开展宣传。'), options: { subjectWords: ['护苗小组'] } },
    // No lead at all, or a list instead of a lead paragraph.
    '# 标题\n',
    md('- 组织开展春运安全检查。\n- 排查隐患12处。'),
  ],
  invalid: [
    {
      name: 'missing time',
      text: md('市场监管局开展食品安全专项检查。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间。请在第一段写明何时、何人、何事。', line: 3, column: 1, endLine: 3, endColumn: 17, severity: 'warning' }],
      output: null,
    },
    {
      name: 'missing subject',
      text: md('近日，组织召开全市安全生产工作会议，部署下一阶段重点工作。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：主体。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 30 }],
      output: null,
    },
    {
      name: 'a number and a measure word are not an office (56处)',
      text: md('近日，积极开展安全生产大检查，排查隐患56处。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：主体。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 24 }],
    },
    {
      name: 'a purpose clause is not the subject',
      text: md('为进一步优化营商环境，推出多项便民举措。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间、主体。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 21 }],
    },
    {
      name: 'missing time and subject',
      text: md('组织技术人员深入田间开展技术指导。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间、主体。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 18 }],
    },
    {
      name: 'missing event: a subject and a place but no predicate',
      text: md('近日，市交通运输局在城南客运站。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：事件。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 17 }],
    },
    {
      name: 'missing time and event',
      text: md('市交通运输局。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间、事件。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 8 }],
    },
    {
      name: 'a place phrase is not a subject',
      text: md('3月12日，在城南客运站开展春运安全检查。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：主体。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 22 }],
    },
    {
      name: 'only the first sentence is marked',
      text: md('市交通运输局组织开展春运安全检查。共出动执法人员80人次。'),
      errors: [{ messageId: 'missingElements', line: 3, column: 1, endColumn: 18 }],
    },
    {
      name: 'text format: the byline date is not the lead time',
      format: 'text',
      text: txt('县应急管理局联合消防救援大队开展高层建筑消防演练。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间。请在第一段写明何时、何人、何事。', line: 4, column: 3, endLine: 4, endColumn: 28 }],
    },
    {
      name: 'block quote',
      text: md('> 近日，开展春运安全检查。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：主体。请在第一段写明何时、何人、何事。', line: 3, column: 3, endColumn: 15 }],
    },
    {
      name: 'half-width punctuation',
      text: md('近日,组织召开安全生产工作会议.'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：主体。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 17 }],
    },
    {
      name: 'a link',
      text: md('近日，组织开展[春运安全检查](https://example.gov.cn)。'),
      errors: [{ messageId: 'missingElements', line: 3, column: 1, endColumn: 41 }],
    },
    {
      name: 'the salutation is skipped in markdown too',
      text: '# 标题\n\n各位领导、同志们：\n\n组织开展春运安全检查。\n',
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间、主体。请在第一段写明何时、何人、何事。', line: 5, column: 1, endColumn: 12 }],
    },
    {
      name: 'hints are info',
      text: md('3月12日，市交通运输局组织开展春运安全检查。'),
      options: { hints: ['place', 'purpose', 'method'] },
      errors: [{ messageId: 'missingHints', message: '导语未写明地点、目的、方式，如有必要请在第一段补充（何地、为何、如何）。', line: 3, column: 1, endColumn: 24, severity: 'info' }],
    },
    {
      name: 'place required, purpose a hint',
      text: md('近日，市交通运输局组织开展春运安全检查。'),
      options: { required: ['time', 'subject', 'event', 'place'], hints: ['purpose'] },
      errors: [
        { messageId: 'missingElements', message: '导语缺少要素：地点。请在第一段写明何时、何地、何人、何事。', line: 3, column: 1, endColumn: 21, severity: 'warning' },
        { messageId: 'missingHints', message: '导语未写明目的，如有必要请在第一段补充（为何）。', line: 3, column: 1, endColumn: 21, severity: 'info' },
      ],
    },
    {
      name: 'a word the list does not know',
      text: md('开学季，市教育局组织开展校园安全检查。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 20 }],
    },
    {
      name: 'ignore removes a time word',
      text: md('近日，市交通运输局组织开展春运安全检查。'),
      options: { ignore: ['近日'] },
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：时间。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 21 }],
    },
    {
      name: 'an unknown organisation word',
      text: md('近日，护苗小组走进校园开展宣传。'),
      errors: [{ messageId: 'missingElements', message: '导语缺少要素：主体。请在第一段写明何时、何人、何事。', line: 3, column: 1, endColumn: 17 }],
    },
  ],
})

function elements(lead: string, format: 'markdown' | 'text' = 'markdown'): Record<string, string | null> {
  const doc = buildDocument(format === 'text' ? txt(lead) : md(lead), { format })
  const found: LeadElements = detectLeadElements(doc.lead!)
  const out: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(found)) {
    out[k] = v ? v.text : null
    // Evidence offsets point at the same text in the source.
    if (v) expect(doc.source.slice(v.start, v.end)).toBe(v.text)
  }
  return out
}

describe('detectLeadElements', () => {
  it('finds all six elements', () => {
    expect(elements('为保障春运安全，1月20日，市交通运输局在城南客运站通过视频巡查方式开展安全检查。')).toEqual({
      time: '1月20日',
      place: '城南客运站',
      subject: '市交通运输局',
      event: '在城南客运站通过视频巡查方式开展安全检查',
      purpose: '为保障春运安全',
      method: '通过视频巡查方式开展安全检查',
    })
  })
  it('reads dates, 截至 and suffixes such as 期间, 以来', () => {
    expect(elements('2024年4月18日上午，省交通运输厅副厅长张明一行到我市调研农村公路建设。').time).toBe('2024年4月18日上午')
    expect(elements('截至6月底，全县累计完成农村公路改造120公里。').time).toBe('截至6月底')
    expect(elements('“五一”期间，我市各景区接待游客36万人次。').time).toBe('“五一”期间')
    expect(elements('4月份以来，我处以“安全生产月”活动为抓手，组织开展隐患排查。').time).toBe('4月份以来')
    expect(elements('据统计，今年1—6月全市累计发送旅客120万人次。').time).toBe('今年1—6月')
  })
  it('takes an organisation name with a verb inside as the subject', () => {
    const e = elements('9月3日，城管执法大队采取“错时执法”方式整治占道经营。')
    expect([e.subject, e.method]).toEqual(['城管执法大队', '采取“错时执法”方式整治占道经营'])
    expect(elements('日前，市人力资源和社会保障局召开全市就业工作推进会。').subject).toBe('市人力资源和社会保障局')
    expect(elements('2024年4月18日上午，省交通运输厅副厅长张明一行到我市调研农村公路建设。').subject).toBe('省交通运输厅副厅长张明一行')
  })
  it('does not take 审议通过 or 顺利通过 as a method', () => {
    expect(elements('5月8日，市政府常务会议审议通过了《城市更新实施方案》。').method).toBeNull()
    expect(elements('6月3日，城南大桥顺利通过交工验收。').method).toBeNull()
    expect(elements('今年以来，我市通过推行“一网通办”，企业开办时间压缩至1个工作日。').method).toBe('通过推行“一网通办”')
  })
  it('reads a lead in a text file after the salutation and byline', () => {
    const e = elements('近日，县应急管理局联合消防救援大队开展高层建筑消防演练。', 'text')
    expect([e.time, e.subject]).toEqual(['近日', '县应急管理局'])
  })
  it('with a comma-less adverbial, still finds the actor after 为', () => {
    const e = elements('为保障春运安全市交通局开展客运站专项检查。')
    expect([e.subject, e.event, e.purpose]).toEqual(['市交通局', '开展客运站专项检查', '为保障春运安全市交通局开展客运站专项检查'])
  })
})
