import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const long81 = '区交通运输局会同镇政府' + '对辖区内的农村公路桥梁逐座开展安全检查'.repeat(3) + '并建立问题清单限期整改到位' // 81 chars with the 。
const s = (n: number) => '甲'.repeat(n - 1) + '。'

runRuleTests(rule, {
  valid: [
    s(59),
    s(80),
    // Spaces are not counted.
    '甲 '.repeat(78) + '甲。',
    // Inline code counts as one character.
    '甲'.repeat(70) + '`' + 'x'.repeat(50) + '`' + '。',
    // A quoted sentence ends at the closing quote.
    '他说：“' + '甲'.repeat(40) + '。”' + '乙'.repeat(40) + '。',
    // Headings are the headline's business, not this rule's.
    '# ' + '甲'.repeat(90),
    { text: s(100), options: { max: 120 } },
  ],
  invalid: [
    {
      text: long81 + '。',
      errors: [{ messageId: 'tooLong', message: '句子过长（82 字，建议不超过 80 字），请拆成短句。', line: 1, column: 1, endLine: 1, endColumn: 83 }],
      output: null,
    },
    {
      text: s(30) + s(121),
      errors: [{ messageId: 'tooLong', line: 1, column: 31, endColumn: 152 }],
    },
    {
      // Every sentence over 120 characters is flagged, whatever the punctuation inside.
      text: '第一段。\n\n' + '甲，'.repeat(61) + '乙？',
      errors: [{ messageId: 'tooLong', message: '句子过长（124 字，建议不超过 80 字），请拆成短句。', line: 3, column: 1, endColumn: 125 }],
    },
    {
      // A semicolon ends a sentence; a block quote and a list item are checked too.
      text: '> ' + s(50).replace('。', '；') + s(90) + '\n\n- ' + s(95),
      errors: [
        { messageId: 'tooLong', line: 1, column: 53 },
        { messageId: 'tooLong', line: 3, column: 3 },
      ],
    },
    {
      format: 'text',
      text: '标题\r\n' + s(85) + '\r\n',
      options: { max: 60 },
      errors: [{ messageId: 'tooLong', message: '句子过长（85 字，建议不超过 60 字），请拆成短句。', line: 2, column: 1, endColumn: 86 }],
    },
  ],
})
