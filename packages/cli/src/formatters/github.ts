/**
 * GitHub Actions workflow commands: one annotation per finding, every finding listed.
 * error → ::error, warning → ::warning, info → ::notice.
 */
import type { Severity } from '@ximo/core'
import { displayPath, type Formatter } from './types.js'

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' }

/** Escape a message (the data after `::`). */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** Escape a property value (`file=…`, `title=…`). */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

export const github: Formatter = (results, ctx) => {
  const lines: string[] = []
  for (const r of results) {
    const file = escapeProperty(displayPath(r.filePath, ctx.cwd))
    if (r.error) lines.push(`::error file=${file},title=${escapeProperty('ximo')}::${escapeData(r.error)}`)
    for (const d of r.diagnostics) {
      const props = [`file=${file}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(`ximo(${d.ruleId})`)}`]
      lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.reason)}`)
    }
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}
