// .docx drafts for the tests, written with the `docx` package (no binary fixture in the repo).
//
// bridgeDocx(): paragraphs, numbered as Ximo counts them (non-empty body paragraphs):
//   1  交通信息专报 第5期                       (before the Heading 1: the 报头, not linted)
//   2  市交通局完成全市桥梁安全检测。           Heading 1: the headline (trailing 。)
//   3  11月3日，市交通局……整改到位。            the lead
//      a table whose cell says 再接再励         (not linted)
//      an empty paragraph                       (not counted)
//   4  下一步，市交通局将再接再励，**加强日常巡查**，确保桥梁安全。   (typo at offset 9: 第4段第10字)
//   5  𠀋村道路改造中，施工人员再接再励。        (a supplementary-plane character first: the typo
//                                                is at UTF-16 offset 13 but is the 13th character)
// The header and footer also say 再接再励 and are not linted.
import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'

export const BRIDGE_LINES = [
  '市交通局完成全市桥梁安全检测。',
  '11月3日，市交通局组织专业机构对全市42座桥梁开展安全检测，发现隐患7处，已全部整改到位。',
  '下一步，市交通局将再接再励，加强日常巡查，确保桥梁安全。',
  '𠀋村道路改造中，施工人员再接再励。',
]

export async function bridgeDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('页眉里写错的再接再励不检查。')] }) },
        footers: { default: new Footer({ children: [new Paragraph('页脚里写错的再接再励不检查。')] }) },
        children: [
          new Paragraph('交通信息专报 第5期'),
          new Paragraph({ text: BRIDGE_LINES[0], heading: HeadingLevel.HEADING_1 }),
          new Paragraph(BRIDGE_LINES[1]),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('表格里写错的再接再励不检查。')] })] })] }),
          new Paragraph(''),
          new Paragraph({ children: [new TextRun('下一步，市交通局将再接再励，'), new TextRun({ text: '加强日常巡查', bold: true }), new TextRun('，确保桥梁安全。')] }),
          new Paragraph(BRIDGE_LINES[3]),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** A document without heading styles: its first paragraph is the headline. */
export async function plainDocx(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }))
}

/** The start of an OLE compound file holding an EncryptedPackage stream, as Word writes a password-protected .docx. */
export function encryptedDocxLike(): Buffer {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header)
  const dir = Buffer.alloc(512)
  Buffer.from('EncryptionInfo\0', 'utf16le').copy(dir, 0)
  Buffer.from('EncryptedPackage\0', 'utf16le').copy(dir, 128)
  return Buffer.concat([header, dir])
}

/** An OLE compound file without encryption streams: a Word 97–2003 .doc. */
export function legacyDocLike(): Buffer {
  const header = Buffer.alloc(1024)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header)
  Buffer.from('WordDocument\0', 'utf16le').copy(header, 512)
  return header
}
