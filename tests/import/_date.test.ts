import { describe, expect, it } from 'vitest'
import { parseDate } from '../../src/dates/parse.js'
import { toFrontMatterDate } from '../../src/import/_date.js'

/** parseDate's instant for a text that must be a date. */
function _read(text: string): { instant: Date; adjustment?: string } {
  const result = parseDate(text, 'Europe/Berlin')
  if (!result.ok) throw new Error(result.reason)
  return result
}

describe('toFrontMatterDate', () => {
  it.each([
    ['25. Oktober, 2024', '2024-10-25'],
    ['25.10.2024', '2024-10-25'],
    ['1. Mai 2024, 9:05 Uhr', '2024-05-01 09:05'],
    ['2024-05-01T07:05:00Z', '2024-05-01 09:05'],
    ['2024-05-01T09:05:30+02:00', '2024-05-01 09:05:30'],
    ['2024-01-15T23:30:00Z', '2024-01-16 00:30'],
  ])('should write %j as wall time %j when reading it in Europe/Berlin', (value, expected) => {
    expect(toFrontMatterDate(value, 'Europe/Berlin')).toEqual({ ok: true, value: expected })
  })

  it('should write the wall time of the zone when the zone is not Berlin', () => {
    expect(toFrontMatterDate('2024-05-01T07:05:00Z', 'America/New_York')).toEqual({
      ok: true,
      value: '2024-05-01 03:05',
    })
  })

  it.each([
    ['2024-10-27T00:30:00Z', '2024-10-27T02:30:00+02:00'],
    ['2024-10-27T01:30:00Z', '2024-10-27T02:30:00+01:00'],
    ['2024-10-27 02:30', '2024-10-27T02:30:00+02:00'],
  ])(
    'should write %j with its offset when its wall time happens twice as the clocks go back',
    (value, expected) => {
      expect(toFrontMatterDate(value, 'Europe/Berlin')).toMatchObject({ ok: true, value: expected })
      const again = _read(expected)
      expect(again.adjustment).toBeUndefined()
      expect(again.instant).toEqual(_read(value).instant)
    },
  )

  it('should move the time and pass on the warning when the time does not exist as the clocks go forward', () => {
    const value = toFrontMatterDate('31. März 2024, 2:30 Uhr', 'Europe/Berlin')
    expect(value).toEqual({
      ok: true,
      value: '2024-03-31 03:30',
      adjustment: expect.stringContaining('does not exist'),
    })
  })

  it.each(['Politik', '32. Oktober, 2024', ''])('should give a reason when %j is not a date', (value) => {
    expect(toFrontMatterDate(value, 'Europe/Berlin')).toEqual({ ok: false, reason: expect.any(String) })
  })
})
