import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const di = (phrase: string, fixed: string) => `动词前的状语应接“地”：请把“${phrase}”改为“${fixed}”。`
const de = (phrase: string, fixed: string) => `动词后的补语应由“得”引出：请把“${phrase}”改为“${fixed}”。`

runRuleTests(rule, {
  valid: [
    '各部门认真地落实了会议精神。',
    '今年的秋粮收购工作完成得很好。',
    '部分单位整改落实得不够。',
    // A noun (or a verb used as a noun) after 的 is right.
    '专项行动发挥了积极的作用。',
    '群众满意度取得了明显的提升。',
    '这是目前最好的安排了。',
    '经过不断的努力，积压问题全部办结。',
    '这个问题需要进一步的研究。',
    '市直部门给予了大力的支持。',
    '建立有效的解决机制，开展细致的排查。',
    '在不断的发展过程中积累经验。',
    '这是严格的标准，也是已经完成的任务。',
    '默默的付出值得尊重。',
    '有效的对策已经形成。',
    // 的 making the subject (“what we know”) is right.
    '我们掌握的情况非常有限。',
    '群众反映的比较集中。',
    '其中占比最多的为住宅类。',
    '他说的不错。',
    // The adjective is attributive: 非常好的成绩.
    '取得的非常好的成绩得到上级肯定。',
    '我们需要的更好的方案已经形成。',
    // 唯一 modifies 乡镇, not 完成.
    '全市唯一的完成了全年任务的乡镇受到表彰。',
    '配置说明见 `认真的落实了` 字段。',
    { format: 'text', text: '全区防汛工作情况\n各镇防汛物资准备得很充分。' },
    { text: '该局认真的研究了群众的建议。', options: { ignore: ['认真的研究'] } },
  ],
  invalid: [
    {
      text: '各部门认真的落实了会议精神。',
      errors: [{ messageId: 'di', message: di('认真的落实', '认真地落实'), line: 1, column: 6, endLine: 1, endColumn: 7, severity: 'warning' }],
      output: '各部门认真地落实了会议精神。',
    },
    {
      text: '执法人员严格的执行了有关规定。',
      errors: [{ messageId: 'di', message: di('严格的执行', '严格地执行'), line: 1, column: 7, endColumn: 8 }],
      output: '执法人员严格地执行了有关规定。',
    },
    {
      text: '我们要更快的为企业办事。',
      errors: [{ messageId: 'di', message: di('更快的为', '更快地为'), line: 1, column: 6, endColumn: 7 }],
      output: '我们要更快地为企业办事。',
    },
    {
      text: '今年的秋粮收购工作完成的很好。',
      errors: [{ messageId: 'de', message: de('完成的很好', '完成得很好'), line: 1, column: 12, endColumn: 13, severity: 'warning' }],
      output: '今年的秋粮收购工作完成得很好。',
    },
    {
      text: '部分单位整改落实的不够。',
      errors: [{ messageId: 'de', message: de('落实的不够', '落实得不够'), line: 1, column: 9, endColumn: 10 }],
      output: '部分单位整改落实得不够。',
    },
    {
      text: '有的乡镇工作推进的比较慢。',
      errors: [{ messageId: 'de', message: de('推进的比较慢', '推进得比较慢'), line: 1, column: 9, endColumn: 10 }],
      output: '有的乡镇工作推进得比较慢。',
    },
    {
      text: '窗口工作人员有效的解决了群众反映的问题。',
      errors: [{ messageId: 'di', line: 1, column: 9, endColumn: 10 }],
      output: '窗口工作人员有效地解决了群众反映的问题。',
    },
    {
      text: '全区扎实的推进各项工作。',
      errors: [{ messageId: 'di', message: di('扎实的推进', '扎实地推进'), line: 1, column: 5, endColumn: 6 }],
      output: '全区扎实地推进各项工作。',
    },
    {
      text: '要尽快的完成道路修复任务。',
      errors: [{ messageId: 'di', message: di('尽快的完成', '尽快地完成'), line: 1, column: 4, endColumn: 5 }],
      output: '要尽快地完成道路修复任务。',
    },
    {
      text: '干部要紧紧的围绕中心工作谋划思路。',
      errors: [{ messageId: 'di', line: 1, column: 6, endColumn: 7 }],
      output: '干部要紧紧地围绕中心工作谋划思路。',
    },
    {
      text: '工作人员主动的向上级汇报情况。',
      errors: [{ messageId: 'di', message: di('主动的向', '主动地向'), line: 1, column: 7, endColumn: 8 }],
      output: '工作人员主动地向上级汇报情况。',
    },
    {
      text: '这项工作开展的非常扎实。',
      errors: [{ messageId: 'de', message: de('开展的非常扎实', '开展得非常扎实'), line: 1, column: 7, endColumn: 8 }],
      output: '这项工作开展得非常扎实。',
    },
    {
      text: '他们把摊子铺的很大。',
      errors: [{ messageId: 'de', line: 1, column: 7, endColumn: 8 }],
      output: '他们把摊子铺得很大。',
    },
    {
      text: '各项工作落实的扎实。',
      errors: [{ messageId: 'de', message: de('落实的扎实', '落实得扎实'), line: 1, column: 7, endColumn: 8 }],
      output: '各项工作落实得扎实。',
    },
    {
      text: '效果好的很。',
      errors: [{ messageId: 'de', message: de('好的很', '好得很'), line: 1, column: 4, endColumn: 5 }],
      output: '效果好得很。',
    },
    {
      text: '要逐一的核实申报材料。',
      errors: [{ messageId: 'di', line: 1, column: 4, endColumn: 5 }],
      output: '要逐一地核实申报材料。',
    },
    {
      text: '> 街道积极的为企业解决用工难题。',
      errors: [{ messageId: 'di', message: di('积极的为', '积极地为'), line: 1, column: 7, endColumn: 8 }],
      output: '> 街道积极地为企业解决用工难题。',
    },
    {
      // A half-width comma ends the complement too.
      text: '会议精神传达的十分及时,各单位已部署落实。',
      errors: [{ messageId: 'de', message: de('传达的十分及时', '传达得十分及时'), line: 1, column: 7, endColumn: 8 }],
      output: '会议精神传达得十分及时,各单位已部署落实。',
    },
    {
      text: '村干部热情的接待了来访群众，问题解决的很及时。',
      errors: [
        { messageId: 'di', message: di('热情的接待', '热情地接待'), line: 1, column: 6, endColumn: 7 },
        { messageId: 'de', message: de('解决的很及时', '解决得很及时'), line: 1, column: 19, endColumn: 20 },
      ],
      output: '村干部热情地接待了来访群众，问题解决得很及时。',
    },
    {
      format: 'text',
      text: '全区防汛工作情况\n各镇防汛物资准备的很充分。',
      errors: [{ messageId: 'de', line: 2, column: 9, endColumn: 10 }],
      output: '全区防汛工作情况\n各镇防汛物资准备得很充分。',
    },
    {
      text: '# 全市秋粮收购推进的很顺利\n\n正文。',
      errors: [{ messageId: 'de', message: de('推进的很顺利', '推进得很顺利'), line: 1, column: 11, endColumn: 12 }],
      output: '# 全市秋粮收购推进得很顺利\n\n正文。',
    },
    {
      text: '要抓紧的完成整改。',
      options: { extra: ['抓紧'] },
      errors: [{ messageId: 'di', message: di('抓紧的完成', '抓紧地完成'), line: 1, column: 4, endColumn: 5 }],
      output: '要抓紧地完成整改。',
    },
    {
      text: '- 全市上下顺利的完成了各项任务。',
      errors: [{ messageId: 'di', line: 1, column: 9, endColumn: 10 }],
      output: '- 全市上下顺利地完成了各项任务。',
    },
  ],
})
