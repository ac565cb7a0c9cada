/**
 * ESLint-style JSON: one entry per file, every finding listed. `severity` is 2 for errors
 * and 1 for warnings and infos; `level` tells warning and info apart. Lines and columns are
 * 1-based, columns in UTF-16 code units, end exclusive.
 */
import type { Diagnostic, Fix, Severity } from '@ximo/core'
import { countOf, type Formatter } from './types.js'
import type { FileResult } from '../lint-file.js'
import type { DocxDiagnostic, ParagraphPlace } from '../docx.js'

export interface JsonMessage {
  ruleId: string | null
  severity: 1 | 2
  level: Severity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  fix?: Fix
  /** Set on the one message of a file that could not be checked. */
  fatal?: true
  /** .docx: the paragraph (1-based) and offsets in it (0-based, UTF-16), with its text. */
  paragraph?: ParagraphPlace
}

export interface JsonResult {
  filePath: string
  messages: JsonMessage[]
  errorCount: number
  warningCount: number
  infoCount: number
  /** The fixed text, after `ximo fix` or with `--fix-dry-run`, when fixes changed it. */
  output?: string
}

export function toJsonMessage(d: Diagnostic): JsonMessage {
  const m: JsonMessage = {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    level: d.severity,
    message: d.reason,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  }
  if (d.fix) m.fix = { range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text }
  const place = (d as DocxDiagnostic).paragraph
  if (place) m.paragraph = { ...place }
  return m
}

export function toJsonResult(r: FileResult): JsonResult {
  const messages = r.diagnostics.map(toJsonMessage)
  const n = countOf(r.diagnostics)
  if (r.error) {
    messages.unshift({ ruleId: null, severity: 2, level: 'error', message: r.error, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true })
    n.errors++
  }
  const out: JsonResult = { filePath: r.filePath, messages, errorCount: n.errors, warningCount: n.warnings, infoCount: n.infos }
  if (r.output !== undefined) out.output = r.output
  return out
}

export const json: Formatter = (results) => JSON.stringify(results.map(toJsonResult)) + '\n'
