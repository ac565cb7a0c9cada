import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildDocument, splitSentences } from '../src/document.js'
import { PLACEHOLDER } from '../src/parse.js'

const md = (text: string) => buildDocument(text, { format: 'markdown' })
const txt = (text: string) => buildDocument(text, { format: 'text' })

describe('document model', () => {
  it('finds headline, preface, lead, body and ending in Markdown', () => {
    const d = md('---\ntitle: 草稿\n---\n# 县水利局完成汛前检查\n\n县水利局办公室 2025年4月2日\n\n各位领导、同志们：\n\n4月1日，县水利局检查水库12座。\n\n## 一、检查情况\n\n发现隐患3处。\n\n下一步将复查。\n\n抄送：县政府办公室')
    expect(d.headline?.text).toBe('县水利局完成汛前检查')
    expect(d.preface.map((b) => b.text)).toEqual(['县水利局办公室 2025年4月2日', '各位领导、同志们：'])
    expect(d.lead?.text).toBe('4月1日，县水利局检查水库12座。')
    expect(d.body.map((b) => b.text)).toEqual(['4月1日，县水利局检查水库12座。', '发现隐患3处。', '下一步将复查。'])
    expect(d.ending?.text).toBe('下一步将复查。')
    // Sentences leave out the headline and the preface but keep sub-headings.
    expect(d.sentences().map((s) => s.text)).toEqual(['4月1日，县水利局检查水库12座。', '一、检查情况', '发现隐患3处。', '下一步将复查。', '抄送：县政府办公室'])
  })

  it('takes the first line of a .txt as the headline and skips title lines before the lead', () => {
    const d = txt('县人社局稳就业工作汇报\r\n\r\n提纲\r\n一、扩岗位\r\n二、强培训\r\n正文：\r\n今年以来，县人社局新增就业岗位860个。\r\n三月举办招聘会4场。\r\n')
    expect(d.headline?.text).toBe('县人社局稳就业工作汇报')
    expect(d.preface.map((b) => b.text)).toEqual(['提纲', '一、扩岗位', '二、强培训', '正文：'])
    expect(d.lead?.text).toBe('今年以来，县人社局新增就业岗位860个。')
    expect(d.ending?.text).toBe('三月举办招聘会4场。')
    // Offsets skip the \r of CRLF line ends.
    const lead = d.lead!
    expect(d.source.slice(lead.start, lead.end)).toBe(lead.text)
  })

  it('has no ending for a single paragraph and no headline in an empty text', () => {
    expect(md('只有一段。').ending).toBeNull()
    expect(md('').headline).toBeNull()
    expect(txt('\n\n').lead).toBeNull()
  })

  it('maps tokens to exact source offsets through Markdown syntax and astral characters', () => {
    const src = '𠀀**市**交通局在`code`见 https://a.gov.cn/x?y=1 与[链接](http://b.cn)召开会议&amp;。'
    const d = md(src)
    const b = d.blocks[0]
    expect(b.text).toBe(`𠀀市交通局在${PLACEHOLDER}见 ${PLACEHOLDER} 与链接召开会议&。`)
    for (const t of b.tokens) {
      if (t.pos === 'code') expect(['`code`', 'https://a.gov.cn/x?y=1']).toContain(src.slice(t.start, t.end))
      else if (t.text === '&') expect(src.slice(t.start, t.end)).toBe('&')
      else expect(src.slice(t.start, t.end)).toBe(t.text)
    }
    const tokenAt = (word: string) => b.tokens.find((t) => t.text === word)!
    expect(tokenAt('交通局').start).toBe(src.indexOf('交通局'))
    expect(d.position(tokenAt('交通局').start)).toEqual({ line: 1, column: src.indexOf('交通局') + 1, offset: src.indexOf('交通局') })
  })

  it('gives every token the source range its block maps it to', () => {
    // Tokens' offsets are worked out moving forward through the block's pieces; block.range
    // searches them. Both must agree on every token, whatever the Markdown.
    const root = join(__dirname, '../../..')
    const sources = [
      '𠀀**市**交通局在`code`见 https://a.gov.cn/x?y=1 与[链接](http://b.cn)召开会议&amp;。',
      '> 第一行&lt;引用&gt;\n> 第二行**加粗**。\n\n- 列表项 ![图](a.png)\n  续行\\*星号\\*。\n\n1. 一项\n2. 二项 www.gov.cn 后文',
      '| 项目 | 数量 |\n| --- | --- |\n| 水库&nbsp;塘坝 | 32座 |\n\n标题下划线\n===\n\n邮箱 ban@example.gov.cn 联系。',
      `${'哈'.repeat(300)}后面是正常的句子，县水利局检查水库。${'。'.repeat(260)}结尾`,
    ]
    for (const dir of ['good', 'bad', 'demo', 'cli'])
      for (const f of readdirSync(join(root, 'fixtures', dir))) if (/\.(md|txt)$/.test(f)) sources.push(readFileSync(join(root, 'fixtures', dir, f), 'utf8'))
    let tokens = 0
    for (const src of sources)
      for (const d of [md(src), txt(src)])
        for (const b of d.blocks)
          for (const t of b.tokens) {
            tokens++
            expect([t.text, t.start, t.end]).toEqual([t.text, ...b.range(t.index, t.index + t.text.length)])
          }
    expect(tokens).toBeGreaterThan(1000)
  })

  it('maps block quotes and list items across lines', () => {
    const src = '> 第一行\n> 第二行。\n\n- 列表项\n  续行。'
    const d = md(src)
    expect(d.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['blockquote', '第一行\n第二行。'],
      ['list-item', '列表项\n续行。'],
    ])
    const q = d.blocks[0]
    const [s, e] = q.range(4, 7)
    expect(src.slice(s, e)).toBe('第二行')
  })

  it('never lints code blocks, HTML, front matter or URLs', () => {
    const d = md('---\nkey: 值\n---\n\n```\n代码块。\n```\n\n<div>网页</div>\n\n    缩进代码\n\nhttps://x.gov.cn')
    expect(d.blocks).toEqual([])
  })
})

