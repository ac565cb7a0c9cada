import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const body = '\n\n11月3日，县交通局组织召开农村公路养护工作推进会。\n'

runRuleTests(rule, {
  valid: [
    '# 县交通局召开农村公路养护工作推进会' + body,
    // Question and exclamation marks may end a headline.
    '# 农村公路为何“建得起、养不起”？' + body,
    '# 全市公路系统迎汛备战进入关键期！' + body,
    // A comma or a space between two parts is fine; only the end and 。 are checked.
    '# 基层反映部分乡镇养护资金不足 建议纳入县级财政预算' + body,
    '# 区税务局五招优化营商环境，办税时间压缩三成' + body,
    // A 。 inside quoted words belongs to the quotation.
    '# 县长在推进会上强调“安全无小事。”' + body,
    // Half-width marks after Latin letters or digits belong to the word; "..." is an ellipsis.
    '# 市数据局完成政务外网改造 带宽提升至10G.' + body,
    '# 全市新能源汽车保有量突破五万辆...' + body,
    // Inline code at the end is never linted.
    '# 市数据局发布配置项`ximo;`' + body,
    // Body paragraphs and section headings end as they like.
    '# 县交通局召开推进会' + body + '\n## 一、主要做法：\n\n加强巡查。\n',
    { text: '县交通局召开农村公路养护工作推进会\n近日，县交通局召开推进会。\n', format: 'text' },
    { text: '# 县交通局召开推进会，' + body, options: { trailing: '。' } },
  ],
  invalid: [
    {
      text: '# 县交通局召开农村公路养护工作推进会。' + body,
      errors: [{ messageId: 'trailingPunctuation', message: '标题末尾不加“。”，请删去。', line: 1, column: 20, endLine: 1, endColumn: 21, severity: 'warning' }],
      output: '# 县交通局召开农村公路养护工作推进会' + body,
    },
    {
      text: '# 区税务局五招优化营商环境，' + body,
      errors: [{ messageId: 'trailingPunctuation', message: '标题末尾不加“，”，请删去。', line: 1, column: 15, endColumn: 16 }],
      output: '# 区税务局五招优化营商环境' + body,
    },
    {
      // Several marks in a row go together.
      text: '# 县公路站完成桥梁定期检测；。' + body,
      errors: [{ messageId: 'trailingPunctuation', message: '标题末尾不加“；。”，请删去。', line: 1, column: 15, endColumn: 17 }],
      output: '# 县公路站完成桥梁定期检测' + body,
    },
    {
      // Half-width marks after Chinese text.
      text: '# 县公路站完成桥梁定期检测.' + body,
      errors: [{ messageId: 'trailingPunctuation', message: '标题末尾不加“.”，请删去。', line: 1, column: 15, endColumn: 16 }],
      output: '# 县公路站完成桥梁定期检测' + body,
    },
    {
      text: '# 市统计局发布前三季度经济数据:' + body,
      errors: [{ messageId: 'trailingPunctuation', line: 1, column: 17, endColumn: 18 }],
      output: '# 市统计局发布前三季度经济数据' + body,
    },
    {
      text: '# 县人社局走访企业、' + body,
      errors: [{ messageId: 'trailingPunctuation', message: '标题末尾不加“、”，请删去。', line: 1, column: 11, endColumn: 12 }],
      output: '# 县人社局走访企业' + body,
    },
    {
      // A 。 inside the headline: no automatic fix.
      text: '# 全市公路养护工作稳步推进。养护质量明显提升' + body,
      errors: [{ messageId: 'innerPeriod', message: '标题中不用句号，请精简为一句，或改用空格、逗号分隔。', line: 1, column: 15, endColumn: 16, severity: 'warning' }],
      output: null,
    },
    {
      // Both: the trailing mark is removed, the inner 。 stays for the writer.
      text: '# 全市公路养护工作稳步推进。养护质量明显提升。' + body,
      errors: [
        { messageId: 'innerPeriod', line: 1, column: 15, endColumn: 16 },
        { messageId: 'trailingPunctuation', line: 1, column: 24, endColumn: 25 },
      ],
      output: '# 全市公路养护工作稳步推进。养护质量明显提升' + body,
    },
    {
      // An astral character before the mark takes two columns.
      text: '# 𠀾溪大桥建成通车。' + body,
      errors: [{ messageId: 'trailingPunctuation', line: 1, column: 12, endColumn: 13 }],
      output: '# 𠀾溪大桥建成通车' + body,
    },
    {
      text: '# 𠀾溪大桥建成。通车仪式昨日举行' + body,
      errors: [{ messageId: 'innerPeriod', line: 1, column: 10, endColumn: 11 }],
      output: null,
    },
    {
      // Inline code before the mark.
      text: '# 市数据局上线`ximo`服务平台。' + body,
      errors: [{ messageId: 'trailingPunctuation', line: 1, column: 19, endColumn: 20 }],
      output: '# 市数据局上线`ximo`服务平台' + body,
    },
    {
      // A link, emphasis and a closing heading sequence keep their markup.
      text: '# [市数据局](https://sjj.example.gov.cn)上线**政务服务平台。** #' + body,
      errors: [{ messageId: 'trailingPunctuation', line: 1, column: 47, endColumn: 48 }],
      output: '# [市数据局](https://sjj.example.gov.cn)上线**政务服务平台** #' + body,
    },
    {
      // A headline inside a block quote.
      text: '> # 县公路站完成桥梁定期检测。\n',
      errors: [{ messageId: 'trailingPunctuation', line: 1, column: 17, endColumn: 18 }],
      output: '> # 县公路站完成桥梁定期检测\n',
    },
    {
      // Text format: the first non-empty line, trailing spaces kept.
      format: 'text',
      text: '\n县交通局完成冬修任务：  \r\n今年以来，县交通局完成路面修补3万平方米。\r\n',
      errors: [{ messageId: 'trailingPunctuation', message: '标题末尾不加“：”，请删去。', line: 2, column: 11, endColumn: 12 }],
      output: '\n县交通局完成冬修任务  \r\n今年以来，县交通局完成路面修补3万平方米。\r\n',
    },
    {
      format: 'text',
      text: '𠀾溪大桥建成。通车仪式昨日举行。\n正文。\n',
      errors: [
        { messageId: 'innerPeriod', line: 1, column: 8, endColumn: 9 },
        { messageId: 'trailingPunctuation', line: 1, column: 17, endColumn: 18 },
      ],
      output: '𠀾溪大桥建成。通车仪式昨日举行\n正文。\n',
    },
  ],
})
