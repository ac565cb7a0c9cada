/** Minimal ANSI colours; identity functions when colour is off. */
export interface Colors {
  red(s: string): string
  yellow(s: string): string
  blue(s: string): string
  green(s: string): string
  dim(s: string): string
  bold(s: string): string
  underline(s: string): string
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`

export function colors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (s: string) => s
    return { red: id, yellow: id, blue: id, green: id, dim: id, bold: id, underline: id }
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(36, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) }
}
