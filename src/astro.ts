import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIntoSite, type EmbedMessage, type EmbedOptions } from './embed.js'
import { toFeedPath } from './site-paths.js'

export type { EmbedOptions as KanalAstroOptions } from './embed.js'

/** The parts of Astro's integration API the integration uses (Astro 5). */
interface Logger {
  warn(message: string): void
  error(message: string): void
}
interface AstroConfigPart {
  site?: string | undefined
  root: URL
  publicDir: URL
  base?: string
}
/** Node's request and response, as far as the types a user's project sees go (no @types/node needed). */
interface DevRequest {
  url?: string | undefined
}
interface DevResponse {
  setHeader(name: string, value: string): unknown
}
interface DevServer {
  middlewares: { use(handler: (req: DevRequest, res: DevResponse, next: () => void) => void): void }
  watcher: {
    add(paths: string): void
    on(event: 'all', listener: (event: string, file: string) => void): void
  }
}

/** What `integrations: [kanal(options)]` gets: a plain Astro integration object. */
export interface KanalAstroIntegration {
  name: 'kanal'
  hooks: {
    'astro:config:done': (options: { config: AstroConfigPart }) => void
    'astro:build:done': (options: { dir: URL; logger: Logger }) => Promise<void>
    'astro:server:setup': (options: { server: DevServer; logger: Logger }) => Promise<void>
  }
}

const _NAME = 'kanal options (astro integrations)'

const _TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.xsl': 'text/xsl; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
}

/**
 * The Astro 5 integration: `integrations: [kanal({ title, content: 'src/content/blog' })]`. The site
 * URL is Astro's `site` unless the options give `siteUrl`. `astro build` gets the feeds in its output
 * folder at `feedPath`; `astro dev` serves them from there too, built again when an article changes.
 * Problems go to Astro's logger; errors fail the build.
 */
export default function kanalAstro(options: EmbedOptions = {}): KanalAstroIntegration {
  let config: AstroConfigPart | undefined
  const run = (outputDir: string, publicDir?: string) => {
    if (!config) throw new Error('kanal: astro:config:done did not run')
    const cwd = fileURLToPath(config.root)
    return buildIntoSite(options, {
      name: _NAME,
      cwd,
      outputDir,
      siteUrl: config.site,
      ...(publicDir ? { publicDir } : {}),
    })
  }
  return {
    name: 'kanal',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { messages } = await run(fileURLToPath(dir)).catch((error: Error) => ({
          messages: [{ type: 'error' as const, message: error.message }],
        }))
        _log(logger, messages)
        if (messages.some((message) => message.type === 'error')) {
          throw new Error('kanal: the feeds were not built; see the errors above')
        }
      },
      'astro:server:setup': async ({ server, logger }) => {
        if (!config) return
        const cwd = fileURLToPath(config.root)
        const publicDir = fileURLToPath(config.publicDir)
        const devDir = path.join(cwd, 'node_modules/.cache/kanal/astro-dev')
        const feedPath = toFeedPath(options.feedPath ?? '/') ?? '/'
        const rebuild = async () => {
          const { messages } = await run(devDir, publicDir).catch((error: Error) => ({
            messages: [{ type: 'error' as const, message: error.message }],
          }))
          _log(logger, messages)
        }
        await rebuild()
        const contentDir = path.resolve(cwd, options.content ?? 'content')
        server.watcher.add(contentDir)
        server.watcher.on('all', (_event, file) => {
          if (path.resolve(file).startsWith(`${contentDir}${path.sep}`)) void rebuild()
        })
        server.middlewares.use((req, res, next) => {
          const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
          const devOut = path.join(devDir, ...feedPath.split('/').filter(Boolean))
          if (!pathname.startsWith(feedPath) || pathname.endsWith('/')) return next()
          const file = path.join(devOut, ...pathname.slice(feedPath.length).split('/'))
          if (!file.startsWith(`${devOut}${path.sep}`) || !existsSync(file) || !statSync(file).isFile())
            return next()
          res.setHeader('Content-Type', _TYPES[path.extname(file)] ?? 'application/octet-stream')
          createReadStream(file).pipe(res as ServerResponse)
        })
      },
    },
  }
}

function _log(logger: Logger, messages: EmbedMessage[]): void {
  for (const { type, message } of messages) logger[type](message)
}
