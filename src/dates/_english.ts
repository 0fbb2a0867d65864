import type { DateFields } from './_fields.js'
import { monthFromEnglishName } from './_names.js'

// The English forms site generators' starters write: `Jul 08 2022` (Astro's blog template),
// `July 8, 2022`, `8 July 2022`. A date only; a time of day is written in ISO form.
const _MONTH_FIRST = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/
const _DAY_FIRST = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/

/** Reads `Jul 08 2022`, `July 8, 2022` or `8 July 2022`; undefined for anything else. */
export function readEnglish(value: string): DateFields | undefined {
  const monthFirst = _MONTH_FIRST.exec(value)
  const dayFirst = monthFirst ? undefined : _DAY_FIRST.exec(value)
  const [monthText, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : []
  const month = monthText === undefined ? undefined : monthFromEnglishName(monthText)
  if (month === undefined) return undefined
  return {
    year: Number(year),
    month,
    day: Number(day),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    hasTime: false,
  }
}
