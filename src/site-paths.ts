/** Checks and normal forms of the URLs and site paths a config holds. */

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/**
 * A site path for article URLs: starts with one `/` (so it can name no other host or scheme), holds
 * only characters a URL path may hold, and no `..` segment.
 */
export function isSitePath(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\/(?!\/)[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(value) &&
    !value.split('/').includes('..')
  )
}

/**
 * `feedPath` in its normal form, a folder below the site URL: `/feeds` → `/feeds/`. Undefined when it
 * is no site path, or holds `.` segments or a `:` (it is a folder, not a pattern).
 */
export function toFeedPath(value: unknown): string | undefined {
  if (!isSitePath(value) || value.includes(':')) return undefined
  if (value.split('/').some((segment) => segment === '.')) return undefined
  return value.endsWith('/') ? value : `${value}/`
}

/** True when the value is a URL with a user name or password (`https://user:secret@…`). */
export function hasCredentials(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false
  const url = new URL(value)
  return url.username !== '' || url.password !== ''
}

/** An absolute http(s) URL without credentials, normalised to end in `/`, or undefined. */
export function toSiteUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.username || url.password) return undefined
  if (url.search || url.hash) return undefined
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url.href
}
