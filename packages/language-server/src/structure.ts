/**
 * Hover on the headline (its type) and on the lead (which of the six elements were found).
 * The analyses are core's `summarize` (the rules that own them compute them); nothing is
 * recomputed here.
 */
import { summarize, type AnalyzeResult, type Summary } from '@ximo/core'

type ElementKey = keyof NonNullable<Summary['lead']>['elements']

/** The six elements in the guide's order: 何时、何地、何事、何人、为何、如何. */
const ELEMENTS: Array<[ElementKey, string]> = [
  ['time', '何时'],
  ['place', '何地'],
  ['event', '何事'],
  ['subject', '何人'],
  ['purpose', '为何'],
  ['method', '如何'],
]

export function structureHover(result: AnalyzeResult, offset: number): string | null {
  const doc = result.document
  const inBlock = (b: { start: number; end: number } | null) => !!b && b.start <= offset && offset <= b.end
  const onHeadline = inBlock(doc.headline)
  const onLead = !onHeadline && inBlock(doc.lead)
  if (!onHeadline && !onLead) return null
  const summary = summarize(result)
  if (onHeadline && summary.headline) {
    const h = summary.headline
    const details = [h.predicate ? `谓语“${h.predicate}”` : '', h.label ? `文种“${h.label}”` : ''].filter(Boolean).join('，')
    return `**标题类型：${h.typeName}**${details ? `（${details}）` : ''}`
  }
  if (onLead && summary.lead) {
    const elements = summary.lead.elements
    const found = ELEMENTS.filter(([key]) => elements[key])
    const lines = ELEMENTS.map(([key, name]) => {
      const e = elements[key]
      return e ? `- ✓ ${name}：“${e.text}”` : `- ✗ ${name}：未找到`
    })
    return `**导语六要素：找到 ${found.length} 项**\n\n${lines.join('\n')}`
  }
  return null
}
