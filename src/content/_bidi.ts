// The bidirectional embeddings, overrides and isolates (Unicode UAX #9): they reorder the text that
// follows them, so `Rechnung‮fdp.exe` shows as `Rechnungexe.pdf` (the "Trojan Source" trick). The
// marks U+200E, U+200F and U+061C only nudge neutral characters and are normal in mixed-script text.
const _CONTROLS = /[\u202A-\u202E\u2066-\u2069]/
const _NAMES: Record<string, string> = {
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
}

/** The first bidirectional control character in `text`, named like `U+202E (right-to-left override)`. */
export function findBidiControl(text: string): { index: number; name: string } | undefined {
  const match = _CONTROLS.exec(text)
  if (!match) return undefined
  const char = match[0]
  const code = char.codePointAt(0)?.toString(16).toUpperCase() ?? ''
  return { index: match.index, name: `U+${code} (${_NAMES[char]})` }
}
