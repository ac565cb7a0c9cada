/**
 * One file in, one result out: read, decode, lint (and fix), write back. Everything a file
 * needs arrives in `options` as plain data, so this can move into a worker thread unchanged.
 */
import { readFileSync } from 'node:fs'
import { fixDetailed, lint, SegmenterUnavailableError, type AppliedFix, type Diagnostic, type ResolvedConfig, type Rule } from '@ximo/core'
import { decode, encode, keepLineEndings, DecodeError, type Encoding } from './encoding.js'
import { writeFileAtomic } from './write.js'
import { isDocxPath, lintDocxFile } from './docx.js'

export type FixType = 'wording' | 'punctuation'

export interface LintFileOptions {
  config: ResolvedConfig
  /** Only run these rules. */
  only?: string[]
  /** Apply safe fixes and write them back (`write`), or only compute them (`dry-run`). */
  fix?: false | 'write' | 'dry-run'
  fixTypes?: FixType[]
  /** Lint these bytes instead of reading the file (stdin); they are never written back. */
  input?: Uint8Array
  /** The rule catalogue; core's by default (tests inject their own). */
  rules?: Rule[]
}

export interface FileResult {
  /** Absolute path, or `<stdin>`. */
  filePath: string
  /** The findings (after fixing, when fixing). */
  diagnostics: Diagnostic[]
  /** Why the file could not be checked or written (Chinese). */
  error?: string
  encoding?: Encoding
  bom?: boolean
  /** The text before fixing (without BOM); set with `output`. */
  source?: string
  /** The text after fixing, when fixes changed it. */
  output?: string
  fixes?: AppliedFix[]
  /** True when the fixed text was written to the file. */
  written?: boolean
}

export const STDIN_PATH = '<stdin>'

const IO_REASONS: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EISDIR: '这是一个目录',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘空间不足',
  EBUSY: '文件被占用',
}

export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  return code ? `${IO_REASONS[code] ?? '读写失败'}，${code}` : (e as Error).message
}

export async function lintFile(path: string, options: LintFileOptions): Promise<FileResult> {
  const result: FileResult = { filePath: path, diagnostics: [] }
  let bytes: Uint8Array
  try {
    bytes = options.input ?? readFileSync(path)
  } catch (e) {
    result.error = `无法读取文件（${ioReason(e)}）。`
    return result
  }
  if (isDocxPath(path)) return lintDocxFile(path, bytes, options)
  let decoded
  try {
    decoded = decode(bytes)
  } catch (e) {
    if (e instanceof DecodeError) {
      result.error = e.message
      return result
    }
    throw e
  }
  const { text, encoding, bom } = decoded
  result.encoding = encoding
  result.bom = bom
  const lintOptions = {
    filePath: path === STDIN_PATH ? undefined : path,
    config: options.config,
    only: options.only,
    rules: options.rules,
  }
  try {
    if (!options.fix) {
      // One run per file: the paragraph caches would only cost time and memory (`--fix` keeps
      // them: its passes re-lint the same text).
      result.diagnostics = lint(text, { ...lintOptions, cache: false })
      return result
    }
    const fixed = fixDetailed(text, { ...lintOptions, fixTypes: options.fixTypes })
    result.diagnostics = fixed.remaining
    result.fixes = fixed.fixes
    const output = keepLineEndings(text, fixed.output)
    if (output !== fixed.output) result.diagnostics = lint(output, lintOptions)
    if (output === text) return result
    result.source = text
    result.output = output
    if (options.fix === 'write' && !options.input) {
      try {
        writeFileAtomic(path, encode(output, encoding, bom))
        result.written = true
      } catch (e) {
        result.error = e instanceof DecodeError ? e.message : `无法写入文件（${ioReason(e)}），修复未保存。`
        // The file keeps its old text, so report what is in it.
        result.diagnostics = lint(text, lintOptions)
      }
    }
    return result
  } catch (e) {
    result.error = e instanceof SegmenterUnavailableError ? e.message : `检查时出错：${(e as Error).message}`
    return result
  }
}
