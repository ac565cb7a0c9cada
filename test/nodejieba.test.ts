// nodejieba, the backend named in the design card, is optional: this test installs it into a
// cache folder (it compiles from source, about a minute here), runs every fixture draft
// through the guide's rules with it and with the default @node-rs/jieba, and asserts the
// findings are the same.
import { describe, it, expect } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const cache = join(root, '.cache', 'nodejieba')
const modules = join(cache, 'node_modules')

function ensureNodejieba(): string | null {
  if (existsSync(join(modules, 'nodejieba', 'build', 'Release'))) return null
  mkdirSync(cache, { recursive: true })
  if (!existsSync(join(cache, 'package.json'))) writeFileSync(join(cache, 'package.json'), '{"name":"nodejieba-cache","private":true}\n')
  try {
    // Its install script runs `npx @mapbox/node-pre-gyp`, which needs the package alongside.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', 'nodejieba@3.5.8', '@mapbox/node-pre-gyp@2'], { cwd: cache, stdio: 'pipe', timeout: 600_000 })
    return null
  } catch (e) {
    return `nodejieba 安装失败：${(e as Error).message.split('\n')[0]}`
  }
}

function drafts(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...drafts(p))
    else if (/\.(md|txt)$/.test(name) && !name.startsWith('README')) out.push(p)
  }
  return out.sort()
}

describe('nodejieba backend', () => {
  it('gives the same findings as @node-rs/jieba on every fixture draft', { timeout: 900_000 }, () => {
    const failure = ensureNodejieba()
    expect(failure).toBeNull()
    const files = drafts(join(root, 'fixtures'))
    expect(files.length).toBeGreaterThan(3)
    const run = (backend: string) =>
      JSON.parse(
        execFileSync(process.execPath, [join(root, 'test/helpers/backend-findings.mjs'), backend, ...files], {
          env: { ...process.env, NODE_PATH: modules },
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        }),
      )
    const withDefault = run('jieba')
    const withNodejieba = run('nodejieba')
    expect(withNodejieba).toEqual(withDefault)
    // The comparison is not vacuous: the drafts produce findings.
    expect(Object.values(withDefault).flat().length).toBeGreaterThan(5)
  })
})
