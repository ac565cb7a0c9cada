import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import { buildDocument } from '../../packages/core/src/document.js'
it('print', () => {
  const lines = readFileSync('/tmp/hl.txt', 'utf8').split('\n').filter(Boolean)
  const out: string[] = []
  for (const l of lines) {
    const doc = buildDocument('# ' + l + '\n', { format: 'markdown' })
    out.push(l + '\n   ' + doc.headline!.tokens.map((t) => `${t.text}/${t.pos}`).join(' '))
  }
  console.log(out.join('\n'))
})
