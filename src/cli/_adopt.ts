import { defineCommand } from './_command.js'
import { EXIT } from './_exit.js'
import { oneLine, safeLines } from './_printable.js'

const _HELP = `Usage: kanal adopt <feed file|URL>... [options]

Takes over the ids an earlier generator published, so subscribers see nothing new after the switch:
for each item of the old feeds (RSS, Atom or JSON Feed) it finds the article (by link path, then by
title and date) and adds its old id to the front matter as one line, id: "<old id>". Every other byte
of the file stays as it was. An article that already sets another id is left alone (and reported).

Options:
  --content <dir>      content folder (default: content)
  --config <file>      config file, for siteUrl and permalink (default: kanal.config.json)
  --dry-run            print what would be written, write nothing
  --force              replace an id the article already sets
  -h, --help           show this help
`

/** `kanal adopt <feed>…`: the old feeds are its arguments. */
export const adoptCommand = defineCommand({
  meta: { name: 'adopt', description: "take over the ids of an old feed into the articles' front matter" },
  help: _HELP,
  args: {
    content: { type: 'string' },
    config: { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  positionals: true,
  async run({ positionals, values, io, cwd }) {
    // Loaded only here: a build never needs it.
    const { adopt } = await import('../guard/adopt.js')
    const dryRun = values['dry-run'] ?? false
    const result = await adopt({
      cwd,
      feeds: positionals,
      ...(values.content ? { content: values.content } : {}),
      ...(values.config ? { config: values.config } : {}),
      dryRun,
      force: values.force ?? false,
    })
    const verb = dryRun ? 'would add' : 'added'
    for (const adopted of result.adopted) {
      const what = adopted.replaced
        ? `${dryRun ? 'would replace' : 'replaced'} ${JSON.stringify(adopted.replaced)} by`
        : verb
      const line = `${oneLine(adopted.file)}: ${what} id: ${oneLine(JSON.stringify(adopted.id))}\n`
      if (dryRun) io.stdout(line)
      else io.stderr(line)
    }
    for (const conflict of result.conflicts)
      io.stderr(
        `${oneLine(conflict.file)}: warning: sets its own id ${JSON.stringify(conflict.current)}, the old feed has ${JSON.stringify(conflict.id)}; left alone (--force replaces it)\n`,
      )
    for (const item of result.unmatched)
      io.stderr(
        `${oneLine(item.source)}: note: no article matches ${JSON.stringify(oneLine(item.title ?? ''))} (${oneLine(item.link ?? item.id)}); its id was not adopted\n`,
      )
    for (const error of result.errors) io.stderr(`${safeLines(error.message)}\n`)
    const n = result.adopted.length
    io.stderr(
      `kanal adopt: ${dryRun ? 'would adopt' : 'adopted'} ${n} ${n === 1 ? 'id' : 'ids'}, ${result.unchanged} already in place, ${result.conflicts.length} left alone, ${result.unmatched.length} unmatched, ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}${result.errors.length > 0 ? ' (nothing written)' : ''}\n`,
    )
    return result.errors.length > 0 ? EXIT.content : EXIT.ok
  },
})
