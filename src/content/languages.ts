import path from 'node:path'
import { ContentError } from '../errors.js'

// A multilingual site (Hugo's translation by file name) marks a page's language in its name:
// `termine.en.md` is the English page, `termine.de.md` and `termine.md` are the default language's.

/** The language key a file name carries (`x.en.md` → `en`) when it is one of the site's, else undefined. */
export function languageOf(relative: string, languages: readonly string[] | undefined): string | undefined {
  if (!languages || languages.length === 0) return undefined
  const key = /\.([^./]+)\.[^./]+$/.exec(relative)?.[1]?.toLowerCase()
  return key !== undefined && languages.includes(key) ? key : undefined
}

/** Whether a file is a translation: a page of one of the site's languages other than the default (first). */
export function isTranslation(relative: string, languages: readonly string[] | undefined): boolean {
  const key = languageOf(relative, languages)
  return key !== undefined && key !== languages?.[0]
}

/**
 * The file's path as its page's URL and slug are made from it: without the default language's key
 * (`x.de.md` → `x.md`), as Hugo publishes the page at `/…/x/`.
 */
export function withoutLanguage(relative: string, languages: readonly string[] | undefined): string {
  if (languageOf(relative, languages) === undefined) return relative
  const parsed = path.posix.parse(relative)
  return path.posix.join(parsed.dir, `${path.posix.parse(parsed.name).name}${parsed.ext}`)
}

/**
 * The note for translations left out (not a warning: the site is as its generator means it, and
 * `--strict` passes): how many, of which languages, and that the feeds hold the default language only.
 */
export function translationsNote(
  folder: string,
  counts: ReadonlyMap<string, number>,
  languages: readonly string[],
): ContentError | undefined {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0)
  if (total === 0) return undefined
  const which = [...counts.keys()]
    .sort()
    .map((key) => `${key}: ${counts.get(key)}`)
    .join(', ')
  return new ContentError(
    { file: folder },
    `left out ${total} ${total === 1 ? 'translation' : 'translations'} (${which}): the feeds hold the site's default language "${languages[0]}" only`,
  )
}
