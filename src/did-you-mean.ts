/**
 * The candidate a mistyped word was probably meant to be: the same ignoring case, or one edit away
 * (a letter wrong, missing, added, or two neighbours swapped). Used for "did you mean …?" hints on
 * config keys, front-matter keys and commands.
 */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  for (const candidate of candidates) if (isOneEdit(value, candidate)) return candidate
  return undefined
}

/** True when `value` and `known` are equal ignoring case, or one edit apart. */
export function isOneEdit(value: string, known: string): boolean {
  const a = value.toLowerCase()
  const b = known.toLowerCase()
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const rest = (x: string, from: number) => x.slice(from)
  return (
    rest(a, i + 1) === rest(b, i + 1) ||
    rest(a, i) === rest(b, i + 1) ||
    rest(a, i + 1) === rest(b, i) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2))
  )
}
