import { readFileSync } from 'node:fs'
import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

// A well-written brief: every punctuation rule must be silent on it.
const wellWritten = readFileSync(new URL('../punctuation-width/well-written.md', import.meta.url), 'utf8')

runRuleTests(rule, {
  valid: [
    { name: 'a well-written brief', text: wellWritten },
    '下一步，将持续做好巡查、养护、评比……',
    // Twelve dots for a whole omitted paragraph.
    '…………',
    // 等 after an ellipsis only when it is a word of its own.
    '群众还在……等待答复。',
    // ？！ is allowed; ！！ in quoted speech is kept.
    '这也叫完成任务？！他喊道：“快跑！！”',
    // A 顿号 is right when something stands between the titles.
    '《甲办法》（2020年）、《乙办法》均已废止。',
    // Dots in Latin text, numbers, code and URLs.
    '英文写作 and so on... 照录，区间为1...10，命令 `a... b` 和网址 https://a.b/c...d 不改。',
    // Spaces before a line break, and spaces around English in curly quotes.
    '第一行，  \n第二行。英文 “Roads first.” 照录，the “best” way。',
    // A space after a full-width mark before a line break in text format.
    { format: 'text', text: '标题\n第一行。 \n第二行。' },
  ],
  invalid: [
    {
      name: 'ellipses typed otherwise',
      text: '开发...平台，甲。。。乙，丙…丁，戊………己，庚·····辛。',
      errors: [
        { messageId: 'ellipsis', message: '省略号应写作“……”（两个“…”），不写“...”', line: 1, column: 3, endColumn: 6 },
        { messageId: 'ellipsis', message: '省略号应写作“……”（两个“…”），不写“。。。”', line: 1, column: 10, endColumn: 13 },
        { messageId: 'ellipsis', line: 1, column: 16, endColumn: 17 },
        { messageId: 'ellipsis', line: 1, column: 20, endColumn: 23 },
        { messageId: 'ellipsis', line: 1, column: 26, endColumn: 31 },
      ],
      output: '开发……平台，甲……乙，丙……丁，戊……己，庚……辛。',
    },
    {
      name: '等 after an ellipsis',
      text: '钢材、水泥……等。钢材、水泥……等建材。钢材、木材...等等。',
      errors: [
        { messageId: 'ellipsisDeng', message: '省略号和“等”不要连用，请只保留其一', line: 1, column: 6, endColumn: 9 },
        { messageId: 'ellipsisDeng', line: 1, column: 15, endColumn: 18 },
        { messageId: 'ellipsisDeng', message: '省略号和“等等”不要连用，请只保留其一', line: 1, column: 26, endColumn: 31 },
      ],
      output: '钢材、水泥……。钢材、水泥等建材。钢材、木材……。',
    },
    {
      name: 'stacked marks',
      text: '好，，我们走。。真的！！还有？？',
      errors: [
        { messageId: 'stacked', message: '标点“，”重复，只保留一个', line: 1, column: 2, endColumn: 4 },
        { messageId: 'stacked', line: 1, column: 7, endColumn: 9 },
        { messageId: 'stacked', line: 1, column: 11, endColumn: 13 },
        { messageId: 'stacked', message: '标点“？”重复，只保留一个', line: 1, column: 15, endColumn: 17 },
      ],
      output: '好，我们走。真的！还有？',
    },
    {
      name: 'different marks stacked: no fix',
      text: '会议强调，。要抓落实？。',
      errors: [
        { messageId: 'mixedStack', message: '标点“，。”连用，请只保留一个', line: 1, column: 5, endColumn: 7 },
        { messageId: 'mixedStack', line: 1, column: 11, endColumn: 13 },
      ],
      output: null,
    },
    {
      name: 'a 顿号 between titles and between quoted items (GB/T 15834 4.5.3.5)',
      text: '印发《甲办法》、《乙办法》、《丙办法》，推行“不见面”、“零跑腿”。',
      errors: [
        { messageId: 'series', message: '并列的书名号之间通常不用顿号，可删去', line: 1, column: 8, endColumn: 9, severity: 'info' },
        { messageId: 'series', line: 1, column: 14, endColumn: 15, severity: 'info' },
        { messageId: 'series', message: '并列的引号之间通常不用顿号，可删去', line: 1, column: 28, endColumn: 29, severity: 'info' },
      ],
      output: '印发《甲办法》《乙办法》《丙办法》，推行“不见面”“零跑腿”。',
    },
    {
      name: 'spaces after a full-width mark',
      text: '会议强调，  要抓落实。 下一步（ 试行） 推开；  `npm test`',
      errors: [
        { messageId: 'spaceAfter', message: '全角标点“，”后不要加空格', line: 1, column: 6, endColumn: 8 },
        { messageId: 'spaceAfter', line: 1, column: 13, endColumn: 14 },
        { messageId: 'spaceAfter', message: '全角标点“（”后不要加空格', line: 1, column: 18, endColumn: 19 },
        { messageId: 'spaceAfter', line: 1, column: 22, endColumn: 23 },
        { messageId: 'spaceAfter', line: 1, column: 26, endColumn: 28 },
      ],
      output: '会议强调，要抓落实。下一步（试行）推开；`npm test`',
    },
    {
      name: 'spaces before a full-width mark, but not after a URL or code',
      text: '会议强调 ，要抓落实  。然后 ……结束。见 https://a.b/c 。运行 `x` ；',
      errors: [
        { messageId: 'spaceBefore', message: '全角标点“，”前不要加空格', line: 1, column: 5, endColumn: 6 },
        { messageId: 'spaceBefore', message: '全角标点“。”前不要加空格', line: 1, column: 11, endColumn: 13 },
        { messageId: 'spaceBefore', line: 1, column: 16, endColumn: 17 },
      ],
      output: '会议强调，要抓落实。然后……结束。见 https://a.b/c 。运行 `x` ；',
    },
    {
      name: 'astral characters, a heading, a block quote and a list item',
      text: '# 一、 𠮷𠮷。。\n\n> 𠮷...等。𠮷...\n\n- 《甲》、《乙》',
      errors: [
        { messageId: 'spaceAfter', line: 1, column: 5, endColumn: 6 },
        { messageId: 'stacked', line: 1, column: 10, endColumn: 12 },
        { messageId: 'ellipsisDeng', line: 3, column: 5, endColumn: 9 },
        { messageId: 'ellipsis', line: 3, column: 12, endColumn: 15 },
        { messageId: 'series', line: 5, column: 6, endColumn: 7 },
      ],
      output: '# 一、𠮷𠮷。\n\n> 𠮷……。𠮷……\n\n- 《甲》《乙》',
    },
    {
      name: 'after a link and inline code',
      text: '见[通知](https://x.y/a...b)...，`x`，，完',
      errors: [
        { messageId: 'ellipsis', line: 1, column: 25, endColumn: 28 },
        { messageId: 'stacked', line: 1, column: 32, endColumn: 34 },
      ],
      output: '见[通知](https://x.y/a...b)……，`x`，完',
    },
    {
      name: 'text format',
      format: 'text',
      text: '标题\r\n会议强调，  要抓落实。。\r\n',
      errors: [
        { messageId: 'spaceAfter', line: 2, column: 6, endColumn: 8 },
        { messageId: 'stacked', line: 2, column: 12, endColumn: 14 },
      ],
      output: '标题\r\n会议强调，要抓落实。\r\n',
    },
  ],
})
