// .docx input: paragraphs read with mammoth (tables, headers and footers skipped), linted as
// a text draft, positions mapped back to 第N段第M字; through the library and the built CLI
// (run `node scripts/build.mjs` first). Fixtures are written by test/docx-fixtures.ts.
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lint } from '@ximo/core'
import { checkDocxBytes, DocxError, lintDocx, paragraphAt, paragraphLabel, readDocx } from '../packages/cli/src/docx.js'
import { BRIDGE_LINES, bridgeDocx, encryptedDocxLike, legacyDocLike, plainDocx } from './docx-fixtures.js'

vi.setConfig({ testTimeout: 120_000 })

const root = join(import.meta.dirname, '..')
const BIN = join(root, 'packages/cli/bin/ximo.js')
const ONLY = ['--rule', 'headline-punctuation', '--rule', 'typo']
const TYPO = '“再接再励”是错别字，请改为“再接再厉”。'
const PERIOD = '标题末尾不加“。”，请删去。'

let dir: string
let bridge: Buffer

function ximo(args: string[], input?: Buffer) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' }
  delete env.FORCE_COLOR
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, input, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ximo-docx-'))
  bridge = await bridgeDocx()
  writeFileSync(join(dir, '桥梁.docx'), bridge)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readDocx', () => {
  it('keeps body paragraphs from the Heading 1 on, skipping the 报头, tables, empty paragraphs, headers and footers', async () => {
    const docx = await readDocx(bridge)
    expect(docx.skipped).toBe(1)
    expect(docx.paragraphs).toEqual([
      { index: 2, text: BRIDGE_LINES[0], heading: 1 },
      { index: 3, text: BRIDGE_LINES[1], heading: null },
      { index: 4, text: BRIDGE_LINES[2], heading: null },
      { index: 5, text: BRIDGE_LINES[3], heading: null },
    ])
    expect(docx.text).toBe(BRIDGE_LINES.join('\n'))
  })

  it('takes the first paragraph as the headline when no paragraph is a title or Heading 1', async () => {
    const docx = await readDocx(await plainDocx(['区应急局完成汛前检查', '', '5月8日，区应急局检查了全区12座水库。']))
    expect(docx).toEqual({
      text: '区应急局完成汛前检查\n5月8日，区应急局检查了全区12座水库。',
      paragraphs: [
        { index: 1, text: '区应急局完成汛前检查', heading: null },
        { index: 2, text: '5月8日，区应急局检查了全区12座水库。', heading: null },
      ],
      skipped: 0,
    })
  })

  it('maps offsets of the joined text to paragraphs, and labels characters by code point', async () => {
    const docx = await readDocx(bridge)
    const at = (o: number) => {
      const p = paragraphAt(docx, o)
      return [p.paragraph.index, p.offset]
    }
    const l0 = BRIDGE_LINES[0].length
    expect(at(0)).toEqual([2, 0])
    expect(at(l0)).toEqual([2, l0]) // the end of a line stays in its paragraph
    expect(at(l0 + 1)).toEqual([3, 0])
    expect(at(docx.text.length)).toEqual([5, BRIDGE_LINES[3].length])
    expect(paragraphLabel({ index: 5, offset: 13, endIndex: 5, endOffset: 17, text: BRIDGE_LINES[3] })).toBe('第5段第13字')
    expect(paragraphLabel({ index: 4, offset: 9, endIndex: 4, endOffset: 13, text: BRIDGE_LINES[2] })).toBe('第4段第10字')
  })

  it('lints like the same text in format text, with the paragraph of each finding', async () => {
    const { docx, diagnostics } = await lintDocx(bridge)
    const plain = lint(docx.text, { format: 'text' })
    expect(diagnostics.map((d) => [d.ruleId, d.offset, d.endOffset, d.reason])).toEqual(plain.map((d) => [d.ruleId, d.offset, d.endOffset, d.reason]))
    const picked = diagnostics.filter((d) => d.ruleId === 'typo' || d.ruleId === 'headline-punctuation')
    expect(picked.map((d) => [d.ruleId, d.reason, d.paragraph])).toEqual([
      ['headline-punctuation', PERIOD, { index: 2, offset: 14, endIndex: 2, endOffset: 15, text: BRIDGE_LINES[0] }],
      ['typo', TYPO, { index: 4, offset: 9, endIndex: 4, endOffset: 13, text: BRIDGE_LINES[2] }],
      ['typo', TYPO, { index: 5, offset: 13, endIndex: 5, endOffset: 17, text: BRIDGE_LINES[3] }],
    ])
  })
})

