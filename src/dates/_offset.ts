const _DAY_MS = 86_400_000
const _SAMPLE_MS = 6 * 3_600_000
const _LIMIT_MS = 8.64e15
const _MAX_DAYS_PER_ZONE = 100_000

/** A UTC day's offsets: one number when constant, else the instants where it changes. */
type _Day = number | { at: number[]; offsets: number[] }

const _readers = new Map<string, (epochMs: number) => string>()
const _days = new Map<string, Map<number, _Day>>()

/**
 * A zone's offsets over a span of time: the offset at `from`, and each later instant where it changes
 * with the offset from then on.
 */
export interface Transitions {
  from: number
  until: number
  first: number
  at: number[]
  offsets: number[]
}

/** Transitions of some zones, read from Intl with the time zone data of version `tz`. */
export interface TransitionTable {
  tz: string
  zones: Record<string, Transitions>
}

// Written into the bundle by scripts/bundle.mjs when kanal is installed: the common zones' offsets,
// read from this Node's Intl then. Asking Intl costs ~25 ms of ICU start-up on the first date of a
// run (a tenth of a small site's build); the table is used only while Node's time zone data is the
// version it was read with, and only within its span.
declare const __KANAL_TRANSITIONS__: TransitionTable | null | undefined
const _table = usableTable(
  typeof __KANAL_TRANSITIONS__ === 'undefined' ? undefined : __KANAL_TRANSITIONS__,
  process.versions.tz,
)

/** True when the installed table has the zone `name` (so it is a zone this runtime knows). */
export function inTable(name: string): boolean {
  return _tableZone(name) !== undefined
}

// Own keys only: "constructor" or "toString" are no zones.
function _tableZone(name: string): Transitions | undefined {
  return _table && Object.hasOwn(_table.zones, name) ? _table.zones[name] : undefined
}

/** `table` when it was read with the time zone data this runtime has (`tz`); otherwise undefined. */
export function usableTable(table: TransitionTable | null | undefined, tz: string | undefined) {
  return table && tz !== undefined && table.tz === tz ? table : undefined
}

/**
 * The offset of `timeZone` from UTC at `epochMs`, in milliseconds (east of Greenwich positive).
 * Asks Intl once per zone and UTC day, then answers from a cache (or, for the zones and years of the
 * installed table, from that). Throws a RangeError for an unknown zone.
 */
export function offsetMs(timeZone: string, epochMs: number): number {
  // UTC has no offset at any instant. Every date is checked in UTC too (years 0000 to 9999), and
  // asking Intl for it would cost several format calls per distinct day of a large archive.
  if (timeZone === 'UTC') return 0
  const known = _tableZone(timeZone)
  if (known && epochMs >= known.from && epochMs < known.until) return offsetIn(known, epochMs)
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

/** The offset at `epochMs` from transitions whose span holds it. */
export function offsetIn(transitions: Transitions, epochMs: number): number {
  const { at, offsets } = transitions
  let low = 0
  let high = at.length
  // The number of changes at or before epochMs.
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((at[middle] as number) <= epochMs) low = middle + 1
    else high = middle
  }
  return low === 0 ? transitions.first : (offsets[low - 1] as number)
}

/** Reads the transitions of `timeZone` in [from, until) from Intl, a UTC day at a time. */
export function readTransitions(timeZone: string, from: number, until: number): Transitions {
  const first = _read(timeZone, from)
  const transitions: Transitions = { from, until, first, at: [], offsets: [] }
  let current = first
  for (let day = Math.floor(from / _DAY_MS) * _DAY_MS; day < until; day += _DAY_MS) {
    const scanned = _scanDay(timeZone, day)
    // The day's offset from its start, then each change within it.
    const at = typeof scanned === 'number' ? [day] : [day, ...scanned.at]
    const offsets = typeof scanned === 'number' ? [scanned] : scanned.offsets
    for (const [index, change] of at.entries()) {
      const offset = offsets[index] as number
      if (offset !== current && change >= from && change < until) {
        transitions.at.push(change)
        transitions.offsets.push(offset)
      }
      current = offset
    }
  }
  return transitions
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
