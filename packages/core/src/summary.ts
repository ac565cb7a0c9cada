/**
 * What a reader wants at a glance besides the list of findings: counts, the headline's type
 * and which of the six lead elements were found. The analyses come from the rules that own
 * them (headline-structure, lead-elements), so there is one implementation of each.
 */
import { classifyHeadline, type HeadlineAnalysis } from '../../../rules/headline-structure/index.js'
import { detectLeadElements, type LeadElements } from '../../../rules/lead-elements/index.js'
import type { AnalyzeResult } from './engine.js'

export interface Summary {
  errors: number
  warnings: number
  infos: number
  headline: (HeadlineAnalysis & { text: string }) | null
  lead: { text: string; elements: LeadElements } | null
}

export function summarize(result: AnalyzeResult): Summary {
  const { diagnostics, document: doc, config } = result
  const leadOptions = config.rules['lead-elements']?.options
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    infos: diagnostics.filter((d) => d.severity === 'info').length,
    headline: doc.headline ? { text: doc.headline.text, ...classifyHeadline(doc.headline) } : null,
    lead: doc.lead ? { text: doc.lead.text, elements: detectLeadElements(doc.lead, leadOptions) } : null,
  }
}
