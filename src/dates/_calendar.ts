const _DAY_MS = 86_400_000
// 400 Gregorian years are exactly 146,097 days; shifting by them avoids Date.UTC's "years 0–99 mean 19xx".
const _CYCLE_YEARS = 400
const _CYCLE_MS = 146_097 * _DAY_MS

/** A calendar date and wall time, with `month` 1–12, as milliseconds since the epoch read as UTC. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  return Date.UTC(year + _CYCLE_YEARS, month - 1, day, hour, minute, second, millisecond) - _CYCLE_MS
}

/** How many days `month` (1–12) of `year` has in the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return _isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** The weekday of a calendar date, 0 for Sunday to 6 for Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  // 1 January 1970 was a Thursday (4).
  const days = Math.floor(utcMs(year, month, day) / _DAY_MS)
  return (((days + 4) % 7) + 7) % 7
}

function _isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}
