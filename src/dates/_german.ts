import type { DateFields } from './_fields.js'
import { monthFromName, weekdayFromName } from './_names.js'

// [weekday,] day. month. year | day. monthname[,] year, then [,] [um] hour[:minute[:second]] [Uhr].
const _GERMAN =
  /^(?:([\p{L}\p{M}]+)\.?\s*(?:,\s*)?)?(\d{1,2})\.\s*(?:(\d{1,2})\.\s*|([\p{L}\p{M}]+)\.?\s*(?:,\s*)?)(\d{4})(?:(?:\s*,\s*|\s+)(?:um\s+)?(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2}))?)?(\s*uhr)?)?$/iu

/**
 * Reads `25.10.2024`, `Freitag, 25. Oktober 2024, 14:30 Uhr`, `1. Mai 2024 um 9:05 Uhr` and the like.
 * Returns what is wrong with a word that is no month or weekday, or undefined for text of another shape.
 */
export function readGerman(value: string): DateFields | string | undefined {
  const match = _GERMAN.exec(value)
  if (match === null) return undefined
  const [, weekdayText, day, monthNumber, monthText, year, hour, minute, second, uhr] = match
  // A bare hour ("25.10.2024 14") is too easily a typo; with "Uhr" it is a time.
  if (hour !== undefined && minute === undefined && uhr === undefined) return undefined
  const month = monthText === undefined ? Number(monthNumber) : monthFromName(monthText)
  if (month === undefined) return `${JSON.stringify(monthText)} is not a German month name`
  const fields: DateFields = {
    year: Number(year),
    month,
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: 0,
    hasTime: hour !== undefined,
  }
  if (weekdayText !== undefined) {
    const weekday = weekdayFromName(weekdayText)
    if (weekday === undefined) return `${JSON.stringify(weekdayText)} is not a German weekday`
    fields.weekday = weekday
  }
  return fields
}
