/**
 * Code actions, built from what a diagnostic carries (`data.expected`) and from core's fixes:
 * the rule's fix (preferred), every fix of one rule in the file, every safe fix
 * (`source.fixAll.ximo`), a disable comment for the line, and 加入词典 for typos.
 */
import type { Diagnostic as XimoDiagnostic } from '@ximo/core'
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import { clip, isDiagnosticData, toRange, type DiagnosticData } from './convert.js'

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ximo`
export const ADD_TO_DICTIONARY = 'ximo.addToDictionary'
/** Rules whose findings can be added to the dictionary (their `ignore` option). */
export const DICTIONARY_RULES = new Set(['typo'])

export interface AddToDictionaryArgs {
  uri: string
  ruleId: string
  word: string
}

/** One quick fix per replacement; the rule's own fix (the first, when the rule is fixable) is preferred. */
export function quickFixes(doc: TextDocument, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
  if (!data.expected) return []
  // The client may send a diagnostic from an older version: never edit text that changed.
  if (doc.getText(diagnostic.range) !== data.actual) return []
  const out: CodeAction[] = []
  data.expected.forEach((replacement, i) => {
    if (replacement === data.actual) return
    const title = replacement === '' ? `删除“${clip(data.actual)}”` : data.actual === '' ? `插入“${clip(replacement)}”` : `将“${clip(data.actual)}”改为“${clip(replacement)}”`
    out.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: i === 0 && data.fixable ? true : undefined,
      edit: { changes: { [doc.uri]: [{ range: diagnostic.range, newText: replacement }] } },
    })
  })
  if (data.expected.length === 0 && data.actual !== '')
    out.push({
      title: `删除“${clip(data.actual)}”`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: data.fixable ? true : undefined,
      edit: { changes: { [doc.uri]: [{ range: diagnostic.range, newText: '' }] } },
    })
  return out
}

/** Non-overlapping fixes in document order (the same choice core's applyFixes makes). */
export function fixEdits(source: string, diagnostics: XimoDiagnostic[]): TextEdit[] {
  const withFix = diagnostics.filter((d) => d.fix).sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1])
  const edits: TextEdit[] = []
  let last = 0
  let lastInsertAt = -1
  for (const d of withFix) {
    const [s, e] = d.fix!.range
    if (s < last || (s === e && s === lastInsertAt)) continue
    if (source.slice(s, e) === d.fix!.text) continue
    edits.push({ range: toRange(d), newText: d.fix!.text })
    last = e
    lastInsertAt = s === e ? s : -1
  }
  return edits
}

/** "修复本文件中所有同类问题" for a rule with at least two fixes in the file. */
export function fixAllOfRule(doc: TextDocument, source: string, diagnostics: XimoDiagnostic[], ruleId: string): CodeAction | null {
  if (doc.getText() !== source) return null
  const edits = fixEdits(source, diagnostics.filter((d) => d.ruleId === ruleId))
  if (edits.length < 2) return null
  return {
    title: `修复本文件中所有同类问题（${ruleId}，共 ${edits.length} 处）`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [doc.uri]: edits } },
  }
}

/** One edit turning `before` into `after`: the differing middle, common prefix and suffix kept. */
export function minimalEdit(doc: TextDocument, before: string, after: string): TextEdit | null {
  if (before === after) return null
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

export function fixAllSafe(doc: TextDocument, before: string, after: string): CodeAction | null {
  if (doc.getText() !== before) return null
  const edit = minimalEdit(doc, before, after)
  if (!edit) return null
  return { title: '修复本文件中所有可自动修复的问题（惜墨）', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [edit] } } }
}

/**
 * "在此行禁用该规则": `<!-- ximo-disable-next-line id -->` on the line above. When the line
 * continues a paragraph, the comment goes at the end of the previous line, so the paragraph
 * is not split in two (an HTML comment line would end it).
 */
export function disableLine(doc: TextDocument, diagnostic: Diagnostic, ruleId: string, continuesParagraph: boolean): CodeAction {
  const line = diagnostic.range.start.line
  const comment = `<!-- ximo-disable-next-line ${ruleId} -->`
  let edit: TextEdit
  if (continuesParagraph && line > 0) {
    const prevEnd = doc.offsetAt({ line, character: 0 })
    const text = doc.getText()
    let at = prevEnd
    while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--
    const pos = doc.positionAt(at)
    edit = { range: { start: pos, end: pos }, newText: comment }
  } else {
    const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(lineText)?.[0] ?? ''
    const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n'
    edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${prefix}${comment}${eol}` }
  }
  return {
    title: `在此行禁用该规则（${ruleId}）`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [edit] } },
  }
}

export function addToDictionary(doc: TextDocument, diagnostic: Diagnostic, ruleId: string, word: string): CodeAction {
  const args: AddToDictionaryArgs = { uri: doc.uri, ruleId, word }
  return {
    title: `加入词典：“${clip(word)}”`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: '加入词典', command: ADD_TO_DICTIONARY, arguments: [args] },
  }
}

export function dataOf(d: Diagnostic): DiagnosticData | undefined {
  return isDiagnosticData(d.data) ? d.data : undefined
}

/** Whether a requested kind (`context.only`) admits `kind`. */
export function kindAllowed(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`))
}
