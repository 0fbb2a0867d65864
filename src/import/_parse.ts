import { ContentError } from '../errors.js'
import { type Block, toBlocks } from './_blocks.js'
import { toFrontMatterDate } from './_date.js'

/** A newsroom export split into its parts; `date` is already front-matter wall time. */
export interface ParsedExport {
  /** The headline. */
  title: string
  /** Zone-less wall time (`2024-10-25`, `2024-05-01 09:05`), see `toFrontMatterDate`. */
  date: string
  /** The category line, as written. */
  category: string
  /** Body paragraphs without the repeated headline; lines inside a paragraph are kept. */
  paragraphs: string[]
  /** 1-based line of the headline, for errors about it. */
  titleLine: number
  /** parseDate's warning when daylight saving time moved or disambiguated the date line's time. */
  adjustment?: string
}

const _SHAPE =
  'an export must be: the date (25. Oktober, 2024), a blank line, the category, a blank line, the headline, ' +
  'a blank line, optionally the headline again, then paragraphs separated by blank lines'

/** Splits a plain-text newsroom export into headline, date, category and paragraphs; throws a `ContentError`. */
export function parseExport(text: string, file: string, timeZone: string): ParsedExport {
  const [dateBlock, categoryBlock, titleBlock, ...rest] = toBlocks(text)
  if (!dateBlock) throw _shapeError(file, 1, 'the file is empty')
  const dateLine = _single(dateBlock, file, 'the date line')
  const date = toFrontMatterDate(dateLine, timeZone)
  if (!date.ok) {
    throw _shapeError(file, dateBlock.line, `the first line must be the date: ${date.reason}`)
  }
  if (!categoryBlock) throw _shapeError(file, dateBlock.line, 'nothing follows the date line')
  const category = _single(categoryBlock, file, 'the category')
  if (!titleBlock) throw _shapeError(file, categoryBlock.line, 'no headline follows the category')
  const title = _single(titleBlock, file, 'the headline')
  if (_same(category, title)) {
    throw _shapeError(
      file,
      categoryBlock.line,
      'the category is missing: the line after the date is the headline',
    )
  }
  const body = rest[0] && _same(rest[0].lines.join(' '), title) ? rest.slice(1) : rest
  if (body.length === 0)
    throw _shapeError(file, (rest[0] ?? titleBlock).line, 'no paragraphs follow the headline')
  const paragraphs = body.map((block) => block.lines.join('\n'))
  const parsed: ParsedExport = { title, date: date.value, category, paragraphs, titleLine: titleBlock.line }
  if (date.adjustment !== undefined) parsed.adjustment = date.adjustment
  return parsed
}

/** A header field is one line followed by a blank line. */
function _single(block: Block, file: string, what: string): string {
  const [first, second] = block.lines
  if (second !== undefined || first === undefined) {
    throw _shapeError(file, block.line + 1, `${what} must be followed by a blank line`)
  }
  return first
}

/** Headlines match when they differ only in whitespace or Unicode normal form. */
function _same(a: string, b: string): boolean {
  const normal = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ')
  return normal(a) === normal(b)
}

function _shapeError(file: string, line: number, problem: string): ContentError {
  return new ContentError({ file, line }, `${problem}; ${_SHAPE}`)
}
