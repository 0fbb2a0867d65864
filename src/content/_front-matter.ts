import { CORE_SCHEMA, load, YAMLException } from 'js-yaml'
import { ContentError } from '../errors.js'
import { quoteValue } from '../quote.js'
import { findAliasBomb, MAX_ALIAS_EXPANSION } from './_alias-expansion.js'
import { parseSimpleYaml } from './_simple-yaml.js'
import { parseToml } from './_toml.js'
import { findUnclosedQuote } from './_unclosed-quote.js'
import type { FrontMatterFormat } from './read.js'
import type { FrontMatter, KeyPosition, SourceFile } from './source.js'

export type { FrontMatter, KeyPosition } from './source.js'

const _KEY_LINE =
  /^(?:"([^"]+)"|'([^']+)'|([^\s#'"{[\]}&*!|>%@`,?:-][^:#]*?|[-?:][^\s:#][^:#]*?))[ \t]*:(?:[ \t]+|$)/

/** Parses the front matter of a source file (YAML, or Hugo's TOML or JSON); errors point at its line and column. */
export function parseFrontMatter(
  source: SourceFile,
  text: string,
  format: FrontMatterFormat = 'yaml',
): FrontMatter {
  if (format === 'toml') return parseToml(source, text)
  if (format === 'json') return _parseJson(source, text)
  return parseSimpleYaml(text, source.frontMatterLine) ?? parseYaml(source, text)
}

/** Hugo's JSON front matter (`{` … `}`): the keys are found on their `"key":` lines. */
function _parseJson(source: SourceFile, json: string): FrontMatter {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (error) {
    throw new ContentError(
      { file: source.file, line: source.frontMatterLine - 1, column: 1 },
      `the front matter is not valid JSON (${(error as Error).message}): write it as {"title": "…", "date": "…"}`,
      { cause: error },
    )
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) data = {}
  const positions: KeyPosition[] = []
  for (const [index, line] of json.split('\n').entries()) {
    const match = /^\s*"([^"]+)"\s*:\s*/.exec(line)
    if (match) positions.push([match[1] as string, source.frontMatterLine + index, match[0].length + 1])
  }
  return { data: data as Record<string, unknown>, positions }
}

/** `parseFrontMatter` by js-yaml alone, for any YAML (exported for tests). */
export function parseYaml(source: SourceFile, yaml: string): FrontMatter {
  let data: unknown
  try {
    // CORE_SCHEMA keeps `2024-10-25T10:00:00` as text: YAML's timestamp type would read it as UTC.
    data = load(yaml, { schema: CORE_SCHEMA, filename: source.file })
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error
    const unclosed = /within a (?:double|single) quoted scalar/.test(error.reason)
      ? findUnclosedQuote(yaml)
      : undefined
    if (unclosed) {
      throw new ContentError(
        { file: source.file, line: source.frontMatterLine + unclosed.line, column: unclosed.column + 1 },
        `the front matter is not valid YAML: this quote (${unclosed.quote}) is never closed. End the value with ${unclosed.quote} on the same line`,
        { cause: error },
      )
    }
    const line = source.frontMatterLine + error.mark.line
    const reason = error.reason.replace(/\s+\(\d+:\d+\)$/, '')
    throw new ContentError(
      { file: source.file, line, column: error.mark.column + 1 },
      `the front matter is not valid YAML: ${reason}. Quote values that contain ": " or start with a special character`,
      { cause: error },
    )
  }
  if (data === undefined || data === null) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError(
      { file: source.file, line: source.frontMatterLine, column: 1 },
      'the front matter must be a list of "key: value" lines, like title: … and date: …',
    )
  }
  const positions = _locateKeys(source, yaml)
  const bomb = findAliasBomb(data as Record<string, unknown>)
  if (bomb !== undefined) {
    const [, line, column] = positions.find(([key]) => key === bomb) ?? [bomb, source.frontMatterLine, 1]
    throw new ContentError(
      { file: source.file, line, column },
      `${quoteValue(bomb)} expands its YAML aliases (*name) to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} values; write the value out instead of nesting aliases`,
    )
  }
  return { data: data as Record<string, unknown>, positions }
}

/** Finds the line and value column of each top-level key by reading the YAML lines. */
function _locateKeys(source: SourceFile, yaml: string): KeyPosition[] {
  const positions: KeyPosition[] = []
  const seen = new Set<string>()
  const lines = yaml.split('\n')
  for (const [index, line] of lines.entries()) {
    const match = _KEY_LINE.exec(line)
    if (!match) continue
    const key = (match[1] ?? match[2] ?? match[3] ?? '').trim()
    if (!seen.has(key)) {
      seen.add(key)
      positions.push([key, source.frontMatterLine + index, match[0].length + 1])
    }
  }
  return positions
}
