/**
 * The parts of a rule README (rules/<id>/README.md) that a hover shows: the 说明 text and
 * the first 错误示例 and 正确示例. The READMEs are bundled into the server at build time.
 */

export interface RuleDoc {
  /** 说明, first paragraph that is not the guide quote (the hover quotes meta.guide itself). */
  explanation?: string
  bad?: Example
  good?: Example
}

export interface Example {
  lang: string
  text: string
}

function section(readme: string, heading: string): string | undefined {
  return readme.split(/^## /m).find((s) => s.startsWith(heading))?.slice(heading.length)
}

function firstExample(body: string | undefined): Example | undefined {
  if (!body) return undefined
  const m = /^```(\w*)\n([\s\S]*?)^```\s*$/m.exec(body)
  return m ? { lang: m[1] || 'text', text: m[2].replace(/\n+$/, '') } : undefined
}

export function parseRuleReadme(readme: string, guide = ''): RuleDoc {
  const text = readme.replace(/\r\n/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '')
  const doc: RuleDoc = { bad: firstExample(section(text, '错误示例')), good: firstExample(section(text, '正确示例')) }
  const about = section(text, '说明')
  if (about) {
    const core = guide.replace(/[。.]$/, '').slice(0, 12)
    const paragraphs = about
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p && !p.startsWith('```') && !p.startsWith('|') && !p.startsWith('#'))
    doc.explanation = paragraphs.find((p) => !(core && p.includes(core))) ?? paragraphs[0]
  }
  return doc
}

/** Parsed docs by rule id, parsed lazily. */
export class RuleDocs {
  private parsed = new Map<string, RuleDoc>()
  constructor(
    private readonly readmes: Record<string, string>,
    private readonly guideOf: (id: string) => string | undefined,
  ) {}

  get(id: string): RuleDoc | undefined {
    let doc = this.parsed.get(id)
    if (!doc && this.readmes[id] !== undefined) {
      doc = parseRuleReadme(this.readmes[id], this.guideOf(id))
      this.parsed.set(id, doc)
    }
    return doc
  }
}
