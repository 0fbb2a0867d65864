/** German month names, January first (also read back by the Hugo peer, bench/hugo.mjs). */
export const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
]
const _FIRST_DAY = Date.UTC(2015, 0, 1)
const _DAYS = (Date.UTC(2026, 0, 1) - _FIRST_DAY) / 86_400_000
const _DAY_ONLY = new Set(['iso-day', 'dotted', 'long'])

/** The ways authors write dates in the corpus, one per article, chosen at random. */
export const DATE_FORMS = ['iso-day', 'iso-minute', 'dotted', 'long', 'long-time', 'iso-offset']

/**
 * A random Berlin wall time between 2015-01-01 and 2025-12-31. Daytime hours only (06–22): the
 * night hours of a DST switch (02:00–02:59) do not exist or happen twice, and kanal warns about them.
 */
export function randomWallTime(random) {
  const day = new Date(_FIRST_DAY + random.int(0, _DAYS - 1) * 86_400_000)
  return {
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour: random.int(6, 22),
    minute: random.int(0, 59),
  }
}

/** The wall time written in one of `DATE_FORMS`, as an author would type it. */
export function formatDate(wall, form) {
  const { year, month, day, hour, minute } = wall
  const iso = `${year}-${_two(month)}-${_two(day)}`
  switch (form) {
    case 'iso-day':
      return iso
    case 'iso-minute':
      return `${iso} ${_two(hour)}:${_two(minute)}`
    case 'dotted':
      return `${_two(day)}.${_two(month)}.${year}`
    case 'long':
      return `${day}. ${MONTHS[month - 1]} ${year}`
    case 'long-time':
      return `${day}. ${MONTHS[month - 1]} ${year}, ${hour}:${_two(minute)} Uhr`
    default:
      return `${iso}T${_two(hour)}:${_two(minute)}:00${_isSummerTime(wall) ? '+02:00' : '+01:00'}`
  }
}

/** The instant a written date stands for (date-only forms mean midnight), in ms since 1970. */
export function toInstant(wall, form) {
  const [hour, minute] = _DAY_ONLY.has(form) ? [0, 0] : [wall.hour, wall.minute]
  const offsetHours = _isSummerTime({ ...wall, hour }) ? 2 : 1
  return Date.UTC(wall.year, wall.month - 1, wall.day, hour - offsetHours, minute)
}

/** EU summer time: from the last Sunday of March, 02:00, to the last Sunday of October, 03:00. */
function _isSummerTime({ year, month, day, hour }) {
  const start = _lastSunday(year, 3)
  const end = _lastSunday(year, 10)
  if (month === 3 && day === start) return hour >= 2
  if (month === 10 && day === end) return hour < 3
  const key = month * 100 + day
  return key > 300 + start && key < 1000 + end
}

function _lastSunday(year, month) {
  const last = new Date(Date.UTC(year, month, 0))
  return last.getUTCDate() - last.getUTCDay()
}

function _two(value) {
  return String(value).padStart(2, '0')
}
