/** What one publish request to a hub came to. */
export interface AttemptResult {
  /** The hub answered with a 2xx status. */
  ok: boolean
  /** The HTTP status, when the hub answered at all. */
  status?: number
  /** Why the attempt failed, for the author. */
  error?: string
  /** Another attempt may succeed: network error, timeout, 429 or 5xx. */
  retryable: boolean
}

/**
 * Sends one WebSub "publish" ping: a form-encoded POST with `hub.mode=publish` and `hub.url`.
 * Never throws; every failure becomes a result.
 */
export async function sendPing(
  hub: string,
  feedUrl: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<AttemptResult> {
  const signal = AbortSignal.timeout(timeoutMs)
  let response: Response
  try {
    response = await fetchImpl(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feedUrl }).toString(),
      // A followed 301/302 would turn the POST into a GET without the ping, so report it instead.
      redirect: 'manual',
      signal,
    })
  } catch (error) {
    return { ok: false, error: _describeError(error, timeoutMs), retryable: true }
  }
  const { status } = response
  if (status >= 200 && status < 300) {
    await response.body?.cancel().catch(() => undefined)
    return { ok: true, status, retryable: false }
  }
  const error = await _describeResponse(response)
  return { ok: false, status, error, retryable: status === 429 || status >= 500 }
}

function _describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`
  if (error instanceof Error) {
    // Node's fetch says only "fetch failed"; the cause names the real problem (ECONNREFUSED, DNS …).
    const cause = error.cause instanceof Error ? error.cause.message : undefined
    return cause ? `${error.message}: ${cause}` : error.message
  }
  return String(error)
}

async function _describeResponse(response: Response): Promise<string> {
  const head = `hub answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
  const location = response.headers.get('location')
  if (response.status >= 300 && response.status < 400 && location) {
    await response.body?.cancel().catch(() => undefined)
    return `${head}, redirecting to ${location}; use that hub URL instead`
  }
  const text = await response.text().catch(() => '')
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200)
  return snippet ? `${head}: ${snippet}` : head
}
