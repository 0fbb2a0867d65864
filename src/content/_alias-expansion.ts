/**
 * How many values YAML aliases may add to one key's value once expanded. js-yaml shares an aliased
 * value instead of copying it, so a "billion laughs" bomb parses fast, but anything that walks the
 * value (a message quoting it, a list of categories) would walk every copy: 9 levels of 9 aliases
 * are 387 million strings. Real front matter reuses a list or two (`tags: *kategorien`).
 */
export const MAX_ALIAS_EXPANSION = 10_000

/**
 * The first top-level key whose value, with every alias expanded, holds more than
 * `MAX_ALIAS_EXPANSION` values beyond those written out; undefined when there is none.
 * Work is linear in the values written: expanded sizes are counted once per shared value.
 */
export function findAliasBomb(data: Record<string, unknown>): string | undefined {
  const sizes = new Map<object, number>()
  for (const [key, value] of Object.entries(data)) {
    if (value === null || typeof value !== 'object') continue
    const written = new Set<object>()
    const expanded = _expandedSize(value, sizes, written)
    if (expanded - _writtenSize(written) > MAX_ALIAS_EXPANSION) return key
  }
  return undefined
}

/** Values in `value` counting every alias as a copy; `written` collects each distinct list or mapping. */
function _expandedSize(value: object, sizes: Map<object, number>, written: Set<object>): number {
  const known = sizes.get(value)
  if (known !== undefined) return known
  written.add(value)
  // A value under construction counts as one, so a self-reference cannot recurse forever.
  sizes.set(value, 1)
  let size = 1
  for (const child of Object.values(value)) {
    size += child !== null && typeof child === 'object' ? _expandedSize(child, sizes, written) : 1
  }
  sizes.set(value, size)
  return size
}

/** Values written out: each distinct list or mapping, and its scalar children. */
function _writtenSize(written: Set<object>): number {
  let size = 0
  for (const value of written) {
    size += 1
    for (const child of Object.values(value)) if (child === null || typeof child !== 'object') size += 1
  }
  return size
}
