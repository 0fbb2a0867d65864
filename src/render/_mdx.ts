import { findFencedLines } from './_fences.js'

// MDX (Astro, Docusaurus, Next.js …) is Markdown with JavaScript in it: `import`/`export` statements,
// components (`<Chart data={x} />`, capitalised tags) and `{expression}`s. kanal cannot run any of it,
// so an `.mdx` body is read as Markdown with that code left out: statements and expressions whole,
// components by their tags (the Markdown between an opening and a closing tag stays, like the content
// of an unknown Liquid block). Left-out lines become empty lines, so later lines keep their numbers.

/** What was left out of an MDX body: the first piece (0-based line, text) and how many pieces. */
export interface LeftOutJsx {
  line: number
  what: string
  count: number
}

const _STATEMENT =
  /^(?:import\s*(?:[\w*{'"]|$)|export\s+(?:const|let|var|function|default|async|class|\{|\*))/
// A component's tag (`<Chart`, `</Foo>`, `<ui.Button`) or a fragment (`<>`, `</>`) at a line's start.
const _COMPONENT_LINE = /^ {0,3}<\/?(?:[A-Z][\w.]*|[a-z]+\.[\w.]+|>)/
// The same inside a line: a tag to remove, its content kept.
const _INLINE_TAG = /<\/?(?:[A-Z][\w.]*|[a-z]+\.[\w.]+)(?:\s+(?:[^<>{}]|\{[^{}]*\})*)?\/?>|<\/?>/g
const _INLINE_EXPRESSION = /\{[^{}\n]*\}/g
const _CODE_SPAN = /(`+)[^`]*?\1/g

/** The Markdown of an MDX body without its code, and what was left out (undefined when nothing). */
export function leaveOutJsx(body: string): { text: string; leftOut?: LeftOutJsx } {
  const lines = body.split('\n')
  let first: { line: number; what: string } | undefined
  let count = 0
  const note = (line: number, what: string) => {
    first ??= { line, what: what.trim() }
    count++
  }
  const fenced = findFencedLines(lines)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (fenced[index]) continue
    const starts = _STATEMENT.test(line) || /^ {0,3}\{/.test(line) || _COMPONENT_LINE.test(line)
    if (starts) {
      note(index, line)
      const end = _endOf(lines, index)
      for (let at = index; at <= end; at++) lines[at] = ''
      index = end
      continue
    }
    const kept = _withoutInlineCode(line, () => note(index, line))
    lines[index] = kept
  }
  const text = lines.join('\n')
  return first === undefined ? { text } : { text, leftOut: { ...first, count } }
}

/** The last line of a statement, expression or tag starting at `start`: where its brackets close. */
function _endOf(lines: string[], start: number): number {
  let depth = 0
  let quote: string | undefined
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] as string
    for (const char of line) {
      if (quote !== undefined) {
        if (char === quote) quote = undefined
      } else if (char === '"' || char === "'" || char === '`') quote = char
      else if (char === '{' || char === '(' || char === '[') depth++
      else if (char === '}' || char === ')' || char === ']') depth--
    }
    // A string does not run over a line's end except in a template literal.
    if (quote !== '`') quote = undefined
    const open = depth > 0 || quote !== undefined
    // An opening tag written over several lines ends with its `>`.
    const tagOpen = /^ {0,3}</.test(lines[start] as string) && !/>\s*$/.test(line)
    if (!open && !tagOpen) return index
  }
  return lines.length - 1
}

/** A line without inline components' tags and `{expressions}`, code spans kept; `found` is told of any. */
function _withoutInlineCode(line: string, found: () => void): string {
  if (!/[<{]/.test(line)) return line
  const parts: string[] = []
  let at = 0
  let removed = false
  const clean = (text: string) => {
    const kept = text.replace(_INLINE_TAG, '').replace(_INLINE_EXPRESSION, '')
    if (kept !== text) removed = true
    return kept
  }
  _CODE_SPAN.lastIndex = 0
  for (let match = _CODE_SPAN.exec(line); match !== null; match = _CODE_SPAN.exec(line)) {
    parts.push(clean(line.slice(at, match.index)), match[0])
    at = match.index + match[0].length
  }
  parts.push(clean(line.slice(at)))
  if (removed) found()
  return parts.join('')
}
