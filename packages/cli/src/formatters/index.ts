import type { Formatter } from './types.js'
import { stylish } from './stylish.js'
import { json } from './json.js'
import { sarif } from './sarif.js'
import { github } from './github.js'

export const FORMATTERS = { stylish, json, sarif, github } satisfies Record<string, Formatter>
export type FormatName = keyof typeof FORMATTERS
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[]
export type { Formatter, FormatContext } from './types.js'
