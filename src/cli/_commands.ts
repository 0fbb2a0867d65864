import type { Command } from './_command.js'
import { buildCommand, checkCommand } from './build.js'
import { importCommand } from './import.js'
import { initCommand } from './init.js'
import { serveCommand } from './serve.js'

/** Every command, in the order `kanal --help` lists them. */
export const COMMANDS: readonly Command[] = [
  buildCommand,
  checkCommand,
  initCommand,
  importCommand,
  serveCommand,
] as readonly Command[]

/** The long name of every option of any command: tells a misplaced option from a made-up one. */
export const ANY_COMMAND_OPTION: ReadonlySet<string> = new Set(COMMANDS.flatMap((command) => Object.keys(command.args)))
