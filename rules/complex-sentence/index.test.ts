import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const lead = '# 县交通运输局完成桥梁加固\n\n县交通运输局9月完成危桥加固5座。\n\n'
/** A paragraph after the lead, named by its own text. */
const after = (text: string) => ({ name: text, text: lead + text })

runRuleTests(rule, {
  valid: [
    after('今年雨水偏多，项目仍按期完工。'),
    // The two parts must be in the same sentence.
    after('虽然雨水偏多。但是项目按期完工。'),
    // 但 inside 不但 is not 但; 不但 alone is no pair; 冷却 is not 却.
    after('虽然工期紧，项目不但按期完工。'),
    after('尽管气温很高，冷却设备运行正常。'),
    // Naming the pattern is a mention, not a use.
    after('信息中少用“虽然……但是”这类句式。'),
    // More than 60 characters (punctuation counted) between the connectives: not a pair.
    after('虽然' + '全县危桥数量多分布散'.repeat(6) + '，但是加固已完成。'),
    // The headline is left to the headline rules.
    '# 虽然雨水偏多但是项目按期完工\n\n项目按期完工。',
    { name: 'ignore option', text: lead + '不仅提高了效率，而且降低了成本。', options: { ignore: ['不仅…而且'] } },
  ],
  invalid: [
    {
      name: '虽然……但是',
      text: lead + '虽然今年雨水偏多，但是项目仍按期完工。',
      errors: [{ messageId: 'pair', message: '“虽然……但是”句式关系复杂，请拆成短句，直接陈述。', line: 5, column: 1, endLine: 5, endColumn: 12, severity: 'warning' }],
      output: null,
    },
    {
      name: '虽然……但 and 尽管……却',
      text: lead + '虽然资金紧张，但工程没有停工。尽管工期很紧，却未发生安全事故。',
      errors: [
        { messageId: 'pair', message: '“虽然……但”句式关系复杂，请拆成短句，直接陈述。', line: 5, column: 1, endColumn: 9 },
        { messageId: 'pair', message: '“尽管……却”句式关系复杂，请拆成短句，直接陈述。', line: 5, column: 16, endColumn: 24 },
      ],
    },
    {
      name: '不但……而且, 为了……因此',
      text: lead + '加固后不但载重提高，而且寿命延长。为了保障通行，施工期间设置便道，因此交通未中断。',
      errors: [
        { messageId: 'pair', message: '“不但……而且”句式关系复杂，请拆成短句，直接陈述。', line: 5, column: 4, endColumn: 13 },
        { messageId: 'pair', message: '“为了……因此”句式关系复杂，请拆成短句，直接陈述。', line: 5, column: 18, endColumn: 36 },
      ],
    },
    {
      // 60 characters between the connectives is still a pair.
      name: 'maxDistance',
      text: lead + '虽然' + '全县危桥数量多分布散'.repeat(6).slice(0, 59) + '，但是加固已完成。',
      errors: [{ messageId: 'pair', line: 5, column: 1, endColumn: 65 }],
    },
    {
      // A connective is used once: 不仅……而且 (warning), not also 不仅……也 (hint).
      name: 'warning before hint',
      text: lead + '不仅提高了效率，而且也降低了成本。不仅提高了效率，也降低了成本。',
      errors: [
        { messageId: 'pair', line: 5, column: 1, endColumn: 11, severity: 'warning' },
        { messageId: 'pair', message: '“不仅……也”句式关系复杂，请拆成短句，直接陈述。', line: 5, column: 18, endColumn: 27, severity: 'info' },
      ],
    },
    {
      name: 'block quote and list item, half-width comma',
      text: lead + '> 虽然下雨,但是完工。\n\n- 尽管路面湿滑，但是未发生事故。',
      errors: [
        { messageId: 'pair', line: 5, column: 3, endColumn: 10 },
        { messageId: 'pair', line: 7, column: 3, endColumn: 12 },
      ],
    },
    {
      format: 'text',
      name: 'text format',
      text: '县交通运输局完成桥梁加固\n县交通运输局9月完成危桥加固5座。\n虽然工期紧，但是质量达标。\n',
      errors: [{ messageId: 'pair', message: '“虽然……但是”句式关系复杂，请拆成短句，直接陈述。', line: 3, column: 1, endColumn: 9 }],
    },
    {
      name: 'extra option',
      text: lead + '即使遇到降雨，施工也不停止。',
      options: { extra: ['即使…也 info'] },
      errors: [{ messageId: 'pair', message: '“即使……也”句式关系复杂，请拆成短句，直接陈述。', line: 5, column: 1, endColumn: 11, severity: 'info' }],
    },
  ],
})
