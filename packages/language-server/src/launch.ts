/**
 * dist/server.js: starts the server bundle (dist/server-main.cjs, built from main.ts) through
 * V8's code cache, which saves 30–50 ms of every cold start (see core/src/code-cache.ts), then
 * sets the V8 flags that keep its memory down (runtime-flags.ts).
 */
import { fileURLToPath } from 'node:url'
import { runWithCodeCache } from '../../core/src/code-cache.js'
import { RUNTIME_FLAGS } from './runtime-flags.js'

runWithCodeCache(fileURLToPath(new URL('./server-main.cjs', import.meta.url)), undefined, RUNTIME_FLAGS)
