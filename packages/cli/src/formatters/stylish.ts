/**
 * The default format: findings grouped by file, in Chinese, with a summary line. Per file,
 * after the first `maxPerRule` findings of one rule the rest fold into one line, so a draft
 * with hundreds of findings stays readable.
 */
import type { Diagnostic } from '@ximo/core'
import { colors } from '../ansi.js'
import { LEVEL_LABEL, countOf, displayPath, type Formatter } from './types.js'
import { positionLabel } from '../docx.js'

export const DEFAULT_MAX_PER_RULE = 10

export const stylish: Formatter = (results, ctx) => {
  const c = colors(ctx.color)
  const maxPerRule = ctx.maxPerRule ?? DEFAULT_MAX_PER_RULE
  const paint = { error: c.red, warning: c.yellow, info: c.blue }
  const lines: string[] = []
  const all: Diagnostic[] = []
  let failed = 0
  let fixesApplied = 0
  let filesFixed = 0
  for (const r of results) {
    all.push(...r.diagnostics)
    if (r.error) failed++
    if (r.output !== undefined && (ctx.fix === 'dry-run' || r.written)) {
      filesFixed++
      fixesApplied += r.fixes?.length ?? 0
    }
    if (!r.diagnostics.length && !r.error) continue
    lines.push(c.underline(displayPath(r.filePath, ctx.cwd)))
    if (r.error) lines.push(`  ${c.red(LEVEL_LABEL.error)}  ${r.error}`)
    const seen = new Map<string, number>()
    const shown: Diagnostic[] = []
    for (const d of r.diagnostics) {
      const n = (seen.get(d.ruleId) ?? 0) + 1
      seen.set(d.ruleId, n)
      if (n <= maxPerRule) shown.push(d)
    }
    const width = Math.max(0, ...shown.map((d) => positionLabel(d).length))
    for (const d of shown) {
      const pos = positionLabel(d).padEnd(width)
      lines.push(`  ${c.dim(pos)}  ${paint[d.severity](LEVEL_LABEL[d.severity])}  ${d.reason}  ${c.dim(d.ruleId)}`)
    }
    for (const [ruleId, n] of seen) if (n > maxPerRule) lines.push(`  ${c.dim(`另有 ${n - maxPerRule} 处同类问题（${ruleId}）`)}`)
    lines.push('')
  }

  const n = countOf(all)
  const total = n.errors + n.warnings + n.infos
  if (total === 0 && failed === 0) lines.push(c.green(`✔ 未发现问题（共 ${results.length} 个文件）`))
  if (total > 0) {
    const parts = [`${n.errors} 个错误`, `${n.warnings} 个警告`]
    if (n.infos) parts.push(`${n.infos} 个提示`)
    const paintTotal = n.errors ? c.red : n.warnings ? c.yellow : c.blue
    lines.push(paintTotal(c.bold(`✖ 共 ${total} 个问题（${parts.join('，')}）`)))
    if (n.fixable && !ctx.fix) lines.push(`  其中 ${n.fixable} 个可用 ximo fix 自动修复`)
  }
  if (failed) lines.push(c.red(c.bold(`✖ ${failed} 个文件无法检查或写入`)))
  if (ctx.fix === 'write' && fixesApplied) lines.push(c.green(`已自动修复 ${fixesApplied} 处，写入 ${filesFixed} 个文件`))
  if (ctx.fix === 'dry-run') lines.push(fixesApplied ? `可自动修复 ${fixesApplied} 处（${filesFixed} 个文件），未写入文件` : '没有可自动修复的问题')
  return lines.join('\n') + '\n'
}
