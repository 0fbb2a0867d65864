import { parseArgs } from 'node:util'
import { suggest } from '../did-you-mean.js'
import { ContentError, SelfCheckError, UsageError } from '../errors.js'
import { VERSION } from '../version.js'
import { parseCommandLine } from './_command.js'
import { ANY_OPTION, COMMANDS } from './_commands.js'
import { EXIT } from './_exit.js'
import { toEnvironmentError } from './_file-system.js'
import { kanalHelp } from './_help.js'
import { safeLines } from './_printable.js'
import { type Io, reportUsageError } from './_report.js'

export { EXIT }

/** Runs kanal with command-line arguments; returns the exit code. The only place that prints. */
export async function runCli(argv: string[], io: Io, cwd = process.cwd()): Promise<number> {
  try {
    return await _dispatch(argv, io, cwd)
  } catch (thrown) {
    const error = toEnvironmentError(thrown, cwd) ?? thrown
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

/** Finds the command, then reads the rest of the command line with that command's options only. */
async function _dispatch(argv: string[], io: Io, cwd: string): Promise<number> {
  const at = _commandAt(argv)
  const name = argv[at]
  const command = COMMANDS.find((candidate) => candidate.meta.name === name)
  if (command === undefined) return _withoutCommand(argv, name, io)
  const { values, positionals } = parseCommandLine(command, argv.toSpliced(at, 1))
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return EXIT.ok
  }
  if (values.help) {
    io.stdout(command.help)
    return EXIT.ok
  }
  if (!command.positionals && positionals.length > 0) {
    throw new UsageError(
      `${name} takes no arguments (got "${positionals.join(' ')}"); see kanal ${name} --help`,
    )
  }
  return command.run({ values, positionals, io, cwd })
}

/**
 * Where the command word is: the first argument that is neither an option nor an option's value.
 * Options may come before the command (`kanal --now … build`), so this reads with every option of
 * every command, leniently; the command's own options are enforced afterwards.
 */
function _commandAt(argv: string[]): number {
  const { tokens } = parseArgs({
    args: argv,
    options: ANY_OPTION,
    allowPositionals: true,
    strict: false,
    tokens: true,
  })
  const first = tokens.find((token) => token.kind === 'positional')
  return first?.index ?? -1
}

/** `kanal`, `kanal --help`, `kanal help <command>`, `kanal --version` or an unknown command. */
function _withoutCommand(argv: string[], name: string | undefined, io: Io): number {
  const { values, positionals } = _parseAny(argv)
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return EXIT.ok
  }
  if (values.help || name === undefined || name === 'help') {
    const topic = name === 'help' ? positionals[1] : name
    io.stdout(COMMANDS.find((command) => command.meta.name === topic)?.help ?? kanalHelp(COMMANDS))
    return name === undefined && !values.help ? EXIT.usage : EXIT.ok
  }
  throw new UsageError(_unknownCommand(name))
}

/** Without a command, kanal reads every option of any command, as it always did. */
function _parseAny(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: ANY_OPTION, allowPositionals: true, strict: true })
  } catch (error) {
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1]
    const problem =
      (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option "${option}"`
        : (error as Error).message
    throw new UsageError(`${problem}; run kanal --help for the options`)
  }
}

/** `--reporter json` on the command line, read even when the rest of it could not be parsed. */
function _wantsJson(argv: string[]): boolean {
  return argv.some(
    (arg, index) => arg === '--reporter=json' || (arg === '--reporter' && argv[index + 1] === 'json'),
  )
}

function _unknownCommand(command: string): string {
  const names = [...COMMANDS.map((known) => known.meta.name), 'help']
  const near = suggest(command, names)
  const hint = near ? `did you mean ${near}? ` : ''
  return `unknown command ${JSON.stringify(command)}; ${hint}The commands are ${names.slice(0, -1).join(', ')}; run kanal --help for more`
}
