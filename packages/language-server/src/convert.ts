/**
 * Core diagnostics → LSP diagnostics. Core positions are 1-based line/column in UTF-16 code
 * units; LSP positions are 0-based in UTF-16 code units: `toPosition` is the one place that
 * converts them.
 */
import type { Diagnostic as XimoDiagnostic, Severity } from '@ximo/core'
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Position, type Range } from 'vscode-languageserver'

/** What a quick fix needs, carried in `diagnostic.data` (returned by the client with code actions). */
export interface DiagnosticData {
  messageId: string
  /** The text the diagnostic covers when it was reported (a fix is refused if it changed). */
  actual: string
  /** Replacement texts for the range; the first one is the rule's fix. Absent: no replacement known. */
  expected?: string[]
  /** The first replacement is safe to apply blindly (the rule is fixable). */
  fixable: boolean
}

export function toPosition(line: number, column: number): Position {
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1) }
}

export function toRange(d: Pick<XimoDiagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return { start: toPosition(d.line, d.column), end: toPosition(d.endLine, d.endColumn) }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
}

export function toDiagnostic(d: XimoDiagnostic): Diagnostic {
  const data: DiagnosticData = { messageId: d.messageId, actual: d.actual ?? '', fixable: d.fix !== undefined }
  if (d.expected) data.expected = [...d.expected]
  const out: Diagnostic = {
    range: toRange(d),
    severity: SEVERITY[d.severity],
    source: 'ximo',
    code: d.ruleId,
    message: d.reason,
    data,
  }
  if (d.url) out.codeDescription = { href: d.url }
  // A fix that deletes the text: the editor may fade it out.
  if (d.expected && (d.expected.length === 0 || d.expected[0] === '')) out.tags = [DiagnosticTag.Unnecessary]
  return out
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return (
    typeof o.actual === 'string' &&
    typeof o.messageId === 'string' &&
    typeof o.fixable === 'boolean' &&
    (o.expected === undefined || (Array.isArray(o.expected) && o.expected.every((e) => typeof e === 'string')))
  )
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character
}

export function rangeContains(range: Range, p: Position): boolean {
  return comparePositions(range.start, p) <= 0 && (comparePositions(p, range.end) < 0 || comparePositions(range.start, range.end) === 0 && comparePositions(p, range.end) === 0)
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0
}

/** Shorten a quoted text for a title. */
export function clip(text: string, max = 16): string {
  const chars = [...text.replace(/\s+/g, ' ')]
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('')
}
