/** A run of non-blank lines, trimmed; `line` is the 1-based number of its first line in the file. */
export interface Block {
  line: number
  lines: string[]
}

/**
 * Splits text into runs of non-blank lines. Accepts LF, CRLF and lone CR; whitespace around each line
 * (also a stray BOM or non-breaking spaces) is dropped, as Markdown would drop it when rendering.
 */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let current: Block | undefined
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') {
      current = undefined
      return
    }
    if (!current) {
      current = { line: index + 1, lines: [] }
      blocks.push(current)
    }
    current.lines.push(line)
  })
  return blocks
}
