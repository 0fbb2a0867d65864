/**
 * The text of an article with its front matter's `id` set to `id`: one line added (or, with `replace`,
 * the existing one-line id replaced), every other byte as it was. YAML front matter (`---`) gets
 * `id: "…"` before its closing line; Hugo's TOML (`+++`) gets `id = "…"` before its first table, where
 * a top-level key must stand. Line ends follow the file's own. Undefined when the front matter or the
 * id line cannot be found safely (JSON front matter, a block value).
 */
export function withIdLine(text: string, id: string, replace: boolean): string | undefined {
  const lines = text.split(/(?<=\n)/)
  const block = _frontMatter(lines)
  if (!block) return undefined
  const end = (lines[0] as string).endsWith('\r\n') ? '\r\n' : '\n'
  // A JSON string is a TOML basic string too: the same quoting for both.
  const line = `id${block.toml ? ' = ' : ': '}${JSON.stringify(id)}${end}`
  const existing = _idLineAt(lines, block)
  if (existing !== -1) {
    if (!replace) return undefined
    // Only a value on the key's own line is replaced; a block value (`id: >`) is left to the author.
    const next = lines[existing + 1] ?? ''
    if (existing + 1 < block.end && /^[ \t]/.test(next)) return undefined
    return [...lines.slice(0, existing), line, ...lines.slice(existing + 1)].join('')
  }
  return [...lines.slice(0, block.insert), line, ...lines.slice(block.insert)].join('')
}

/** True when the front matter has an `id` key of its own (a default id has none). */
export function hasIdLine(text: string): boolean {
  const lines = text.split(/(?<=\n)/)
  const block = _frontMatter(lines)
  return block !== undefined && _idLineAt(lines, block) !== -1
}

interface Block {
  toml: boolean
  /** Index of the closing line. */
  end: number
  /** Index before which a new top-level key goes. */
  insert: number
}

function _frontMatter(lines: string[]): Block | undefined {
  const first = (lines[0] ?? '').replace(/^\uFEFF/, '')
  const toml = /^\+\+\+[ \t]*\r?\n$/.test(first)
  if (!toml && !/^---[ \t]*\r?\n$/.test(first)) return undefined
  const closing = toml ? /^\+\+\+[ \t]*(?:\r?\n)?$/ : /^(?:---|\.\.\.)[ \t]*(?:\r?\n)?$/
  const end = lines.findIndex((line, index) => index > 0 && closing.test(line))
  if (end === -1) return undefined
  const table = toml
    ? lines.findIndex((line, index) => index > 0 && index < end && /^[ \t]*\[/.test(line))
    : -1
  return { toml, end, insert: table === -1 ? end : table }
}

/** The index of the top-level `id` line, or -1. */
function _idLineAt(lines: string[], block: Block): number {
  const key = block.toml ? /^id[ \t]*=/ : /^id[ \t]*:/
  return lines.findIndex((line, index) => index > 0 && index < block.insert && key.test(line))
}
