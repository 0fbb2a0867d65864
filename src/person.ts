import { quoteValue } from './quote.js'

/** A person credited for a feed or an article. */
export interface Person {
  /** Display name. */
  name: string
  /** E-mail address; RSS `<author>` needs one. */
  email?: string
  /** Home page. */
  url?: string
}

/** A person object with a non-empty name and string email/url, or undefined. */
export function toPerson(value: unknown): Person | undefined {
  return personProblem(value) === undefined ? _person(value as Record<string, string>) : undefined
}

/**
 * What is wrong with a person object, or undefined when nothing is. Its `url` must be an absolute
 * http(s) URL: feed readers make it a link, and a `javascript:` or `data:` URL there would run code.
 */
export function personProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object'
  const { name, email, url, ...rest } = value as Record<string, unknown>
  const extra = Object.keys(rest)
  if (extra.length > 0)
    return `has unknown keys (${extra.slice(0, 3).join(', ')}); it takes name, email and url`
  if (typeof name !== 'string' || name.trim() === '') return 'needs a "name"'
  if (email !== undefined && !(typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email)))
    return `needs a valid "email" like redaktion@example.de (got ${quoteValue(email)})`
  if (url !== undefined && !_isHttpUrl(url))
    return `needs "url" to be an absolute http(s) URL like https://example.de/redaktion (got ${quoteValue(url)})`
  return undefined
}

function _person({ name, email, url }: Record<string, string>): Person {
  return { name: (name as string).trim(), ...(email ? { email } : {}), ...(url ? { url } : {}) }
}

function _isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'http:' || protocol === 'https:'
}
