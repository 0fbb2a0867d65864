import { afterEach, describe, expect, it, vi } from 'vitest'

const _RealDateTimeFormat = Intl.DateTimeFormat

afterEach(() => {
  Intl.DateTimeFormat = _RealDateTimeFormat
  vi.resetModules()
})

describe('parseDate', () => {
  it('should not ask Intl for UTC offsets when it checks the years of dates on many days', async () => {
    // Every date is also read in UTC (its year must lie in 0000 to 9999); asking Intl for that made
    // cold builds of large archives slower. A fresh module, so no formatter is cached yet.
    const zones: unknown[] = []
    Intl.DateTimeFormat = class extends _RealDateTimeFormat {
      constructor(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
        super(locales, options)
        zones.push(options?.timeZone)
      }
    } as typeof Intl.DateTimeFormat
    vi.resetModules()
    const { parseDate } = await import('../../src/dates/parse.js')
    const { formatRfc3339 } = await import('../../src/dates/format.js')
    const read: string[] = []
    for (let day = 1; day <= 28; day++) {
      const result = parseDate(`1950-02-${String(day).padStart(2, '0')}T12:00:00+01:00`, 'Europe/Berlin')
      if (!result.ok) throw new Error(result.reason)
      read.push(formatRfc3339(result.instant, 'UTC'))
    }
    expect(read[0]).toBe('1950-02-01T11:00:00+00:00')
    expect(zones).not.toContain('UTC')
  })
})
