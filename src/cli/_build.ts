import path from 'node:path'
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
import { rebuild, untilStopped, watchedSources } from './_watch-loop.js'

const _BUILD_HELP = `Usage: kanal build [options]

Builds every feed from the content folder and writes it to the output folder, all or nothing.

Options:
  --config <file>      config file (default: kanal.config.json)
  --content <dir>      content folder (default: content)
  --out <dir>          output folder (default: dist)
  --site-url <url>     use this siteUrl instead of the config's (preview deployments)
  --now <date>         "now" for leaving out future articles (ISO 8601; default: SOURCE_DATE_EPOCH or the clock)
  --drafts             include articles with draft: true
  --future             include articles dated after now
  --strict             treat warnings as errors
  --reporter <name>    text (default) or json
  --cache-dir <dir>    cache folder (default: node_modules/.cache/kanal)
  --no-cache           neither read nor write the cache
  --ping               notify the config's WebSub hubs of every feed that changed
  --threads <n>        threads for reading and rendering (default: up to 2, the
                       helper only for first builds of 20,000+ articles)
  --watch              build again whenever the content folder or the config file changes,
                       until Ctrl+C (text reports only; kanal serve also serves the output)
  --against <place>    first compare with the published feeds (previous output folder, feed file or
                       site URL); stop before writing if an article would reach subscribers again as new
  -h, --help           show this help
`

// check takes build's options, as the README promises ("the same options"): --out still matters
// (the output folder may not hold the content or the config), and the cache and threads speed it up.
const _CHECK_HELP = `Usage: kanal check [options]

Validates the config and every article exactly as build does, and writes nothing.

Options:
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
  --ping               accepted as for build; check writes nothing, so it notifies no hub
  --threads <n>        threads for reading and rendering (as for build)
  -h, --help           show this help
`

/** build and check: the same options and pipeline; check validates everything and writes nothing. */
function _buildCommand(name: 'build' | 'check', description: string, help: string) {
  return defineCommand({
    meta: { name, description },
    help,
    // Only build guards what it publishes; check writes nothing (kanal diff compares without writing).
    args: name === 'build' ? { ...BUILD_INPUT_OPTIONS, ...AGAINST_OPTION } : BUILD_INPUT_OPTIONS,
    async run({ values, io, cwd }) {
      const reporter = reporterOf(values)
      const options = buildOptionsOf(values, io, cwd, name === 'build')
      const result = await buildAndReport(options, io, name, reporter)
      return result.ok ? EXIT.ok : EXIT.content
    },
  })
}

/** `kanal build`: check's pipeline writing its output, and `--watch` to keep building on change. */
export const buildCommand = defineCommand({
  meta: { name: 'build', description: 'build the feeds from the content folder into the output folder' },
  help: _BUILD_HELP,
  args: { ...BUILD_INPUT_OPTIONS, ...AGAINST_OPTION, watch: { type: 'boolean' } },
  async run({ values, io, cwd }) {
    const reporter = reporterOf(values)
    const options = buildOptionsOf(values, io, cwd, true)
    if (values.watch && reporter !== 'text')
      throw new UsageError('kanal build --watch reports as text only (got --reporter json)')
    const result = await buildAndReport(options, io, 'build', reporter)
    if (!values.watch) return result.ok ? EXIT.ok : EXIT.content
    const { watchSources } = await import('../serve/watch.js')
    const sources = watchedSources(options, cwd)
    const out = path.resolve(cwd, options.out ?? 'dist')
    const watching = await watchSources(
      { dirs: [sources.dir], files: sources.files },
      async () => {
        await rebuild(options, values.now !== undefined, io)
      },
      (file) => file === out || file.startsWith(`${out}${path.sep}`),
    )
    io.stderr('kanal build: watching the content folder and the config (Ctrl+C stops)\n')
    await untilStopped()
    await watching.close()
    return EXIT.ok
  },
})

export const checkCommand = _buildCommand(
  'check',
  'validate config and content like build, write nothing',
  _CHECK_HELP,
)
