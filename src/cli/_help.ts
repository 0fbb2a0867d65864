import type { Command } from './_command.js'

/** `kanal --help`: the commands with their descriptions (each command's own help is in its file). */
export function kanalHelp(commands: readonly Command[]): string {
  // One column for the descriptions, at least one space after the longest command name.
  const width = Math.max(9, ...commands.map((command) => command.meta.name.length + 1))
  const lines = commands.map((command) => `  ${command.meta.name.padEnd(width)}${command.meta.description}`)
  return `kanal – builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 from Markdown articles

Usage: kanal <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also: kanal <command> --help)
  -v, --version  show the version

Exit codes: 0 success, 1 content errors, 2 usage or config errors, 3 internal error (a bug in kanal)
`
}
