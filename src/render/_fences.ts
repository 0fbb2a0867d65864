// Code fences as CommonMark reads them (``` or ~~~, up to three spaces in), for the steps that rewrite
// a body line by line before Markdown (kramdown's attribute lists, MDX's JavaScript): code is never
// theirs to touch.

const _FENCE = /^ {0,3}(`{3,}|~{3,})/

/** For each line of a body, whether it is part of a fenced code block (its fence lines included). */
export function findFencedLines(lines: readonly string[]): boolean[] {
  const fenced: boolean[] = []
  let fence: string | undefined
  for (const line of lines) {
    const opening = _FENCE.exec(line)?.[1]
    if (fence !== undefined) {
      fenced.push(true)
      if (opening?.startsWith(fence)) fence = undefined
      continue
    }
    if (opening !== undefined) fence = opening
    fenced.push(opening !== undefined)
  }
  return fenced
}
