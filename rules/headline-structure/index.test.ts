import { describe, it, expect } from 'vitest'
import { runRuleTests } from '../../packages/core/src/testing.js'
import { buildDocument } from '../../packages/core/src/document.js'
import rule, { classifyHeadline, type HeadlineType } from './index.js'

const body = '\n\n9月12日，县交通运输局组织养护人员对辖区国省干线开展路况巡查。\n'
const md = (headline: string) => `# ${headline}${body}`

// Headlines that must pass: the four types the guide teaches, and direct headlines whose verb
// jieba tags as a noun (部署/n, 启动/vn, 投入使用/n, 全线贯通/n, 印发/nz, 新建/ns …).
const clean = [
  '市交通局召开2025年度安全生产工作会议',
  '县人社局三举措稳就业',
  '区市场监管局四举措严把食品安全关',
  '市公路中心“四个加强”推进农村公路提档升级',
  '区农业农村局强化“三注重”助力秋粮颗粒归仓',
  '基层反映部分小微企业融资成本偏高 建议加大贴息支持力度',
  '企业代表提出8条建议吁请简化跨省通办流程',
  '某市半导体企业拟调整生产布局',
  '国庆假期可能出现返程车流高峰',
  '预计今冬全市天然气供应偏紧',
  '省交通运输厅领导调研我市农村公路管养工作',
  '全市首批智慧停车场正式投入使用',
  '国道改建工程全线贯通',
  '县农业农村局部署秋冬种工作',
  '市交通运输局启动农村公路“以奖代补”试点',
  '市委常委会专题研究乡村振兴工作',
  '市政府办公室印发关于进一步加强安全生产工作的通知',
  '市长听取全市防汛工作汇报',
  '县城新建3处公共停车场',
  '县水利局提前完成冬修水利任务',
  '全市重点工程建设进展顺利',
  '城区交通拥堵治理成效明显',
  '我市一季度经济运行平稳',
  '冬季道路保畅',
  '市数据局上线“一件事一次办”服务专区',
  '暴雨来袭 全市启动防汛四级应急响应',
  '“一网通办”跑出审批加速度',
  '市财政局多措并举盘活存量资金',
  '全市农村客运通达率达到100%',
  '县城第二水厂正式投产供水',
]

runRuleTests(rule, {
  valid: [
    // A verb that takes the report as its object: the headline reports an event.
    md('县长向县人大常委会作政府工作报告'),
    md('市政府办公室印发年度政务公开工作要点'),
    ...clean.map((h) => md(h)),
    // Only the first-level heading is the headline; section headings are not checked.
    md('县交通局召开冬季道路保畅工作会议') + '\n## 2025年工作总结\n\n全年完成路面修复。\n',
    // A headline in a text draft: the first non-empty line.
    { text: '\n县公路站完成国省干线路面修复工程\n近日，县公路站完成路面修复。\n', format: 'text' },
    // Inline code and a link in the headline.
    md('市数据局上线`ximo`检查政务信息'),
    md('[县交通局](https://jtj.example.gov.cn)开通农村客运预约专线'),
    // A headline that is not Chinese is left alone.
    md('Weekly report'),
    // ignore: a label the office accepts.
    { text: md('区水利局2024年度工作总结'), options: { ignore: ['工作总结'] } },
    { text: md('关于全市农村公路养护工作的报告'), options: { ignore: ['报告'] } },
    // verbs: a local verb jieba does not know.
    { text: md('全市国省干线路面全部彩铺'), options: { verbs: ['彩铺'] } },
  ],
  invalid: [
    {
      // A verb inside the topic (审批) does not make a report label a headline.
      text: md('区行政审批服务改革推进工作汇报'),
      errors: [{ messageId: 'documentLabel', line: 1, column: 3, endColumn: 18 }],
    },
    {
      text: md('县交通运输局2025年上半年工作汇报'),
      errors: [{ messageId: 'documentLabel', message: '标题是文种标签（工作汇报），请改为“单位+做+事件”，写明谁做了什么。', line: 1, column: 3, endLine: 1, endColumn: 21, severity: 'warning' }],
      output: null,
    },
    {
      text: md('关于全市农村公路养护工作的报告'),
      errors: [{ messageId: 'documentLabel', message: '标题是文种标签（关于……的报告），请改为“单位+做+事件”，写明谁做了什么。', line: 1, column: 3, endColumn: 18 }],
    },
    {
      // 关于 after the unit, with a verb only inside the 关于……的 attribute.
      text: md('市交通局关于开展汛期安全检查的通知'),
      errors: [{ messageId: 'documentLabel', message: '标题是文种标签（关于……的通知），请改为“单位+做+事件”，写明谁做了什么。', line: 1, column: 3, endColumn: 20 }],
    },
    {
      text: md('县人社局关于2025年就业工作的汇报'),
      errors: [{ messageId: 'documentLabel', line: 1, column: 3, endColumn: 21 }],
    },
    {
      text: md('市应急管理局安全生产情况汇报'),
      errors: [{ messageId: 'documentLabel', message: '标题是文种标签（情况汇报），请改为“单位+做+事件”，写明谁做了什么。', line: 1, column: 3, endColumn: 17 }],
    },
    {
      // 养护 before 工作 is an attribute, not the predicate.
      text: md('区水利局2024年度工作总结'),
      errors: [{ messageId: 'documentLabel', line: 1, column: 3, endColumn: 17 }],
    },
    {
      // Trailing punctuation does not hide the label; the range is the headline's text.
      text: md('县公路站一季度工作情况汇报。'),
      errors: [{ messageId: 'documentLabel', line: 1, column: 3, endColumn: 17 }],
    },
    {
      text: md('2025年全市农村公路建设情况'),
      errors: [{ messageId: 'noPredicate', message: '标题缺少谓语动词，请按“单位+做+事件”写明谁做了什么。', line: 1, column: 3, endLine: 1, endColumn: 18, severity: 'info' }],
      output: null,
    },
    {
      // 大检查: 检查 after 大 is a noun.
      text: md('全市安全生产大检查'),
      errors: [{ messageId: 'noPredicate', line: 1, column: 3, endColumn: 12, severity: 'info' }],
    },
    {
      // jieba tags 提升 and 支付 as verbs; before 行动 / 专项 they are attributes.
      text: md('乡镇卫生院服务能力提升行动'),
      errors: [{ messageId: 'noPredicate', line: 1, column: 3, endColumn: 16, severity: 'info' }],
    },
    {
      text: md('农民工工资支付专项检查'),
      errors: [{ messageId: 'noPredicate', line: 1, column: 3, endColumn: 14 }],
    },
    {
      text: md('县农业农村局秋粮生产情况'),
      errors: [{ messageId: 'noPredicate', line: 1, column: 3, endColumn: 15 }],
    },
    {
      // 关于……的思考 is an essay title: the verbs belong to the attribute.
      text: md('关于加快推进城乡公交一体化的思考'),
      errors: [{ messageId: 'noPredicate', line: 1, column: 3, endColumn: 19 }],
    },
    {
      // Text format: the first non-empty line, CRLF line ends.
      format: 'text',
      text: '\r\n区水利局2024年度工作总结\r\n今年以来，区水利局完成河道清淤12公里。\r\n',
      errors: [{ messageId: 'documentLabel', message: '标题是文种标签（工作总结），请改为“单位+做+事件”，写明谁做了什么。', line: 2, column: 1, endColumn: 15 }],
    },
    {
      // Inline code in the headline: the range runs over it to the end of the headline.
      text: md('县交通局`2025`年度工作总结'),
      errors: [{ messageId: 'documentLabel', line: 1, column: 3, endColumn: 19 }],
    },
    {
      // A link's text is the headline's start: the range runs from 县 to the end of the line.
      text: md('[县公路站](https://glz.example.gov.cn)2025年工作总结'),
      errors: [{ messageId: 'documentLabel', line: 1, column: 4, endColumn: 46 }],
    },
    {
      // extra: a label of the user's own.
      text: md('县公路站第三季度工作台账'),
      options: { extra: ['工作台账'] },
      errors: [{ messageId: 'documentLabel', message: '标题是文种标签（工作台账），请改为“单位+做+事件”，写明谁做了什么。', line: 1, column: 3, endColumn: 15 }],
    },
  ],
})

