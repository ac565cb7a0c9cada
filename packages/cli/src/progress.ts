/**
 * The progress line on stderr while many files are linted: `检查中 12/30 个文件`, redrawn at
 * most every 100 ms and erased before the report is written. Only on a terminal.
 */

/** More files than this (and stderr a terminal) show the line. */
export const PROGRESS_MIN_FILES = 4

export interface Progress {
  update(done: number, total: number): void
  clear(): void
}

export function progressLine(write: (text: string) => void, now: () => number = Date.now): Progress {
  let last = -Infinity
  let shown = false
  return {
    update(done, total) {
      const t = now()
      if (done < total && t - last < 100) return
      last = t
      shown = true
      write(`\r检查中 ${done}/${total} 个文件…\x1b[K`)
    },
    clear() {
      if (shown) write('\r\x1b[K')
      shown = false
    },
  }
}
