import { offsetMs } from './_offset.js'

/** A wall clock: a Date whose UTC fields read as the wall time, and its offset from UTC in whole minutes. */
export interface WallClock {
  wall: Date
  offsetMinutes: number
}

/**
 * The wall clock of `epochMs` in `timeZone`. Throws a RangeError for an invalid instant or unknown zone.
 * RFC 3339 and RFC 822 offsets have whole minutes: before standard time (local mean time such as +00:53:28)
 * the offset is rounded and the wall time follows it, so the text still names the exact instant.
 */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  if (!Number.isFinite(epochMs)) throw new RangeError('Invalid Date')
  const offsetMinutes = Math.round(offsetMs(timeZone, epochMs) / 60_000)
  const wall = new Date(epochMs + offsetMinutes * 60_000)
  const year = wall.getUTCFullYear()
  if (year < 0 || year > 9999) throw new RangeError(`Dates must lie in the years 0000 to 9999, not ${year}`)
  return { wall, offsetMinutes }
}

/** `+02:00` (separator `:`) or `+0200` (separator ``); zero is `+00:00`, never `Z`. */
export function formatOffset(offsetMinutes: number, separator: ':' | ''): string {
  const size = Math.abs(offsetMinutes)
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(size / 60))}${separator}${pad(size % 60)}`
}

/** `2024-10-25` for a wall clock. */
export function formatIsoDay(wall: Date): string {
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`
}

/** `14:30:00`, or `14:30` when `withSeconds` is false. */
export function formatClockTime(wall: Date, withSeconds: boolean): string {
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
  return withSeconds ? `${time}:${pad(wall.getUTCSeconds())}` : time
}

/** A number with leading zeros to `width` digits. */
export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}
