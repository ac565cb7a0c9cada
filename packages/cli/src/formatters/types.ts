import { isAbsolute, relative, sep } from 'node:path'
import type { Diagnostic, RuleMeta, Severity } from '@ximo/core'
import type { FileResult } from '../lint-file.js'

export interface FormatContext {
  /** Paths are shown relative to this directory. */
  cwd: string
  color: boolean
  /** The rule catalogue (SARIF lists it). */
  rules: RuleMeta[]
  version: string
  /** `write` after `ximo fix`, `dry-run` with `--fix-dry-run`. */
  fix?: 'write' | 'dry-run'
  /** stylish: findings of one rule listed per file before the rest fold into one line. */
  maxPerRule?: number
}

/** A formatter is a pure function of the results. */
export type Formatter = (results: FileResult[], context: FormatContext) => string

export const LEVEL_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' }

/** A path relative to `cwd` with `/` separators when it lies inside it, else as given. */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath
  const rel = relative(cwd, filePath)
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return filePath
  return rel.split(sep).join('/')
}

export interface Counts {
  errors: number
  warnings: number
  infos: number
  fixable: number
}

export function countOf(diagnostics: Diagnostic[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 }
  for (const d of diagnostics) {
    if (d.severity === 'error') c.errors++
    else if (d.severity === 'warning') c.warnings++
    else c.infos++
    if (d.fix) c.fixable++
  }
  return c
}
