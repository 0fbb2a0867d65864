import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'

/** Debian's `chromium` on the PATH (CI installs it, see `.ci/run`), or undefined. */
export const CHROMIUM = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter(Boolean)
  .map((folder) => path.join(folder, 'chromium'))
  .find((file) => existsSync(file))

/** What a page showed once its scripts ran, and what it did on the way. */
export interface PageVisit {
  /** `document.documentElement.outerHTML` after rendering. */
  html: string
  /** The page's visible text (`innerText` of the body, or of the root element). */
  text: string
  /** Console errors, uncaught exceptions and failed loads the browser logged. */
  errors: string[]
  /** Every URL the page asked for (itself included). */
  requests: string[]
}

/** A headless Chromium driven over the DevTools protocol (on a pipe: no port, no dependency). */
export interface Browser {
  /**
   * Opens `url` in a fresh tab, waits until `ready` (a JS expression) is true, runs `act` (clicks,
   * changes on the server), then reports what the tab shows and what it did.
   */
  visit(url: string, ready?: string, act?: (tab: Tab) => Promise<void>): Promise<PageVisit>
  /** Closes the browser and removes its profile. */
  close(): Promise<void>
}

/** An open tab, for `visit`'s `act`. */
export interface Tab {
  /** The value of a JS expression in the page. */
  evaluate(expression: string): Promise<unknown>
  /** Waits (up to 15 s) until a JS expression is true in the page, across reloads. */
  waitFor(expression: string): Promise<void>
}

type _Message = { id?: number; method?: string; params?: any; result?: any; error?: any; sessionId?: string }

/** Starts one Chromium for a test file; `extraArgs` like `--disable-blink-features=XSLT`. */
export async function launchChromium(executable: string, extraArgs: string[] = []): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kanal-chromium-'))
  const child: ChildProcess = spawn(
    executable,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      ...extraArgs,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  )
  child.stderr?.resume()
  const input = child.stdio[3] as Writable
  const output = child.stdio[4] as Readable
  // A browser that died shows as a rejected call, not as an unhandled EPIPE.
  input.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  })
  let nextId = 1
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>()
  const listeners = new Set<(message: _Message) => void>()
  let buffer = ''
  output.setEncoding('utf8')
  output.on('data', (chunk: string) => {
    buffer += chunk
    let end = buffer.indexOf('\0')
    while (end >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as _Message
      buffer = buffer.slice(end + 1)
      end = buffer.indexOf('\0')
      if (message.id !== undefined) {
        const waiting = pending.get(message.id)
        pending.delete(message.id)
        if (message.error) waiting?.reject(new Error(JSON.stringify(message.error)))
        else waiting?.resolve(message.result)
      } else for (const listener of listeners) listener(message)
    }
  })
  const send = (method: string, params: object = {}, sessionId?: string): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`)
    })

  const visit = async (
    url: string,
    ready = 'document.readyState === "complete"',
    act?: (tab: Tab) => Promise<void>,
  ): Promise<PageVisit> => {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' })
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true })
    const errors: string[] = []
    const requests: string[] = []
    const listener = (message: _Message) => {
      if (message.sessionId !== sessionId) return
      const params = message.params
      if (message.method === 'Network.requestWillBeSent') requests.push(params.request.url)
      if (message.method === 'Runtime.exceptionThrown')
        errors.push(
          `exception: ${params.exceptionDetails.exception?.description ?? params.exceptionDetails.text}`,
        )
      if (
        message.method === 'Runtime.consoleAPICalled' &&
        ['error', 'warning', 'assert'].includes(params.type)
      )
        errors.push(
          `console.${params.type}: ${params.args.map((arg: any) => arg.value ?? arg.description).join(' ')}`,
        )
      if (message.method === 'Log.entryAdded' && ['error', 'warning'].includes(params.entry.level))
        errors.push(
          `${params.entry.source} ${params.entry.level}: ${params.entry.text} ${params.entry.url ?? ''}`,
        )
    }
    listeners.add(listener)
    try {
      await Promise.all(
        ['Runtime', 'Log', 'Network', 'Page'].map((domain) => send(`${domain}.enable`, {}, sessionId)),
      )
      await send('Page.navigate', { url }, sessionId)
      const evaluate = async (expression: string) =>
        (await send('Runtime.evaluate', { expression, returnByValue: true, userGesture: true }, sessionId))
          .result?.value
      const waitFor = async (expression: string) => {
        const deadline = Date.now() + 15_000
        const check = `(() => { try { return Boolean(${expression}) } catch { return false } })()`
        // A reload in between destroys the context: that evaluation fails and is tried again.
        while (!(await evaluate(check).catch(() => false))) {
          if (Date.now() > deadline) throw new Error(`${url}: not true in time: ${expression}`)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
      await waitFor(ready)
      await act?.({ evaluate, waitFor })
      // Late console messages (a failing subresource) arrive right after load.
      await new Promise((resolve) => setTimeout(resolve, 30))
      const html = await evaluate('document.documentElement.outerHTML')
      const text = await evaluate('(document.body ?? document.documentElement).innerText ?? ""')
      return { html, text, errors, requests }
    } finally {
      listeners.delete(listener)
      await send('Target.closeTarget', { targetId }).catch(() => undefined)
    }
  }

  return {
    visit,
    async close() {
      await send('Browser.close').catch(() => undefined)
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
      await rm(profile, { recursive: true, force: true })
    },
  }
}
