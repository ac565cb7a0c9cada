// Every rule has a Chinese README whose examples are checked: each 错误示例 must trigger the
// rule, each 正确示例 must pass it, with the rule's default options.
import { describe, it, expect } from 'vitest'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { allRules } from '../rules/index.js'
import { lintWith } from '../packages/core/src/testing.js'

const root = join(import.meta.dirname, '..')

interface Example {
  format: 'markdown' | 'text'
  text: string
}

function examples(readme: string, heading: string): Example[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(heading))
  if (!section) return []
  const out: Example[] = []
  const re = /^```(text|markdown|md)\n([\s\S]*?)^```$/gm
  let m: RegExpExecArray | null
  while ((m = re.exec(section))) out.push({ format: m[1] === 'text' ? 'text' : 'markdown', text: m[2] })
  return out
}

describe('rule documentation', () => {
  for (const rule of allRules) {
    const id = rule.meta.id
    const file = join(root, 'rules', id, 'README.md')
    describe(id, () => {
      it('has a README with front matter and the required sections', () => {
        expect(existsSync(file)).toBe(true)
        const readme = readFileSync(file, 'utf8')
        expect(readme).toMatch(new RegExp(`^---\\nid: ${id}\\n`))
        for (const h of ['说明', '错误示例', '正确示例', '选项', '消息', '何时关闭']) expect(readme).toContain(`## ${h}`)
        expect(examples(readme, '错误示例').length).toBeGreaterThan(0)
        expect(examples(readme, '正确示例').length).toBeGreaterThan(0)
      })
      it('every 错误示例 triggers the rule', () => {
        const readme = existsSync(file) ? readFileSync(file, 'utf8') : ''
        for (const ex of examples(readme, '错误示例')) {
          expect(lintWith(rule, ex.text, { format: ex.format }).length, ex.text).toBeGreaterThan(0)
        }
      })
      it('every 正确示例 passes', () => {
        const readme = existsSync(file) ? readFileSync(file, 'utf8') : ''
        for (const ex of examples(readme, '正确示例')) {
          expect(lintWith(rule, ex.text, { format: ex.format }).map((d) => d.reason), ex.text).toEqual([])
        }
      })
      it('has Chinese metadata and messages', () => {
        expect(rule.meta.description).toMatch(/\p{Script=Han}/u)
        for (const m of Object.values(rule.meta.messages)) expect(m).toMatch(/\p{Script=Han}/u)
      })
    })
  }
})
