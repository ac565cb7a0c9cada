/**
 * V8 settings the server gives itself once it has started, to hold less memory:
 * - the young generation stays the size it has after start-up (about 1 MB a semi-space; V8
 *   otherwise doubles it up to 16 MB on a long draft);
 * - after a full collection the heap may grow to 1.2 times what survived (V8 otherwise picks a
 *   factor between 1.1 and 4).
 * Given on Node's command line instead, any V8 flag makes Node refuse the code cache of its own
 * modules (V8 checks the flags a cache was made under), which cost the cold start about 20 ms.
 * Set after start-up, they change nothing already compiled.
 *
 * Not set in a run that writes the bundle's code cache as it exits (the build's warm-up, or a
 * first start under `XIMO_CODE_CACHE_DIR`): that cache would record these flags, and be refused
 * at every start, which runs without them.
 */
export const RUNTIME_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'] as const

/** Apply RUNTIME_FLAGS unless this run writes the code cache; returns the flags applied. */
export function applyRuntimeFlags(writesCache: boolean, set: (flag: string) => void): readonly string[] {
  if (writesCache) return []
  for (const flag of RUNTIME_FLAGS) set(flag)
  return RUNTIME_FLAGS
}
