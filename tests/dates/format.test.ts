import { describe, expect, it } from 'vitest'
import {
  formatGermanDate,
  formatGermanDateTime,
  formatRfc822,
  formatRfc3339,
} from '../../src/dates/format.js'

describe('formatRfc822', () => {
  it.each([
    { value: '2024-10-25T08:00:00Z', timeZone: 'Europe/Berlin', expected: 'Fri, 25 Oct 2024 10:00:00 +0200' },
    { value: '2024-10-24T22:00:00Z', timeZone: 'Europe/Berlin', expected: 'Fri, 25 Oct 2024 00:00:00 +0200' },
    { value: '2024-03-02T23:00:00Z', timeZone: 'Europe/Berlin', expected: 'Sun, 03 Mar 2024 00:00:00 +0100' },
    { value: '2024-12-31T23:30:00Z', timeZone: 'Europe/Berlin', expected: 'Wed, 01 Jan 2025 00:30:00 +0100' },
    { value: '2024-10-25T08:00:00Z', timeZone: 'UTC', expected: 'Fri, 25 Oct 2024 08:00:00 +0000' },
    {
      value: '2024-10-25T08:00:00Z',
      timeZone: 'America/New_York',
      expected: 'Fri, 25 Oct 2024 04:00:00 -0400',
    },
    {
      value: '2024-10-25T08:00:00Z',
      timeZone: 'America/St_Johns',
      expected: 'Fri, 25 Oct 2024 05:30:00 -0230',
    },
    { value: '2024-10-25T08:00:00Z', timeZone: 'Asia/Kolkata', expected: 'Fri, 25 Oct 2024 13:30:00 +0530' },
    {
      value: '2024-10-25T08:00:00Z',
      timeZone: 'Pacific/Chatham',
      expected: 'Fri, 25 Oct 2024 21:45:00 +1345',
    },
    {
      value: '2024-06-25T08:00:00Z',
      timeZone: 'Australia/Lord_Howe',
      expected: 'Tue, 25 Jun 2024 18:30:00 +1030',
    },
    {
      value: '2024-10-25T08:00:00.999Z',
      timeZone: 'Europe/Berlin',
      expected: 'Fri, 25 Oct 2024 10:00:00 +0200',
    },
    // Liberia kept local mean time (-00:44:30) until 1972; the offset is rounded and the instant kept.
    {
      value: '1960-06-01T12:00:00Z',
      timeZone: 'Africa/Monrovia',
      expected: 'Wed, 01 Jun 1960 11:16:00 -0044',
    },
  ])('should write $expected when $value is shown in $timeZone', ({ value, timeZone, expected }) => {
    expect(formatRfc822(new Date(value), timeZone)).toBe(expected)
  })

  it('should throw a RangeError when the instant is invalid', () => {
    expect(() => formatRfc822(new Date(Number.NaN), 'Europe/Berlin')).toThrow(RangeError)
  })

  it('should throw a RangeError when the time zone is unknown', () => {
    expect(() => formatRfc822(new Date(0), 'Mars/Olympus_Mons')).toThrow(RangeError)
  })
})

describe('formatRfc3339', () => {
  it.each([
    { value: '2024-10-25T08:00:00Z', timeZone: 'Europe/Berlin', expected: '2024-10-25T10:00:00+02:00' },
    { value: '2024-03-02T23:00:00Z', timeZone: 'Europe/Berlin', expected: '2024-03-03T00:00:00+01:00' },
    { value: '2024-10-25T08:00:00Z', timeZone: 'UTC', expected: '2024-10-25T08:00:00+00:00' },
    { value: '2024-10-25T08:00:00Z', timeZone: 'America/New_York', expected: '2024-10-25T04:00:00-04:00' },
    { value: '2024-01-25T08:00:00Z', timeZone: 'America/New_York', expected: '2024-01-25T03:00:00-05:00' },
    { value: '2024-10-25T08:00:00Z', timeZone: 'Pacific/Chatham', expected: '2024-10-25T21:45:00+13:45' },
    {
      value: '2024-10-25T08:00:00.250Z',
      timeZone: 'Europe/Berlin',
      expected: '2024-10-25T10:00:00.250+02:00',
    },
    { value: '2024-10-27T00:30:00Z', timeZone: 'Europe/Berlin', expected: '2024-10-27T02:30:00+02:00' },
    { value: '2024-10-27T01:30:00Z', timeZone: 'Europe/Berlin', expected: '2024-10-27T02:30:00+01:00' },
    { value: '1960-06-01T12:00:00Z', timeZone: 'Africa/Monrovia', expected: '1960-06-01T11:16:00-00:44' },
  ])('should write $expected when $value is shown in $timeZone', ({ value, timeZone, expected }) => {
    expect(formatRfc3339(new Date(value), timeZone)).toBe(expected)
  })

  it('should throw a RangeError when the year has more than four digits', () => {
    expect(() => formatRfc3339(new Date('+010000-01-01T00:00:00Z'), 'UTC')).toThrow(RangeError)
  })
})

describe('formatGermanDate', () => {
  it.each([
    { value: '2024-10-25T08:00:00Z', timeZone: 'Europe/Berlin', expected: '25. Oktober 2024' },
    { value: '2024-03-02T23:00:00Z', timeZone: 'Europe/Berlin', expected: '3. März 2024' },
    { value: '2024-03-02T23:00:00Z', timeZone: 'UTC', expected: '2. März 2024' },
    { value: '2024-12-31T23:30:00Z', timeZone: 'Europe/Vienna', expected: '1. Januar 2025' },
    { value: '2024-05-01T07:05:00Z', timeZone: 'Europe/Berlin', expected: '1. Mai 2024' },
  ])('should write $expected when $value is shown in $timeZone', ({ value, timeZone, expected }) => {
    expect(formatGermanDate(new Date(value), timeZone)).toBe(expected)
  })
})

describe('formatGermanDateTime', () => {
  it.each([
    {
      value: '2024-10-25T08:00:00Z',
      timeZone: 'Europe/Berlin',
      expected: 'Freitag, 25. Oktober 2024, 10:00 Uhr',
    },
    {
      value: '2024-05-01T07:05:00Z',
      timeZone: 'Europe/Berlin',
      expected: 'Mittwoch, 1. Mai 2024, 09:05 Uhr',
    },
    {
      value: '2024-03-02T23:00:00Z',
      timeZone: 'Europe/Berlin',
      expected: 'Sonntag, 3. März 2024, 00:00 Uhr',
    },
    {
      value: '2024-11-09T22:59:59Z',
      timeZone: 'Europe/Berlin',
      expected: 'Samstag, 9. November 2024, 23:59 Uhr',
    },
    {
      value: '2024-10-25T08:00:00Z',
      timeZone: 'America/New_York',
      expected: 'Freitag, 25. Oktober 2024, 04:00 Uhr',
    },
  ])('should write $expected when $value is shown in $timeZone', ({ value, timeZone, expected }) => {
    expect(formatGermanDateTime(new Date(value), timeZone)).toBe(expected)
  })
})
