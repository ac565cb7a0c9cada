/**
 * Values by text (a paragraph, a Markdown chunk), bounded by the characters of the keys it holds.
 *
 * Two generations instead of a strict LRU: new entries go to the young map; once it holds half
 * the budget it becomes the old one and the previous old map is dropped whole. A hit in the old
 * map moves the entry to the young one, so what an editor keeps using survives. Every operation
 * is O(1): evicting from a Map one entry at a time (`keys().next()` after many deletes) walks
 * over the deleted slots and grew quadratically on a 900,000-character report.
 */
export class TextCache<T> {
  private young = new Map<string, T>()
  private old = new Map<string, T>()
  private youngChars = 0
  private maxChars: number

  constructor(private readonly baseChars: number) {
    this.maxChars = baseChars
  }

  /**
   * Make room for a run over `chars` characters of keys: the budget becomes twice that (a whole
   * run fits in the young generation, so the next run finds every unchanged entry), never less
   * than the base budget and never more than `cap`. Without it a draft longer than half the
   * budget pushed out, on every run, the entries the next run needed.
   */
  fit(chars: number, cap: number): void {
    this.maxChars = Math.max(this.baseChars, Math.min(cap, 2 * chars + 1))
  }

  get(text: string): T | undefined {
    const hit = this.young.get(text)
    if (hit !== undefined) return hit
    const aged = this.old.get(text)
    if (aged !== undefined) {
      this.old.delete(text)
      this.set(text, aged)
    }
    return aged
  }

  /** `detached`: `text` is already a copy of its own (see detach), kept as it is. */
  set(text: string, value: T, detached = false): void {
    if (this.young.has(text)) {
      this.young.set(text, value)
    } else {
      this.youngChars += text.length
      this.young.set(detached ? text : detach(text), value)
    }
    if (this.youngChars > this.maxChars / 2) {
      this.old = this.young
      this.young = new Map()
      this.youngChars = 0
    }
  }

  /** Entries held (both generations). */
  get size(): number {
    return this.young.size + this.old.size
  }

  clear(): void {
    this.young = new Map()
    this.old = new Map()
    this.youngChars = 0
  }
}

/**
 * A copy of a string that holds no reference to a longer one. V8 makes `source.slice(a, b)` a
 * view into `source`: a cached paragraph cut from a draft would keep that whole version of the
 * draft alive (the language server's caches held a copy of the document per keystroke). A
 * one-character prefix forces a flat copy, and the slice after it refers to that copy only.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1)
}
