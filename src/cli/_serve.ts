import path from 'node:path'
import { UsageError } from '../errors.js'
import { BUILD_INPUT_OPTIONS, buildAndReport, buildOptionsOf, reporterOf } from './_build-run.js'
import { defineCommand } from './_command.js'
import { EXIT } from './_exit.js'
import { problemsOf, rebuild, untilStopped, watchedSources } from './_watch-loop.js'

const _HELP = `Usage: kanal serve [options]

Builds the feeds, serves the output folder on 127.0.0.1 with the right media types and ETags, and
rebuilds whenever a file in the content folder or the config file changes (however the editor
saves). Open pages reload after each rebuild; while the build fails, browsers see its errors.
Stop it with Ctrl+C.

Options:
  --port <number>      port (default: 8080; 0 picks a free one and prints it)
  --config, --content, --out, --site-url, --now, --drafts, --future, --strict, --cache-dir, --no-cache,
  --ping, --threads    as for kanal build
  --reporter text      the only reporter: serve reports each build as text
  -h, --help           show this help
`

/** `kanal serve`: builds once, then serves the output and rebuilds on every content change. */
export const serveCommand = defineCommand({
  meta: {
    name: 'serve',
    description: 'build, serve the output on localhost and rebuild when content changes',
  },
  help: _HELP,
  // The README promises serve build's options. A JSON report per rebuild is no stream anyone reads,
  // so --reporter is accepted for text only rather than ignored.
  args: { port: { type: 'string' }, ...BUILD_INPUT_OPTIONS },
  async run({ values, io, cwd }) {
    const port = Number(values.port ?? 8080)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a port number like 8080 (got "${values.port}")`)
    }
    if (reporterOf(values) !== 'text')
      throw new UsageError('kanal serve reports as text only (got --reporter json)')
    const options = buildOptionsOf(values, io, cwd, true)
    const first = await buildAndReport(options, io, 'build', 'text')
    const { serveOutput } = await import('../serve/serve.js')
    const server = await serveOutput({
      root: path.resolve(cwd, options.out ?? 'dist'),
      port,
      problems: problemsOf(first, options.strict ?? false),
      watch: {
        ...watchedSources(options, cwd),
        onChange: () => rebuild(options, values.now !== undefined, io),
      },
    })
    io.stderr(`kanal serve: ${server.url} (rebuilds when content or config change; Ctrl+C stops)\n`)
    await untilStopped()
    await server.close()
    return EXIT.ok
  },
})
