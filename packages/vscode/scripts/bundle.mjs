// Bundle the VS Code extension into packages/vscode/dist/ and, with --package, build the .vsix.
//
//   node scripts/bundle.mjs [--target <vsce target>] [--package] [--skip-server-build]
//
// dist/extension.js        the extension (esbuild, CommonJS, `vscode` external)
// dist/server/server.js    the language server (built by the root scripts/build.mjs): a launcher
//                          that starts the bundle server-main.cjs through V8's code cache
// dist/server/node_modules/@node-rs/jieba and the jieba binary package for the target, laid out so
//                          that `require('@node-rs/jieba')` from server.js resolves as usual
// dist/rules/<id>.md       rule READMEs, and dist/rules/index.json, for 惜墨：显示规则说明
//
// The binary package for a target other than the installed one is fetched with `npm pack`.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const pkgDir = join(here, '..')
const root = join(pkgDir, '..', '..')
const dist = join(pkgDir, 'dist')
const require = createRequire(join(root, 'package.json'))

/** vsce --target → the @node-rs/jieba package holding the native binary for it. */
export const JIEBA_PLATFORM_PACKAGES = {
  'linux-x64': '@node-rs/jieba-linux-x64-gnu',
  'linux-arm64': '@node-rs/jieba-linux-arm64-gnu',
  'linux-armhf': '@node-rs/jieba-linux-arm-gnueabihf',
  'alpine-x64': '@node-rs/jieba-linux-x64-musl',
  'alpine-arm64': '@node-rs/jieba-linux-arm64-musl',
  'darwin-x64': '@node-rs/jieba-darwin-x64',
  'darwin-arm64': '@node-rs/jieba-darwin-arm64',
  'win32-x64': '@node-rs/jieba-win32-x64-msvc',
  'win32-arm64': '@node-rs/jieba-win32-arm64-msvc',
}

function parseArgs(argv) {
  const out = { target: 'linux-x64', package: false, serverBuild: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--target') out.target = argv[++i]
    else if (a.startsWith('--target=')) out.target = a.slice('--target='.length)
    else if (a === '--package') out.package = true
    else if (a === '--skip-server-build') out.serverBuild = false
    else throw new Error(`unknown argument ${a}`)
  }
  if (!JIEBA_PLATFORM_PACKAGES[out.target]) {
    throw new Error(`unsupported target ${out.target}; use one of: ${Object.keys(JIEBA_PLATFORM_PACKAGES).join(', ')}`)
  }
  return out
}

function log(message) {
  process.stdout.write(`bundle: ${message}\n`)
}

/** Copy the files of an npm package (its package.json `files`, or everything but docs) into dest. */
function copyPackage(src, dest, keep) {
  mkdirSync(dest, { recursive: true })
  for (const name of readdirSync(src)) {
    if (keep(name)) cpSync(join(src, name), join(dest, name), { recursive: true })
  }
}

/** The directory of the jieba binary package for `target` (installed, or fetched into a cache). */
function platformPackageDir(name, version) {
  try {
    const dir = dirname(require.resolve(`${name}/package.json`))
    const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
    if (found === version) return dir
    log(`${name} installed is ${found}, need ${version}: fetching`)
  } catch {
    // not installed for this platform: fetch it
  }
  const cache = join(root, '.cache', 'vsix-platform-packages', `${name.replace('/', '__')}-${version}`)
  const dir = join(cache, 'package')
  if (!existsSync(join(dir, 'package.json'))) {
    rmSync(cache, { recursive: true, force: true })
    mkdirSync(cache, { recursive: true })
    log(`npm pack ${name}@${version}`)
    const file = execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', cache, '--silent'], { cwd: cache, encoding: 'utf8' }).trim().split('\n').pop()
    execFileSync('tar', ['-xzf', join(cache, file), '-C', cache])
  }
  return dir
}

async function bundleExtension() {
  await build({
    entryPoints: [join(pkgDir, 'src', 'extension.ts')],
    outfile: join(dist, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: true,
    minify: true,
    logLevel: 'warning',
  })
}

function copyServer(target) {
  const serverDist = join(root, 'packages', 'language-server', 'dist')
  if (!existsSync(join(serverDist, 'server.js'))) throw new Error('packages/language-server/dist/server.js is missing: run `npm run build` at the repository root')
  const out = join(dist, 'server')
  mkdirSync(out, { recursive: true })
  // server.js starts server-main.cjs. Its code cache (server-main.cjs.cache) is left out: it was
  // made by this Node, and VS Code runs the server on its own, whose V8 would refuse it.
  for (const name of ['server.js', 'server.js.map', 'server-main.cjs', 'server-main.cjs.map'])
    if (existsSync(join(serverDist, name))) copyFileSync(join(serverDist, name), join(out, name))
  // server.js and server-main.cjs are CommonJS.
  writeFileSync(join(out, 'package.json'), JSON.stringify({ name: 'ximo-language-server-bundle', private: true, type: 'commonjs' }, null, 2) + '\n')

  // @node-rs/jieba: index.js loads `@node-rs/jieba-<platform>`; the core reads dict.txt (idf.txt is not used).
  const jiebaDir = dirname(require.resolve('@node-rs/jieba/package.json'))
  const jiebaPkg = JSON.parse(readFileSync(join(jiebaDir, 'package.json'), 'utf8'))
  const modules = join(out, 'node_modules', '@node-rs')
  copyPackage(jiebaDir, join(modules, 'jieba'), (n) => ['index.js', 'dict.txt', 'package.json', 'LICENSE'].includes(n))
  const platformName = JIEBA_PLATFORM_PACKAGES[target]
  const platformDir = platformPackageDir(platformName, jiebaPkg.version)
  copyPackage(platformDir, join(out, 'node_modules', platformName), (n) => n === 'package.json' || n.endsWith('.node') || n.startsWith('LICENSE'))
  if (!readdirSync(join(out, 'node_modules', platformName)).some((n) => n.endsWith('.node'))) throw new Error(`${platformName} holds no .node binary`)
  log(`server + @node-rs/jieba ${jiebaPkg.version} + ${platformName}`)
}

/** Rule READMEs for 惜墨：显示规则说明, and an index with each rule's title and front matter. */
function copyRuleDocs() {
  const out = join(dist, 'rules')
  mkdirSync(out, { recursive: true })
  const index = []
  for (const id of readdirSync(join(root, 'rules')).sort()) {
    const file = join(root, 'rules', id, 'README.md')
    if (!existsSync(file)) continue
    const text = readFileSync(file, 'utf8')
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
    const field = (name) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(front)?.[1]?.trim()
    const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? id
    // "# sentence-length：句子不宜过长" → "句子不宜过长"
    const title = heading.includes('：') ? heading.slice(heading.indexOf('：') + 1).trim() : heading
    const fixable = field('fixable')
    index.push({ id, title, severity: field('severity'), fixable: fixable && fixable !== 'null' ? fixable : null })
    writeFileSync(join(out, `${id}.md`), text)
  }
  writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 2) + '\n')
  log(`${index.length} rule documents`)
}

function vscePackage(target) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  const file = `${pkg.name}-${target}-${pkg.version}.vsix`
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce')
  execFileSync(process.execPath, [vsce, 'package', '--target', target, '--no-dependencies', '--out', file], { cwd: pkgDir, stdio: 'inherit' })
  log(`wrote packages/vscode/${file}`)
}

const args = parseArgs(process.argv.slice(2))
if (args.serverBuild) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' })
rmSync(dist, { recursive: true, force: true })
await bundleExtension()
copyServer(args.target)
copyRuleDocs()
if (args.package) vscePackage(args.target)
