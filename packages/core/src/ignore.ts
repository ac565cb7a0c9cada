/**
 * The `ignore` globs of a config (and the CLI's --ignore-pattern), matched like .gitignore
 * does: a pattern without a slash matches a file or directory name at any depth, `dir/` all
 * under it, and a file is ignored when it or one of its parent directories matches. Paths are
 * relative to the config's folder, with `/`; a path outside it (`../…`) is never ignored.
 * Shared by the CLI and the language server.
 */
import picomatch from 'picomatch'

export function ignoreMatcher(patterns: string[]): (relPath: string) => boolean {
  const globs = patterns.map((p) => p.replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean)
  if (!globs.length) return () => false
  const names = globs.filter((g) => !g.includes('/'))
  const paths = globs.filter((g) => g.includes('/')).map((g) => g.replace(/^\//, ''))
  const byName = names.length ? picomatch(names, { dot: true, basename: true }) : () => false
  const byPath = paths.length ? picomatch(paths, { dot: true }) : () => false
  const match = (p: string) => byName(p) || byPath(p)
  return (relPath) => {
    const parts = relPath.split('/')
    if (parts[0] === '..') return false
    for (let i = 1; i <= parts.length; i++) if (match(parts.slice(0, i).join('/'))) return true
    return false
  }
}
