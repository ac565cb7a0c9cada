import { lint, fix } from '../packages/core/dist/index.js'
const text = process.argv[2].replace(/\\n/g, '\n')
const config = { extends: [], rules: { 'sentence-length': ['warning', { max: 20 }], 'punctuation-width': 'warning' } }
for (const d of lint(text, { config })) console.log(d.ruleId, d.line, d.column, d.endLine, d.endColumn, JSON.stringify(d.expected), d.reason)
console.log(JSON.stringify(fix(text, { config })))
