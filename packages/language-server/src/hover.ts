/**
 * Hover text (Markdown, Chinese): for a diagnostic, the rule's explanation with the guide's
 * reason and an example; on the headline, its type; on the lead, the six elements found.
 */
import type { Rule } from '@ximo/core'
import type { RuleDocs, Example } from './rule-docs.js'

export interface HoverDiagnostic {
  ruleId: string
  message: string
  url?: string
}

function fence(ex: Example): string {
  const lang = ex.lang === 'md' ? 'markdown' : ex.lang
  const ticks = ex.text.includes('```') ? '````' : '```'
  return `${ticks}${lang}\n${ex.text}\n${ticks}`
}

/** One section per rule (several diagnostics of one rule at the same place share it). */
export function diagnosticHover(found: HoverDiagnostic[], rules: Map<string, Rule>, docs: RuleDocs): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const d of found) {
    const key = `${d.ruleId}\u0000${d.message}`
    if (seen.has(key)) continue
    seen.add(key)
    const rule = rules.get(d.ruleId)
    const lines: string[] = []
    lines.push(`**${rule?.meta.description ?? d.ruleId}**（\`${d.ruleId}\`）`)
    lines.push(d.message)
    const doc = docs.get(d.ruleId)
    if (doc?.explanation) lines.push(doc.explanation)
    if (rule?.meta.guide) lines.push(`> 依据：${rule.meta.guide}`)
    if (doc?.bad) lines.push(`错误示例：\n\n${fence(doc.bad)}`)
    if (doc?.good) lines.push(`正确示例：\n\n${fence(doc.good)}`)
    if (d.url) lines.push(`[规则说明](${d.url})`)
    out.push(lines.join('\n\n'))
  }
  return out
}
