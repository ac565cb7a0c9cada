/**
 * The web page's static files (packages/cli/web), read once at start-up and served from
 * memory. Found next to the bundle (dist/cli.js → ../web) or the sources (src/serve → ../../web).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Asset {
  body: Buffer
  type: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

export function findWebDir(): string | undefined {
  for (const rel of ['../web/', '../../web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(join(dir, 'index.html'))) return dir
  }
  return undefined
}

/** URL path → asset, for every file of the web folder with a known type. */
export function loadAssets(dir = findWebDir()): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  if (!dir) return assets
  for (const name of readdirSync(dir).sort()) {
    const type = TYPES[extname(name)]
    if (!type) continue
    const body = readFileSync(join(dir, name))
    assets.set(`/${name}`, { body, type })
    if (name === 'index.html') assets.set('/', { body, type })
  }
  return assets
}
