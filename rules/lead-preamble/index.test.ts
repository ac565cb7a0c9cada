import { describe, expect, it } from 'vitest'
import { lintWith, runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const md = (lead: string) => `# 标题\n\n${lead}\n`
const msg = (pattern: string) => `导语以“${pattern}”开头（穿靴戴帽），请删去，开门见山写事实。`

runRuleTests(rule, {
  valid: [
    md('3月12日，市交通运输局组织开展春运安全检查。'),
    // Only the lead's opening clause: a later clause or paragraph is filler-phrase's business.
    md('近日，在市委的领导下，我局开展专项整治。'),
    md('3月12日，市交通运输局组织开展春运安全检查。\n\n在市委的领导下，全市交通系统取得了好成绩。'),
    // The gap never joins 在…… with an unrelated 领导下 after a comma.
    md('在会上，领导下达了年度目标任务。'),
    md('在城南客运站，市交通运输局组织开展春运安全检查。'),
    // A purpose with facts, not a preamble.
    md('为贯彻落实《安全生产法》，市应急管理局开展执法检查。'),
    md('随着气温升高，全市用电负荷持续攀升。'),
    // No comma: where the preamble ends is unclear, so nothing is reported.
    md('在市委的领导下我局开展专项整治。'),
    // Inline code is never read as part of a preamble.
    md('在`市委`的坚强领导下，我局扎实推进农村公路建设。'),
    // A preamble in the headline is not the lead.
    '# 在市委领导下我局扎实推进农村公路建设\n\n3月12日，我局召开农村公路建设推进会。\n',
    // A list is not a lead paragraph.
    md('- 在市委的领导下，我局扎实推进农村公路建设。'),
    // ignore
    { text: md('随着经济社会的快速发展，我市交通流量不断增加。'), options: { ignore: ['随着……发展'] } },
  ],
  invalid: [
    {
      text: md('在市委、市政府的坚强领导下，我局扎实推进农村公路建设。'),
      errors: [{ messageId: 'preamble', message: msg('在……领导下'), line: 3, column: 1, endLine: 3, endColumn: 15, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a comma inside the preamble',
      text: md('在市委，市政府的坚强领导下，我局扎实推进农村公路建设。'),
      errors: [{ messageId: 'preamble', message: msg('在……领导下'), line: 3, column: 1, endColumn: 15 }],
      output: null,
    },
    {
      name: 'a coordinated second part',
      text: md('在区委、区政府的正确领导下和市交通运输局的大力支持下，我区完成道路改造12公里。'),
      errors: [{ messageId: 'preamble', message: msg('在……领导下'), line: 3, column: 1, endColumn: 28 }],
    },
    {
      text: md('以习近平新时代中国特色社会主义思想为指导，区委组织部深入开展主题教育。'),
      errors: [{ messageId: 'preamble', message: msg('以……为指导'), line: 3, column: 1, endColumn: 22 }],
    },
    {
      text: md('随着经济社会的快速发展，我市交通流量不断增加。'),
      errors: [{ messageId: 'preamble', message: msg('随着……发展'), line: 3, column: 1, endColumn: 13 }],
    },
    {
      text: md('为深入贯彻落实党的二十大精神，县政务服务中心推出“一件事一次办”改革。'),
      errors: [{ messageId: 'preamble', message: msg('为深入贯彻落实……'), line: 3, column: 1, endColumn: 16 }],
    },
    {
      name: 'half-width comma',
      text: md('在市委领导下,我局扎实推进农村公路建设。'),
      errors: [{ messageId: 'preamble', message: msg('在……领导下'), line: 3, column: 1, endColumn: 8 }],
    },
    {
      name: 'block quote',
      text: md('> 在省委的亲切关怀下，我县脱贫攻坚取得决定性成效。'),
      errors: [{ messageId: 'preamble', message: msg('在……关怀下'), line: 3, column: 3, endColumn: 13 }],
    },
    {
      name: 'a link inside the preamble',
      text: md('在[市委](https://example.gov.cn)的坚强领导下，我局扎实推进农村公路建设。'),
      errors: [{ messageId: 'preamble', line: 3, column: 1, endColumn: 37 }],
    },
    {
      name: 'text: after a salutation, with an indented first line',
      format: 'text',
      text: '关于道路建设的情况\n各位领导、同志们：\n　　在市委、市政府的坚强领导下，我局扎实推进农村公路建设。\n',
      errors: [{ messageId: 'preamble', message: msg('在……领导下'), line: 3, column: 3, endLine: 3, endColumn: 17 }],
      output: null,
    },
    {
      name: 'a preamble inside the opening clause',
      text: md('我局在市委的领导下，扎实推进农村公路建设。'),
      errors: [{ messageId: 'preambleInOpening', message: '导语开头的“在……领导下”是套话（穿靴戴帽），请删去，开门见山写事实。', line: 3, column: 3, endColumn: 11 }],
    },
    {
      name: 'on a word boundary: 在 inside 现在 does not start a preamble',
      text: md('现在在市委的领导下，我局扎实推进农村公路建设。'),
      errors: [{ messageId: 'preambleInOpening', line: 3, column: 3, endColumn: 11 }],
    },
    {
      name: 'phrases filler-phrase leaves to this rule',
      text: md('在省交通运输厅的大力支持下，我市完成国省道改造45公里。'),
      errors: [{ messageId: 'preamble', message: msg('在……大力支持下'), line: 3, column: 1, endColumn: 15 }],
    },
    {
      text: md('经过全体干部职工的共同努力，我局圆满完成年度目标任务。'),
      errors: [{ messageId: 'preamble', message: msg('经过……共同努力'), line: 3, column: 1, endColumn: 15 }],
    },
    {
      name: 'an extra pattern from the config',
      text: md('按照市委、市政府的统一部署，我局开展安全生产大检查。'),
      options: { extra: ['按照……统一部署'] },
      errors: [{ messageId: 'preamble', message: msg('按照……统一部署'), line: 3, column: 1, endColumn: 15 }],
    },
  ],
})

describe('lead-preamble suggestion', () => {
  it('offers deleting the preamble to editors, but --fix leaves it', () => {
    const text = md('随着经济社会的快速发展，我市交通流量不断增加。')
    const [d] = lintWith(rule, text)
    expect([d.actual, d.expected, d.fix]).toEqual(['随着经济社会的快速发展，', [], undefined])
  })
})
