import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatGermanDateTime, formatRfc822, formatRfc3339 } from '../../src/dates/format.js'
import { parseDate } from '../../src/dates/parse.js'

// The machine's zone (TZ) must never leak into results; Node applies a changed process.env.TZ at once.
const MACHINES = [
  { machine: 'UTC', januaryOffset: 0 },
  { machine: 'America/New_York', januaryOffset: 300 },
  { machine: 'Asia/Tokyo', januaryOffset: -540 },
  { machine: 'Pacific/Chatham', januaryOffset: -825 },
]

const PARSED = [
  { value: '25. Oktober 2024', timeZone: 'Europe/Berlin', expected: '2024-10-25T00:00:00+02:00' },
  { value: '2024-10-25 14:30', timeZone: 'Europe/Berlin', expected: '2024-10-25T14:30:00+02:00' },
  { value: '2024-03-31 02:30', timeZone: 'Europe/Berlin', expected: '2024-03-31T03:30:00+02:00' },
  { value: '2024-10-27 02:30', timeZone: 'Europe/Berlin', expected: '2024-10-27T02:30:00+02:00' },
  { value: '2024-11-03 01:30', timeZone: 'America/New_York', expected: '2024-11-03T01:30:00-04:00' },
  { value: '1. Mai 2024, 9:05 Uhr', timeZone: 'Asia/Tokyo', expected: '2024-05-01T09:05:00+09:00' },
]

const INSTANT = new Date('2024-10-25T08:00:00Z')

describe.each(MACHINES)(
  'parseDate and the formatters on a machine in $machine',
  ({ machine, januaryOffset }) => {
    let saved: string | undefined

    beforeAll(() => {
      saved = process.env.TZ
      process.env.TZ = machine
    })

    afterAll(() => {
      if (saved === undefined) Reflect.deleteProperty(process.env, 'TZ')
      else process.env.TZ = saved
    })

    it('should run in that zone when TZ is set', () => {
      expect(new Date(2024, 0, 15).getTimezoneOffset()).toBe(januaryOffset)
    })

    it.each(PARSED)(
      'should read $value as $expected when the zone is $timeZone',
      ({ value, timeZone, expected }) => {
        const result = parseDate(value, timeZone)
        expect(result.ok && formatRfc3339(result.instant, timeZone)).toBe(expected)
      },
    )

    it('should write the same strings when formatting', () => {
      expect([
        formatRfc822(INSTANT, 'Europe/Berlin'),
        formatRfc3339(INSTANT, 'Europe/Berlin'),
        formatGermanDateTime(INSTANT, 'Europe/Berlin'),
        formatRfc822(INSTANT, 'America/New_York'),
      ]).toEqual([
        'Fri, 25 Oct 2024 10:00:00 +0200',
        '2024-10-25T10:00:00+02:00',
        'Freitag, 25. Oktober 2024, 10:00 Uhr',
        'Fri, 25 Oct 2024 04:00:00 -0400',
      ])
    })
  },
)