describe('unreadable .docx files', () => {
  const reason = async (bytes: Buffer) => {
    try {
      await readDocx(bytes)
      return 'read'
    } catch (e) {
      expect(e).toBeInstanceOf(DocxError)
      return [(e as DocxError).kind, (e as Error).message]
    }
  }

  it('says which problem each file has', async () => {
    expect(await reason(encryptedDocxLike())).toEqual(['encrypted', '文件设有打开密码（已加密），无法读取。请在 Word 中取消密码后另存，再检查。'])
    expect(await reason(legacyDocLike())).toEqual(['legacy', '这是旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再检查。'])
    expect(await reason(Buffer.from('市交通局完成桥梁检测。\n'))).toEqual(['not-docx', '不是 .docx 文件（内容不是 Word 文档），请确认文件类型。'])
    expect(await reason(Buffer.alloc(0))).toEqual(['empty', '文件是空的。'])
    expect(await reason(bridge.subarray(0, 2000))).toEqual(['corrupt', '.docx 文件已损坏（无法读取压缩包目录），请在 Word 中打开后另存一份再试。'])
    expect(await reason(await plainDocx(['', '  ']))).toEqual(['empty', '文档中没有正文段落（表格、页眉页脚不检查）。'])
  })

  it('refuses a zip without word/document.xml and a zip whose entries claim too much', async () => {
    // Rename word/document.xml inside the archive (same length, so the zip stays well-formed).
    const renamed = Buffer.from(bridge.toString('latin1').replaceAll('word/document.xml', 'word/documenX.xml'), 'latin1')
    expect(await reason(renamed)).toEqual(['not-docx', '不是有效的 .docx 文件（缺少 word/document.xml），请在 Word 中另存为 .docx 后再检查。'])
    // Patch every central-directory entry's uncompressed size to 100 MB.
    const bomb = Buffer.from(bridge)
    for (let p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) bomb.writeUInt32LE(100 * 1024 * 1024, p + 24)
    expect(() => checkDocxBytes(bomb)).toThrow('.docx 文件解压后过大，无法检查。')
  })

  it('reports a broken document part as corrupt', async () => {
    // A well-formed zip whose document.xml is not XML.
    const { default: JSZip } = await import('jszip')
    const zip = await JSZip.loadAsync(bridge)
    zip.file('word/document.xml', '<w:document><w:body><w:p>')
    const broken = await zip.generateAsync({ type: 'nodebuffer' })
    const r = await reason(broken)
    expect(r[0]).toBe('corrupt')
    expect(r[1]).toMatch(/^\.docx 文件已损坏，无法读取（.+）。请在 Word 中打开后另存一份再试。$/)
  })
})

describe('ximo lint on a .docx', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'packages/cli/dist/cli.js'))) throw new Error('packages/cli/dist/cli.js is missing: run node scripts/build.mjs first')
  })

  it('reports 第N段第M字 in the default format', () => {
    const r = ximo(['lint', '桥梁.docx', ...ONLY])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(
      [
        '桥梁.docx',
        `  第2段第15字  警告  ${PERIOD}  headline-punctuation`,
        `  第4段第10字  错误  ${TYPO}  typo`,
        `  第5段第13字  错误  ${TYPO}  typo`,
        '',
        '✖ 共 3 个问题（2 个错误，1 个警告）',
        '',
      ].join('\n'),
    )
  })

  it('gives the paragraph, offsets and paragraph text in JSON, and no fix', () => {
    const r = ximo(['lint', '桥梁.docx', ...ONLY, '-f', 'json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual([
      {
        filePath: join(dir, '桥梁.docx'),
        messages: [
          { ruleId: 'headline-punctuation', severity: 1, level: 'warning', message: PERIOD, line: 1, column: 15, endLine: 1, endColumn: 16, paragraph: { index: 2, offset: 14, endIndex: 2, endOffset: 15, text: BRIDGE_LINES[0] } },
          { ruleId: 'typo', severity: 2, level: 'error', message: TYPO, line: 3, column: 10, endLine: 3, endColumn: 14, paragraph: { index: 4, offset: 9, endIndex: 4, endOffset: 13, text: BRIDGE_LINES[2] } },
          { ruleId: 'typo', severity: 2, level: 'error', message: TYPO, line: 4, column: 14, endLine: 4, endColumn: 18, paragraph: { index: 5, offset: 13, endIndex: 5, endOffset: 17, text: BRIDGE_LINES[3] } },
        ],
        errorCount: 2,
        warningCount: 1,
        infoCount: 0,
      },
    ])
  })

  it('refuses --fix and --fix-dry-run, still reports the findings, and never rewrites the file', () => {
    for (const flag of ['--fix', '--fix-dry-run']) {
      const r = ximo(['lint', '桥梁.docx', ...ONLY, flag])
      expect(r.code).toBe(2)
      expect(r.stdout).toContain('  错误  .docx 文件不能自动修复（不会改写原文件）。请去掉 --fix 只做检查，或另存为 .txt 后再修复。\n')
      expect(r.stdout).toContain(`  第4段第10字  错误  ${TYPO}  typo\n`)
      expect(r.stdout).toContain('✖ 1 个文件无法检查或写入')
      expect(readFileSync(join(dir, '桥梁.docx')).equals(bridge)).toBe(true)
    }
  })

  it('reads a .docx from stdin with --stdin-filename', () => {
    const r = ximo(['lint', '-', '--stdin-filename', '稿件.docx', ...ONLY, '-f', 'json'], bridge)
    expect(r.code).toBe(1)
    const [res] = JSON.parse(r.stdout) as Array<{ messages: Array<{ paragraph: { index: number } }> }>
    expect(res.messages.map((m) => m.paragraph.index)).toEqual([2, 4, 5])
  })

  it('makes an unreadable .docx an error for that file only', () => {
    writeFileSync(join(dir, '加密.docx'), encryptedDocxLike())
    writeFileSync(join(dir, '损坏.docx'), bridge.subarray(0, 1500))
    const r = ximo(['lint', '加密.docx', '损坏.docx', '桥梁.docx', ...ONLY])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe(
      [
        '加密.docx',
        '  错误  文件设有打开密码（已加密），无法读取。请在 Word 中取消密码后另存，再检查。',
        '',
        '损坏.docx',
        '  错误  .docx 文件已损坏（无法读取压缩包目录），请在 Word 中打开后另存一份再试。',
        '',
        '桥梁.docx',
        `  第2段第15字  警告  ${PERIOD}  headline-punctuation`,
        `  第4段第10字  错误  ${TYPO}  typo`,
        `  第5段第13字  错误  ${TYPO}  typo`,
        '',
        '✖ 共 3 个问题（2 个错误，1 个警告）',
        '✖ 2 个文件无法检查或写入',
        '',
      ].join('\n'),
    )
  })
})
