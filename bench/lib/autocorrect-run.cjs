// Run autocorrect-node's linter over files (or the files of a directory), as a peer in the
// benchmark: read each file and call lintFor, like its CLI does. Run with cwd = bench/.peers.
const { readFileSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')
const autocorrect = require(require.resolve('autocorrect-node', { paths: [process.cwd()] }))

let lines = 0
for (const arg of process.argv.slice(2)) {
  const files = statSync(arg).isDirectory() ? readdirSync(arg).sort().map((f) => join(arg, f)) : [arg]
  for (const f of files) {
    const result = autocorrect.lintFor(readFileSync(f, 'utf8'), f)
    lines += result.lines ? result.lines.length : 0
  }
}
process.stdout.write(`${lines}\n`)
