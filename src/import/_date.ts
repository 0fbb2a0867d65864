import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { parseDate } from '../dates/parse.js'

/** The front-matter `date` for a date line, or why the line is not a date. */
export type FrontMatterDate =
  /** `adjustment` is parseDate's warning when daylight saving time moved or disambiguated the source's time. */
  { ok: true; value: string; adjustment?: string } | { ok: false; reason: string }

/** A time of day in the source: `9:05`, `9 Uhr`, ISO `T09:05`. */
const _TIME = /\d:\d|\bUhr\b|\dT\d/i

/**
 * Turns a date line into zone-less wall time in `timeZone` at the source's precision:
 * `25. Oktober, 2024` → `2024-10-25`, `1. Mai 2024, 9:05 Uhr` → `2024-05-01 09:05`.
 * When that wall time happens twice (clocks going back), writes ISO with offset so it names one instant.
 */
export function toFrontMatterDate(text: string, timeZone: string): FrontMatterDate {
  const parsed = parseDate(text, timeZone)
  if (!parsed.ok) return { ok: false, reason: parsed.reason }
  const local = new TZDate(parsed.instant, timeZone)
  const wall = format(local, _pattern(local, _TIME.test(text)))
  const again = parseDate(wall, timeZone)
  const exact =
    again.ok && again.adjustment === undefined && again.instant.getTime() === parsed.instant.getTime()
  const value = exact ? wall : format(local, `${_pattern(local, true, true).replace(' ', "'T'")}XXX`)
  return parsed.adjustment === undefined
    ? { ok: true, value }
    : { ok: true, value, adjustment: parsed.adjustment }
}

/** The date-fns pattern for the source's precision; seconds and milliseconds only when needed. */
function _pattern(local: Date, withTime: boolean, withSeconds = false): string {
  if (!withTime) return 'yyyy-MM-dd'
  if (local.getMilliseconds() !== 0) return 'yyyy-MM-dd HH:mm:ss.SSS'
  if (withSeconds || local.getSeconds() !== 0) return 'yyyy-MM-dd HH:mm:ss'
  return 'yyyy-MM-dd HH:mm'
}
