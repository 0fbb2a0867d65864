import { describe, expect, it } from 'vitest'
import { parseDate } from '../../src/dates/parse.js'

const EXAMPLES = 'Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00'

function instantOf(value: string, timeZone = 'Europe/Berlin'): string {
  const result = parseDate(value, timeZone)
  if (!result.ok) throw new Error(result.reason)
  return result.instant.toISOString()
}

function reasonOf(value: string, timeZone = 'Europe/Berlin'): string {
  const result = parseDate(value, timeZone)
  if (result.ok) throw new Error(`${value} was read as ${result.instant.toISOString()}`)
  return result.reason
}

describe('parseDate', () => {
  it.each([
    { value: '2024-10-25', expected: '2024-10-25T00:00:00+02:00' },
    { value: '2024-01-15', expected: '2024-01-15T00:00:00+01:00' },
    { value: '2024-10-25 14:30', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-10-25 14:30:00', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-10-25T14:30:00', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-10-25T14:30', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-10-25t14:30', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-10-25 9:05', expected: '2024-10-25T09:05:00+02:00' },
    { value: '2024-10-25T23:59:59', expected: '2024-10-25T23:59:59+02:00' },
    { value: '2024-10-25T14:30:00.5', expected: '2024-10-25T14:30:00.500+02:00' },
    { value: '2024-10-25T14:30:00.123456789', expected: '2024-10-25T14:30:00.123+02:00' },
    { value: '2024-10-25T14:30:00+02:00', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-10-25T14:30:00+0200', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-10-25T14:30:00+01:00', expected: '2024-10-25T14:30:00+01:00' },
    { value: '2024-10-25T14:30:00-05:30', expected: '2024-10-25T14:30:00-05:30' },
    { value: '2024-10-25T14:30:00Z', expected: '2024-10-25T14:30:00+00:00' },
    { value: '2024-10-25T14:30:00.25Z', expected: '2024-10-25T14:30:00.250+00:00' },
    { value: '2024-10-25 14:30:00 +02:00', expected: '2024-10-25T14:30:00+02:00' },
    { value: '2024-02-29', expected: '2024-02-29T00:00:00+01:00' },
    { value: '2000-02-29', expected: '2000-02-29T00:00:00+01:00' },
    { value: '  2024-10-25 \n', expected: '2024-10-25T00:00:00+02:00' },
  ])('should read $value as $expected when it is ISO 8601', ({ value, expected }) => {
    expect(instantOf(value)).toBe(new Date(expected).toISOString())
  })

  it.each([
    { value: '25.10.2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '5.3.2024', expected: '2024-03-05T00:00:00+01:00' },
    { value: '05.03.2024', expected: '2024-03-05T00:00:00+01:00' },
    { value: '25. 10. 2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '25.10.2024 14:30', expected: '2024-10-25T14:30:00+02:00' },
    { value: '25.10.2024 14:30:15', expected: '2024-10-25T14:30:15+02:00' },
    { value: '25.10.2024, 14:30 Uhr', expected: '2024-10-25T14:30:00+02:00' },
    { value: '25.10.2024 14.30 Uhr', expected: '2024-10-25T14:30:00+02:00' },
    { value: '25.10.2024, 14 Uhr', expected: '2024-10-25T14:00:00+02:00' },
    { value: '25. Oktober 2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '25. oktober 2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '25. OKTOBER 2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '25. Oktober, 2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '25. Okt. 2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '25. Okt 2024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '25.\u00a0Oktober\u00a02024', expected: '2024-10-25T00:00:00+02:00' },
    { value: '3. März 2024', expected: '2024-03-03T00:00:00+01:00' },
    { value: '3. Ma\u0308rz 2024', expected: '2024-03-03T00:00:00+01:00' },
    { value: '3. Maerz 2024', expected: '2024-03-03T00:00:00+01:00' },
    { value: '1. Jänner 2024', expected: '2024-01-01T00:00:00+01:00' },
    { value: 'Freitag, 8. November 2024', expected: '2024-11-08T00:00:00+01:00' },
    { value: 'Fr., 8. November 2024', expected: '2024-11-08T00:00:00+01:00' },
    { value: 'Fr 8. November 2024', expected: '2024-11-08T00:00:00+01:00' },
    { value: 'freitag, 8.11.2024', expected: '2024-11-08T00:00:00+01:00' },
    { value: 'Samstag, 9. November 2024', expected: '2024-11-09T00:00:00+01:00' },
    { value: 'Sonnabend, 9. November 2024', expected: '2024-11-09T00:00:00+01:00' },
    { value: '1. Mai 2024, 9:05 Uhr', expected: '2024-05-01T09:05:00+02:00' },
    { value: '1. Mai 2024 um 9:05 Uhr', expected: '2024-05-01T09:05:00+02:00' },
    { value: '1. Mai 2024, um 9:05 Uhr', expected: '2024-05-01T09:05:00+02:00' },
    { value: '1. Mai 2024 9:05', expected: '2024-05-01T09:05:00+02:00' },
    { value: '1. Mai 2024 09:05', expected: '2024-05-01T09:05:00+02:00' },
    { value: 'Mittwoch, 1. Mai 2024, 23:59 Uhr', expected: '2024-05-01T23:59:00+02:00' },
    { value: ' 25.10.2024 ', expected: '2024-10-25T00:00:00+02:00' },
  ])('should read $value as $expected when it is written the German way', ({ value, expected }) => {
    expect(instantOf(value)).toBe(new Date(expected).toISOString())
  })

  it.each([
    { value: 'Januar', expected: 1 },
    { value: 'Jan.', expected: 1 },
    { value: 'Jän.', expected: 1 },
    { value: 'Februar', expected: 2 },
    { value: 'Feb.', expected: 2 },
    { value: 'März', expected: 3 },
    { value: 'Mär', expected: 3 },
    { value: 'April', expected: 4 },
    { value: 'Apr.', expected: 4 },
    { value: 'Mai', expected: 5 },
    { value: 'Juni', expected: 6 },
    { value: 'Jun', expected: 6 },
    { value: 'Juli', expected: 7 },
    { value: 'Jul.', expected: 7 },
    { value: 'August', expected: 8 },
    { value: 'Aug.', expected: 8 },
    { value: 'September', expected: 9 },
    { value: 'Sep.', expected: 9 },
    { value: 'Sept.', expected: 9 },
    { value: 'Oktober', expected: 10 },
    { value: 'November', expected: 11 },
    { value: 'Nov.', expected: 11 },
    { value: 'Dezember', expected: 12 },
    { value: 'Dez.', expected: 12 },
  ])('should read the month $expected when it is written $value', ({ value, expected }) => {
    expect(instantOf(`15. ${value} 2024`, 'UTC')).toBe(
      new Date(Date.UTC(2024, expected - 1, 15)).toISOString(),
    )
  })

  it.each([
    { value: '2024-10-25 14:30', timeZone: 'Europe/Vienna', expected: '2024-10-25T14:30:00+02:00' },
    { value: '1. Jänner 2024', timeZone: 'Europe/Vienna', expected: '2024-01-01T00:00:00+01:00' },
    { value: '2024-10-25 14:30', timeZone: 'America/New_York', expected: '2024-10-25T14:30:00-04:00' },
    { value: '2024-10-25 14:30', timeZone: 'UTC', expected: '2024-10-25T14:30:00+00:00' },
    { value: '2024-10-25 14:30', timeZone: 'Asia/Kolkata', expected: '2024-10-25T14:30:00+05:30' },
    { value: '2024-10-25 14:30', timeZone: 'Pacific/Chatham', expected: '2024-10-25T14:30:00+13:45' },
    {
      value: '2024-10-25T14:30:00+02:00',
      timeZone: 'America/New_York',
      expected: '2024-10-25T14:30:00+02:00',
    },
    { value: '2024-10-25T14:30:00Z', timeZone: 'Asia/Tokyo', expected: '2024-10-25T14:30:00Z' },
  ])('should read $value as $expected when the zone is $timeZone', ({ value, timeZone, expected }) => {
    expect(instantOf(value, timeZone)).toBe(new Date(expected).toISOString())
  })

  it.each([
    { value: '31. Februar 2024', expected: 'February 2024 has 29 days' },
    { value: '29.02.2023', expected: 'February 2023 has 28 days' },
    { value: '2100-02-29', expected: 'February 2100 has 28 days' },
    { value: '2024-02-30', expected: 'February 2024 has 29 days' },
    { value: '32.10.2024', expected: 'October has 31 days' },
    { value: '31.04.2024', expected: 'April has 30 days' },
    { value: '0.10.2024', expected: 'there is no day 0' },
    { value: '25.13.2024', expected: 'there is no month 13' },
    { value: '2024-00-10', expected: 'there is no month 0' },
    { value: '25.10.2024 24:00', expected: 'there is no hour 24; hours run from 0 to 23' },
    { value: '2024-10-25T14:60', expected: 'there is no minute 60; minutes run from 0 to 59' },
    { value: '2024-10-25T14:30:60', expected: 'there is no second 60; seconds run from 0 to 59' },
    {
      value: '2024-10-25T14:30:00+24:00',
      expected: 'there is no offset +24:00; offsets run from -23:59 to +23:59 (minutes from 00 to 59)',
    },
    {
      value: '2024-10-25T14:30:00+99:99',
      expected: 'there is no offset +99:99; offsets run from -23:59 to +23:59 (minutes from 00 to 59)',
    },
    {
      value: '2024-10-25T14:30:00-05:75',
      expected: 'there is no offset -05:75; offsets run from -23:59 to +23:59 (minutes from 00 to 59)',
    },
    { value: '25. Oktbr 2024', expected: '"Oktbr" is not a German month name' },
    { value: 'Fritag, 25.10.2024', expected: '"Fritag" is not a German weekday' },
    { value: '2024', expected: 'it needs a day and a month' },
    { value: '25.10.24', expected: 'write the year with four digits' },
    { value: '25. Oktober 24', expected: 'write the year with four digits' },
    { value: '14:30 Uhr', expected: 'it needs a day, a month and a year' },
  ])('should fail saying $expected when the value is $value', ({ value, expected }) => {
    expect(reasonOf(value)).toBe(`${JSON.stringify(value)} is not a date: ${expected}. ${EXAMPLES}`)
  })

  it.each([
    { value: 'gestern' },
    { value: 'heute' },
    { value: '2024-10-25 14' },
    { value: '25.10.2024 14' },
    { value: '10/25/2024' },
    { value: '2024-10-25T14:30:00+02:00 extra' },
    { value: 'Oktober 2024' },
    { value: '25. Oktober' },
    { value: '25102024' },
  ])('should fail with examples when the value $value has no known shape', ({ value }) => {
    expect(reasonOf(value)).toBe(`${JSON.stringify(value)} is not a date. ${EXAMPLES}`)
  })

  it.each([{ value: '' }, { value: '   ' }])(
    'should say the date is empty when the value is $value',
    ({ value }) => {
      expect(reasonOf(value)).toBe(`is empty. ${EXAMPLES}`)
    },
  )

  it('should name the real weekday when the weekday contradicts the date', () => {
    expect(reasonOf('Donnerstag, 8. November 2024')).toMatchInlineSnapshot(
      `""Donnerstag, 8. November 2024" names the wrong weekday: 8. November 2024 is a Freitag, not a Donnerstag. Correct the weekday or leave it out"`,
    )
    expect(reasonOf('Mo., 25.10.2024')).toMatchInlineSnapshot(
      `""Mo., 25.10.2024" names the wrong weekday: 25. Oktober 2024 is a Freitag, not a Montag. Correct the weekday or leave it out"`,
    )
  })

  it('should read well after a field prefix when the date is impossible', () => {
    expect(`"date": ${reasonOf('32.10.2024')}`).toMatchInlineSnapshot(
      `""date": "32.10.2024" is not a date: October has 31 days. Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00"`,
    )
  })

  it('should shorten the quoted value when it is long', () => {
    expect(reasonOf(`${'lorem ipsum '.repeat(20)}`)).toMatchInlineSnapshot(
      `""lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum…" is not a date. Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00"`,
    )
  })

  it.each([
    { value: `Freitag${' '.repeat(100_000)}x` },
    { value: `25. Oktober${' '.repeat(100_000)}x` },
    { value: `25. Oktober 2024${', '.repeat(50_000)}` },
  ])('should fail within milliseconds when the value is long and almost a date', ({ value }) => {
    const start = performance.now()
    expect(parseDate(value, 'Europe/Berlin').ok).toBe(false)
    // Nested optional whitespace would backtrack quadratically: seconds, not milliseconds.
    expect(performance.now() - start).toBeLessThan(100)
  })

  it('should not warn when a wall time is unique', () => {
    expect(parseDate('2024-10-25 14:30', 'Europe/Berlin')).toEqual({
      ok: true,
      instant: new Date('2024-10-25T14:30:00+02:00'),
    })
  })

  it('should throw a RangeError when the time zone is unknown', () => {
    expect(() => parseDate('2024-10-25', 'Europe/Bonn')).toThrow(RangeError)
  })
})

describe('parseDate with a written offset', () => {
  it('should warn and keep the written instant when the offset is not the zone offset on that day', () => {
    const value = parseDate('2014-02-13 10:57:44 +0200', 'Europe/Berlin')

    expect(value).toEqual({
      ok: true,
      instant: new Date('2014-02-13T08:57:44Z'),
      adjustment:
        "+02:00 is not Europe/Berlin's offset on 13 February 2014 (+01:00); the instant is taken as written",
    })
  })

  it.each([
    '2014-07-13 10:57:44 +0200',
    '2014-02-13T10:57:44+01:00',
    '2014-02-13T10:57:44Z',
    '2014-02-13 10:57 +00:00',
    // Both readings of the hour that happens twice carry the offset the zone had then.
    '2024-10-27T02:30:00+02:00',
    '2024-10-27T02:30:00+01:00',
  ])('should not warn when %s names an offset the zone had, or UTC', (text) => {
    const value = parseDate(text, 'Europe/Berlin')

    expect(value.ok && value.adjustment).toBeUndefined()
  })

  it('should warn about a winter offset written for a summer day', () => {
    const value = parseDate('2024-07-01T12:00:00+01:00', 'Europe/Berlin')

    expect(value.ok && value.adjustment).toBe(
      "+01:00 is not Europe/Berlin's offset on 1 July 2024 (+02:00); the instant is taken as written",
    )
  })
})
