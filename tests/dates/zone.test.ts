import { describe, expect, it } from 'vitest'
import { isTimeZone } from '../../src/dates/zone.js'

describe('isTimeZone', () => {
  it.each([
    { value: 'Europe/Berlin', expected: true },
    { value: 'Europe/Vienna', expected: true },
    { value: 'Europe/Zurich', expected: true },
    { value: 'America/New_York', expected: true },
    { value: 'America/Argentina/Buenos_Aires', expected: true },
    { value: 'America/Port-au-Prince', expected: true },
    { value: 'Australia/Lord_Howe', expected: true },
    { value: 'Pacific/Chatham', expected: true },
    { value: 'UTC', expected: true },
    { value: 'Etc/GMT+1', expected: true },
    { value: 'US/Eastern', expected: true },
    { value: 'Europe/Kiev', expected: true },
    { value: 'Europe/Kyiv', expected: true },
    { value: '', expected: false },
    { value: 'Berlin', expected: false },
    { value: 'Europe/Bonn', expected: false },
    { value: 'europe/berlin', expected: false },
    { value: 'EUROPE/BERLIN', expected: false },
    { value: 'utc', expected: false },
    { value: ' Europe/Berlin', expected: false },
    { value: '+01:00', expected: false },
    { value: '-0500', expected: false },
    { value: 'GMT+1', expected: false },
  ])('should answer $expected when the name is "$value"', ({ value, expected }) => {
    expect(isTimeZone(value)).toBe(expected)
  })

  it('should give the same answer when asked twice', () => {
    expect([isTimeZone('Europe/Berlin'), isTimeZone('Europe/Berlin')]).toEqual([true, true])
    expect([isTimeZone('Mars/Olympus_Mons'), isTimeZone('Mars/Olympus_Mons')]).toEqual([false, false])
  })
})
