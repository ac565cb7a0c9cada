import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const body = '\n\n10月9日，县公路管理站联合执法大队在国道入城口设点检查。\n'
// 41 characters.
const long41 = '县公路管理站联合县交通运输综合行政执法大队开展国省干线公路超限超载车辆集中整治行动'

runRuleTests(rule, {
  valid: [
    '# 县交通局召开农村公路养护工作推进会' + body,
    // Exactly 40 characters.
    '# ' + long41.slice(1) + body,
    // Inline code is not counted: 36 characters of prose.
    '# 市数据局`ximo`上线政务信息写作检查服务方便全市各部门信息员在报送前自查自改稿件' + body,
    // A link counts by its text only (39 characters).
    '# [县公路站](https://glz.example.gov.cn)联合县交通运输综合行政执法大队开展国省干线公路超限超载车辆集中整治行动' + body,
    // Only the headline is checked: long section headings and paragraphs are other rules' business.
    '# 县交通局召开推进会' + body + '\n## ' + long41 + long41 + '\n\n' + long41 + '。\n',
    // A text draft whose first line is short.
    { text: '县交通局召开农村公路养护工作推进会\n' + long41 + '。\n', format: 'text' },
    { text: '# ' + long41 + long41 + body, options: { max: 90 } },
  ],
  invalid: [
    {
      text: '# ' + long41 + body,
      errors: [{ messageId: 'tooLong', message: '标题过长（41 字，建议不超过 40 字），请提炼主干、删去修饰。', line: 1, column: 3, endLine: 1, endColumn: 44, severity: 'warning' }],
      output: null,
    },
    {
      // The space between the two parts is not counted (42 code units, 41 characters).
      text: '# 基层反映部分乡镇农村公路养护资金缺口较大 建议将村道养护经费纳入县级财政预算统筹保障' + body,
      errors: [{ messageId: 'tooLong', message: '标题过长（41 字，建议不超过 40 字），请提炼主干、删去修饰。', line: 1, column: 3, endColumn: 45 }],
    },
    {
      // An astral character counts once but takes two columns (UTF-16).
      text: '# 𠀾溪村至县城的农村公路提档升级改造工程建成通车沿线两万余名群众出行更加便捷安全畅通' + body,
      errors: [{ messageId: 'tooLong', message: '标题过长（41 字，建议不超过 40 字），请提炼主干、删去修饰。', line: 1, column: 3, endColumn: 45 }],
    },
    {
      // A link at the start: the range starts at the link text.
      text: '# [县公路管理站](https://glz.example.gov.cn)联合县交通运输综合行政执法大队开展国省干线公路超限超载车辆集中整治行动' + body,
      errors: [{ messageId: 'tooLong', line: 1, column: 4, endColumn: 74 }],
    },
    {
      // Inside a block quote, emphasis in the headline.
      text: '> # **' + long41 + '**\n',
      errors: [{ messageId: 'tooLong', line: 1, column: 7, endColumn: 48 }],
    },
    {
      format: 'text',
      text: '县交通局召开农村公路养护工作推进会\r\n近日，县交通局召开推进会。\r\n',
      options: { max: 15 },
      errors: [{ messageId: 'tooLong', message: '标题过长（17 字，建议不超过 15 字），请提炼主干、删去修饰。', line: 1, column: 1, endColumn: 18 }],
    },
  ],
})
