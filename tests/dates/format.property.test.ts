import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatGermanDate,
  formatGermanDateTime,
  formatRfc822,
  formatRfc3339,
} from '../../src/dates/format.js'
import { parseDate } from '../../src/dates/parse.js'

const ZONES = [
  'Europe/Berlin',
  'Europe/Vienna',
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
]

const instants = fc
  .tuple(
    fc.integer({ min: Date.UTC(1970, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }),
    fc.constantFrom(...ZONES),
  )
  .map(([seconds, timeZone]) => ({ instant: new Date(seconds * 1000), timeZone }))

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** The offset Intl reports for `instant` in `timeZone`, as `+02:00`. */
function intlOffset(instant: Date, timeZone: string): string {
  let format = offsetFormats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    offsetFormats.set(timeZone, format)
  }
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? ''
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '')
}

describe('formatRfc822', () => {
  it('should name the same instant with the zone offset Intl reports when any instant from 1970 to 2100 is written', () => {
    fc.assert(
      fc.property(instants, ({ instant, timeZone }) => {
        const expected = intlOffset(instant, timeZone).replace(':', '')
        const value = formatRfc822(instant, timeZone)
        expect(value).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (\w{3}) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/)
        expect(Date.parse(value)).toBe(instant.getTime())
        expect(value.slice(-5)).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('formatRfc3339', () => {
  it('should name the same instant with the zone offset Intl reports when any instant from 1970 to 2100 is written', () => {
    fc.assert(
      fc.property(instants, ({ instant, timeZone }) => {
        const expected = intlOffset(instant, timeZone)
        const value = formatRfc3339(instant, timeZone)
        expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
        expect(Date.parse(value)).toBe(instant.getTime())
        const reread = parseDate(value, 'UTC')
        expect(reread.ok && reread.instant.getTime()).toBe(instant.getTime())
        expect(value.slice(-6)).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('formatGermanDate', () => {
  it('should match what Intl writes for de-DE when any instant from 1970 to 2100 is written', () => {
    fc.assert(
      fc.property(instants, ({ instant, timeZone }) => {
        const expected = new Intl.DateTimeFormat('de-DE', { timeZone, dateStyle: 'long' }).format(instant)
        expect(formatGermanDate(instant, timeZone)).toBe(expected)
      }),
      { numRuns: 500 },
    )
  })
})

describe('formatGermanDateTime', () => {
  it('should start with what Intl writes for de-DE when any instant from 1970 to 2100 is written', () => {
    fc.assert(
      fc.property(instants, ({ instant, timeZone }) => {
        const options = { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const
        const expected = new Intl.DateTimeFormat('de-DE', options).format(instant)
        expect(formatGermanDateTime(instant, timeZone)).toMatch(
          new RegExp(`^${expected}, \\d\\d:\\d\\d Uhr$`),
        )
      }),
      { numRuns: 500 },
    )
  })
})
