import { type BuildOptions, build, nowFromEnvironment } from '../build.js'
import { UsageError } from '../errors.js'
import { reportAgainstText, writeStepSummary } from './_against-report.js'
import type { OptionSpecs, OptionValues } from './_command.js'
import { createProgress } from './_progress.js'
import { type Io, reportJson, reportText } from './_report.js'

/** The options that say what to build from and how; build, check and serve share them. */
export const BUILD_INPUT_OPTIONS = {
  config: { type: 'string' },
  content: { type: 'string' },
  out: { type: 'string' },
  'site-url': { type: 'string' },
  now: { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  strict: { type: 'boolean' },
  reporter: { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  ping: { type: 'boolean' },
  threads: { type: 'string' },
} as const satisfies OptionSpecs

/** The publish guard's option: build and diff take it. */
export const AGAINST_OPTION = { against: { type: 'string' } } as const satisfies OptionSpecs

export type BuildValues = OptionValues<typeof BUILD_INPUT_OPTIONS> & OptionValues<typeof AGAINST_OPTION>

/** `--reporter`, checked: text unless json is asked for. */
export function reporterOf(values: BuildValues): 'text' | 'json' {
  const reporter = values.reporter ?? 'text'
  if (reporter !== 'text' && reporter !== 'json') {
    throw new UsageError(`--reporter must be text or json (got "${reporter}")`)
  }
  return reporter
}

/** The library's build options from the command line; `write` is false for check. */
export function buildOptionsOf(values: BuildValues, io: Io, cwd: string, write: boolean): BuildOptions {
  return {
    cwd,
    ...(values.config ? { config: values.config } : {}),
    ...(values.content ? { content: values.content } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(values['site-url'] ? { siteUrl: values['site-url'] } : {}),
    now: values.now ? _now(values.now) : nowFromEnvironment(io.env),
    drafts: values.drafts ?? false,
    future: values.future ?? false,
    strict: values.strict ?? false,
    ...(values['no-cache']
      ? { cache: false as const }
      : values['cache-dir']
        ? { cache: values['cache-dir'] }
        : {}),
    ping: values.ping ?? false,
    ...(values.threads ? { threads: _threads(values.threads) } : {}),
    write,
    ...(values.against ? { against: values.against } : {}),
  }
}

/** Builds once with progress on a terminal, then reports the result as text or JSON. */
export async function buildAndReport(
  options: BuildOptions,
  io: Io,
  command: 'build' | 'check' | 'diff',
  reporter: 'text' | 'json',
) {
  const started = performance.now()
  const progress = createProgress(io)
  const result = await build({ ...options, progress: progress.update })
  progress.done()
  const seconds = (performance.now() - started) / 1000
  if (result.against && reporter === 'text')
    reportAgainstText(result.against, command === 'diff' ? io.stdout : io.stderr)
  if (result.against) await writeStepSummary(result.against, io)
  if (reporter === 'json') reportJson(result, io, seconds)
  else reportText(result, io, command, seconds)
  return result
}

function _threads(value: string): number {
  const threads = Number(value)
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new UsageError(`--threads must be a whole number from 1 to 64 (got "${value}")`)
  }
  return threads
}

function _now(value: string): Date {
  const date = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now must be an ISO date like 2024-10-25T12:00:00+02:00 (got "${value}")`)
  }
  return date
}
