/**
 * Started with this argument (appended to a worker's process.argv), so the bundle knows it runs
 * as a lint worker without loading node:worker_threads, which a run on one thread never needs (3 ms).
 */
export const WORKER_ARG = '--ximo-lint-worker'
