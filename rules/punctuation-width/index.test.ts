import { readFileSync } from 'node:fs'
import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

// A well-written brief: every punctuation rule must be silent on it.
const wellWritten = readFileSync(new URL('./well-written.md', import.meta.url), 'utf8')

const comma = { messageId: 'halfWidth', message: '请将半角逗号 , 改为全角 ，' }

runRuleTests(rule, {
  valid: [
    { name: 'a well-written brief', text: wellWritten },
    '今年以来，全市完成投资3.5亿元，同比增长12.5%。',
    // Numbers keep their marks: decimals, thousands, times, ratios.
    '共有1,234人参会，会议于10:30开始，比例尺为1:500，圆周率取3.14。',
    // Inline code, URLs and link targets are never linted.
    '运行 `a,b.c(d)` 命令，访问 https://a.b/c?x=1,2 查看。',
    '详见[《通知》](https://x.y/a,b)。',
    // Latin words and abbreviations keep their marks.
    '对照 Node.js 和 e.g. 这类写法，Apple Inc.的产品。',
    // An English sentence quoted in Chinese keeps its own punctuation.
    '他说：“Hello, world.”然后离开。',
    '标准原文为 The rule (GB/T 15834) applies, as noted. 此处照录。',
    'The standard (GB/T 15834) is cited, see "Punctuation", p. 12.',
    // A formula, and an ordinal before `.` (ordinal-punctuation's business).
    '函数f(x)的取值。',
    '1.是建立台账。2.是引入新技术。',
    { format: 'text', text: '标题\n一.总体情况\nA.方案甲' },
    // Ordinals in half-width parentheses are ordinal-punctuation's.
    { format: 'text', text: '标题\n(一)一般结构\n甲。(2)乙；要求： (十二)丙' },
    // Full-width marks throughout.
    '# 关于（征求意见稿）的说明\n\n他问：“行吗？”我答：“行！”',
    // Only the marks listed in `marks` are checked.
    { text: '甲,乙(丙)。', options: { marks: '.;' } },
  ],
  invalid: [
    {
      name: 'comma, semicolon and period beside Chinese',
      text: '今年以来,全市完成投资3.5亿元;会议于10:30召开.',
      errors: [
        { ...comma, line: 1, column: 5, endColumn: 6 },
        { messageId: 'halfWidth', message: '请将半角分号 ; 改为全角 ；', line: 1, column: 17, endColumn: 18 },
        { messageId: 'halfWidth', message: '请将半角句号 . 改为全角 。', line: 1, column: 28, endColumn: 29 },
      ],
      output: '今年以来，全市完成投资3.5亿元；会议于10:30召开。',
    },
    {
      name: 'the spaces after a mark go with it',
      text: '甲,  乙: 丙',
      errors: [
        { ...comma, line: 1, column: 2, endColumn: 5 },
        { messageId: 'halfWidth', message: '请将半角冒号 : 改为全角 ：', line: 1, column: 6, endColumn: 8 },
      ],
      output: '甲，乙：丙',
    },
    {
      name: 'double quotes pair up',
      text: '他说"你好",然后离开?',
      errors: [
        { messageId: 'halfWidth', message: '请将半角引号 " 改为全角 “', line: 1, column: 3, endColumn: 4 },
        { messageId: 'halfWidth', message: '请将半角引号 " 改为全角 ”', line: 1, column: 6, endColumn: 7 },
        { ...comma, line: 1, column: 7, endColumn: 8 },
        { messageId: 'halfWidth', message: '请将半角问号 ? 改为全角 ？', line: 1, column: 12, endColumn: 13 },
      ],
      output: '他说“你好”，然后离开？',
    },
    {
      name: 'a quoted Latin word in Chinese, spaces around',
      text: '所谓 "GDP" 即国内生产总值!',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 3, endColumn: 5 },
        { messageId: 'halfWidth', line: 1, column: 8, endColumn: 10 },
        { messageId: 'halfWidth', message: '请将半角叹号 ! 改为全角 ！', line: 1, column: 17, endColumn: 18 },
      ],
      output: '所谓“GDP”即国内生产总值！',
    },
    {
      name: 'a quote pairs with a full-width one (one half already fixed)',
      text: '会议强调："要抓好落实！” 他说“好"。',
      errors: [
        { messageId: 'halfWidth', message: '请将半角引号 " 改为全角 “', line: 1, column: 6, endColumn: 7 },
        { messageId: 'halfWidth', message: '请将半角引号 " 改为全角 ”', line: 1, column: 19, endColumn: 20 },
      ],
      output: '会议强调：“要抓好落实！” 他说“好”。',
    },
    {
      name: 'spaces between two marks go with the first one',
      text: '会议强调: "要抓好落实"',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 5, endColumn: 7 },
        { messageId: 'halfWidth', line: 1, column: 7, endColumn: 8 },
        { messageId: 'halfWidth', line: 1, column: 13, endColumn: 14 },
      ],
      output: '会议强调：“要抓好落实”',
    },
    {
      name: 'a lone double quote: no fix',
      text: '他说"你好。',
      errors: [{ messageId: 'loneQuote', message: '半角引号 " 没有配对，请改用全角引号“”并补全', line: 1, column: 3, endColumn: 4 }],
      output: null,
    },
    {
      name: 'parentheses: Chinese content, or Chinese around a Latin abbreviation',
      text: '截至(2008年)8月底,国内生产总值 (GDP) 增长。',
      errors: [
        { messageId: 'halfWidth', message: '请将半角括号 ( 改为全角 （', line: 1, column: 3, endColumn: 4 },
        { messageId: 'halfWidth', message: '请将半角括号 ) 改为全角 ）', line: 1, column: 9, endColumn: 10 },
        { ...comma, line: 1, column: 13, endColumn: 14 },
        { messageId: 'halfWidth', line: 1, column: 20, endColumn: 22 },
        { messageId: 'halfWidth', line: 1, column: 25, endColumn: 27 },
      ],
      output: '截至（2008年）8月底，国内生产总值（GDP）增长。',
    },
    {
      name: 'parentheses after an ordinal, and a lone closing parenthesis',
      text: '(1)叙述式(摘要式)导语\n\n成效显著)',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 7, endColumn: 8 },
        { messageId: 'halfWidth', line: 1, column: 11, endColumn: 12 },
        { messageId: 'halfWidth', line: 3, column: 5, endColumn: 6 },
      ],
      output: '(1)叙述式（摘要式）导语\n\n成效显著）',
    },
    {
      name: 'astral characters before a mark',
      text: '𠮷,𠮷.',
      errors: [
        { ...comma, line: 1, column: 3, endColumn: 4 },
        { messageId: 'halfWidth', line: 1, column: 6, endColumn: 7 },
      ],
      output: '𠮷，𠮷。',
    },
    {
      // A full-width mark right after a bare URL would join the link in Markdown: no fix there.
      // (The URL also swallows the text up to the next space as a GFM autolink literal, so
      // `](` of the link shows in the prose: left alone.)
      name: 'after inline code, a URL and a link',
      text: '运行`npm test`,访问https://a.b/c?x=1,2,见[通知](https://x.y/a,b);',
      errors: [
        { ...comma, line: 1, column: 13, endColumn: 14 },
        { ...comma, line: 1, column: 35, endColumn: 36 },
        { messageId: 'halfWidth', line: 1, column: 58, endColumn: 59 },
      ],
      output: '运行`npm test`，访问https://a.b/c?x=1,2,见[通知](https://x.y/a,b)；',
    },
    {
      name: 'after a URL in text format the fix is safe',
      format: 'text',
      text: '标题\n访问https://a.b/c?x=1,2,然后见test@ab.cn.',
      errors: [
        { ...comma, line: 2, column: 22, endColumn: 23 },
        { messageId: 'halfWidth', line: 2, column: 36, endColumn: 37 },
      ],
      output: '标题\n访问https://a.b/c?x=1,2，然后见test@ab.cn。',
    },
    {
      name: 'a Latin word or number closing a Chinese sentence',
      text: '同比增长的是GDP,其次是Excel.\n\n累计完成100.',
      errors: [
        { ...comma, line: 1, column: 10, endColumn: 11 },
        { messageId: 'halfWidth', line: 1, column: 19, endColumn: 20 },
        { messageId: 'halfWidth', line: 3, column: 8, endColumn: 9 },
      ],
      output: '同比增长的是GDP，其次是Excel。\n\n累计完成100。',
    },
    {
      name: 'a heading, a block quote and a list item',
      text: '# 关于养护工作的通知(草案)\n\n> 他说:好\n\n- 甲镇;乙镇',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 12, endColumn: 13 },
        { messageId: 'halfWidth', line: 1, column: 15, endColumn: 16 },
        { messageId: 'halfWidth', line: 3, column: 5, endColumn: 6 },
        { messageId: 'halfWidth', line: 5, column: 5, endColumn: 6 },
      ],
      output: '# 关于养护工作的通知（草案）\n\n> 他说：好\n\n- 甲镇；乙镇',
    },
    {
      name: 'text format keeps CRLF',
      format: 'text',
      text: '养护工作推进会\r\n会议强调,要抓好落实.\r\n',
      errors: [
        { ...comma, line: 2, column: 5, endColumn: 6 },
        { messageId: 'halfWidth', line: 2, column: 11, endColumn: 12 },
      ],
      output: '养护工作推进会\r\n会议强调，要抓好落实。\r\n',
    },
    {
      name: 'the marks option',
      text: '甲,乙(丙);',
      options: { marks: '(;' },
      errors: [
        { messageId: 'halfWidth', line: 1, column: 4, endColumn: 5 },
        { messageId: 'halfWidth', line: 1, column: 7, endColumn: 8 },
      ],
      output: '甲,乙（丙)；',
    },
  ],
})
