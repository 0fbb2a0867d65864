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
  return value
    .replace(/[äöüÄÖÜßẞ&]/g, (char) => _GERMAN[char] ?? char)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
