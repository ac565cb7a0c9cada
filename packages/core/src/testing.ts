/**
 * A rule tester in the manner of ESLint's RuleTester and textlint's tester: `valid` texts
 * produce nothing; each `invalid` text produces exactly the listed errors (messageId, the
 * rendered Chinese message when given, 1-based line/column and end) and, when `output` is
 * given, fixes to exactly that text (`null`: no fix).
 */
import { describe, it, expect } from 'vitest'
import { lint, fix } from './engine.js'
import { presetConfig } from './config.js'
import type { Format, ResolvedConfig, Rule, Severity } from './types.js'

export type ValidCase = string | { text: string; format?: Format; options?: Record<string, unknown>; name?: string }

export interface ExpectedError {
  messageId: string
  message?: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
  severity?: Severity
}

export interface InvalidCase {
  text: string
  name?: string
  format?: Format
  options?: Record<string, unknown>
  errors: ExpectedError[]
  /** The text after fixing; `null` when the rule must offer no fix. */
  output?: string | null
}

export function configFor(rule: Rule, options?: Record<string, unknown>): ResolvedConfig {
  const config = presetConfig('all-off', [rule])
  config.rules[rule.meta.id] = {
    severity: rule.meta.severity,
    options: { ...(rule.meta.defaultOptions as Record<string, unknown>), ...(options ?? {}) },
  }
  return config
}

export function lintWith(rule: Rule, text: string, opts: { format?: Format; options?: Record<string, unknown> } = {}) {
  return lint(text, { format: opts.format ?? 'markdown', config: configFor(rule, opts.options), rules: [rule] })
}

export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        const v = typeof c === 'string' ? { text: c } : c
        it(v.name ?? v.text.slice(0, 40), () => {
          const found = lintWith(rule, v.text, v)
          expect(found.map((d) => `${d.line}:${d.column} ${d.reason}`)).toEqual([])
        })
      }
    })
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name ?? c.text.slice(0, 40), () => {
          const found = lintWith(rule, c.text, c)
          const actual = found.map((d, i) => {
            const want = c.errors[i]
            const got: ExpectedError = { messageId: d.messageId, line: d.line, column: d.column }
            if (want?.message !== undefined) got.message = d.reason
            if (want?.endLine !== undefined) got.endLine = d.endLine
            if (want?.endColumn !== undefined) got.endColumn = d.endColumn
            if (want?.severity !== undefined) got.severity = d.severity
            return got
          })
          expect(actual).toEqual(c.errors)
          if (c.output !== undefined) {
            const out = fix(c.text, { format: c.format ?? 'markdown', config: configFor(rule, c.options), rules: [rule] })
            expect(out).toEqual(c.output === null ? c.text : c.output)
          }
        })
      }
    })
  })
}
