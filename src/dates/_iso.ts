import type { DateFields } from './_fields.js'

// RFC 3339 / ISO 8601 calendar dates, with "T" or spaces before the time and an optional offset.
const _ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/

/** Reads `2024-10-25`, `2024-10-25 14:30`, `2024-10-25T14:30:00.5+02:00` and the like; undefined for other text. */
export function readIso(value: string): DateFields | undefined {
  const match = _ISO.exec(value)
  if (match === null) return undefined
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHour, offsetMinute] = match
  const fields: DateFields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
    hasTime: hour !== undefined,
  }
  if (zulu !== undefined) fields.offsetMinutes = 0
  if (sign !== undefined) {
    const minutes = Number(offsetHour) * 60 + Number(offsetMinute ?? 0)
    fields.offsetMinutes = sign === '-' ? -minutes : minutes
    fields.offsetText = `${sign}${offsetHour}${offsetMinute === undefined ? '' : `:${offsetMinute}`}`
  }
  return fields
}
