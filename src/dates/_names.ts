import type { Day, Locale, Month } from 'date-fns'
import { de } from 'date-fns/locale/de'
import { deAT } from 'date-fns/locale/de-AT'
import { enUS } from 'date-fns/locale/en-US'

const _MONTHS: readonly Month[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
const _DAYS: readonly Day[] = [0, 1, 2, 3, 4, 5, 6]

/** German month names as date-fns' `de` locale writes them in a date: `Januar` … `Dezember`. */
export const GERMAN_MONTHS: readonly string[] = _MONTHS.map((month) =>
  de.localize.month(month, { width: 'wide' }),
)

/** German weekday names from date-fns' `de` locale, Sunday first: `Sonntag` … `Samstag`. */
export const GERMAN_WEEKDAYS: readonly string[] = _DAYS.map((day) => de.localize.day(day, { width: 'wide' }))

/** English month names for messages: `January` … `December`. */
export const ENGLISH_MONTHS: readonly string[] = _MONTHS.map((month) =>
  enUS.localize.month(month, { width: 'wide' }),
)

// Spellings the locales lack: umlauts written out (keyboards without them) and Duden's "Sept.".
const _EXTRA_MONTHS: Record<string, number> = { maerz: 3, jaenner: 1, sept: 9 }
// Northern and eastern Germany call Saturday "Sonnabend".
const _EXTRA_WEEKDAYS: Record<string, number> = { sonnabend: 6 }

const _monthByKey = _index(_EXTRA_MONTHS, [de, deAT], (locale, width, context) =>
  _MONTHS.map((month) => [locale.localize.month(month, { width, context }), month + 1]),
)
const _weekdayByKey = _index(_EXTRA_WEEKDAYS, [de], (locale, width, context) =>
  _DAYS.map((day) => [locale.localize.day(day, { width, context }), day]),
)

/** The month (1–12) a German name or abbreviation stands for (`Oktober`, `Okt.`, `okt`, `Jänner`), if any. */
export function monthFromName(name: string): number | undefined {
  return _monthByKey.get(_key(name))
}

const _englishMonthByKey = _index({ sept: 9 }, [enUS], (locale, width, context) =>
  _MONTHS.map((month) => [locale.localize.month(month, { width, context }), month + 1]),
)

/** The month (1–12) an English name or abbreviation stands for (`July`, `Jul`, `jul.`), if any. */
export function monthFromEnglishName(name: string): number | undefined {
  return _englishMonthByKey.get(_key(name))
}

/** The weekday (0 for Sunday) a German name or abbreviation stands for (`Freitag`, `Fr.`), if any. */
export function weekdayFromName(name: string): number | undefined {
  return _weekdayByKey.get(_key(name))
}

type _Width = 'wide' | 'abbreviated' | 'short'
type _Context = 'formatting' | 'standalone'

function _index(
  extras: Record<string, number>,
  locales: Locale[],
  names: (locale: Locale, width: _Width, context: _Context) => [string, number][],
): Map<string, number> {
  const index = new Map(Object.entries(extras))
  for (const locale of locales) {
    for (const width of ['wide', 'abbreviated', 'short'] as const) {
      for (const context of ['formatting', 'standalone'] as const) {
        for (const [name, value] of names(locale, width, context)) index.set(_key(name), value)
      }
    }
  }
  return index
}

function _key(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\.$/, '')
}
