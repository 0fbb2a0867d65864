import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { offsetIn, offsetMs, readTransitions, usableTable } from '../../src/dates/_offset.js'
import { REPO_ROOT } from '../helpers/fixture.js'

// The bundle carries the offsets of a few zones, read from Intl when kanal is installed, so that a
// build need not start ICU's time zone data. Read back, they must give exactly what Intl gives.

const FROM = Date.UTC(2010, 0, 1)
const UNTIL = Date.UTC(2035, 0, 1)
const ZONES = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'America/New_York', 'Australia/Lord_Howe']

describe('zone transitions read from Intl', () => {
  for (const zone of ZONES) {
    const transitions = readTransitions(zone, FROM, UNTIL)

    it(`should give Intl's offset around every change of ${zone}`, () => {
      expect(transitions.at.length).toBeGreaterThan(40) // two changes a year
      for (const at of transitions.at) {
        for (const instant of [at - 1000, at - 1, at, at + 1, at + 1000]) {
          expect(offsetIn(transitions, instant)).toBe(offsetMs(zone, instant))
        }
      }
    })

    it(`should give Intl's offset at any instant of the span for ${zone}`, () => {
      fc.assert(
        fc.property(fc.integer({ min: FROM, max: UNTIL - 1 }), (instant) => {
          expect(offsetIn(transitions, instant)).toBe(offsetMs(zone, instant))
        }),
        { numRuns: 500 },
      )
    })
  }

  it('should be used only with the time zone data it was read with', () => {
    const table = { tz: '2025c', zones: {} }
    expect(usableTable(table, '2025c')).toBe(table)
    expect(usableTable(table, '2026a')).toBeUndefined()
    expect(usableTable(table, undefined)).toBeUndefined()
    expect(usableTable(null, '2025c')).toBeUndefined()
  })

  it("should be in the built bundle, read with this Node's time zone data", async () => {
    const chunks = path.join(REPO_ROOT, 'lib/chunks')
    const texts = await Promise.all(
      (await readdir(chunks)).map((name) => readFile(path.join(chunks, name), 'utf8')),
    )
    const bundled = texts.find((text) => text.includes('"Europe/Berlin": { from:'))
    expect(bundled).toContain(`tz: "${process.versions.tz}"`)
  })
})
