import { parseArgs } from 'node:util'
import { suggest } from '../did-you-mean.js'
import { UsageError } from '../errors.js'
import type { Io } from './_report.js'

/** One option of a command: a flag (`boolean`) or an option that takes a value (`string`). */
export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
}

/** A command's options by long name, without the leading `--`. */
export type OptionSpecs = Record<string, OptionSpec>

/** What parsing a command line with `Options` gives: a string or boolean per option given. */
export type OptionValues<Options extends OptionSpecs> = {
  [Name in keyof Options]?: Options[Name]['type'] extends 'boolean' ? boolean : string
}

/** What a command's `run` gets: its own options, its arguments and where to print. */
export interface CommandContext<Options extends OptionSpecs> {
  values: OptionValues<Options>
  positionals: string[]
  io: Io
  cwd: string
}

/** A command: its name and help, the options it accepts and what it does. Returns the exit code. */
export interface Command<Options extends OptionSpecs = OptionSpecs> {
  meta: { name: string; description: string }
  /** The text `kanal <name> --help` prints. */
  help: string
  args: Options
  /** False (the default): any argument that is not an option is a usage error. */
  positionals?: boolean
  run(context: CommandContext<Options>): Promise<number>
}

/**
 * Declares a command. It only checks the declaration and pins down its types, so a command file
 * reads as a plain object while `run` sees exactly the options it declared.
 */
export function defineCommand<const Options extends OptionSpecs>(
  command: Command<Options>,
): Command<Options> {
  for (const name of Object.keys(command.args)) {
    if (name === 'help' || name === 'version')
      throw new Error(`kanal bug: --${name} is global, not ${command.meta.name}'s`)
  }
  return command
}

/** The options every command accepts besides its own. */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies OptionSpecs

/**
 * The command line parsed with a command's options. An option it does not declare is a usage error
 * that names the options it has.
 */
export function parseCommandLine<Options extends OptionSpecs>(
  command: Command<Options>,
  argv: string[],
): { values: OptionValues<Options> & { help?: boolean; version?: boolean }; positionals: string[] } {
  const options = { ...command.args, ...GLOBAL_OPTIONS }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
    return { values: values as OptionValues<Options>, positionals }
  } catch (error) {
    throw new UsageError(_problem(error as NodeJS.ErrnoException, command))
  }
}

/** The option names a command accepts, as typed: `--config, --content, …`. */
export function optionList(command: Command): string {
  return Object.keys(command.args)
    .map((name) => `--${name}`)
    .join(', ')
}

function _problem(error: NodeJS.ErrnoException, command: Command): string {
  const { name } = command.meta
  const option = /'(-[^']*)'/.exec(error.message)?.[1]
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !option) {
    return `${error.message}; run kanal --help for the options`
  }
  const typed = option.replace(/^-+/, '').replace(/=.*$/, '')
  const near = suggest(typed, Object.keys(command.args))
  const hint = near ? `did you mean --${near}? ` : ''
  return `unknown option "${option}" for kanal ${name}; ${hint}its options are ${optionList(command)}; run kanal ${name} --help`
}
