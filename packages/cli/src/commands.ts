/** `ximo rules` (the catalogue) and `ximo init` (a starter config). */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONFIG_FILES, ruleUrl, starterConfig, type Rule } from '@ximo/core'
import { LEVEL_LABEL } from './formatters/types.js'

const FIXABLE_LABEL = { wording: '措辞', punctuation: '标点' } as const

/** Display width in a terminal: CJK and full-width forms take two columns. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
    w += wide ? 2 : 1
  }
  return w
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)))

export interface RuleInfo {
  id: string
  type: string
  category: string
  severity: string
  fixable: string | null
  description: string
  guide: string
  url: string
}

export function ruleInfo(rules: Rule[]): RuleInfo[] {
  return rules.map(({ meta }) => ({
    id: meta.id,
    type: meta.type,
    category: meta.category,
    severity: meta.severity,
    fixable: meta.fixable,
    description: meta.description,
    guide: meta.guide,
    url: ruleUrl(meta.id),
  }))
}

/** The catalogue as a table (id, default level, fix kind, description) or JSON. */
export function formatRules(rules: Rule[], format: 'stylish' | 'json'): string {
  if (format === 'json') return JSON.stringify(ruleInfo(rules), null, 2) + '\n'
  const rows = [['规则', '级别', '修复', '说明']]
  for (const { meta } of rules) rows.push([meta.id, LEVEL_LABEL[meta.severity], meta.fixable ? FIXABLE_LABEL[meta.fixable] : '否', meta.description])
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => displayWidth(r[c]))))
  const lines = rows.map((r) => [pad(r[0], widths[0]), pad(r[1], widths[1]), pad(r[2], widths[2]), r[3]].join('  '))
  lines.push('', `共 ${rules.length} 条规则。级别是默认级别，可在 .ximorc.json 的 rules 中调整或关闭（off）。`)
  return lines.join('\n') + '\n'
}

export type InitResult = { ok: true; file: string } | { ok: false; message: string }

/** Write `.ximorc.json` from core's starter config; never overwrite an existing config. */
export function initConfig(dir: string, rules: Rule[]): InitResult {
  for (const name of CONFIG_FILES)
    if (existsSync(join(dir, name))) return { ok: false, message: `当前目录已有配置文件 ${name}，未覆盖。如需重新生成，请先删除或改名。` }
  const file = join(dir, '.ximorc.json')
  try {
    writeFileSync(file, JSON.stringify(starterConfig(rules), null, 2) + '\n', { flag: 'wx' })
  } catch (e) {
    return { ok: false, message: `无法写入 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` }
  }
  return { ok: true, file }
}
