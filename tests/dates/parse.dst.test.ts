import { tzScan } from '@date-fns/tz'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatRfc3339 } from '../../src/dates/format.js'
import { parseDate } from '../../src/dates/parse.js'

type Kind = 'unique' | 'skipped' | 'repeated'

interface Row {
  timeZone: string
  value: string
  expected: string
  kind: Kind
}

const YEARS = Array.from({ length: 12 }, (_, index) => 2019 + index)

/** The day of the `nth` Sunday (1-based; -1 for the last) of `month` (1–12), as `YYYY-MM-DD`. */
function sunday(year: number, month: number, nth: number): string {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const firstSunday = 1 + ((7 - firstWeekday) % 7)
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = nth > 0 ? firstSunday + (nth - 1) * 7 : firstSunday + Math.floor((days - firstSunday) / 7) * 7
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Rows for one transition: each `[wall time, expected wall time, expected offset, kind]` on `day`. */
function rows(timeZone: string, day: string, cases: [string, string, string, Kind][]): Row[] {
  return cases.map(([wall, shown, offset, kind]) => ({
    timeZone,
    value: `${day} ${wall}`,
    expected: `${day}T${shown}:00${offset}`,
    kind,
  }))
}

// Rules as tzdata 2025 states them; dates are computed here, independent of the code under test.
const TABLE: Row[] = YEARS.flatMap((year) => [
  // EU: last Sunday of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00.
  ...rows('Europe/Berlin', sunday(year, 3, -1), [
    ['01:59', '01:59', '+01:00', 'unique'],
    ['02:00', '03:00', '+02:00', 'skipped'],
    ['02:30', '03:30', '+02:00', 'skipped'],
    ['02:59', '03:59', '+02:00', 'skipped'],
    ['03:00', '03:00', '+02:00', 'unique'],
  ]),
  ...rows('Europe/Berlin', sunday(year, 10, -1), [
    ['01:59', '01:59', '+02:00', 'unique'],
    ['02:00', '02:00', '+02:00', 'repeated'],
    ['02:30', '02:30', '+02:00', 'repeated'],
    ['02:59', '02:59', '+02:00', 'repeated'],
    ['03:00', '03:00', '+01:00', 'unique'],
  ]),
  ...rows('Europe/Vienna', sunday(year, 3, -1), [['02:15', '03:15', '+02:00', 'skipped']]),
  ...rows('Europe/Vienna', sunday(year, 10, -1), [['02:15', '02:15', '+02:00', 'repeated']]),
  // USA: second Sunday of March 02:00 → 03:00, first Sunday of November 02:00 → 01:00.
  ...rows('America/New_York', sunday(year, 3, 2), [
    ['01:59', '01:59', '-05:00', 'unique'],
    ['02:00', '03:00', '-04:00', 'skipped'],
    ['02:30', '03:30', '-04:00', 'skipped'],
    ['03:00', '03:00', '-04:00', 'unique'],
  ]),
  ...rows('America/New_York', sunday(year, 11, 1), [
    ['00:59', '00:59', '-04:00', 'unique'],
    ['01:00', '01:00', '-04:00', 'repeated'],
    ['01:59', '01:59', '-04:00', 'repeated'],
    ['02:00', '02:00', '-05:00', 'unique'],
  ]),
  // Lord Howe Island moves its clocks by 30 minutes: first Sunday of October 02:00 → 02:30, April 02:00 → 01:30.
  ...rows('Australia/Lord_Howe', sunday(year, 10, 1), [
    ['01:59', '01:59', '+10:30', 'unique'],
    ['02:00', '02:30', '+11:00', 'skipped'],
    ['02:29', '02:59', '+11:00', 'skipped'],
    ['02:30', '02:30', '+11:00', 'unique'],
  ]),
  ...rows('Australia/Lord_Howe', sunday(year, 4, 1), [
    ['01:29', '01:29', '+11:00', 'unique'],
    ['01:30', '01:30', '+11:00', 'repeated'],
    ['01:59', '01:59', '+11:00', 'repeated'],
    ['02:00', '02:00', '+10:30', 'unique'],
  ]),
  // Chatham Islands (+12:45/+13:45): last Sunday of September 02:45 → 03:45, first Sunday of April 03:45 → 02:45.
  ...rows('Pacific/Chatham', sunday(year, 9, -1), [
    ['02:44', '02:44', '+12:45', 'unique'],
    ['02:45', '03:45', '+13:45', 'skipped'],
    ['03:44', '04:44', '+13:45', 'skipped'],
    ['03:45', '03:45', '+13:45', 'unique'],
  ]),
  ...rows('Pacific/Chatham', sunday(year, 4, 1), [
    ['02:44', '02:44', '+13:45', 'unique'],
    ['02:45', '02:45', '+13:45', 'repeated'],
    ['03:44', '03:44', '+13:45', 'repeated'],
    ['03:45', '03:45', '+12:45', 'unique'],
  ]),
])

const SKIPPED = /does not exist in .+ \(clocks spring forward\); read as /
const REPEATED = /happens twice in .+ \(clocks fall back\); read as the first, /
const ADJUSTMENT: Record<Kind, RegExp | undefined> = {
  unique: undefined,
  skipped: SKIPPED,
  repeated: REPEATED,
}

const ZONES = [
  'Europe/Berlin',
  'Europe/Vienna',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'UTC',
]

const wallFormats = new Map(
  ZONES.map((timeZone) => [
    timeZone,
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }),
  ]),
)

