import { daysInMonth } from './_calendar.js'
import { formatOffset } from './_clock.js'
import { ENGLISH_MONTHS } from './_names.js'

/** A date as the author wrote it, not yet checked against the calendar. */
export interface DateFields {
  /** Four-digit year. */
  year: number
  /** 1–12. */
  month: number
  /** Day of the month, from 1. */
  day: number
  /** Wall time; 0 when the author gave no time. */
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Whether the author gave a time of day. */
  hasTime: boolean
  /** An explicit offset from UTC in minutes (`+02:00` is 120, `Z` is 0); absent for wall time. */
  offsetMinutes?: number
  /** The offset as written (`+99:99`), for messages: normalising it would show `+100:39`. */
  offsetText?: string
  /** The weekday the author named, 0 for Sunday. */
  weekday?: number
}

/** What makes the fields impossible (`October has 31 days`), or undefined when they form a real date and time. */
export function findProblem(fields: DateFields): string | undefined {
  const { year, month, day } = fields
  if (month < 1 || month > 12) return `there is no month ${month}`
  if (day < 1) return `there is no day ${day}`
  const days = daysInMonth(year, month)
  if (day > days) return `${ENGLISH_MONTHS[month - 1]}${month === 2 ? ` ${year}` : ''} has ${days} days`
  if (fields.hour > 23) return `there is no hour ${fields.hour}; hours run from 0 to 23`
  if (fields.minute > 59) return `there is no minute ${fields.minute}; minutes run from 0 to 59`
  if (fields.second > 59) return `there is no second ${fields.second}; seconds run from 0 to 59`
  const offset = fields.offsetMinutes
  const minutes = Number(/(\d{2})$/.exec(fields.offsetText ?? '')?.[1] ?? 0)
  if (
    offset !== undefined &&
    (Math.abs(offset) >= 24 * 60 || ((fields.offsetText?.length ?? 0) > 3 && minutes > 59))
  ) {
    const written = fields.offsetText ?? formatOffset(offset, ':')
    return `there is no offset ${written}; offsets run from -23:59 to +23:59 (minutes from 00 to 59)`
  }
  return undefined
}
