import { formatClockTime, formatIsoDay, formatOffset } from './_clock.js'
import type { DateFields } from './_fields.js'
import { ENGLISH_MONTHS, GERMAN_MONTHS, GERMAN_WEEKDAYS } from './_names.js'
import { offsetMs } from './_offset.js'
import type { WallTime } from './_wall.js'

const _EXAMPLES = 'Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00'
const _MAX_QUOTED = 60
const _YEAR_ONLY = /^\d{4}$/
const _SHORT_YEAR = /^(?:[\p{L}\p{M}]+\.?,?\s*)?\d{1,2}\.\s*(?:\d{1,2}\.|[\p{L}\p{M}]+\.?,?)\s*\d{2}(?!\d)/u
const _TIME_ONLY = /^\d{1,2}[:.]\d{2}(?:\s*uhr)?$/i

/** Why `value` is no date, and how to write one; `problem` is the detail when known. */
export function notADate(value: string, problem = _guessProblem(value)): string {
  if (value === '') return `is empty. ${_EXAMPLES}`
  return `${quote(value)} is not a date${problem === undefined ? '' : `: ${problem}`}. ${_EXAMPLES}`
}

/** `value` names an instant outside the years feeds can carry. */
export function outOfRange(value: string, timeZone: string): string {
  return `${quote(value)} lies outside the years feeds can carry (0000 to 9999, both in UTC and in ${timeZone}): write a date within them`
}

/** The author named weekday `named` (0 for Sunday) for a date that falls on weekday `actual`. */
export function wrongWeekday(value: string, fields: DateFields, named: number, actual: number): string {
  const date = `${fields.day}. ${GERMAN_MONTHS[fields.month - 1]} ${fields.year}`
  const weekdays = `${date} is a ${GERMAN_WEEKDAYS[actual]}, not a ${GERMAN_WEEKDAYS[named]}`
  return `${quote(value)} names the wrong weekday: ${weekdays}. Correct the weekday or leave it out`
}

/** The warning for a wall time that clocks skipped or showed twice; undefined when it is unique. */
export function adjustment(
  value: string,
  timeZone: string,
  wallMs: number,
  time: WallTime,
): string | undefined {
  if (time.kind === 'unique') return undefined
  const wall = new Date(time.epochMs + time.offsetMs)
  const withSeconds = wall.getUTCSeconds() !== 0 || wall.getUTCMilliseconds() !== 0
  const clock = formatClockTime(wall, withSeconds)
  const offset = formatOffset(Math.round(time.offsetMs / 60_000), ':')
  if (time.kind === 'skipped') {
    const sameDay = formatIsoDay(wall) === formatIsoDay(new Date(wallMs))
    const shown = sameDay ? clock : `${formatIsoDay(wall)} ${clock}`
    return `${quote(value)} does not exist in ${timeZone} (clocks spring forward); read as ${shown} (${offset})`
  }
  const later = formatOffset(Math.round(time.laterOffsetMs / 60_000), ':')
  const second = `${formatIsoDay(wall)}T${formatClockTime(wall, true)}${later}`
  return `${quote(value)} happens twice in ${timeZone} (clocks fall back); read as the first, ${clock} (${offset}). Add the offset to choose, e.g. ${second} for the second`
}

/**
 * The warning for a written offset that is not `timeZone`'s at the instant it names (`+0200` in a Berlin
 * February: a server's summer offset copied into every post); undefined when it is, and for `Z` or
 * `+00:00`, which state UTC rather than a local clock.
 */
export function foreignOffset(fields: DateFields, timeZone: string, epochMs: number): string | undefined {
  const written = fields.offsetMinutes
  if (written === undefined || written === 0) return undefined
  const zone = Math.round(offsetMs(timeZone, epochMs) / 60_000)
  if (zone === written) return undefined
  const day = `${fields.day} ${ENGLISH_MONTHS[fields.month - 1]} ${fields.year}`
  return `${formatOffset(written, ':')} is not ${timeZone}'s offset on ${day} (${formatOffset(zone, ':')}); the instant is taken as written`
}

/** The value in double quotes, shortened when long. */
export function quote(value: string): string {
  return JSON.stringify(value.length > _MAX_QUOTED ? `${value.slice(0, _MAX_QUOTED - 1)}…` : value)
}

function _guessProblem(value: string): string | undefined {
  if (_YEAR_ONLY.test(value)) return 'it needs a day and a month'
  if (_SHORT_YEAR.test(value)) return 'write the year with four digits'
  if (_TIME_ONLY.test(value)) return 'it needs a day, a month and a year'
  return undefined
}
