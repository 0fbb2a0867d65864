import { utcMs, weekdayOf } from './_calendar.js'
import { wallClock } from './_clock.js'
import { readEnglish } from './_english.js'
import { findProblem } from './_fields.js'
import { readGerman } from './_german.js'
import { readIso } from './_iso.js'
import { adjustment, foreignOffset, notADate, outOfRange, wrongWeekday } from './_messages.js'
import { resolveWallTime } from './_wall.js'
import { isTimeZone } from './zone.js'

/** The outcome of reading a date: the instant, or why the text is no date. */
export type DateParseResult =
  | {
      ok: true
      /** The instant the text names. */
      instant: Date
      /**
       * A warning when daylight saving time moved the wall time or chose between two instants, or when
       * the written offset is not the zone's at that instant (the instant is still the written one).
       */
      adjustment?: string
    }
  | {
      ok: false
      /** What is wrong and how to write the date; reads well after a prefix like `"date": `. */
      reason: string
    }

/**
 * Reads a date as a German editor writes it; zone-less values are wall time in `timeZone`.
 * Accepts ISO forms (`2024-10-25`, `2024-10-25 14:30`, `2024-10-25T14:30:00+02:00`) and German ones
 * (`25.10.2024, 14:30 Uhr`, `Freitag, 25. Oktober 2024`, `1. Mai 2024 um 9:05 Uhr`), and English month
 * names as site generators' starters write them (`Jul 08 2022`, `July 8, 2022`, `8 July 2022`).
 * Throws a RangeError when `timeZone` is no IANA zone name: that is a configuration error, not the author's.
 */
export function parseDate(text: string, timeZone: string): DateParseResult {
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`)
  const value = text.trim()
  const german = readIso(value) ?? readGerman(value)
  // English month names (`Jul 08 2022`) are read like German ones; a German problem is reported otherwise.
  const fields = typeof german === 'object' ? german : (readEnglish(value) ?? german)
  if (fields === undefined) return { ok: false, reason: notADate(value) }
  if (typeof fields === 'string') return { ok: false, reason: notADate(value, fields) }
  const problem = findProblem(fields)
  if (problem !== undefined) return { ok: false, reason: notADate(value, problem) }
  const { year, month, day } = fields
  const weekday = weekdayOf(year, month, day)
  if (fields.weekday !== undefined && fields.weekday !== weekday) {
    return { ok: false, reason: wrongWeekday(value, fields, fields.weekday, weekday) }
  }
  const wallMs = utcMs(year, month, day, fields.hour, fields.minute, fields.second, fields.millisecond)
  if (fields.offsetMinutes !== undefined) {
    const instant = new Date(wallMs - fields.offsetMinutes * 60_000)
    if (!_writable(instant, timeZone)) return { ok: false, reason: outOfRange(value, timeZone) }
    const warning = foreignOffset(fields, timeZone, instant.getTime())
    return warning === undefined ? { ok: true, instant } : { ok: true, instant, adjustment: warning }
  }
  const time = resolveWallTime(timeZone, wallMs)
  const instant = new Date(time.epochMs)
  if (!_writable(instant, timeZone)) return { ok: false, reason: outOfRange(value, timeZone) }
  // A date without a time names no wall time the clocks could skip; midnight in a gap needs no warning.
  const warning = fields.hasTime ? adjustment(value, timeZone, wallMs, time) : undefined
  return warning === undefined ? { ok: true, instant } : { ok: true, instant, adjustment: warning }
}

/**
 * Whether feeds can carry the instant: its year, read in UTC (RFC 822 in GMT) and in the feed's zone,
 * lies in 0000 to 9999. `0000-01-01` in Berlin is still year -1 in UTC; `9999-12-31T23:30:00-05:00`
 * is already 10000.
 */
function _writable(instant: Date, timeZone: string): boolean {
  try {
    wallClock(instant.getTime(), 'UTC')
    wallClock(instant.getTime(), timeZone)
    return true
  } catch {
    return false
  }
}
