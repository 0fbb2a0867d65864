import { UsageError } from '../errors.js'

/** How long one feed may take to arrive, by default. */
export const FETCH_TIMEOUT_MS = 15_000

/** How to fetch (tests pass a shorter timeout). */
export interface FetchOptions {
  /** Milliseconds; default 15 s. */
  timeoutMs?: number
}

/**
 * The text of a published feed at `url`, or undefined when the server says it is not there (404, 410:
 * a feed not published yet). Anything else that keeps the feed from being read (no answer within the
 * timeout, a refused connection, another error status) is a `UsageError`: without it nothing can be
 * compared, and comparing against nothing would wave every identity break through.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<string | undefined> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  let response: Response
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        accept:
          'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
      },
      redirect: 'follow',
    })
  } catch (error) {
    const cause = error as Error & { cause?: { code?: string; message?: string } }
    const reason =
      cause.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause.cause?.code ?? cause.cause?.message ?? cause.message)
    throw new UsageError(
      `${url}: the published feed cannot be read (${reason}); check the URL and the network, or compare against a folder or file`,
    )
  }
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel()
    return undefined
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new UsageError(
      `${url}: the published feed cannot be read (HTTP ${response.status}); check the URL, or compare against a folder or file`,
    )
  }
  try {
    return await response.text()
  } catch (error) {
    throw new UsageError(`${url}: the published feed broke off while reading (${(error as Error).message})`)
  }
}
