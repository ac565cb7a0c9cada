// The fixture drafts: every good brief comes out clean, with no finding of any severity; every bad brief
// (and the demo draft) produces exactly the diagnostics in its .expected file, one a line:
// `line:column-endLine:endColumn severity ruleId message`. To regenerate after a deliberate
// change, run with XIMO_UPDATE_FIXTURES=1 and review the diff by hand.
import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { lint } from '../packages/core/src/engine.js'

const root = join(import.meta.dirname, '..', 'fixtures')
const drafts = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()

const show = (file: string) =>
  lint(readFileSync(file, 'utf8'), { filePath: file }).map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.ruleId} ${d.reason}`)

describe('good briefs', () => {
  for (const f of drafts('good')) {
    it(`${f} comes out clean (no findings at all)`, () => {
      expect(show(join(root, 'good', f))).toEqual([])
    })
  }
})

describe('bad briefs', () => {
  for (const dir of ['bad', 'demo']) {
    for (const f of drafts(dir)) {
      it(`${dir}/${f} gives exactly the expected diagnostics`, () => {
        const file = join(root, dir, f)
        const expectedFile = file.replace(/\.(md|txt)$/, '.expected')
        const found = show(file)
        if (process.env.XIMO_UPDATE_FIXTURES) writeFileSync(expectedFile, found.join('\n') + '\n')
        expect(existsSync(expectedFile)).toBe(true)
        const expected = readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean)
        expect(found).toEqual(expected)
        expect(found.length).toBeGreaterThan(0)
      })
    }
  }
})
