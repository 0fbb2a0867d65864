import { parseArgs } from 'node:util'

export const USAGE = `Usage: npm run bench -- [options]

Measures kanal (node lib/cli.js build) on generated German corpora and on the shipped content/,
next to two floors: reading every file, and reading the first 1 KB of every file.

Options:
  --sizes <list>   corpus sizes, comma-separated (default: 1000,10000,100000); content/ is always measured
  --runs <n>       measured runs per scenario (default: 5, and 3 for 100,000 or more)
  --keep           keep the generated corpora in the temp folder, to reuse them next time
  --write          also write the table, machine and command to docs/benchmarks.md
  --no-gnu-time    take CPU and RSS from a Node runner even when /usr/bin/time exists
  -h, --help       show this help
`

/** The bench's options from its command line; throws with a readable message on bad input. */
export function parseBenchArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      runs: { type: 'string' },
      keep: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      'no-gnu-time': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const sizes = values.sizes.split(',').map((text) => Number(text.trim().replace(/_/g, '')))
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`--sizes must be whole numbers like 1000,10000 (got "${values.sizes}")`)
  }
  const runs = values.runs === undefined ? undefined : Number(values.runs)
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) {
    throw new Error(`--runs must be a whole number of at least 1 (got "${values.runs}")`)
  }
  return {
    sizes,
    runs,
    keep: values.keep,
    write: values.write,
    gnuTime: !values['no-gnu-time'],
    help: values.help,
  }
}

/** Runs per scenario: --runs, or 5 (3 from 100,000 articles, where one build takes minutes). */
export function runsFor(size, runs) {
  return runs ?? (size >= 100_000 ? 3 : 5)
}
