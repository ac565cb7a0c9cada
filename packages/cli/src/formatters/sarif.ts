/**
 * SARIF 2.1.0 for code scanning: the rule catalogue as tool metadata, one result per finding
 * with a UTF-16 region, fixes as replacements, and files that could not be checked as tool
 * execution notifications.
 */
import { pathToFileURL } from 'node:url'
import { isAbsolute } from 'node:path'
import { ruleUrl, type Diagnostic, type Severity } from '@ximo/core'
import { displayPath, type Formatter } from './types.js'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' }
const FIXABLE: Record<string, string> = { wording: '措辞', punctuation: '标点' }
const SRCROOT = '%SRCROOT%'

interface ArtifactLocation {
  uri: string
  uriBaseId?: string
}

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

function artifact(filePath: string, cwd: string): ArtifactLocation {
  const shown = displayPath(filePath, cwd)
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href }
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
}

const regionOf = (d: Diagnostic): Region => ({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn })

export const sarif: Formatter = (results, ctx) => {
  const index = new Map(ctx.rules.map((r, i) => [r.id, i]))
  const sarifResults: unknown[] = []
  const notifications: unknown[] = []
  for (const r of results) {
    const location = artifact(r.filePath, ctx.cwd)
    if (r.error) notifications.push({ level: 'error', message: { text: r.error }, locations: [{ physicalLocation: { artifactLocation: location } }] })
    for (const d of r.diagnostics) {
      const region = regionOf(d)
      const res: Record<string, unknown> = {
        ruleId: d.ruleId,
        ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.reason },
        locations: [{ physicalLocation: { artifactLocation: location, region } }],
      }
      if (d.fix)
        res.fixes = [
          {
            description: { text: d.fix.text ? `改为“${d.fix.text}”` : '删除' },
            artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: region, insertedContent: { text: d.fix.text } }] }],
          },
        ]
      sarifResults.push(res)
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ximo',
            fullName: '惜墨：政务信息写作检查',
            informationUri: 'https://github.com/ximo-lint/ximo',
            version: ctx.version,
            semanticVersion: ctx.version,
            rules: ctx.rules.map((m) => ({
              id: m.id,
              shortDescription: { text: m.description },
              fullDescription: { text: m.guide || m.description },
              helpUri: ruleUrl(m.id),
              help: { text: `${m.description}\n\n依据：${m.guide}` },
              defaultConfiguration: { level: LEVEL[m.severity] },
              properties: { category: m.category, type: m.type, fixable: m.fixable ? FIXABLE[m.fixable] : null },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : ctx.cwd + '/').href } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}
