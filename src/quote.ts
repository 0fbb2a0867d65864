/** The longest quoted value a message shows, in characters (the `…` included). */
export const MAX_QUOTED = 60

/**
 * A value for a message: its JSON, cut to `MAX_QUOTED` characters with `…`. Built piece by piece and
 * stopped as soon as it is long enough, so a value that is huge once expanded (a YAML alias bomb
 * shares one list thousands of times) costs no more than a short one.
 */
export function quoteValue(value: unknown): string {
  const pieces: string[] = []
  let length = 0
  const add = (piece: string): boolean => {
    pieces.push(piece)
    length += piece.length
    return length <= MAX_QUOTED
  }
  const walk = (item: unknown): boolean => {
    if (Array.isArray(item)) {
      if (!add('[')) return false
      for (let index = 0; index < item.length; index++) {
        if ((index > 0 && !add(',')) || !walk(item[index])) return false
      }
      return add(']')
    }
    if (item !== null && typeof item === 'object') {
      if (!add('{')) return false
      let first = true
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue
        if ((!first && !add(',')) || !add(`${JSON.stringify(key)}:`)) return false
        if (!walk((item as Record<string, unknown>)[key])) return false
        first = false
      }
      return add('}')
    }
    const scalar = typeof item === 'string' && item.length > MAX_QUOTED ? item.slice(0, MAX_QUOTED + 1) : item
    return add(JSON.stringify(scalar) ?? String(scalar))
  }
  const whole = walk(value)
  const text = pieces.join('')
  if (whole && text.length <= MAX_QUOTED) return text
  // Cut before a lone high surrogate so the message stays well-formed text.
  return `${text.slice(0, MAX_QUOTED - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
}
