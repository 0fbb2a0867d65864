import { formatClockTime, formatIsoDay, formatOffset, pad, wallClock } from './_clock.js'
import { GERMAN_MONTHS, GERMAN_WEEKDAYS } from './_names.js'

// Fixed by the format, not by a locale: https://www.rfc-editor.org/rfc/rfc822#section-5.1
const _RFC822_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const _RFC822_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** RSS 2.0's date: `Fri, 25 Oct 2024 10:00:00 +0200`, with the offset of `timeZone` at that instant. */
export function formatRfc822(instant: Date, timeZone: string): string {
  const { wall, offsetMinutes } = wallClock(instant.getTime(), timeZone)
  const day = `${_RFC822_DAYS[wall.getUTCDay()]}, ${pad(wall.getUTCDate())}`
  const date = `${day} ${_RFC822_MONTHS[wall.getUTCMonth()]} ${pad(wall.getUTCFullYear(), 4)}`
  return `${date} ${formatClockTime(wall, true)} ${formatOffset(offsetMinutes, '')}`
}

/** Atom's and JSON Feed's date: `2024-10-25T10:00:00+02:00`; milliseconds only when not zero; never `Z`. */
export function formatRfc3339(instant: Date, timeZone: string): string {
  const { wall, offsetMinutes } = wallClock(instant.getTime(), timeZone)
  const milliseconds = wall.getUTCMilliseconds()
  const fraction = milliseconds === 0 ? '' : `.${pad(milliseconds, 3)}`
  return `${formatIsoDay(wall)}T${formatClockTime(wall, true)}${fraction}${formatOffset(offsetMinutes, ':')}`
}

/** The calendar day in `timeZone`: `2024-10-25` (for ids and URLs). */
export function formatCalendarDay(instant: Date, timeZone: string): string {
  return formatIsoDay(wallClock(instant.getTime(), timeZone).wall)
}

/** The date as German text reads it: `25. Oktober 2024`. */
export function formatGermanDate(instant: Date, timeZone: string): string {
  return _germanDate(wallClock(instant.getTime(), timeZone).wall)
}

/** Weekday, date and time as German text reads them: `Freitag, 25. Oktober 2024, 10:00 Uhr` (DIN 5008 time). */
export function formatGermanDateTime(instant: Date, timeZone: string): string {
  const { wall } = wallClock(instant.getTime(), timeZone)
  return `${GERMAN_WEEKDAYS[wall.getUTCDay()]}, ${_germanDate(wall)}, ${formatClockTime(wall, false)} Uhr`
}

function _germanDate(wall: Date): string {
  return `${wall.getUTCDate()}. ${GERMAN_MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`
}
