/**
 * The text of an article with its front matter's `id` set to `id`: one line added before the closing
 * `---` (or, with `replace`, the existing one-line `id:` replaced), every other byte as it was. Line
 * ends follow the file's own. Undefined when the front matter or the id line cannot be found safely.
 */
export function withIdLine(text: string, id: string, replace: boolean): string | undefined {
  const lines = text.split(/(?<=\n)/)
  const first = (lines[0] ?? '').replace(/^\uFEFF/, '')
  if (!/^---[ \t]*\r?\n$/.test(first)) return undefined
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*(?:\r?\n)?$/.test(line))
  if (close === -1) return undefined
  const end = (lines[0] as string).endsWith('\r\n') ? '\r\n' : '\n'
  const line = `id: ${JSON.stringify(id)}${end}`
  const existing = lines.findIndex((text, index) => index > 0 && index < close && /^id[ \t]*:/.test(text))
  if (existing !== -1) {
    if (!replace) return undefined
    // Only a value on the key's own line is replaced; a block value (`id: >`) is left to the author.
    const next = lines[existing + 1] ?? ''
    if (existing + 1 < close && /^[ \t]/.test(next)) return undefined
    return [...lines.slice(0, existing), line, ...lines.slice(existing + 1)].join('')
  }
  return [...lines.slice(0, close), line, ...lines.slice(close)].join('')
}

/** True when the front matter has an `id:` key of its own (a default id has none). */
export function hasIdLine(text: string): boolean {
  const lines = text.split(/(?<=\n)/)
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*(?:\r?\n)?$/.test(line))
  return lines.some((line, index) => index > 0 && index < close && /^id[ \t]*:/.test(line))
}
