/**
 * Ximo (惜墨) core: lint Chinese government information briefs (政务信息) against the
 * writing guide and the national standards.
 */
export { lint, analyze, fix, fixDetailed, applyFixes, formatFor, ruleUrl, toResolved } from './engine.js'
export type { LintOptions, FixOptions, AppliedFix, AnalyzeResult } from './engine.js'
export { loadConfig, loadConfigFile, resolveConfig, findConfigFile, presetConfig, starterConfig, validateSchema, ConfigError, CONFIG_FILES } from './config.js'
export { ignoreMatcher } from './ignore.js'
export { buildDocument, splitSentences, clearSegmentCache, isAnnexLine } from './document.js'
export type { BuildOptions, BuiltDocument } from './document.js'
export { getSegmenter, addUserWords, registerSegmenter, SegmenterUnavailableError } from './segmenter.js'
export type { Segmenter, TaggedWord, WordsAndTags } from './segmenter.js'
export { toNlcst, retextChinese } from './nlcst.js'
export { PLACEHOLDER } from './parse.js'
export * from './kit.js'
export { parseEntries, mergeEntries, findPhrases } from './phrases.js'
export type { Entry as PhraseEntry, Hit as PhraseHit } from './phrases.js'
export { summarize } from './summary.js'
export type { Summary } from './summary.js'
export type * from './types.js'
import { allRules } from '../../../rules/index.js'
/** The rule catalogue, in display order. */
export const rules = allRules
