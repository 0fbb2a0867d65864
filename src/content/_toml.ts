import { parse, TomlDate, TomlError } from 'smol-toml'
import { ContentError } from '../errors.js'
import type { FrontMatter, KeyPosition, SourceFile } from './source.js'

// Hugo's `+++` front matter. TOML dates become the text TOML wrote (`2024-09-14T18:00:00+02:00`,
// `2024-09-14`), so that kanal's date reader gives a zone-less one the site's zone, as for YAML.

const _KEY = /^[ \t]*("[^"]+"|'[^']+'|[A-Za-z0-9_-]+)[ \t]*=[ \t]*/

/** Parses TOML front matter; errors point at the file's line and column. */
export function parseToml(source: SourceFile, toml: string): FrontMatter {
  let data: Record<string, unknown>
  try {
    data = parse(toml) as Record<string, unknown>
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML'
    throw new ContentError(
      { file: source.file, line: source.frontMatterLine + error.line - 1, column: error.column },
      `the front matter is not valid TOML: ${reason}. Quote text values, like title = "…"`,
      { cause: error },
    )
  }
  return { data: _datesAsText(data) as Record<string, unknown>, positions: _locateKeys(source, toml) }
}

function _datesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString()
  if (Array.isArray(value)) return value.map(_datesAsText)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, _datesAsText(inner)]))
  }
  return value
}

/** The line and value column of each top-level key: the `key = ` lines before the first `[table]`. */
function _locateKeys(source: SourceFile, toml: string): KeyPosition[] {
  const positions: KeyPosition[] = []
  for (const [index, line] of toml.split('\n').entries()) {
    if (/^[ \t]*\[/.test(line)) break
    const match = _KEY.exec(line)
    if (!match) continue
    const key = (match[1] as string).replace(/^["']|["']$/g, '')
    positions.push([key, source.frontMatterLine + index, match[0].length + 1])
  }
  return positions
}
