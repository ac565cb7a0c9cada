import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

runRuleTests(rule, {
  valid: [
    '# 河湾区推进政务服务改革\n\n2025年3月5日，区行政审批局召开推进会，共42人参加。',
    // Latin words, X-rays, Roman numerals, multiplication and numerals written with 〇.
    '# 标题\n\n尺码XXL，Xbox，X光检查，XX世纪末，3×4米，二〇〇五年，二○○五年。',
    // 张某某 is a name kept back on purpose; 某 alone is ordinary wording.
    '# 标题\n\n经查，张某某违规收受礼品，已给予处分。',
    '# 标题\n\n某企业反映，某县道路破损。',
    // An ellipsis that ends a list, a quotation with an omission, a pattern named in quotes, the end of a sentence.
    '# 标题\n\n包括食品、药品……等事项。',
    '# 标题\n\n他强调：“……要把群众满意作为标准。”',
    // A short quotation after a colon is speech with an omission, not a name.
    '# 标题\n\n他说：“……抓紧办理”。',
    '# 标题\n\n避免“在……领导下”之类套话。',
    '# 标题\n\n工作还有差距……',
    // Code and URLs are not prose.
    '# 标题\n\n变量名`XX_COUNT`不检查，见 https://example.gov.cn/XX 。',
    // A row of circles with no text next to it is decoration.
    '# 标题\n\n○○○○○○',
    { text: '# 标题\n\n由某某负责。', options: { ignore: ['某某'] } },
    { text: '# 标题\n\nXX局牵头，某某配合。', options: { ignore: ['XX', '某某'] } },
    { text: '# 标题\n\n开发……政务服务网', options: { ellipsis: false } },
  ],
  invalid: [
    {
      text: '# XX局关于20XX年工作的汇报\n\n20XX年XX月XX日，XX局召开会议，共XX人参加。',
      errors: [
        { messageId: 'unfilled', message: '“XX”是未填写的占位内容，请补全后再报送。', line: 1, column: 3, endColumn: 5, severity: 'error' },
        { messageId: 'unfilled', message: '“20XX年”是未填写的占位内容，请补全后再报送。', line: 1, column: 8, endColumn: 13 },
        { messageId: 'unfilled', message: '“20XX年XX月XX日”是未填写的占位内容，请补全后再报送。', line: 3, column: 1, endColumn: 12 },
        { messageId: 'unfilled', line: 3, column: 13, endColumn: 15 },
        { messageId: 'unfilled', line: 3, column: 22, endColumn: 24 },
      ],
      output: null,
    },
    {
      // 某某 and 王×× may be names kept back on purpose: a warning. 江XX局 is an office: an error.
      text: '# 标题\n\n由某某同志负责，王××、江XX局参加，效率提高XX个百分点。',
      errors: [
        { messageId: 'maybeName', message: '“某某”疑为未填写的名称，请补全；有意隐去姓名的，写作“王某”即可。', line: 3, column: 2, endColumn: 4, severity: 'warning' },
        { messageId: 'maybeName', message: '“××”疑为未填写的名称，请补全；有意隐去姓名的，写作“王某”即可。', line: 3, column: 10, endColumn: 12, severity: 'warning' },
        { messageId: 'unfilled', line: 3, column: 14, endColumn: 16, severity: 'error' },
        { messageId: 'unfilled', line: 3, column: 24, endColumn: 26, severity: 'error' },
      ],
    },
    {
      text: '# 标题\n\n○○局、□□县、＊＊镇、××公司、xx办、ＸＸ站。',
      errors: [
        { messageId: 'unfilled', message: '“○○”是未填写的占位内容，请补全后再报送。', line: 3, column: 1, endColumn: 3 },
        { messageId: 'unfilled', line: 3, column: 5, endColumn: 7 },
        { messageId: 'unfilled', line: 3, column: 9, endColumn: 11 },
        { messageId: 'unfilled', line: 3, column: 13, endColumn: 15 },
        { messageId: 'unfilled', line: 3, column: 18, endColumn: 20 },
        { messageId: 'unfilled', message: '“ＸＸ”是未填写的占位内容，请补全后再报送。', line: 3, column: 22, endColumn: 24 },
      ],
    },
    {
      // An ellipsis where a name should be: a hint between two words, a warning at the start of a short quoted name.
      text: '# 标题\n\n开发...政务服务网，打造“...云踏勘”小程序，印发《……管理办法》。',
      errors: [
        { messageId: 'ellipsis', message: '省略号处疑似漏写名称，请补全。', line: 3, column: 3, endColumn: 6, severity: 'info' },
        { messageId: 'ellipsis', line: 3, column: 15, endColumn: 18, severity: 'warning' },
        { messageId: 'ellipsis', line: 3, column: 29, endColumn: 31, severity: 'warning' },
      ],
    },
    {
      text: '# 标题\n\n此处填写单位名称。TODO补充数据。TODOS',
      errors: [
        { messageId: 'unfilled', message: '“此处填写”是未填写的占位内容，请补全后再报送。', line: 3, column: 1, endColumn: 5 },
        { messageId: 'unfilled', line: 3, column: 10, endColumn: 14 },
      ],
    },
    {
      format: 'text',
      text: 'XX县关于防汛工作的报告\nX月X日，全县共XXX人参与。',
      errors: [
        { messageId: 'unfilled', line: 1, column: 1, endColumn: 3 },
        { messageId: 'unfilled', message: '“X月X日”是未填写的占位内容，请补全后再报送。', line: 2, column: 1, endColumn: 5 },
        { messageId: 'unfilled', message: '“XXX”是未填写的占位内容，请补全后再报送。', line: 2, column: 9, endColumn: 12 },
      ],
    },
    {
      // A block quote, a list item and an extra placeholder from the config.
      text: '> 联系人：某某\n\n- 报送单位：【单位名称】',
      options: { extra: ['【单位名称】'] },
      errors: [
        { messageId: 'maybeName', line: 1, column: 7, endColumn: 9 },
        { messageId: 'unfilled', message: '“【单位名称】”是未填写的占位内容，请补全后再报送。', line: 3, column: 8, endColumn: 14 },
      ],
    },
    {
      text: '# 标题\n\n详见[XX局通知](https://example.gov.cn)。',
      errors: [{ messageId: 'unfilled', line: 3, column: 4, endColumn: 6 }],
    },
  ],
})
