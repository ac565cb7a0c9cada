/**
 * dist/cli.js: starts the CLI bundle (dist/cli-main.cjs, built from main.ts) through V8's code
 * cache (see core/src/code-cache.ts). Worker threads start here too.
 */
import { fileURLToPath } from 'node:url'
import { runWithCodeCache, SMALL_YOUNG_GENERATION } from '../../core/src/code-cache.js'
import { WORKER_ARG } from './worker-arg.js'

// A small young generation for a draft linted alone (a long one lints 5–10 % faster, see
// SMALL_YOUNG_GENERATION); pool.ts puts V8's default back to lint several, and a lint worker,
// which takes several, keeps the default.
runWithCodeCache(fileURLToPath(new URL('./cli-main.cjs', import.meta.url)), undefined, process.argv.includes(WORKER_ARG) ? [] : [SMALL_YOUNG_GENERATION])
