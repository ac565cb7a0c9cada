/** Unified diffs of the fixes (`--fix-dry-run`), git style, so `git apply` takes them. */
import { createTwoFilesPatch } from 'diff'
import { colors } from './ansi.js'
import { displayPath } from './formatters/types.js'
import type { FileResult } from './lint-file.js'

export function fixDiff(results: FileResult[], cwd: string, color: boolean): string {
  const c = colors(color)
  const out: string[] = []
  for (const r of results) {
    if (r.output === undefined || r.source === undefined) continue
    const name = displayPath(r.filePath, cwd)
    const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, r.source, r.output, undefined, undefined, { context: 3 })
    const lines = patch.split('\n')
    // Drop jsdiff's "====" banner; keep ---/+++ and hunks.
    if (lines[0].startsWith('====')) lines.shift()
    if (lines[lines.length - 1] === '') lines.pop()
    for (const line of lines) {
      if (line.startsWith('+++') || line.startsWith('---')) out.push(c.bold(line))
      else if (line.startsWith('@@')) out.push(c.blue(line))
      else if (line.startsWith('+')) out.push(c.green(line))
      else if (line.startsWith('-')) out.push(c.red(line))
      else out.push(line)
    }
  }
  return out.length ? out.join('\n') + '\n' : ''
}