describe('splitSentences', () => {
  const split = (t: string) => splitSentences(t).map(([s, e]) => t.slice(s, e))
  it('splits on 。！？；… and keeps a closing quote with its sentence', () => {
    expect(split('甲。乙！丙？丁；戊……己')).toEqual(['甲。', '乙！', '丙？', '丁；', '戊……', '己'])
    expect(split('他说：“好。”随后离开。')).toEqual(['他说：“好。”', '随后离开。'])
  })
  it('does not split inside quotes or brackets', () => {
    expect(split('文件要求“先排查。后整改”并限期完成。')).toEqual(['文件要求“先排查。后整改”并限期完成。'])
    expect(split('（详见附件。）下一句。')).toEqual(['（详见附件。）', '下一句。'])
  })
  it('is not confused by unbalanced quotes', () => {
    expect(split('他说：“未闭合。下一句。')).toEqual(['他说：“未闭合。', '下一句。'])
  })
  it('trims ASCII and full-width spaces around sentences and drops empty ones', () => {
    const t = '\u3000\u3000第一句。 \t第二句！\u3000。'
    expect(splitSentences(t)).toEqual([[2, 6], [8, 12], [13, 14]])
    expect(split('  ')).toEqual([])
  })
  it('keeps matched marks of several kinds apart and survives deep nesting', () => {
    expect(split('《条例（草案。）》已通过。下一句。')).toEqual(['《条例（草案。）》', '已通过。', '下一句。'])
    const deep = '（'.repeat(40000) + '甲。' + '）'.repeat(40000) + '乙。'
    expect(splitSentences(deep)).toEqual([[0, 80002], [80002, 80004]])
  })
})

describe('guards against pathological paragraphs', () => {
  it('checks a paragraph over MAX_BLOCK characters in pieces, cut after a sentence end, else a comma, else at the limit', () => {
    const unit = '县里组织技术人员下乡' // 10 characters, no punctuation
    const body = unit.repeat(799) + '县里组织技术人员下。' + unit.repeat(700) + '，' + unit.repeat(1000) + unit
    const doc = md('# 标题\n\n' + body)
    const pieces = doc.blocks.slice(1)
    const offset = '# 标题\n\n'.length
    // 。 ends at 8000; then the last ，before 18000 is at 15000; the rest has neither.
    expect(pieces.map((b) => [b.start - offset, b.end - offset])).toEqual([
      [0, 8000],
      [8000, 15001],
      [15001, 25001],
      [25001, 25011],
    ])
    expect(pieces.map((b) => b.text).join('')).toBe(body)
    // Tokens keep their source positions across the cut.
    const t = pieces[1].tokens[0]
    expect([t.text, t.start - offset]).toEqual(['县里', 8000])
  })

  it('hands a long run of one character to jieba as one token tagged x', () => {
    const text = '市里开展检查' + '的'.repeat(1000) + '发现问题'
    const tokens = txt('标题\n' + text).blocks[1].tokens
    expect(tokens.map((t) => [t.text.length > 10 ? `的×${t.text.length}` : t.text, t.pos])).toEqual([
      ['市里', 's'],
      ['开展', 'v'],
      ['检查', 'vn'],
      ['的×1000', 'x'],
      ['发现', 'v'],
      ['问题', 'n'],
    ])
  })
})
