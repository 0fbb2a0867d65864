const _GERMAN: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'ae',
  Ö: 'oe',
  Ü: 'ue',
  ß: 'ss',
  ẞ: 'ss',
  '&': ' und ',
}

/**
 * Turns a German title or category into a URL path segment:
 * `Außenpolitik` → `aussenpolitik`, `Über uns` → `ueber-uns`, `Wirtschaft & Finanzen` → `wirtschaft-und-finanzen`.
 * Other accented letters lose their accent; anything else that is not a letter or digit becomes a hyphen.
 */
export function toSlug(value: string): string {
  // Most file names already are slugs; the steps below would leave them as they are.
  if (_ALREADY_A_SLUG.test(value)) return value
  const slug = value
    .replace(/[äöüÄÖÜßẞ&]/g, (char) => _GERMAN[char] ?? char)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // A name without Latin letters or digits (日本, Ελλάδα) gets its code points (u65e5-u672c), so a
  // category or title in any script still has a stable ASCII path segment.
  return slug || _codePoints(value)
}

const _ALREADY_A_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function _codePoints(value: string): string {
  return [...value]
    .filter((char) => /[\p{L}\p{N}]/u.test(char))
    .map((char) => `u${(char.codePointAt(0) ?? 0).toString(16)}`)
    .join('-')
}

/**
 * A path segment as Hugo makes it from a file name or a `slug` (its `urlize`): lower case (Hugo's
 * default, `disablePathToLower` off), letters, digits, marks and `._#+~@-` kept (`Mein_Artikel` →
 * `mein_artikel`), a run of spaces one hyphen (none at the start), anything else dropped
 * (`Teil (2)` → `teil-2`, `a&b` → `ab`).
 */
export function toHugoSegment(value: string): string {
  let cleaned = ''
  let hyphen = false
  for (const char of value.toLowerCase()) {
    if (/[\p{L}\p{N}\p{M}._#+~@-]/u.test(char)) {
      // A space next to a written hyphen adds none: `U50 -- Unboxing` → `u50--unboxing`.
      cleaned += hyphen && char !== '-' ? `-${char}` : char
      hyphen = false
    } else if (cleaned && !cleaned.endsWith('-') && /\s/u.test(char)) {
      hyphen = true
    }
  }
  return cleaned
}
