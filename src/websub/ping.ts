import { setTimeout as sleep } from 'node:timers/promises'
import { sendPing } from './_attempt.js'
import { mapLimited } from './_pool.js'

/** How hard to try reaching the hubs. */
export interface PingOptions {
  /** Milliseconds to wait for each attempt. Default 10000. */
  timeoutMs?: number
  /** Extra attempts after a network error, timeout, 429 or 5xx. Default 2. */
  retries?: number
  /** Milliseconds before the first retry, doubled for each further one. Default 500. */
  backoffMs?: number
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch
}

/** What came of notifying one hub about one feed URL. */
export interface PingOutcome {
  /** The hub's URL. */
  hub: string
  /** The feed URL the hub was told about. */
  feedUrl: string
  /** The hub answered with a 2xx status. */
  ok: boolean
  /** The status of the last answer, when there was one. */
  status?: number
  /** Requests sent, retries included. */
  attempts: number
  /** Why the last attempt failed. */
  error?: string
}

interface _Settings {
  timeoutMs: number
  retries: number
  backoffMs: number
  fetch: typeof fetch
}

// Enough to ping a few hubs at once without flooding any of them.
const _CONCURRENCY = 4

/** Notifies every hub that each feed URL changed (WebSub §7 "publish" ping, as hubs like Google's and Superfeedr accept). */
export async function pingHubs(
  hubs: string[],
  feedUrls: string[],
  options: PingOptions = {},
): Promise<PingOutcome[]> {
  const settings: _Settings = {
    timeoutMs: Math.max(1, Math.floor(options.timeoutMs ?? 10_000)),
    retries: Math.max(0, Math.floor(options.retries ?? 2)),
    backoffMs: Math.max(0, options.backoffMs ?? 500),
    fetch: options.fetch ?? globalThis.fetch,
  }
  // Hub-major order, duplicates dropped, so the outcomes read the same on every run.
  const pairs = [...new Set(hubs)].flatMap((hub) =>
    [...new Set(feedUrls)].map((feedUrl) => ({ hub, feedUrl })),
  )
  return mapLimited(pairs, _CONCURRENCY, ({ hub, feedUrl }) => _pingOne(hub, feedUrl, settings))
}

async function _pingOne(hub: string, feedUrl: string, settings: _Settings): Promise<PingOutcome> {
  if (!_isHttpUrl(hub)) return { hub, feedUrl, ok: false, attempts: 0, error: 'hub is not an http(s) URL' }
  let attempts = 0
  for (;;) {
    attempts++
    const result = await sendPing(hub, feedUrl, settings.fetch, settings.timeoutMs)
    const outcome: PingOutcome = { hub, feedUrl, ok: result.ok, attempts }
    if (result.status !== undefined) outcome.status = result.status
    if (result.error !== undefined) outcome.error = result.error
    if (result.ok || !result.retryable || attempts > settings.retries) return outcome
    await sleep(settings.backoffMs * 2 ** (attempts - 1))
  }
}

function _isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
