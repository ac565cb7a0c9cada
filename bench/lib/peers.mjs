// The peers, installed on demand into bench/.peers (gitignored) with npm: autocorrect-node
// (Rust, punctuation and spacing only) and textlint with textlint-rule-sentence-length.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const PACKAGES = { autocorrect: ['autocorrect-node'], textlint: ['textlint', 'textlint-rule-sentence-length'] }

/** Install the peers that are missing; returns { autocorrect, textlint } as { ok, reason }. */
export function ensurePeers(dir, log) {
  mkdirSync(dir, { recursive: true })
  const pkg = join(dir, 'package.json')
  if (!existsSync(pkg)) writeFileSync(pkg, JSON.stringify({ name: 'ximo-bench-peers', private: true }, null, 2) + '\n')
  const status = {}
  for (const [name, pkgs] of Object.entries(PACKAGES)) {
    const present = pkgs.every((p) => existsSync(join(dir, 'node_modules', p, 'package.json')))
    if (!present) {
      log(`安装对照工具 ${pkgs.join(' ')} 到 ${dir} …`)
      const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', ...pkgs], { encoding: 'utf8', timeout: 600_000 })
      if (r.status !== 0) {
        status[name] = { ok: false, reason: `无法安装（${(r.error?.message ?? r.stderr ?? '').trim().split('\n').slice(-2).join(' ') || `npm 退出码 ${r.status}`}）` }
        continue
      }
    }
    status[name] = { ok: pkgs.every((p) => existsSync(join(dir, 'node_modules', p, 'package.json'))), reason: '' }
    if (!status[name].ok) status[name].reason = '安装后仍找不到'
  }
  return status
}

/** The command lines that run each peer on files or a directory. */
export function peerCommands(dir) {
  const runner = new URL('./autocorrect-run.cjs', import.meta.url).pathname
  return {
    autocorrect: (paths) => ({ cmd: process.execPath, args: [runner, ...paths], cwd: dir }),
    // --no-textlintrc: only the rule named here, at its defaults (a sentence over 100 characters).
    textlint: (paths) => ({ cmd: process.execPath, args: [join(dir, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--no-textlintrc', '--rule', 'sentence-length', ...paths], cwd: dir }),
  }
}
