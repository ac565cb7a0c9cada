import { analyze, summarize } from '../packages/core/dist/index.js'
const text = process.argv[2].replace(/\\n/g, '\n')
console.log(JSON.stringify(summarize(analyze(text, { config: { extends: [] } })), null, 1))
