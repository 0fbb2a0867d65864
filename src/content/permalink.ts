import type { Config } from '../config.js'

const _parts = new Map<string, Intl.DateTimeFormat>()

/** Fills the config's permalink pattern (`/:year/:month/:slug/`) for an article; dates in the site's zone. */
export function permalinkFor(
  config: Pick<Config, 'permalink' | 'timeZone'>,
  slug: string,
  date: Date,
): string {
  if (!/:(year|month|day)/.test(config.permalink)) return config.permalink.replace(':slug', slug)
  let format = _parts.get(config.timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone, dateStyle: 'short' })
    _parts.set(config.timeZone, format)
  }
  const [year, month, day] = format.format(date).split('-')
  return config.permalink
    .replace(':year', year ?? '')
    .replace(':month', month ?? '')
    .replace(':day', day ?? '')
    .replace(':slug', slug)
}
