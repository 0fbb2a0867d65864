import path from 'node:path'
import { parseArgs } from 'node:util'
import { type BuildOptions, build, nowFromEnvironment } from '../build.js'
import { suggest } from '../did-you-mean.js'
import { ContentError, SelfCheckError, UsageError } from '../errors.js'
import { VERSION } from '../version.js'
import { safeLines } from './_printable.js'
import { HELP } from './help.js'
import { createProgress } from './progress.js'
import { type Io, reportJson, reportText, reportUsageError } from './report.js'

/** Exit codes: the contract CI scripts rely on. */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const

const _OPTIONS = {
  config: { type: 'string' },
  content: { type: 'string' },
  out: { type: 'string' },
  'site-url': { type: 'string' },
  now: { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  strict: { type: 'boolean' },
  reporter: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'cache-dir': { type: 'string' },
  ping: { type: 'boolean' },
  threads: { type: 'string' },
  port: { type: 'string' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

/** Runs kanal with command-line arguments; returns the exit code. The only place that prints. */
export async function runCli(argv: string[], io: Io, cwd = process.cwd()): Promise<number> {
  try {
    return await _dispatch(argv, io, cwd)
  } catch (error) {
    if (error instanceof UsageError) {
      reportUsageError(error, io, _wantsJson(argv))
      io.stderr(`kanal: ${safeLines(error.message)}\n`)
      return EXIT.usage
    }
    if (error instanceof ContentError) {
      io.stderr(`${safeLines(error.message)}\n`)
      return EXIT.content
    }
    if (error instanceof SelfCheckError) {
      io.stderr(`kanal: ${safeLines(error.message)}\nPlease report this with the article that causes it.\n`)
      return EXIT.internal
    }
    io.stderr(
      `kanal: internal error (a bug in kanal; please report it):\n${safeLines(String((error as Error)?.stack ?? error))}\n`,
    )
    return EXIT.internal
  }
}

async function _dispatch(argv: string[], io: Io, cwd: string): Promise<number> {
  const { values, positionals } = _parse(argv)
  const [command, ...rest] = positionals
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return EXIT.ok
  }
  if (values.help || command === undefined || command === 'help') {
    io.stdout(HELP[command === 'help' ? (rest[0] ?? 'kanal') : (command ?? 'kanal')] ?? HELP.kanal ?? '')
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok
  }
  switch (command) {
    case 'build':
    case 'check':
      _noPositionals(command, rest)
      return _build(command, values, io, cwd)
    case 'init': {
      _noPositionals(command, rest)
      const { initProject } = await import('./init.js')
      const created = await initProject(cwd, values.content)
      io.stderr(`kanal init: created ${created.join(' and ')}. Next: npx kanal build\n`)
      return EXIT.ok
    }
    case 'import':
      return (await import('./import.js')).runImport(rest, values, io, cwd)
    case 'serve':
      _noPositionals(command, rest)
      return _serve(values, io, cwd)
    default:
      throw new UsageError(_unknownCommand(command))
  }
}

/** `--reporter json` on the command line, read even when the rest of it could not be parsed. */
function _wantsJson(argv: string[]): boolean {
  return argv.some(
    (arg, index) => arg === '--reporter=json' || (arg === '--reporter' && argv[index + 1] === 'json'),
  )
}

const _COMMANDS = ['build', 'check', 'init', 'import', 'serve', 'help']

function _unknownCommand(command: string): string {
  const near = suggest(command, _COMMANDS)
  const hint = near ? `did you mean ${near}? ` : ''
  return `unknown command ${JSON.stringify(command)}; ${hint}The commands are ${_COMMANDS.slice(0, -1).join(', ')}; run kanal --help for more`
}

type _Values = ReturnType<typeof _parse>['values']

async function _build(command: 'build' | 'check', values: _Values, io: Io, cwd: string): Promise<number> {
  const reporter = values.reporter ?? 'text'
  if (reporter !== 'text' && reporter !== 'json') {
    throw new UsageError(`--reporter must be text or json (got "${reporter}")`)
  }
  const result = await _buildAndReport(_buildOptions(values, io, cwd, command), io, command, reporter)
  return result.ok ? EXIT.ok : EXIT.content
}

/** Builds once, then serves the output and rebuilds whenever the content changes, until interrupted. */
async function _serve(values: _Values, io: Io, cwd: string): Promise<number> {
  const port = Number(values.port ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a port number like 8080 (got "${values.port}")`)
  }
  const options = _buildOptions(values, io, cwd, 'build')
  await _buildAndReport(options, io, 'build', 'text')
  const { serveOutput } = await import('../serve/serve.js')
  const server = await serveOutput({
    root: path.resolve(cwd, options.out ?? 'dist'),
    port,
    watch: {
      dir: path.resolve(cwd, options.content ?? 'content'),
      onChange: async () => {
        // "now" moves on while the server runs, unless --now fixed it.
        const again = values.now ? options : { ...options, now: nowFromEnvironment(io.env) }
        await _buildAndReport(again, io, 'build', 'text').catch((error: Error) => {
          io.stderr(`kanal serve: rebuild failed: ${safeLines(error.message)}\n`)
        })
      },
    },
  })
  io.stderr(`kanal serve: ${server.url} (rebuilds when content changes; Ctrl+C stops)\n`)
  await new Promise((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.close()
  return EXIT.ok
}

function _buildOptions(values: _Values, io: Io, cwd: string, command: 'build' | 'check'): BuildOptions {
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
    write: command === 'build',
  }
}

async function _buildAndReport(options: BuildOptions, io: Io, command: 'build' | 'check', reporter: string) {
  const started = performance.now()
  const progress = createProgress(io)
  const result = await build({ ...options, onProgress: progress.update })
  progress.done()
  const seconds = (performance.now() - started) / 1000
  if (reporter === 'json') reportJson(result, io, seconds)
  else reportText(result, io, command, seconds)
  return result
}

function _parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: _OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1]
    const problem =
      (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option "${option}"`
        : (error as Error).message
    throw new UsageError(`${problem}; run kanal --help for the options`)
  }
}

function _noPositionals(command: string, rest: string[]): void {
  if (rest.length > 0)
    throw new UsageError(
      `${command} takes no arguments (got "${rest.join(' ')}"); see kanal ${command} --help`,
    )
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
