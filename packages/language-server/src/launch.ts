/**
 * dist/server.js: starts the server bundle (dist/server-main.cjs, built from main.ts) through
 * V8's code cache, which saves 30–50 ms of every cold start (see core/src/code-cache.ts), then
 * sets the V8 flags that keep its memory down (runtime-flags.ts).
 */
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runWithCodeCache } from '../../core/src/code-cache.js'
import { applyRuntimeFlags } from './runtime-flags.js'

const run = runWithCodeCache(fileURLToPath(new URL('./server-main.cjs', import.meta.url)))
applyRuntimeFlags(run.writesCache, setFlagsFromString)
