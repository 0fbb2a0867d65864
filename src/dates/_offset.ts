const _DAY_MS = 86_400_000
const _SAMPLE_MS = 6 * 3_600_000
const _LIMIT_MS = 8.64e15
const _MAX_DAYS_PER_ZONE = 100_000

/** A UTC day's offsets: one number when constant, else the instants where it changes. */
type _Day = number | { at: number[]; offsets: number[] }

const _readers = new Map<string, (epochMs: number) => string>()
const _days = new Map<string, Map<number, _Day>>()

/**
 * The offset of `timeZone` from UTC at `epochMs`, in milliseconds (east of Greenwich positive).
 * Asks Intl once per zone and UTC day, then answers from a cache. Throws a RangeError for an unknown zone.
 */
export function offsetMs(timeZone: string, epochMs: number): number {
  let days = _days.get(timeZone)
  if (days === undefined) {
    _reader(timeZone) // throws for an unknown zone before anything is cached for it
    days = new Map()
    _days.set(timeZone, days)
  }
  const dayNumber = Math.floor(epochMs / _DAY_MS)
  let day = days.get(dayNumber)
  if (day === undefined) {
    if (days.size >= _MAX_DAYS_PER_ZONE) days.clear()
    day = _scanDay(timeZone, dayNumber * _DAY_MS)
    days.set(dayNumber, day)
  }
  if (typeof day === 'number') return day
  let index = 0
  while (index < day.at.length && epochMs >= (day.at[index] ?? Number.POSITIVE_INFINITY)) index++
  return day.offsets[index] ?? Number.NaN
}

/** Samples the day every six hours (no zone changes twice within that) and bisects to each change. */
function _scanDay(timeZone: string, start: number): _Day {
  const at: number[] = []
  const offsets = [_read(timeZone, start)]
  for (let lo = start; lo < start + _DAY_MS - 1000; lo += _SAMPLE_MS) {
    const hi = Math.min(lo + _SAMPLE_MS, start + _DAY_MS - 1000)
    const before = offsets[offsets.length - 1] ?? Number.NaN
    const after = _read(timeZone, hi)
    if (after === before) continue
    at.push(_bisect(timeZone, lo, hi, before))
    offsets.push(after)
  }
  return at.length === 0 ? (offsets[0] ?? Number.NaN) : { at, offsets }
}

/** The first whole second in (lo, hi] whose offset is no longer `before`; tz data changes on whole seconds. */
function _bisect(timeZone: string, lo: number, hi: number, before: number): number {
  let low = lo
  let high = hi
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000
    if (_read(timeZone, mid) === before) low = mid
    else high = mid
  }
  return high
}

/** Reads the offset from Intl's `longOffset` name: `GMT`, `GMT+05:30`, `GMT-00:44:30`. */
function _read(timeZone: string, epochMs: number): number {
  const text = _reader(timeZone)(Math.min(Math.max(epochMs, -_LIMIT_MS), _LIMIT_MS))
  const offset = text.slice(text.lastIndexOf('GMT') + 3)
  if (offset === '') return 0
  const sign = offset[0] === '+' ? 1 : -1
  const seconds =
    Number(offset.slice(1, 3)) * 3600 + Number(offset.slice(4, 6)) * 60 + Number(offset.slice(7, 9))
  return sign * seconds * 1000
}

function _reader(timeZone: string): (epochMs: number) => string {
  let reader = _readers.get(timeZone)
  if (reader === undefined) {
    reader = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format
    _readers.set(timeZone, reader)
  }
  return reader
}
