import { lint, loadConfig } from '../packages/core/dist/index.js'
import { readFileSync } from 'node:fs'
const text = readFileSync(process.argv[2], 'utf8')
const config = loadConfig(process.argv[3])
for (const d of lint(text, { config })) console.log(d.ruleId, d.line, d.column, d.endLine, d.endColumn, JSON.stringify(d.expected), d.reason, Buffer.byteLength(text.split('\n')[d.line-1].slice(0, d.column-1)), Buffer.byteLength(text.split('\n')[d.endLine-1].slice(0, d.endColumn-1)))
