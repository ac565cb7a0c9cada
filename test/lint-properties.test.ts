// Property-based tests: lint never throws on any text, and every range lies inside it.
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { lint, fixDetailed } from '../packages/core/src/engine.js'

const pieces = [
  '市交通局', '召开', '会议', '，', '。', '；', '！', '？', '…', '……', '“', '”', '‘', '’', '《', '》', '（', '）',
  '在市委的领导下', '不但', '而且', '的', '地', '得', '1、', '一.', '2025年', '３月', 'XX', '某某', '...', '. ', ', ',
  '# ', '## ', '\n', '\n\n', '\r\n', '> ', '- ', '1. ', '`code`', '```\n', '**', '*', '_', '[', ']', '(', ')', '<!--', '-->',
  '<!-- ximo-disable -->', '<!-- ximo-enable -->', '<!-- ximo-disable-next-line sentence-length -->', '---\n', '|', '| a |',
  'https://example.gov.cn/a?b=1', '&amp;', '\\', '\t', ' ', '𠀀', '𪚥', '😀', '\uD800', '\uDC00', '\uFFFC', '\u0000', 'abc', 'Node.js',
]
const draft = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''))

function checkRanges(text: string, format: 'markdown' | 'text') {
  const ds = lint(text, { format })
  for (const d of ds) {
    expect(d.offset).toBeGreaterThanOrEqual(0)
    expect(d.endOffset).toBeGreaterThanOrEqual(d.offset)
    expect(d.endOffset).toBeLessThanOrEqual(text.length)
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.column).toBeGreaterThanOrEqual(1)
    expect(d.endLine).toBeGreaterThanOrEqual(d.line)
    expect(d.actual).toBe(text.slice(d.offset, d.endOffset))
    if (d.fix) {
      expect(d.fix.range[0]).toBe(d.offset)
      expect(d.fix.range[1]).toBe(d.endOffset)
    }
  }
}

describe('lint on arbitrary input', () => {
  it('never throws and keeps every range inside the text (markdown)', { timeout: 180_000 }, () => {
    fc.assert(fc.property(draft, (text) => checkRanges(text, 'markdown')), { numRuns: 300 })
  })
  it('never throws and keeps every range inside the text (text)', { timeout: 180_000 }, () => {
    fc.assert(fc.property(draft, (text) => checkRanges(text, 'text')), { numRuns: 300 })
  })
  it('survives a 100,000-character line, unbalanced Markdown and lone surrogates', { timeout: 180_000 }, () => {
    for (const text of [
      '甲'.repeat(100_000),
      '在'.repeat(50_000) + '领导下',
      '# 标题\n\n' + '“'.repeat(20_000) + '（'.repeat(20_000),
      '```\n未闭合的代码块\n' + '乙。'.repeat(1000),
      '**未闭合 [链接(' + '丙'.repeat(5000),
      '\uD800\uDC00\uD800甲\uDC00。'.repeat(1000),
      'a'.repeat(100_000),
    ]) {
      checkRanges(text, 'markdown')
      checkRanges(text, 'text')
    }
  })
})

describe('fix on arbitrary input', () => {
  it('is idempotent and only changes text inside reported ranges', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(draft, fc.constantFrom<'markdown' | 'text'>('markdown', 'text'), (text, format) => {
        const first = fixDetailed(text, { format })
        // fix(fix(x)) = fix(x)
        expect(fixDetailed(first.output, { format }).output).toBe(first.output)
        // Replaying the applied fixes pass by pass reproduces the output, and every changed
        // character lies inside a reported range of its pass.
        let cur = text
        for (let pass = 1; first.fixes.some((f) => f.pass === pass); pass++) {
          const fixes = first.fixes.filter((f) => f.pass === pass).sort((a, b) => a.range[0] - b.range[0])
          let out = ''
          let last = 0
          for (const f of fixes) {
            expect(f.range[0]).toBeGreaterThanOrEqual(last)
            expect(cur.slice(f.range[0], f.range[1])).toBe(f.actual)
            out += cur.slice(last, f.range[0]) + f.text
            last = f.range[1]
          }
          cur = out + cur.slice(last)
        }
        expect(cur).toBe(first.output)
      }),
      { numRuns: 200 },
    )
  })
})
