import { readFileSync } from 'node:fs'
import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

// A well-written brief: every punctuation rule must be silent on it.
const wellWritten = readFileSync(new URL('../punctuation-width/well-written.md', import.meta.url), 'utf8')

runRuleTests(rule, {
  valid: [
    { name: 'a well-written brief', text: wellWritten },
    '他说：“这是‘一网通办’改革的成果。”会议印发《关于〈养护办法〉的说明》【试行】（草案）。',
    // Nested double quotes are balanced: not this rule's business.
    '所谓“甲“乙”丙”。',
    // Apostrophes in English words.
    '英文名称为 Ximo’s rule，it’s fine。',
    // List ordinals with a closing parenthesis only (GB/T 1.1).
    '1）完成台账；2）开展巡查；a）其他。',
    { format: 'text', text: '标题\n一）总体情况' },
    // A quotation over several paragraphs: each opens with “, only the last closes.
    '“第一段引文。\n\n“第二段引文。\n\n“第三段引文。”',
    '> “第一段引文。\n>\n> “第二段引文。”',
    // A parenthesis broken over two lines of a hard-wrapped text still pairs up.
    { format: 'text', text: '标题\n会议审议了方案（含附件\n和说明）。' },
    // Marks in inline code and code blocks are not prose.
    '代码 `“甲` 与 `《乙` 不检查。\n\n```\n（丙\n```',
    // Half-width parentheses are punctuation-width's.
    '甲(乙）丙，丁)戊，(己。',
  ],
  invalid: [
    {
      name: 'a closing quote typed as an opening one',
      text: '推进“一网通办“改革。',
      errors: [{ messageId: 'wrongQuote', message: '引号方向用反了：“ 应为 ”', line: 1, column: 8, endColumn: 9 }],
      output: '推进“一网通办”改革。',
    },
    {
      name: 'an opening quote typed as a closing one',
      text: '称为”绿色通道”。',
      errors: [{ messageId: 'wrongQuote', message: '引号方向用反了：” 应为 “', line: 1, column: 3, endColumn: 4 }],
      output: '称为“绿色通道”。',
    },
    {
      name: 'a quoted sentence closed with an opening quote',
      text: '他说：“要抓落实。“',
      errors: [{ messageId: 'wrongQuote', line: 1, column: 10, endColumn: 11 }],
      output: '他说：“要抓落实。”',
    },
    {
      // With four marks, nesting (“甲“乙”丙”) and alternation (“甲”乙“丙”) both fit: no fix.
      name: 'several quotes the wrong way: reported, not fixed',
      text: '实现“不见面“审批、“零跑腿“办理。',
      errors: [
        { messageId: 'unclosed', message: '左引号 “ 缺少对应的 ”，请补全或删去', line: 1, column: 3, endColumn: 4 },
        { messageId: 'unclosed', line: 1, column: 7, endColumn: 8 },
        { messageId: 'unclosed', line: 1, column: 11, endColumn: 12 },
        { messageId: 'unclosed', line: 1, column: 15, endColumn: 16 },
      ],
      output: null,
    },
    {
      name: 'two quotes across a sentence end: not fixed',
      text: '他说“好。她说“行。',
      errors: [
        { messageId: 'unclosed', line: 1, column: 3, endColumn: 4 },
        { messageId: 'unclosed', line: 1, column: 8, endColumn: 9 },
      ],
      output: null,
    },
    {
      name: 'single quotes the wrong way',
      text: '他说：“要抓好‘路长制‘。”',
      errors: [{ messageId: 'wrongQuote', message: '引号方向用反了：‘ 应为 ’', line: 1, column: 12, endColumn: 13 }],
      output: '他说：“要抓好‘路长制’。”',
    },
    {
      name: 'crossed nesting',
      text: '他说“要完成（年度目标”再说）。',
      errors: [{ messageId: 'crossed', message: '右引号 ” 与前面的左括号 （ 交叉嵌套，请先用 ） 闭合 （', line: 1, column: 12, endColumn: 13 }],
      output: null,
    },
    {
      name: 'crossed nesting with the inner mark never closed: reported once',
      text: '他说“要完成（年度目标”。',
      errors: [{ messageId: 'crossed', line: 1, column: 12, endColumn: 13 }],
      output: null,
    },
    {
      name: 'a single quote closing a double one',
      text: '他说“要抓紧’。',
      errors: [{ messageId: 'mismatch', message: '右单引号 ’ 与前面的左引号 “ 不配对，应为 ”，或删去多余的标点', line: 1, column: 7, endColumn: 8 }],
      output: null,
    },
    {
      name: 'a bracket of another kind',
      text: '《农村公路养护办法）已印发。',
      errors: [{ messageId: 'mismatch', message: '右括号 ） 与前面的左书名号 《 不配对，应为 》，或删去多余的标点', line: 1, column: 10, endColumn: 11 }],
      output: null,
    },
    {
      name: 'unclosed marks',
      text: '会议印发《养护办法，要求〈细则〉【试行。',
      errors: [
        { messageId: 'unclosed', message: '左书名号 《 缺少对应的 》，请补全或删去', line: 1, column: 5, endColumn: 6 },
        { messageId: 'unclosed', message: '左方头括号 【 缺少对应的 】，请补全或删去', line: 1, column: 17, endColumn: 18 },
      ],
      output: null,
    },
    {
      name: 'closing marks without an opening one',
      text: '养护办法》已印发，成效显著）。',
      errors: [
        { messageId: 'unopened', message: '右书名号 》 前面缺少对应的 《，请补全或删去', line: 1, column: 5, endColumn: 6 },
        { messageId: 'unopened', message: '右括号 ） 前面缺少对应的 （，请补全或删去', line: 1, column: 14, endColumn: 15 },
      ],
      output: null,
    },
    {
      name: 'an odd number of quotes: no fix',
      text: '所谓“甲”乙”。',
      errors: [{ messageId: 'unopened', line: 1, column: 7, endColumn: 8 }],
      output: null,
    },
    {
      name: 'a quotation paragraph not followed by another: reported',
      text: '“第一段引文。\n\n第二段正文。',
      errors: [{ messageId: 'unclosed', message: '左引号 “ 缺少对应的 ”，请补全或删去', line: 1, column: 1, endColumn: 2 }],
      output: null,
    },
    {
      name: 'marks in paragraphs that a paragraph without marks separates: not paired',
      text: '（第一段\n\n第二段\n\n第三段）\n\n“第四段\n\n第五段\n\n“第六段”',
      errors: [
        { messageId: 'unclosed', line: 1, column: 1, endColumn: 2 },
        { messageId: 'unopened', line: 5, column: 4, endColumn: 5 },
        { messageId: 'unclosed', line: 7, column: 1, endColumn: 2 },
      ],
      output: null,
    },
    {
      name: 'a quotation chain that never closes',
      text: '“第一段引文。\n\n“第二段引文。',
      errors: [
        { messageId: 'unclosed', line: 1, column: 1, endColumn: 2 },
        { messageId: 'unclosed', line: 3, column: 1, endColumn: 2 },
      ],
      output: null,
    },
    {
      name: 'astral characters, a heading, a block quote and a list item',
      text: '# 𠮷“甲\n\n> 乙》\n\n- 丙〈丁',
      errors: [
        { messageId: 'unclosed', line: 1, column: 5, endColumn: 6 },
        { messageId: 'unopened', line: 3, column: 4, endColumn: 5 },
        { messageId: 'unclosed', line: 5, column: 4, endColumn: 5 },
      ],
      output: null,
    },
    {
      name: 'next to inline code and a link',
      text: '见`x`》与[《通知](https://x.y)。',
      errors: [
        { messageId: 'unopened', line: 1, column: 5, endColumn: 6 },
        { messageId: 'unclosed', line: 1, column: 8, endColumn: 9 },
      ],
      output: null,
    },
    {
      name: 'text format',
      format: 'text',
      text: '标题\r\n推进“一网通办“改革（试点。\r\n',
      errors: [
        { messageId: 'wrongQuote', line: 2, column: 8, endColumn: 9 },
        { messageId: 'unclosed', line: 2, column: 11, endColumn: 12 },
      ],
      output: '标题\r\n推进“一网通办”改革（试点。\r\n',
    },
  ],
})
