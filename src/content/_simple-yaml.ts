import { CORE_SCHEMA } from 'js-yaml'
import type { KeyPosition } from './source.js'

// Nearly all front matter is a handful of `key: value` lines. This reads exactly that subset, several
// times faster than a full YAML parser, and gives up (undefined) on anything else: comments, indented
// or multi-line values, block lists, escapes, anchors, tags, duplicate keys… which js-yaml then reads,
// errors included. Plain scalars are resolved by js-yaml's own CORE-schema resolvers (null, booleans,
// numbers), so a value means what it would mean to js-yaml. tests/content/simple-yaml.test.ts holds
// the two to the same result.

interface _Implicit {
  resolve(data: string): boolean
  construct(data: string): unknown
}

const _IMPLICIT = (CORE_SCHEMA as unknown as { compiledImplicit: _Implicit[] }).compiledImplicit

// `key:` then spaces and a value, or nothing. Keys are plain words; `__proto__` is left to js-yaml.
const _LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:([ ]+)(.*))?$/
// A plain scalar: no indicator first, no `: ` or ` #` inside, no quotes or brackets first.
const _PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#\t]|:(?=\S)|#(?<=\S#))*$/
const _PLAIN_ITEM = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^,[\]{}#:\t]*$/
// What YAML does not allow in a stream (js-yaml's own test): js-yaml reports it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
const _NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF\uD800-\uDFFF]/
const _DOUBLE = /^"([^"\\]*)"$/
const _SINGLE = /^'([^']*)'$/
const _FLOW = /^\[([^[\]{}"'#]*)\]$/

/** The data and key positions of simple front matter, or undefined when it needs a YAML parser. */
export function parseSimpleYaml(
  yaml: string,
  firstLine: number,
): { data: Record<string, unknown>; positions: KeyPosition[] } | undefined {
  if (_NON_PRINTABLE.test(yaml)) return undefined
  const data: Record<string, unknown> = {}
  const positions: KeyPosition[] = []
  const lines = yaml.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (line.trim() === '') {
      if (line !== '' && !/^ *$/.test(line)) return undefined
      continue
    }
    const match = _LINE.exec(line)
    if (!match) return undefined
    const key = match[1] as string
    // `null:` or `True:` are keys that js-yaml resolves (to "null", "true"): left to js-yaml.
    if (key === '__proto__' || Object.hasOwn(data, key) || _resolves(key)) return undefined
    const value = _value((match[3] ?? '').replace(/ +$/, ''))
    if (value === _NOT_SIMPLE) return undefined
    data[key] = value
    positions.push([key, firstLine + index, key.length + 1 + (match[2]?.length ?? 0) + 1])
  }
  return { data, positions }
}

const _NOT_SIMPLE = Symbol('not simple')

function _value(text: string): unknown {
  if (text === '') return null
  const double = _DOUBLE.exec(text)
  if (double) return double[1]
  const single = _SINGLE.exec(text)
  if (single) return single[1]
  const flow = _FLOW.exec(text)
  if (flow) return _list(flow[1] as string)
  return _PLAIN.test(text) ? _scalar(text) : _NOT_SIMPLE
}

function _list(inside: string): unknown {
  if (inside.trim() === '') return /^ *$/.test(inside) ? [] : _NOT_SIMPLE
  const items: unknown[] = []
  for (const part of inside.split(',')) {
    const item = part.replace(/^ +| +$/g, '')
    if (!_PLAIN_ITEM.test(item)) return _NOT_SIMPLE
    items.push(_scalar(item))
  }
  return items
}

function _resolves(text: string): boolean {
  return _IMPLICIT.some((type) => type.resolve(text))
}

function _scalar(text: string): unknown {
  for (const type of _IMPLICIT) if (type.resolve(text)) return type.construct(text)
  return text
}
