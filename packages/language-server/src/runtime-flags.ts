import { SMALL_YOUNG_GENERATION, type RuntimeFlag } from '../../core/src/code-cache.js'

/**
 * V8 settings the server gives itself once its code cache is taken, to hold less memory:
 * - the young generation stays the size it has after start-up (SMALL_YOUNG_GENERATION, which
 *   the CLI sets too);
 * - after a full collection the heap may grow to 1.2 times what survived (V8 otherwise picks a
 *   factor between 1.1 and 4).
 * On Node's command line they would make Node refuse the code cache of its own modules (about
 * 20 ms of the cold start); set after start-up they change nothing already compiled. `reset`
 * is V8's default, put back while the code cache is written (see RuntimeFlag).
 */
export const RUNTIME_FLAGS: readonly RuntimeFlag[] = [
  SMALL_YOUNG_GENERATION,
  { set: '--heap-growing-percent=20', reset: '--heap-growing-percent=0' },
]
