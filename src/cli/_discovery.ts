import { nowFromEnvironment } from '../build.js'
import { discoveryTags } from '../discovery.js'
import { defineCommand } from './_command.js'
import { EXIT } from './_exit.js'
import { oneLine } from './_printable.js'

const _HELP = `Usage: kanal discovery [options]

Prints the <link rel="alternate"> tags of the feeds (RSS, Atom, JSON Feed), one per line, for the
<head> of your site's layout. Their URLs follow siteUrl and feedPath, as in the feeds themselves.

Options:
  --config <file>      config file (default: kanal.config.json)
  --content <dir>      content folder, read with --categories (default: content)
  --site-url <url>     use this siteUrl instead of the config's
  --categories         also the tags of every category feed the content has
  -h, --help           show this help
`

/** `kanal discovery`: the discovery tags of the site's feeds, on stdout. */
export const discoveryCommand = defineCommand({
  meta: { name: 'discovery', description: 'print the <link rel="alternate"> tags of the feeds for a layout' },
  help: _HELP,
  args: {
    config: { type: 'string' },
    content: { type: 'string' },
    'site-url': { type: 'string' },
    categories: { type: 'boolean' },
  },
  async run({ values, io, cwd }) {
    const result = await discoveryTags({
      cwd,
      ...(values.config ? { config: values.config } : {}),
      ...(values.content ? { content: values.content } : {}),
      ...(values['site-url'] ? { siteUrl: values['site-url'] } : {}),
      now: nowFromEnvironment(io.env),
      categories: values.categories ?? false,
    })
    for (const error of result.errors) io.stderr(`${oneLine(error.message)}\n`)
    if (result.errors.length > 0) {
      io.stderr(`kanal discovery: ${result.errors.length} error(s) in the content; fix them first\n`)
      return EXIT.content
    }
    io.stdout(`${result.tags.join('\n')}\n`)
    return EXIT.ok
  },
})
