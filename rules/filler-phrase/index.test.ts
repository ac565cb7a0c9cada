import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const lead = '# 县交通运输局完成桥梁排查\n\n9月以来，县交通运输局排查农村公路桥梁312座。\n\n'
/** A paragraph after the lead, named by its own text. */
const after = (text: string) => ({ name: text, text: lead + text })

runRuleTests(rule, {
  valid: [
    after('排查发现隐患27处，已整改24处。'),
    // The lead's opening clause is lead-preamble's: a preamble is reported once, there.
    '在县委县政府的正确领导下，我县完成桥梁排查312座。\n\n隐患已整改24处。',
    // Quoting the pattern is a mention, not a use (full-width and half-width quotes).
    after('信息中不写“在……领导下”“众所周知”这类套话。'),
    after('不要写"在...领导下"。'),
    // 在 and 领导下 more than 20 characters apart (here 21) do not pair up.
    after('在县交通运输局和县公路管理站两级党组织的统一领导下完成。'),
    // The gap never crosses a comma, and 下一步 is not 领导下.
    after('在检查中，局领导下到一线路段查看。'),
    after('扩建事宜在局领导下一步的议事日程中。'),
    // 在 inside 现在 is not the preposition; the 下 of 下基层 is part of a word.
    after('现在领导下基层调研已成常态。'),
    // Phrases match whole words only: 实践证明 is not found in 实践证明书.
    after('申请人已提交实践证明书。'),
    // Inline code is never linted.
    after('配置项 `众所周知` 保留原样。'),
    { name: 'ignore option', text: lead + '众所周知，桥梁需要定期检测。', options: { ignore: ['众所周知'] } },
  ],
  invalid: [
    {
      // A literal filler at the start of the lead is not a preamble pattern: reported here.
      text: '众所周知，9月以来县交通运输局排查桥梁312座。',
      errors: [{ messageId: 'filler', line: 1, column: 1, endColumn: 5 }],
    },
    {
      name: 'guide pattern after the lead',
      text: lead + '在县委县政府的坚强领导下，27处隐患已整改24处。',
      errors: [{ messageId: 'filler', message: '“在县委县政府的坚强领导下”是套话，请删去，直接写事实。', line: 5, column: 1, endLine: 5, endColumn: 13 }],
      output: null,
    },
    {
      name: 'gap of 20 characters',
      // Mid-sentence; 20 characters of gap is the limit.
      text: lead + '我局在县交通运输局和县公路管理站两级基层党组织领导下完成。',
      errors: [{ messageId: 'filler', line: 5, column: 3, endColumn: 27 }],
    },
    {
      name: 'literal phrase and a hint',
      // Literal phrases on token boundaries; borderline ones are hints (info).
      text: lead + '众所周知，桥梁要定期检测。我局精心组织，完成检测87座。',
      errors: [
        { messageId: 'filler', message: '“众所周知”是套话，请删去，直接写事实。', line: 5, column: 1, endColumn: 5, severity: 'warning' },
        { messageId: 'borderline', message: '“精心组织”多为空话，请写明具体做法，或删去。', line: 5, column: 16, endColumn: 20, severity: 'info' },
      ],
    },
    {
      name: 'second clause of the lead',
      // Only the lead's opening clause is left to lead-preamble.
      text: '为加快项目进度，在市委领导下，我局完成改造。\n\n改造路段12公里。',
      errors: [{ messageId: 'filler', message: '“在市委领导下”是套话，请删去，直接写事实。', line: 1, column: 9, endColumn: 15 }],
    },
    {
      name: 'headline',
      // The headline is checked too.
      text: '# 在市委领导下我区完成改造\n\n改造路段12公里。',
      errors: [{ messageId: 'filler', line: 1, column: 3, endColumn: 9 }],
    },
    {
      name: 'block quote and overlap',
      // Block quote; the 在……高度重视下 pattern wins over the hint inside it.
      text: lead + '> 在各级领导高度重视下，经过全体干部职工的共同努力，工程完工。',
      errors: [
        { messageId: 'filler', message: '“在各级领导高度重视下”是套话，请删去，直接写事实。', line: 5, column: 3, endColumn: 13 },
        { messageId: 'filler', line: 5, column: 14, endColumn: 27 },
      ],
    },
    {
      name: 'link',
      // A link's text is prose; the range covers the link's source.
      text: lead + '在[市委](http://x.cn)领导下，工程完工。',
      errors: [{ messageId: 'filler', line: 5, column: 1, endColumn: 22 }],
    },
    {
      name: 'half-width comma and quoted use',
      // Half-width comma after the phrase; a quoted use (not a bare quoted pattern) counts.
      text: lead + '在市委领导下,工程完工。在“一带一路”倡议指引下，出口增长。',
      errors: [
        { messageId: 'filler', line: 5, column: 1, endColumn: 7 },
        { messageId: 'filler', line: 5, column: 13, endColumn: 25 },
      ],
    },
    {
      name: 'text format',
      format: 'text',
      text: '县交通运输局完成改造\r\n改造路段12公里。\r\n在上级部门的亲切关怀下，工程提前完工。\r\n',
      errors: [{ messageId: 'filler', message: '“在上级部门的亲切关怀下”是套话，请删去，直接写事实。', line: 3, column: 1, endColumn: 12 }],
    },
    {
      name: 'extra option',
      // Config adds entries, with or without a gap, warning or hint.
      text: lead + '在市委统一部署下，层层压实责任。',
      options: { extra: ['在……统一部署下', '层层压实 info'] },
      errors: [
        { messageId: 'filler', line: 5, column: 1, endColumn: 9, severity: 'warning' },
        { messageId: 'borderline', message: '“层层压实”多为空话，请写明具体做法，或删去。', line: 5, column: 10, endColumn: 14, severity: 'info' },
      ],
    },
  ],
})
