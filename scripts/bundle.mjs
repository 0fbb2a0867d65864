// Bundles the CLI and the worker thread (lib/cli.js, lib/worker.js), after tsc has compiled the
// library. Loading a few files instead of ~100 modules halves kanal's start-up, which dominates builds
// of small sites. Code that only some runs need (Markdown and the sanitiser, YAML, serve, import,
// WebSub) is imported dynamically and split into lib/chunks/, so a rebuild from the cache never
// compiles it.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

// Chunk names carry a hash of their contents: without this, every rebuild would leave the old ones.
rmSync('lib/chunks', { recursive: true, force: true })

// The offsets of the zones German-language sites use, 1970–2100, read now from this Node's Intl and
// written into the bundle, so that a build need not start ICU's time zone data (src/dates/_offset.ts;
// used only while Node's time zone data is this version).
const { readTransitions } = await import('../lib/dates/_offset.js')
const span = [Date.UTC(1970, 0, 1), Date.UTC(2100, 0, 1)]
const zones = Object.fromEntries(
  ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'].map((zone) => [zone, readTransitions(zone, ...span)]),
)
const transitions = process.versions.tz ? { tz: process.versions.tz, zones } : undefined

await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/fast/worker.ts' },
  outdir: 'lib',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  define: { __KANAL_TRANSITIONS__: JSON.stringify(transitions ?? null) },
  // CommonJS dependencies (sanitize-html) require Node's built-ins; ESM output needs a real `require`.
  banner: {
    js: "import { createRequire as __kanalRequire } from 'node:module'; const require = __kanalRequire(import.meta.url);",
  },
})
