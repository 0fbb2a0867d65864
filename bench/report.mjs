import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GENERATOR_VERSION } from './corpus.mjs'
import { HUGO_ITEMS } from './hugo.mjs'

/** The command that produced the numbers, as the reader would type it again. */
export function benchCommand(argv) {
  const args = argv.join(' ')
  if (process.env.npm_lifecycle_event === 'bench') return args ? `npm run bench -- ${args}` : 'npm run bench'
  return `node bench/run.mjs${args ? ` ${args}` : ''}`
}

/** Writes docs/benchmarks.md: machine, date, command, the table and how to read it. */
export function writeReport(file, { table, notes, machine, kanal, date, command }) {
  const text = `# Benchmarks

Measured with \`${command}\` on ${date}. Re-run with the same command; the corpus is generated
deterministically (\`bench/corpus.mjs\`), so the numbers compare across machines and commits.

| | |
|---|---|
| kanal | ${kanal} |
| CPU | ${machine.cpu} |
| cores | ${machine.cores} |
| RAM | ${machine.ramGb} GB |
| Node | ${machine.node} |
| OS | ${machine.os} |

${table}

${notes.map((note) => `- ${note}`).join('\n')}
`
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** How to read the table: method, corpus, cache, and any warning of this run. */
export function buildNotes({ cache, timer, warnings, load, hugo }) {
  return [
    'Median of each number over the measured runs; each scenario had one warm-up run first, and the OS page cache was not dropped: these are warm-cache numbers.',
    `Wall = performance.now() from spawn to exit of the child; CPU = its user + sys time, peak RSS = its maximum resident set (${timer === 'gnu-time' ? "GNU time -f '%e %U %S %M'" : 'process.resourceUsage() in a Node runner'}).`,
    `Corpus: bench/corpus.mjs v${GENERATOR_VERSION}, German articles with 1–8 KB bodies, dated 2015–2025, 13 categories; config limit 50 with category feeds. Generating it is not timed. content/ is the repo's own content and kanal.config.json.`,
    cache.cacheDir
      ? 'Cold = empty --cache-dir and output folder per run; "nothing changed" = build again with the cache and output of the warm-up build; "newest article changed" = the same, after appending one sentence to the newest article (restored afterwards).'
      : 'Cache not supported by this kanal build (build --help does not mention --cache-dir): only cold builds were measured.',
    hugo
      ? `Peer: ${hugo} on a copy of each generated corpus (dates rewritten as ISO 8601, which Hugo needs), building only its RSS feed with the ${HUGO_ITEMS} newest articles in full (bench/hugo.mjs: no pages, sections, taxonomies or sitemap); "nothing changed" builds again into the same output folder, "newest article changed" appends the same sentence as for kanal. Each Hugo scenario runs alternately with kanal's, run by run; its ratio is the median of the ratios of each pair (range in brackets).`
      : 'Peer: Hugo is not installed (no hugo on the PATH), so the table has no Hugo rows or ratios.',
    'Floors (bench/floors.mjs, bench/README.md): the list-and-stat floor runs alternately with the "nothing changed" rebuild, the minimal build with the cold build, the minimal edit with the "newest article changed" rebuild, run by run; ratios marked "pair by pair" are medians of the ratios of each pair (range in brackets), the others ratios of medians.',
    `Load average (1 min) of the machine: ${load.map((value) => value.toFixed(2)).join(' at start, ')} at end, on ${os.availableParallelism()} cores; other work on the machine inflates wall times more than CPU times.`,
    ...warnings,
  ]
}
