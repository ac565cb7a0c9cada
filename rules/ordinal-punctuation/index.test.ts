import { runRuleTests } from '../../packages/core/src/testing.js'
import { describe, it, expect } from 'vitest'
import rule, { PATTERNS } from './index.js'

runRuleTests(rule, {
  valid: [
    // The four levels of GB/T 9704, and a circled fifth level.
    '# 标题\n\n一、加强组织领导\n\n（一）明确责任分工\n\n1.建立工作台账\n\n（1）每周调度一次\n\n①专人负责',
    '# 标题\n\n一是压实责任；二是强化督查；三是严格考核。',
    // Numbers listed inside a sentence are not ordinals.
    '# 标题\n\n第1、2、3季度分别完成投资4.2亿元。1、2月份降雨偏少。',
    '# 标题\n\n2025、2026年连续两年开展专项检查。',
    '# 标题\n\n一、二季度进展平稳。',
    // A colon after a digit is a time or a ratio: 8：30、 is not an ordinal.
    '# 标题\n\n上午8：30、下午2：30各巡查一次。',
    // 1.是否 is a checklist item, not 一是.
    '# 标题\n\n1.是否符合条件\n\n2.是否按时办结',
    // A lone 1.是 may be a list item that starts with 是.
    '# 标题\n\n1.是全年任务的关键一环，必须按期完成。\n\n2.加快推进',
    { text: '# 标题\n\n1.是梳理清单\n\n2.是编制指南', options: { shi: false } },
    // Inline code and Markdown lists are out of the prose.
    '# 标题\n\n`1、`是示例写法。',
    '# 标题\n\n1. 加强领导\n2. 完善制度',
    '# 标题\n\n[一、总体要求](https://example.gov.cn)已印发。',
    '> （一）明确责任',
    '# 标题\n\n增长1.5个百分点。',
    { format: 'text', text: '标题\n一、总体要求\n（一）工作目标\n1．年内完成\n（1）一季度启动' },
  ],
  invalid: [
    {
      text: '# 标题\n\n1、加强组织领导。\n\n2、完善工作制度。',
      errors: [
        { messageId: 'arabic', message: '阿拉伯数字序号后用下脚点，“1、”应写作“1.”。', line: 3, column: 1, endLine: 3, endColumn: 3 },
        { messageId: 'arabic', line: 5, column: 1, endColumn: 3 },
      ],
      output: '# 标题\n\n1.加强组织领导。\n\n2.完善工作制度。',
    },
    {
      // After a colon and a semicolon inside a paragraph.
      text: '# 标题\n\n主要做法：1、压实责任；2、强化督查。',
      errors: [
        { messageId: 'arabic', line: 3, column: 6, endColumn: 8 },
        { messageId: 'arabic', line: 3, column: 13, endColumn: 15 },
      ],
      output: '# 标题\n\n主要做法：1.压实责任；2.强化督查。',
    },
    {
      text: '# 标题\n\n一.总体要求\n\n二．重点任务',
      errors: [
        { messageId: 'hanDot', message: '汉字数字序号后用顿号，“一.”应写作“一、”。', line: 3, column: 1, endColumn: 3 },
        { messageId: 'hanDot', message: '汉字数字序号后用顿号，“二．”应写作“二、”。', line: 5, column: 1, endColumn: 3 },
      ],
      output: '# 标题\n\n一、总体要求\n\n二、重点任务',
    },
    {
      // Half-width parentheses, and a mark after the parentheses.
      text: '# 标题\n\n(一)明确目标\n\n（二）、细化措施\n\n(1)每月通报\n\n（2）.年底考核',
      errors: [
        { messageId: 'paren', message: '带括号的序号用全角括号，后面不加标点，“(一)”应写作“（一）”。', line: 3, column: 1, endColumn: 4 },
        { messageId: 'paren', message: '带括号的序号用全角括号，后面不加标点，“（二）、”应写作“（二）”。', line: 5, column: 1, endColumn: 5 },
        { messageId: 'paren', line: 7, column: 1, endColumn: 4 },
        { messageId: 'paren', line: 9, column: 1, endColumn: 5 },
      ],
      output: '# 标题\n\n（一）明确目标\n\n（二）细化措施\n\n（1）每月通报\n\n（2）年底考核',
    },
    {
      text: '# 标题\n\n①、现场核查',
      errors: [{ messageId: 'circled', message: '带圈序号后不加标点，“①、”应写作“①”。', line: 3, column: 1, endColumn: 3 }],
      output: '# 标题\n\n①现场核查',
    },
    {
      // A run of 1.是 / 2.是 stands for 一是 / 二是.
      text: '# 标题\n\n一、创新审批机制\n\n1.是梳理事项清单\n\n2.是编制办事指南',
      errors: [
        { messageId: 'shi', message: '“1.是”应写作“一是”。', line: 5, column: 1, endColumn: 4 },
        { messageId: 'shi', message: '“2.是”应写作“二是”。', line: 7, column: 1, endColumn: 4 },
      ],
      output: '# 标题\n\n一、创新审批机制\n\n一是梳理事项清单\n\n二是编制办事指南',
    },
    {
      text: '# 标题\n\n主要措施：1、是压实责任；2、是强化督查。',
      errors: [
        { messageId: 'shi', message: '“1、是”应写作“一是”。', line: 3, column: 6, endColumn: 9 },
        { messageId: 'shi', line: 3, column: 14, endColumn: 17 },
      ],
      output: '# 标题\n\n主要措施：一是压实责任；二是强化督查。',
    },
    {
      // The space after the ordinal goes too (in Markdown `1. 加强` would turn into a list).
      text: '# 标题\n\n1、 加强领导',
      errors: [{ messageId: 'arabic', message: '阿拉伯数字序号后用下脚点，“1、”应写作“1.”。', line: 3, column: 1, endColumn: 4 }],
      output: '# 标题\n\n1.加强领导',
    },
    {
      // The document already writes 1．: the fix keeps that dot.
      format: 'text',
      text: '标题\n1．摸清底数\n2、建立台账\n3、跟踪问效',
      errors: [
        { messageId: 'arabic', message: '阿拉伯数字序号后用下脚点，“2、”应写作“2．”。', line: 3, column: 1, endColumn: 3 },
        { messageId: 'arabic', line: 4, column: 1, endColumn: 3 },
      ],
      output: '标题\n1．摸清底数\n2．建立台账\n3．跟踪问效',
    },
    {
      // A list item, a block quote and a heading.
      text: '# 标题\n\n- 1、摸清底数\n\n> 2、建立台账\n\n## 3、跟踪问效',
      errors: [
        { messageId: 'arabic', line: 3, column: 3, endColumn: 5 },
        { messageId: 'arabic', line: 5, column: 3, endColumn: 5 },
        { messageId: 'arabic', line: 7, column: 4, endColumn: 6 },
      ],
      output: '# 标题\n\n- 1.摸清底数\n\n> 2.建立台账\n\n## 3.跟踪问效',
    },
    {
      // Line starts inside one Markdown paragraph.
      text: '# 标题\n\n工作分三步推进\n1、摸底\n2、整改',
      errors: [
        { messageId: 'arabic', line: 4, column: 1, endColumn: 3 },
        { messageId: 'arabic', line: 5, column: 1, endColumn: 3 },
      ],
      output: '# 标题\n\n工作分三步推进\n1.摸底\n2.整改',
    },
    {
      text: '# 标题\n\n[1、总体要求](https://example.gov.cn)',
      errors: [{ messageId: 'arabic', line: 3, column: 2, endColumn: 4 }],
      output: '# 标题\n\n[1.总体要求](https://example.gov.cn)',
    },
    {
      // After a question mark; a Chinese numeral may follow an Arabic ordinal.
      text: '# 标题\n\n一、问题是什么？二.怎么解决？\n\n1、一季度完成投资2亿元。',
      errors: [
        { messageId: 'hanDot', line: 3, column: 9, endColumn: 11 },
        { messageId: 'arabic', line: 5, column: 1, endColumn: 3 },
      ],
      output: '# 标题\n\n一、问题是什么？二、怎么解决？\n\n1.一季度完成投资2亿元。',
    },
  ],
})

describe('the pre-check that skips paragraphs', () => {
  it('matches every text any of the patterns matches', () => {
    // Short texts over the characters the patterns look at, from a fixed seed.
    const alphabet = ['1', '2', '9', '0', '一', '三', '十', '（', '(', '）', ')', '①', '⑴', '、', '.', '．', '，', '是', '否', '：', ':', '。', '；', '!', '？', ' ', '\t', '\u3000', '\n', '\uFFFC', '县', '８']
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const missed: string[] = []
    let matched = 0
    for (let n = 0; n < 30000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      const hit = PATTERNS.all.some((re) => {
        re.lastIndex = 0
        return re.test(text)
      })
      if (hit) matched++
      if (hit && !PATTERNS.any.test(text)) missed.push(text)
    }
    expect(matched).toBeGreaterThan(1000)
    expect(missed).toEqual([])
  })
})
