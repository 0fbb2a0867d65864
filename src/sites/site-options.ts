import { quoteValue } from '../quote.js'
import { HUGO_SUBSTITUTIONS, type Typographer } from '../render/typographer.js'

// Config keys about how a generator's site is read (`languages`, `typographer`, `excerptSeparator`), checked here so that
// config.ts stays one screen of kanal's own keys.

/** The config's site options, validated. */
export interface SiteOptions {
  /** A multilingual site's language keys, the feed's (default) first: other languages' `name.en.md` are left out. */
  languages?: string[]
  /** A Hugo site's typographer: off (`false`) or its own marks. */
  typographer?: Typographer
  /** Text that ends an article's summary in its body (Jekyll's `excerpt_separator`), if the site sets one. */
  excerptSeparator?: string
}

/** What is wrong with the site options of a config, one message each. */
export function siteOptionProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = []
  const { languages, typographer, excerptSeparator } = value
  if (
    languages !== undefined &&
    !(Array.isArray(languages) && languages.every((key) => /^[a-z\d][a-z\d_-]*$/i.test(String(key))))
  ) {
    problems.push(
      `"languages" must be the site's language keys, its default first, like ["de", "en"] (got ${quoteValue(languages)})`,
    )
  }
  const marks = Object.keys(HUGO_SUBSTITUTIONS)
  const isMarks =
    typographer !== null &&
    typeof typographer === 'object' &&
    !Array.isArray(typographer) &&
    Object.entries(typographer).every(([key, mark]) => marks.includes(key) && typeof mark === 'string')
  if (typographer !== undefined && typeof typographer !== 'boolean' && !isMarks) {
    problems.push(
      `"typographer" must be true, false or the marks a Hugo site sets, like {"leftDoubleQuote": "„", "rightDoubleQuote": "“"} (keys: ${marks.join(', ')}; got ${quoteValue(typographer)})`,
    )
  }
  if (
    excerptSeparator !== undefined &&
    !(typeof excerptSeparator === 'string' && excerptSeparator.trim() !== '')
  ) {
    problems.push(
      `"excerptSeparator" must be the text that ends a summary, like "<!--more-->" (got ${quoteValue(excerptSeparator)})`,
    )
  }
  return problems
}

/** The site options of a valid config, only those it sets (the default config stays what it was). */
export function toSiteOptions(value: Record<string, unknown>): SiteOptions {
  const { languages, typographer, excerptSeparator } = value
  return {
    ...(languages === undefined
      ? {}
      : { languages: (languages as string[]).map((key) => key.toLowerCase()) }),
    // `true` is the default: Hugo's own marks.
    ...(typographer === undefined || typographer === true ? {} : { typographer: typographer as Typographer }),
    ...(excerptSeparator === undefined ? {} : { excerptSeparator: excerptSeparator as string }),
  }
}
