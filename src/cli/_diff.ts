import { UsageError } from '../errors.js'
import {
  AGAINST_OPTION,
  BUILD_INPUT_OPTIONS,
  buildAndReport,
  buildOptionsOf,
  reporterOf,
} from './_build-run.js'
import { defineCommand } from './_command.js'
import { EXIT } from './_exit.js'

const _HELP = `Usage: kanal diff --against <folder|feed file|URL> [options]

Builds in memory and compares every subscription feed with the published one: new, updated and left
items, and identity breaks (a published article under another id, a moved published date, two articles
sharing one id), which would make readers show old articles as new. Writes nothing.
Exit code 1 when there is an identity break (or a content error), 0 otherwise.

Options:
  --against <place>    the published feeds: a previous output folder, one feed file (RSS, Atom or
                       JSON Feed, from any generator), or the site's URL (https://example.de/)
  --config <file>      config file (default: kanal.config.json)
  --content <dir>      content folder (default: content)
  --out <dir>          output folder whose place is checked (default: dist)
  --site-url <url>     use this siteUrl instead of the config's
  --now <date>         "now" for leaving out future articles (ISO 8601)
  --drafts             include articles with draft: true
  --future             include articles dated after now
  --strict             treat warnings as errors
  --reporter <name>    text (default) or json
  --cache-dir <dir>    cache folder to read (default: node_modules/.cache/kanal)
  --no-cache           do not read the cache
  --ping               accepted as for build; diff writes nothing, so it notifies no hub
  --threads <n>        threads for reading and rendering (as for build)
  -h, --help           show this help

With GITHUB_STEP_SUMMARY set (GitHub Actions), a Markdown summary is appended to that file.
`

/** `kanal diff --against …`: what subscribers would see, without writing anything. */
export const diffCommand = defineCommand({
  meta: {
    name: 'diff',
    description: 'compare the feeds with the published ones: what subscribers would see',
  },
  help: _HELP,
  args: { ...BUILD_INPUT_OPTIONS, ...AGAINST_OPTION },
  async run({ values, io, cwd }) {
    if (!values.against)
      throw new UsageError(
        'diff needs --against <folder|feed file|URL>: the feeds as published; see kanal diff --help',
      )
    const reporter = reporterOf(values)
    const result = await buildAndReport(buildOptionsOf(values, io, cwd, false), io, 'diff', reporter)
    return result.ok ? EXIT.ok : EXIT.content
  },
})
