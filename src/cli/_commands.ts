import { adoptCommand } from './_adopt.js'
import { buildCommand, checkCommand } from './_build.js'
import { type Command, GLOBAL_OPTIONS, type OptionSpecs } from './_command.js'
import { diffCommand } from './_diff.js'
import { discoveryCommand } from './_discovery.js'
import { importCommand } from './_import.js'
import { initCommand } from './_init.js'
import { serveCommand } from './_serve.js'

/** Every command, in the order `kanal --help` lists them. */
export const COMMANDS: readonly Command[] = [
  buildCommand,
  checkCommand,
  diffCommand,
  initCommand,
  importCommand,
  serveCommand,
  adoptCommand,
  discoveryCommand,
]

/**
 * Every option of any command, plus the global ones. Used where the command is not known yet (to
 * find it, and for `kanal --help`), and to tell a misplaced option from a made-up one.
 */
export const ANY_OPTION: OptionSpecs = Object.assign(
  {},
  ...COMMANDS.map((command) => command.args),
  GLOBAL_OPTIONS,
)
