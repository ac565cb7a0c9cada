import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

runRuleTests(rule, {
  valid: [
    // The right forms are never reported.
    '区住建局研究部署下半年安全生产工作，要求各单位再接再厉、一鼓作气。',
    // A wrong form inside longer correct words: 照成 in 按照成本, 以经 in 以经济.
    '项目按照成本价结算，坚持以经济建设为中心。',
    // 截止 for a deadline stays.
    '项目申报截止日期为6月30日，逾期不再受理。',
    '报名截止6月30日。',
    '申报工作截止到本月底。',
    '会议要求，截止6月30日前各单位须报送材料。',
    '截至目前，全区已完成老旧小区改造12个。',
    // 做 + 为…, 以 + 经…: not 作为 / 已经.
    '这样做为企业节省了办事时间。',
    '要多做为群众排忧解难的实事。',
    '资金使用情况以经审计的数据为准。',
    // Inline code and link targets are not prose.
    '系统配置项 `布署` 不在检查范围内。',
    '详见[通知](http://example.com/布署)。',
    { text: '现场设备已按装完毕。', options: { ignore: ['按装'] } },
    { text: '截止目前，全区已完成改造。', options: { ignore: ['截止'] } },
    { text: '关于全区防汛工作的报告\n汛期前，各镇完成了堤坝加固。', format: 'text' },
  ],
  invalid: [
    {
      text: '市交通局召开会议，布署秋冬季道路安全工作。',
      errors: [{ messageId: 'typo', message: '“布署”是错别字，请改为“部署”。', line: 1, column: 10, endLine: 1, endColumn: 12, severity: 'error' }],
      output: '市交通局召开会议，部署秋冬季道路安全工作。',
    },
    {
      // The headline is checked too.
      text: '# 全市重点工程年底峻工\n\n正文内容。',
      errors: [{ messageId: 'typo', message: '“峻工”是错别字，请改为“竣工”。', line: 1, column: 11, endColumn: 13 }],
      output: '# 全市重点工程年底竣工\n\n正文内容。',
    },
    {
      text: '各部门要再接再励，以经完成的任务要及时总结。',
      errors: [
        { messageId: 'typo', message: '“再接再励”是错别字，请改为“再接再厉”。', line: 1, column: 5, endColumn: 9 },
        { messageId: 'typo', message: '“以经”是错别字，请改为“已经”。', line: 1, column: 10, endColumn: 12 },
      ],
      output: '各部门要再接再厉，已经完成的任务要及时总结。',
    },
    {
      text: '截止目前，全市已完成改造任务。',
      errors: [{ messageId: 'jiezhi', message: '表示“到某时为止”应写“截至”，请把“截止”改为“截至”。', line: 1, column: 1, endColumn: 3, severity: 'warning' }],
      output: '截至目前，全市已完成改造任务。',
    },
    {
      text: '截止2025年6月30日，全市共受理申请1200件。',
      errors: [{ messageId: 'jiezhi', line: 1, column: 1, endColumn: 3 }],
      output: '截至2025年6月30日，全市共受理申请1200件。',
    },
    {
      text: '据统计，截止今年6月底，全区累计发放补贴300万元。',
      errors: [{ messageId: 'jiezhi', line: 1, column: 5, endColumn: 7 }],
      output: '据统计，截至今年6月底，全区累计发放补贴300万元。',
    },
    {
      // Half-width comma before 截止.
      text: '据统计,截止上半年末,全区新增就业岗位800个。',
      errors: [{ messageId: 'jiezhi', line: 1, column: 5, endColumn: 7 }],
      output: '据统计,截至上半年末,全区新增就业岗位800个。',
    },
    {
      // 做为 ending the clause after an adverb is 作为 all the same.
      text: '干部要敢于担当、积极做为。',
      errors: [{ messageId: 'typo', message: '“做为”是错别字，请改为“作为”。', line: 1, column: 11, endColumn: 13 }],
      output: '干部要敢于担当、积极作为。',
    },
    {
      text: '做为试点单位，我区率先推行告知承诺制。',
      errors: [{ messageId: 'typo', line: 1, column: 1, endColumn: 3 }],
      output: '作为试点单位，我区率先推行告知承诺制。',
    },
    {
      text: '> 该批设备已按装调试完毕。',
      errors: [{ messageId: 'typo', message: '“按装”是错别字，请改为“安装”。', line: 1, column: 8, endColumn: 10 }],
      output: '> 该批设备已安装调试完毕。',
    },
    {
      text: '工程**峻工**验收顺利完成。',
      errors: [{ messageId: 'typo', line: 1, column: 5, endColumn: 7 }],
      output: '工程**竣工**验收顺利完成。',
    },
    {
      text: '推行网格化管里模式。',
      options: { extra: ['网格化管里→网格化管理'] },
      errors: [{ messageId: 'typo', message: '“网格化管里”是错别字，请改为“网格化管理”。', line: 1, column: 3, endColumn: 8 }],
      output: '推行网格化管理模式。',
    },
    {
      // A one-character form (no second character to compare first), also at a paragraph's end.
      text: '设备均已臵',
      options: { extra: ['臵→置'] },
      errors: [{ messageId: 'typo', message: '“臵”是错别字，请改为“置”。', line: 1, column: 5, endColumn: 6 }],
      output: '设备均已置',
    },
    {
      format: 'text',
      text: '关于防讯工作的通报\n各镇要做好主讯期值班值守。',
      errors: [
        { messageId: 'typo', message: '“防讯”是错别字，请改为“防汛”。', line: 1, column: 3, endColumn: 5 },
        { messageId: 'typo', message: '“讯期”是错别字，请改为“汛期”。', line: 2, column: 7, endColumn: 9 },
      ],
      output: '关于防汛工作的通报\n各镇要做好主汛期值班值守。',
    },
    {
      // Misspellings the writing guide itself contains.
      text: '应急处臵能力明显提升，报送要调理清晰。',
      errors: [
        { messageId: 'typo', message: '“处臵”是错别字，请改为“处置”。', line: 1, column: 3, endColumn: 5 },
        { messageId: 'typo', message: '“调理清晰”是错别字，请改为“条理清晰”。', line: 1, column: 15, endColumn: 19 },
      ],
      output: '应急处置能力明显提升，报送要条理清晰。',
    },
    {
      text: '| 项目 | 状态 |\n| --- | --- |\n| 管网 | 已峻工 |',
      errors: [{ messageId: 'typo', line: 3, column: 9, endColumn: 11 }],
      output: '| 项目 | 状态 |\n| --- | --- |\n| 管网 | 已竣工 |',
    },
    {
      text: '- 引导居民合理储畜，防范非法集资。',
      errors: [{ messageId: 'typo', message: '“储畜”是错别字，请改为“储蓄”。', line: 1, column: 9, endColumn: 11 }],
      output: '- 引导居民合理储蓄，防范非法集资。',
    },
  ],
})
