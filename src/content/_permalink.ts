import type { Config } from '../config.js'
import { formatCalendarDay } from '../dates/format.js'

/** Fills the config's permalink pattern (`/:year/:month/:slug/`) for an article; dates in the site's zone. */
export function permalinkFor(
  config: Pick<Config, 'permalink' | 'timeZone'>,
  slug: string,
  date: Date,
): string {
  if (!/:(year|month|day)/.test(config.permalink)) return config.permalink.replace(':slug', slug)
  const [year, month, day] = formatCalendarDay(date, config.timeZone).split('-')
  return config.permalink
    .replace(':year', year ?? '')
    .replace(':month', month ?? '')
    .replace(':day', day ?? '')
    .replace(':slug', slug)
}
