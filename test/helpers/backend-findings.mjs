// Prints, as JSON, the findings of the guide's rules on the given drafts with one segmenter
// backend. Used by test/nodejieba.test.ts (run with NODE_PATH pointing at a nodejieba install).
import { readFileSync } from 'node:fs'
import { lint, rules, presetConfig } from '../../packages/core/dist/index.js'

const [backend, ...files] = process.argv.slice(2)
const config = presetConfig('recommended')
config.segmenter = backend
for (const r of rules) if (r.meta.category !== 'guide') config.rules[r.meta.id].severity = 'off'
const out = {}
for (const f of files) {
  out[f] = lint(readFileSync(f, 'utf8'), { filePath: f, config }).map((d) => `${d.ruleId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.reason}`)
}
console.log(JSON.stringify(out))
