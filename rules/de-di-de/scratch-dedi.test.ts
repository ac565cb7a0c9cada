import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import { lintWith } from '../../packages/core/src/testing.js'
import rule from './index.js'
it('scratch', () => {
  const lines = readFileSync(process.env.CORPUS!, 'utf8').split('\n').filter(Boolean)
  const text = lines.join('\n\n')
  const d = lintWith(rule, text, { format: 'markdown' })
  for (const x of d) console.log('HIT', x.reason, '|', text.split('\n')[x.line - 1].slice(Math.max(0, x.column - 15), x.column + 15))
  console.log('TOTAL', d.length)
}, 600000)
