/** What Hugo's typographer writes for each mark (`[markup.goldmark.extensions.typographer]`, Hugo 0.112+). */
export interface Substitutions {
  leftSingleQuote: string
  rightSingleQuote: string
  leftDoubleQuote: string
  rightDoubleQuote: string
  enDash: string
  emDash: string
  ellipsis: string
  leftAngleQuote: string
  rightAngleQuote: string
  apostrophe: string
}

/** Hugo's defaults. */
export const HUGO_SUBSTITUTIONS: Substitutions = {
  leftSingleQuote: '‘',
  rightSingleQuote: '’',
  leftDoubleQuote: '“',
  rightDoubleQuote: '”',
  enDash: '–',
  emDash: '—',
  ellipsis: '…',
  leftAngleQuote: '«',
  rightAngleQuote: '»',
  apostrophe: '’',
}

/** A site's typographer: `false` when it is turned off, else the marks it writes other than Hugo's defaults. */
export type Typographer = false | Partial<Substitutions>

/** The marks a site's typographer writes, or undefined when it is turned off. */
export function marksOf(typographer: Typographer | undefined): Substitutions | undefined {
  return typographer === false ? undefined : { ...HUGO_SUBSTITUTIONS, ...typographer }
}

/**
 * Hugo's default typographer (Goldmark's extension, on unless a site turns it off), as real Hugo 0.111
 * applies it: `--` → –, `---` → —, `...` → …, `<<` → «, `>>` → », straight quotes to English curly ones
 * (“ ” ‘ ’) by the CommonMark flanking rules, `'` between letters and in `'90s`, `'tis`, `'em`, `I'm`,
 * `don't` as ’. A quote that could both open and close (`a"b`) stays straight, as in Goldmark. Only for
 * `from: hugo`: kanal's own content keeps what the editor typed (German „…“ would be turned English).
 * A site's own marks (`marks`, German quotes „…“) replace Hugo's.
 */
export function typographText(
  text: string,
  before = '\n',
  after = '\n',
  marks: Substitutions = HUGO_SUBSTITUTIONS,
): string {
  let out = ''
  let index = 0
  while (index < text.length) {
    const char = text[index] as string
    const next = text[index + 1]
    if (char === '-' && next === '-') {
      const em = text[index + 2] === '-'
      out += em ? marks.emDash : marks.enDash
      index += em ? 3 : 2
    } else if (char === '.' && next === '.' && text[index + 2] === '.') {
      out += marks.ellipsis
      index += 3
    } else if ((char === '<' || char === '>') && next === char) {
      out += char === '<' ? marks.leftAngleQuote : marks.rightAngleQuote
      index += 2
    } else if (char === '"' || char === "'") {
      out += _quote(text, index, index === 0 ? before : (text[index - 1] as string), after, marks)
      index += 1
    } else {
      out += char
      index += 1
    }
  }
  return out
}

const _PUNCT = /[\p{P}\p{S}]/u
const _SPACE = /\s/u
const _ASCII_PUNCT = /[!-/:-@[-`{-~]/

/** One straight quote at `index` as Goldmark's typographer writes it, or the quote itself. */
function _quote(text: string, index: number, before: string, after: string, marks: Substitutions): string {
  const char = text[index] as string
  let end = index
  while (text[end] === char) end++
  const following = end < text.length ? (text[end] as string) : after
  const isLeft =
    !_SPACE.test(following) && (!_PUNCT.test(following) || _SPACE.test(before) || _PUNCT.test(before))
  const isRight =
    !_SPACE.test(before) && (!_PUNCT.test(before) || _SPACE.test(following) || _PUNCT.test(following))
  const canOpen = isLeft
  const canClose = isRight
  if (char === '"') {
    if (canOpen && !canClose) return marks.leftDoubleQuote
    if (canClose && !canOpen) return marks.rightDoubleQuote
    return char
  }
  const rest = text.slice(index)
  const at = (offset: number) => rest[offset] ?? ''
  const ends = (offset: number) =>
    offset >= rest.length || _ASCII_PUNCT.test(at(offset)) || /\s/.test(at(offset))
  // '90s
  if (canOpen && !canClose && /^\d\ds/.test(rest.slice(1, 4)) && ends(4)) return marks.apostrophe
  // 'tis, 'em, 'net, 'll: Goldmark takes any quote before t, e, n, l after a space or punctuation as one.
  if (rest.length > 1 && (_PUNCT.test(before) || _SPACE.test(before)) && /[tenl]/.test(at(1)))
    return marks.apostrophe
  // Between a letter or digit and a letter: don't, Alice's.
  if (rest.length > 1 && /[\p{L}\p{N}]/u.test(before) && /\p{L}/u.test(at(1))) return marks.apostrophe
  if (canOpen && !canClose) {
    if (/[smtd]/.test(at(1)) && ends(2)) return marks.rightSingleQuote
    if (/^(ve|ll|re)$/.test(rest.slice(1, 3)) && ends(3)) return marks.rightSingleQuote
    return marks.leftSingleQuote
  }
  if (canClose && !canOpen) return marks.rightSingleQuote
  return char
}
