import type { VFileMessage } from 'vfile-message'

export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'
export type Format = 'markdown' | 'text'

/** A word from the segmenter, with its jieba part-of-speech tag and source offsets (UTF-16). */
export interface Token {
  text: string
  /** jieba part-of-speech tag (`v`, `n`, `ns`, `t`, `x` …); `code` for an excluded span. */
  pos: string
  /** Offset in the source file of the first code unit. */
  start: number
  /** Offset in the source file just after the last code unit. */
  end: number
  /** Index of the token's first code unit in its block's prose text. */
  index: number
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'blockquote' | 'table-cell'

/**
 * A run of prose: a Markdown paragraph or heading, or a line of a .txt file. `text` is the
 * prose as the rules see it (inline code, URLs and HTML replaced by U+FFFC); `range()` maps
 * prose indices back to source offsets.
 */
export interface Block {
  kind: BlockKind
  /** Heading depth (1–6) for headings. */
  depth?: number
  text: string
  /** Source offsets of the block's first and last+1 prose characters. */
  start: number
  end: number
  /** Words with part-of-speech tags; the block is segmented the first time they are read. */
  tokens: Token[]
  /** Source offset of prose index `i` (`i` may equal text.length: the offset after the end). */
  toSource(i: number): number
  /** Source range [start, end) of the prose range [i, j). */
  range(i: number, j: number): [number, number]
  /** Sentences of this block (split on 。！？；… aware of quotes). */
  sentences: Sentence[]
}

export interface Sentence {
  block: Block
  text: string
  /** Prose indices in the block. */
  index: number
  /** Source offsets. */
  start: number
  end: number
  /**
   * The block's tokens that start in this sentence. Reading them segments the block; a rule that
   * can tell from `text` that a sentence holds nothing for it should look there first.
   */
  tokens: Token[]
  /** Source range of the prose range [i, j) relative to the sentence text. */
  range(i: number, j: number): [number, number]
}

export interface Document {
  /** The whole source text. */
  source: string
  format: Format
  filePath?: string
  /** Every prose block in order. */
  blocks: Block[]
  /** First `#` heading in Markdown; first non-empty line in .txt. */
  headline: Block | null
  /** Salutation and byline lines skipped before the lead. */
  preface: Block[]
  /** First body paragraph. */
  lead: Block | null
  /** Body paragraphs (lead included, trailing 抄报/抄送 lines excluded), in order. */
  body: Block[]
  /** Last body paragraph when the body has at least two paragraphs. */
  ending: Block | null
  /** Every sentence of every block except the headline. */
  sentences(): Sentence[]
  /** 1-based line and column (UTF-16 code units) of a source offset. */
  position(offset: number): { line: number; column: number; offset: number }
}

export type JsonSchema = {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean'
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean
  items?: JsonSchema
  enum?: readonly unknown[]
  minimum?: number
  maximum?: number
  description?: string
}

export type Fixable = null | 'wording' | 'punctuation'

export interface RuleMeta<O = Record<string, unknown>> {
  /** The folder name, kebab-case. */
  id: string
  type: 'problem' | 'suggestion' | 'layout'
  /** One-line Chinese description. */
  description: string
  /** Default severity in `ximo:recommended`. */
  severity: Severity
  /** Severity in `ximo:strict` (defaults to `severity`). */
  strictSeverity?: Severity
  fixable: Fixable
  /** The writing guide's clause or the standard this rule enforces (Chinese). */
  guide: string
  /** Which issue group the rule belongs to. */
  category: 'guide' | 'accuracy'
  schema: JsonSchema
  defaultOptions: O
  /** messageId → Chinese message; `{name}` placeholders are filled from report data. */
  messages: Record<string, string>
  /**
   * `block`: what the rule reports in a paragraph depends on that paragraph alone (its text,
   * kind and role: headline, preface, lead, ending or other). The engine then runs it paragraph
   * by paragraph and reuses its findings for paragraphs that did not change (the language
   * server lints on every keystroke). Default `document`: the rule sees the whole draft.
   */
  scope?: 'document' | 'block'
}

export interface Report {
  messageId: string
  data?: Record<string, string | number>
  /** Source offsets [start, end). */
  start: number
  end: number
  /** Replacement texts for [start, end): the first one is the fix; `[]` means delete. Omit when there is no fix. */
  expected?: string[]
  /** Override the configured severity for this report (only to lower it). */
  severity?: Severity
}

export interface RuleContext<O> {
  options: O
  severity: Severity
  report(report: Report): void
}

export interface Rule<O = any> {
  meta: RuleMeta<O>
  check(doc: Document, context: RuleContext<O>): void
}

export interface Position {
  line: number
  column: number
  offset: number
}

export interface Fix {
  /** Source offsets [start, end). */
  range: [number, number]
  text: string
}

/**
 * A diagnostic: a vfile message (reason, ruleId, source 'ximo', place, url, actual, expected,
 * note) with the severity and the fix spelled out.
 */
export interface Diagnostic extends VFileMessage {
  ruleId: string
  source: 'ximo'
  severity: Severity
  messageId: string
  /** 1-based start line and column (UTF-16 code units). */
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
  fix?: Fix
}

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?]

export interface XimoConfig {
  extends?: string | string[]
  rules?: Record<string, RuleSetting>
  /** Extra jieba words: `词`, `词 词性` or `词 词频 词性`. */
  dictionary?: string[]
  /** Dictionary files (jieba format), relative to the config file. */
  dictionaryFiles?: string[]
  /** Extra word list files per rule (merged into the rule's `extra` option), relative to the config file. */
  wordLists?: Record<string, string | string[]>
  /** Globs of files not to lint, relative to the config file. */
  ignore?: string[]
  /** Segmenter backend. */
  segmenter?: 'jieba' | 'nodejieba'
  /** jieba HMM for unknown words (default true). */
  hmm?: boolean
}

/** A config after `extends` and file references are resolved. */
export interface ResolvedConfig {
  /** Marks a config that went through resolveConfig/loadConfig. */
  resolved: true
  rules: Record<string, { severity: SeveritySetting; options: Record<string, unknown> }>
  dictionary: string[]
  ignore: string[]
  segmenter: 'jieba' | 'nodejieba'
  hmm: boolean
  /** The config file, when one was found. */
  filePath?: string
  /** Directory that `ignore` globs are relative to. */
  baseDir?: string
}