describe('classifyHeadline', () => {
  const table: Array<[string, HeadlineType, string | null]> = [
    ['市交通局召开2025年度安全生产工作会议', 'direct', '召开'],
    ['全市农村公路养护市场化改革试点启动', 'direct', '启动'],
    ['暑期旅游市场持续升温', 'direct', '升温'],
    ['县人社局三举措稳就业', 'summary', '稳'],
    ['市公路中心“四个加强”推进农村公路提档升级', 'summary', '推进'],
    ['区税务局五招优化营商环境', 'summary', '优化'],
    ['市公路中心三项措施保障春运', 'summary', '保障'],
    ['基层反映部分小微企业融资成本偏高 建议加大贴息支持力度', 'advisory', '反映'],
    ['秋粮收购价格低迷需引起关注', 'advisory', '低迷'],
    ['某市半导体企业拟调整生产布局', 'forecast', '调整'],
    ['国庆假期可能出现返程车流高峰', 'forecast', '出现'],
    // 拟将 is one word for jieba.
    ['我市部分外贸企业拟将订单转至境外工厂', 'forecast', '转'],
    ['明年起我市将全面推行电子证照', 'forecast', '全面推行'],
    // 将 + object + verb is the disposal construction, not a forecast.
    ['区政府将三个村纳入试点范围', 'direct', '纳入'],
    // 十大招商: 招 is part of 招商, not 五招.
    ['全市十大招商项目集中签约', 'direct', '集中'],
    ['县交通运输局2025年上半年工作汇报', 'label', null],
    ['2025年全市农村公路建设情况', 'no-predicate', null],
  ]
  for (const [headline, type, predicate] of table) {
    it(headline, () => {
      const doc = buildDocument(md(headline), { format: 'markdown' })
      const a = classifyHeadline(doc.headline!)
      expect([a.type, a.predicate]).toEqual([type, predicate])
    })
  }

  it('names the type in Chinese and reports the label', () => {
    const label = classifyHeadline(buildDocument(md('关于防汛工作的情况报告'), { format: 'markdown' }).headline!)
    expect(label).toEqual({ type: 'label', typeName: '文种标签', predicate: null, label: '情况报告' })
    const forecast = classifyHeadline(buildDocument(md('我市新能源汽车产量有望突破十万辆'), { format: 'markdown' }).headline!)
    expect(forecast).toEqual({ type: 'forecast', typeName: '趋向预测型', predicate: '突破' })
    const summary = classifyHeadline(buildDocument(md('区税务局五招优化营商环境'), { format: 'markdown' }).headline!)
    expect(summary.typeName).toBe('总括归纳型')
  })
})
