/**
 * dist/cli.js: starts the CLI bundle (dist/cli-main.cjs, built from main.ts) through V8's code
 * cache (see core/src/code-cache.ts). Worker threads start here too.
 */
import { fileURLToPath } from 'node:url'
import { runWithCodeCache } from '../../core/src/code-cache.js'

runWithCodeCache(fileURLToPath(new URL('./cli-main.cjs', import.meta.url)))