/** The wall time Intl shows for `epochMs` in `timeZone`, as `YYYY-MM-DD HH:mm`. */
function wallOf(epochMs: number, timeZone: string): string {
  const parts = Object.fromEntries(
    (wallFormats.get(timeZone)?.formatToParts(epochMs) ?? []).map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

const MINUTE = 60_000
const transitions = ZONES.flatMap((timeZone) =>
  tzScan(timeZone, { start: new Date('1970-01-01'), end: new Date('2100-01-01') }).map(
    (change) => [timeZone, change.date.getTime()] as const,
  ),
)

describe('parseDate', () => {
  it.each(TABLE)(
    'should read $value in $timeZone as $expected when the wall time is $kind',
    ({ timeZone, value, expected, kind }) => {
      const result = parseDate(value, timeZone)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.instant.toISOString()).toBe(new Date(expected).toISOString())
      expect(formatRfc3339(result.instant, timeZone)).toBe(expected)
      const pattern = ADJUSTMENT[kind]
      if (pattern === undefined) expect(result.adjustment).toBeUndefined()
      else expect(result.adjustment).toMatch(pattern)
    },
  )

  it('should explain the gap when a wall time does not exist', () => {
    expect(parseDate('2024-03-31 02:30', 'Europe/Berlin')).toMatchInlineSnapshot(`
      {
        "adjustment": ""2024-03-31 02:30" does not exist in Europe/Berlin (clocks spring forward); read as 03:30 (+02:00)",
        "instant": 2024-03-31T01:30:00.000Z,
        "ok": true,
      }
    `)
    expect(parseDate('31. März 2024, 2:30 Uhr', 'Europe/Berlin')).toMatchInlineSnapshot(`
      {
        "adjustment": ""31. März 2024, 2:30 Uhr" does not exist in Europe/Berlin (clocks spring forward); read as 03:30 (+02:00)",
        "instant": 2024-03-31T01:30:00.000Z,
        "ok": true,
      }
    `)
  })

  it('should explain the choice when a wall time happens twice', () => {
    expect(parseDate('2024-10-27 02:30', 'Europe/Berlin')).toMatchInlineSnapshot(`
      {
        "adjustment": ""2024-10-27 02:30" happens twice in Europe/Berlin (clocks fall back); read as the first, 02:30 (+02:00). Add the offset to choose, e.g. 2024-10-27T02:30:00+01:00 for the second",
        "instant": 2024-10-27T00:30:00.000Z,
        "ok": true,
      }
    `)
    expect(parseDate('2024-11-03 01:30:15', 'America/New_York')).toMatchInlineSnapshot(`
      {
        "adjustment": ""2024-11-03 01:30:15" happens twice in America/New_York (clocks fall back); read as the first, 01:30:15 (-04:00). Add the offset to choose, e.g. 2024-11-03T01:30:15-05:00 for the second",
        "instant": 2024-11-03T05:30:15.000Z,
        "ok": true,
      }
    `)
  })

  it('should name the new date when the gap skips a whole day', () => {
    // Samoa crossed the date line: 30 December 2011 never happened there.
    expect(parseDate('2011-12-30 12:00', 'Pacific/Apia')).toMatchInlineSnapshot(`
      {
        "adjustment": ""2011-12-30 12:00" does not exist in Pacific/Apia (clocks spring forward); read as 2011-12-31 12:00 (+14:00)",
        "instant": 2011-12-30T22:00:00.000Z,
        "ok": true,
      }
    `)
  })

  it('should start the day at its first instant without a warning when midnight does not exist', () => {
    // Brazil sprang forward at midnight until 2019.
    expect(parseDate('2018-11-04', 'America/Sao_Paulo')).toEqual({
      ok: true,
      instant: new Date('2018-11-04T01:00:00-02:00'),
    })
  })

  it('should take the earlier instant with Intl showing the same wall time when a wall time exists', () => {
    const nearTransition = fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -180, max: 180 }))
      .map(([[timeZone, at], minutes]) => [timeZone, at + minutes * MINUTE] as const)
    const anywhere = fc
      .tuple(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) / MINUTE }))
      .map(([timeZone, minutes]) => [timeZone, minutes * MINUTE] as const)
    fc.assert(
      fc.property(fc.oneof(nearTransition, anywhere), ([timeZone, epochMs]) => {
        const value = wallOf(epochMs, timeZone)
        const result = parseDate(value, timeZone)
        if (!result.ok) throw new Error(result.reason)
        const instant = result.instant.getTime()
        expect(wallOf(instant, timeZone)).toBe(value)
        expect(instant).toBeLessThanOrEqual(epochMs)
        if (instant < epochMs) expect(result.adjustment).toMatch(REPEATED)
        if (result.adjustment === undefined) expect(instant).toBe(epochMs)
      }),
      { numRuns: 5000 },
    )
  })
})
