/**
 * Atomic writes: the new content goes to a temp file in the same directory, which then
 * replaces the original by rename. The original's mode is kept; a symlink is followed so the
 * link itself stays a link. On failure the temp file is removed and the original is untouched.
 */
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

export const TEMP_SUFFIX = '.ximo-tmp'

export function writeFileAtomic(path: string, data: Uint8Array): void {
  const target = realpathSync(path)
  const st = statSync(target)
  const mode = st.mode & 0o7777
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`)
  let fd: number | undefined
  try {
    fd = openSync(tmp, 'wx', mode)
    let off = 0
    while (off < data.length) off += writeSync(fd, data, off, data.length - off)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    chmodSync(tmp, mode) // the umask may have narrowed the mode given to open
    try {
      chownSync(tmp, st.uid, st.gid)
    } catch {
      // Only the owner or root may change ownership; the file stays the writer's.
    }
    renameSync(tmp, target)
  } catch (e) {
    if (fd !== undefined)
      try {
        closeSync(fd)
      } catch {
        /* already closed */
      }
    try {
      unlinkSync(tmp)
    } catch {
      /* never created */
    }
    throw e
  }
}
