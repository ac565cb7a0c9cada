// Neovim as a real client of the language server (headless, test/nvim/ximo.lua). It checks
// that positions survive Neovim's UTF-16 ↔ byte conversions on Chinese text with a character
// outside the BMP, that its code action flow applies our fix, and that a config change on
// disk is picked up (Neovim 0.7 cannot watch files: the server's own watcher does it).
// Needs `nvim` (Debian: apt-get install -y neovim); skipped with a message without it.
import { describe, it, expect } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBuilt, root, serverBin } from '../packages/language-server/test/client.js'

const fixtures = join(root, 'test/nvim')
const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0
if (!hasNvim) console.warn('Neovim 测试已跳过：未安装 nvim（Debian/Ubuntu：apt-get install -y neovim）。')

interface Entry {
  stage: string
  lnum?: number
  col?: number
  end_lnum?: number
  end_col?: number
  severity?: number
  source?: string
  code?: string
  message?: string
  titles?: string[]
  line?: string
  first_line?: string
  error?: string
}

function runNvim(dir: string): Promise<{ code: number | null; output: Entry[]; stderr: string }> {
  const out = join(dir, 'nvim-out.jsonl')
  return new Promise((resolve, reject) => {
    const p = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(fixtures, 'ximo.lua')}`, 'draft.md'], {
      cwd: dir,
      env: { ...process.env, XIMO_SERVER: serverBin, XIMO_NVIM_OUT: out, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CACHE_HOME: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      p.kill('SIGKILL')
      reject(new Error(`nvim timed out\n${stderr}`))
    }, 150_000)
    p.on('exit', (code) => {
      clearTimeout(timer)
      const output = existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry) : []
      resolve({ code, output, stderr })
    })
  })
}

/** Byte column (UTF-8) of a UTF-16 column in a line: what Neovim stores. */
const byteCol = (line: string, utf16: number) => Buffer.byteLength(line.slice(0, utf16))

describe.skipIf(!hasNvim)(`Neovim ${hasNvim ? '' : '(已跳过：未安装 nvim，apt-get install -y neovim)'}`, () => {
  it('shows the diagnostics of the fixture draft at the exact lines and byte columns', async () => {
    ensureBuilt()
    const dir = mkdtempSync(join(tmpdir(), 'ximo-nvim-'))
    copyFileSync(join(fixtures, 'draft.md'), join(dir, 'draft.md'))
    copyFileSync(join(fixtures, '.ximorc.json'), join(dir, '.ximorc.json'))
    const { code, output, stderr } = await runNvim(dir)
    expect(output.filter((e) => e.error), stderr).toEqual([])
    expect(code, stderr).toBe(0)

    const draft = readFileSync(join(fixtures, 'draft.md'), 'utf8').split('\n')
    const diag = (e: Entry) => ({ lnum: e.lnum, col: e.col, end_lnum: e.end_lnum, end_col: e.end_col, severity: e.severity, code: e.code, source: e.source })
    const open = output.filter((e) => e.stage === 'open')
    // Line 2: 𠮷 is 4 bytes in UTF-8 and 2 code units in UTF-16.
    expect(open.map(diag)).toEqual([
      { lnum: 2, col: 55, end_lnum: 2, end_col: 56, severity: 2, code: 'punctuation-width', source: 'ximo' },
      { lnum: 2, col: 83, end_lnum: 2, end_col: 84, severity: 2, code: 'punctuation-width', source: 'ximo' },
      { lnum: 4, col: 0, end_lnum: 4, end_col: 222, severity: 2, code: 'sentence-length', source: 'ximo' },
    ])
    // The same columns, derived from the UTF-16 columns the server sends.
    expect([byteCol(draft[2], 19), byteCol(draft[2], 29), byteCol(draft[4], 74)]).toEqual([55, 83, 222])
    expect(draft[2].slice(19, 20)).toBe(',')
    expect(open[2].message).toBe('句子过长（74 字，建议不超过 60 字），请拆成短句。')

    expect(output.find((e) => e.stage === 'hover')?.first_line).toMatch(/^\*\*.+\*\*（`punctuation-width`）$/)

    // Neovim's code action menu (first entry taken), the edit applied in the buffer.
    const titles = output.find((e) => e.stage === 'actions')?.titles ?? []
    expect(titles.slice(0, 2)).toEqual(['将“,”改为“，”', '修复本文件中所有同类问题（punctuation-width，共 2 处）'])
    expect(titles).toContain('在此行禁用该规则（punctuation-width）')
    expect(output.find((e) => e.stage === 'after-fix' && e.line)?.line).toBe(draft[2].replace(',', '，'))
    // ， is 3 bytes where , was 1: the second comma moved 2 bytes right.
    expect(output.filter((e) => e.stage === 'after-fix' && e.code).map(diag)).toEqual([
      { lnum: 2, col: 85, end_lnum: 2, end_col: 86, severity: 2, code: 'punctuation-width', source: 'ximo' },
      { lnum: 4, col: 0, end_lnum: 4, end_col: 222, severity: 2, code: 'sentence-length', source: 'ximo' },
    ])

    // New config on disk (sentence-length max 29 as error, nothing else).
    expect(output.filter((e) => e.stage === 'config').map((e) => [e.lnum, e.col, e.end_col, e.severity, e.code, e.message])).toEqual([
      [2, 0, 113, 1, 'sentence-length', '句子过长（38 字，建议不超过 29 字），请拆成短句。'],
      [4, 0, 222, 1, 'sentence-length', '句子过长（74 字，建议不超过 29 字），请拆成短句。'],
      [6, 0, 90, 1, 'sentence-length', '句子过长（30 字，建议不超过 29 字），请拆成短句。'],
    ])
  }, 200_000)
})
