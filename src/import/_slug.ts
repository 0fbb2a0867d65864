import { toSlug } from '../slug.js'

/** Turns a headline into a file name slug of at most `maxLength` characters, cut at a hyphen where possible. */
export function toArticleSlug(title: string, maxLength = 80): string {
  const slug = toSlug(title)
  if (slug.length <= maxLength) return slug
  const cut = slug.lastIndexOf('-', maxLength)
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength)
}
