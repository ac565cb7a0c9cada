import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

runRuleTests(rule, {
  valid: [
    // Full years, durations and decades.
    '# 标题\n\n2005年建成，1999年3月启用，近10年来，10年内，用了10年，20世纪80年代。',
    '# 标题\n\n二〇〇五年、二○○五年、一九九九年分别立项，三五年内完成，前后七八年。',
    // Estimates written right; lists of exact numbers; 第三、四季度 is short for 第三季度、第四季度.
    '# 标题\n\n约七八个，三四天，两三次，3、5个，第三、四季度，7、8月份，3、4层，3、4年级，2、3、4个，分别有7、8个，一、二批试点。',
    // At the start of a block 三、 is an ordinal: 三、 + 四个专班.
    '# 标题\n\n三、四个专班同步推进。',
    '# 标题\n\n全长150公里，共3次，2025年，50%，G15 公路，Windows 10 系统。',
    '# 标题\n\n`150 公里`是代码示例。',
    '> 全年完成2025件。',
    { text: '# 标题\n\n全长150 公里。', options: { spacing: false } },
    { text: '# 标题\n\n全区05年建成。', options: { years: false } },
    { text: '# 标题\n\n共２０件。', options: { fullWidth: false } },
    { text: '# 标题\n\n约7、8个。', options: { estimates: false } },
    { text: '# 标题\n\n全长150 公里。', options: { ignore: ['公里'] } },
    { text: '# 标题\n\n约7、8个。', options: { ignoreMeasures: ['个'] } },
    { format: 'text', text: '标题\n2025年3月，全长150公里。' },
  ],
  invalid: [
    {
      text: '# 标题\n\n全区05年建成，99年3月启用，〇五年底验收，截至19年，2019—20年。',
      errors: [
        { messageId: 'shortYear', message: '年份“05年”是简写，请写全四位年份。', line: 3, column: 3, endColumn: 6, severity: 'warning' },
        { messageId: 'shortYear', message: '年份“99年”是简写，请写全四位年份。', line: 3, column: 9, endColumn: 12 },
        { messageId: 'shortYear', message: '年份“〇五年”是简写，请写全四位年份。', line: 3, column: 17, endColumn: 20 },
        { messageId: 'shortYear', line: 3, column: 26, endColumn: 29 },
        { messageId: 'shortYear', line: 3, column: 35, endColumn: 38 },
      ],
      output: null,
    },
    {
      // 于98年 is most likely a year, but not surely: a hint only.
      text: '# 标题\n\n该桥于98年通车。',
      errors: [{ messageId: 'shortYear', line: 3, column: 4, endColumn: 7, severity: 'info' }],
      output: null,
    },
    {
      text: '# 标题\n\n九八年三月立项。',
      errors: [{ messageId: 'shortYear', message: '年份“九八年”是简写，请写全四位年份。', line: 3, column: 1, endColumn: 4 }],
    },
    {
      text: '# 标题\n\n约7、8个乡镇，持续三、四天，涉及两、三次，1、2个百分点，2、3万元。',
      errors: [
        { messageId: 'estimate', message: '相邻两数表示概数，用汉字数字且不加顿号，“7、8”应写作“七八”。', line: 3, column: 2, endColumn: 5 },
        { messageId: 'estimate', message: '相邻两数表示概数，用汉字数字且不加顿号，“三、四”应写作“三四”。', line: 3, column: 11, endColumn: 14 },
        { messageId: 'estimate', line: 3, column: 18, endColumn: 21 },
        { messageId: 'estimate', message: '相邻两数表示概数，用汉字数字且不加顿号，“1、2”应写作“一两”。', line: 3, column: 23, endColumn: 26 },
        { messageId: 'estimate', line: 3, column: 31, endColumn: 34 },
      ],
      output: '# 标题\n\n约七八个乡镇，持续三四天，涉及两三次，一两个百分点，两三万元。',
    },
    {
      text: '# 标题\n\n共２０２５件，增长１２．５％。',
      errors: [
        { messageId: 'fullWidth', message: '全角数字“２０２５”应改为半角“2025”。', line: 3, column: 2, endColumn: 6 },
        { messageId: 'fullWidth', message: '全角数字“１２．５”应改为半角“12.5”。', line: 3, column: 10, endColumn: 14 },
      ],
      output: '# 标题\n\n共2025件，增长12.5％。',
    },
    {
      text: '# 标题\n\n全长150 公里，共 3 次，截至2025 年底，增长50 %，投资3.5 亿元。',
      errors: [
        { messageId: 'spacing', message: '数字与单位之间不空格，“150 公里”应写作“150公里”。', line: 3, column: 3, endColumn: 9 },
        { messageId: 'spacing', message: '数字与单位之间不空格，“共 3 次”应写作“共3次”。', line: 3, column: 10, endColumn: 15 },
        { messageId: 'spacing', line: 3, column: 18, endColumn: 24 },
        { messageId: 'spacing', line: 3, column: 28, endColumn: 32 },
        { messageId: 'spacing', message: '数字与单位之间不空格，“3.5 亿元”应写作“3.5亿元”。', line: 3, column: 35, endColumn: 41 },
      ],
      output: '# 标题\n\n全长150公里，共3次，截至2025年底，增长50%，投资3.5亿元。',
    },
    {
      format: 'text',
      text: '标题\r\n全长150 公里。\r\n',
      errors: [{ messageId: 'spacing', line: 2, column: 3, endColumn: 9 }],
      output: '标题\r\n全长150公里。\r\n',
    },
    {
      // A block quote and a list item.
      text: '> 近３年\n\n- 约5、6人',
      errors: [
        { messageId: 'fullWidth', line: 1, column: 4, endColumn: 5 },
        { messageId: 'estimate', message: '相邻两数表示概数，用汉字数字且不加顿号，“5、6”应写作“五六”。', line: 3, column: 4, endColumn: 7 },
      ],
      output: '> 近3年\n\n- 约五六人',
    },
    {
      text: '# 标题\n\n共3 批次，约7、8批。',
      options: { extra: ['批次'], extraMeasures: ['批'] },
      errors: [
        { messageId: 'spacing', line: 3, column: 2, endColumn: 6 },
        { messageId: 'estimate', line: 3, column: 8, endColumn: 11 },
      ],
      output: '# 标题\n\n共3批次，约七八批。',
    },
  ],
})
