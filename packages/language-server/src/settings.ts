/**
 * Client settings (`ximo.*`): from initializationOptions, workspace/configuration and
 * didChangeConfiguration. Unknown or malformed values fall back to the defaults.
 */
import type { RuleSetting } from '@ximo/core'

export interface Settings {
  /** Lint at all. */
  enable: boolean
  /** Rule settings laid over the workspace `.ximorc.*` (same shape as its `rules`). */
  rules: Record<string, RuleSetting>
  /** Language ids to lint; `*` for every document (`text` is Neovim's id for plain text). */
  languages: string[]
  /** Milliseconds to wait after a change before linting. */
  debounce: number
  /** Documents longer than this (UTF-16 code units) are not linted. */
  maxDocumentSize: number
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  languages: ['markdown', 'plaintext', 'text'],
  debounce: 150,
  maxDocumentSize: 2_000_000,
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Settings from whatever the client sent: the `ximo` section itself or an object holding it. */
export function normalizeSettings(raw: unknown): Settings {
  const s = isObject(raw) && isObject(raw.ximo) ? raw.ximo : raw
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {} }
  if (!isObject(s)) return out
  if (typeof s.enable === 'boolean') out.enable = s.enable
  if (isObject(s.rules)) out.rules = s.rules as Record<string, RuleSetting>
  if (Array.isArray(s.languages) && s.languages.every((l) => typeof l === 'string')) out.languages = s.languages as string[]
  if (typeof s.debounce === 'number' && Number.isFinite(s.debounce) && s.debounce >= 0) out.debounce = Math.min(s.debounce, 10_000)
  if (typeof s.maxDocumentSize === 'number' && s.maxDocumentSize > 0) out.maxDocumentSize = s.maxDocumentSize
  return out
}

export function languageEnabled(settings: Settings, languageId: string): boolean {
  return settings.languages.includes('*') || settings.languages.includes(languageId)
}
