#!/usr/bin/env node
/**
 * Compares the output of two kanal checkouts byte by byte, for refactorings that must not change a
 * single output byte.
 *
 *   node scripts/compare-output.mjs --before <dir> --after <dir> [--sizes 1000,10000] [--prepare]
 *
 * Each dir is a kanal checkout with a built lib/cli.js (`npm run prepare`; `--prepare` runs it in both).
 * Inputs: the repo's own content/ with kanal.config.json, every tests/fixtures/…/ folder with a
 * content/ folder and a kanal.config.json (both taken from the --after checkout; fixtures the tests
 * expect to fail are compared by exit code, stderr and JSON only), and bench corpora of the given sizes
 * (`node bench/corpus.mjs <dir> <count>` of the --after checkout; `--sizes 0` leaves them out).
 *
 * Each side builds its own copy of each input (same relative paths, so messages match) with
 * `node <checkout>/lib/cli.js build --config kanal.config.json --content content --out out/<variant>
 * --now <fixed> --reporter json`, TZ=UTC and SOURCE_DATE_EPOCH unset. Variants: cache on (a fresh
 * --cache-dir: first build, unchanged second build, third build after changing one article's mtime,
 * fourth after appending a sentence to it; the article is restored afterwards),
 * --no-cache (also once with the text reporter, to compare stderr), --threads 1 and --threads 3 with
 * --no-cache and with the cache. After every build it compares the whole output folder (hidden files
 * such as .kanal-manifest.json included), the exit code, stderr and the JSON report without `seconds`.
 * `stats` differences are reported as warnings ("stats differ"), not failures.
 *
 * Prints one line per comparison (`same  …` / `DIFF  …` / `warn  …`) and a summary; exits 1 if any
 * output, exit code, stderr or report differs, 2 on wrong usage.
 *
 * Other options: --now <iso> (default 2026-12-01T12:00:00+01:00), --only <text> (inputs whose name
 * contains it), --keep (keep the temp folder), --help.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `Usage: node scripts/compare-output.mjs --before <dir> --after <dir> [options]

Builds the same inputs with two kanal checkouts and compares the output byte by byte.

Options:
  --before <dir>     kanal checkout before the change (needs lib/cli.js)
  --after <dir>      kanal checkout after the change (its content/, fixtures and bench/ are used)
  --sizes <list>     bench corpus sizes (default 1000,10000; 0 for none)
  --prepare          run npm run prepare in both checkouts first
  --now <iso>        the fixed "now" of every build (default 2026-12-01T12:00:00+01:00)
  --only <text>      only inputs whose name contains <text>
  --keep             keep the temp folder with every input and output
  -h, --help         show this help

Exit codes: 0 all the same, 1 something differs, 2 usage error
`

/** Fixture builds the tests expect to fail (exit code 1, nothing written). */
const EXPECTED_FAILURES = new Map([
  ['fixtures/syndication/slug-collision', 'two categories share a slug'],
  ['fixtures/hostile/encodings (content: broken)', 'Latin-1 files'],
])

/** Extra content folders the tests build from a fixture, beside `content/`. */
const EXTRA_CONTENT = new Map([['hostile/encodings', ['broken']]])

const DEFAULT_NOW = '2026-12-01T12:00:00+01:00'

/**
 * The variants each input is built in: a name, the flags, and whether it keeps a cache over three
 * steps (first build, unchanged rebuild, rebuild after one article's mtime changed).
 */
const VARIANTS = [
  { name: 'cache', flags: [], cache: true },
  { name: 'no-cache', flags: ['--no-cache'], cache: false },
  { name: 'no-cache text reporter', flags: ['--no-cache'], cache: false, text: true },
  { name: 'threads 1 no-cache', flags: ['--threads', '1', '--no-cache'], cache: false },
  { name: 'threads 3 no-cache', flags: ['--threads', '3', '--no-cache'], cache: false },
  { name: 'threads 1 cache', flags: ['--threads', '1'], cache: true },
  { name: 'threads 3 cache', flags: ['--threads', '3'], cache: true },
]

const CACHE_STEPS = [
  'first build',
  'second build (unchanged)',
  'third build (one article touched)',
  'fourth build (one article edited)',
]

/** What the fourth cache build appends to the article it changes. */
const EDIT = 'Nachtrag: Die Redaktion hat diesen Artikel um eine Stellungnahme der Stadt ergänzt.'

function _options(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      before: { type: 'string' },
      after: { type: 'string' },
      sizes: { type: 'string' },
      prepare: { type: 'boolean' },
      now: { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) return { help: true }
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`)
  if (!values.before || !values.after) throw new Error('--before and --after are required')
  const sizes = (values.sizes ?? '1000,10000')
    .split(',')
    .map((size) => size.trim())
    .filter((size) => size !== '')
    .map(Number)
  if (sizes.some((size) => !Number.isInteger(size) || size < 0))
    throw new Error(`--sizes must be whole numbers like 1000,10000 (got "${values.sizes}")`)
  const now = values.now ?? DEFAULT_NOW
  if (Number.isNaN(new Date(now).getTime())) throw new Error(`--now must be an ISO date (got "${now}")`)
  return {
    before: path.resolve(values.before),
    after: path.resolve(values.after),
    sizes: sizes.filter((size) => size > 0),
    prepare: values.prepare ?? false,
    now,
    only: values.only,
    keep: values.keep ?? false,
  }
}

/** Runs a command; resolves with exit code, stdout and stderr (never rejects on a non-zero exit). */
function _run(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout = []
    const stderr = []
    child.stdout.on('data', (chunk) => stdout.push(chunk))
    child.stderr.on('data', (chunk) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? `signal ${signal}`,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    )
  })
}

/** The environment of every build: TZ=UTC, no SOURCE_DATE_EPOCH, no CI annotations, no colour. */
function _buildEnv() {
  const env = { ...process.env, TZ: 'UTC', NO_COLOR: '1' }
  delete env.SOURCE_DATE_EPOCH
  delete env.GITHUB_ACTIONS
  delete env.FORCE_COLOR
  return env
}

/** The inputs: name, the folder holding kanal.config.json and the content folder, its name. */
function _inputs(after) {
  const inputs = [{ name: 'content/', from: after, content: 'content', touch: undefined }]
  const fixtures = path.join(after, 'tests', 'fixtures')
  const candidates = []
  for (const entry of readdirSync(fixtures, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    candidates.push(entry.name)
    for (const inner of readdirSync(path.join(fixtures, entry.name), { withFileTypes: true }))
      if (inner.isDirectory()) candidates.push(`${entry.name}/${inner.name}`)
  }
  for (const fixture of candidates.sort()) {
    const dir = path.join(fixtures, fixture)
    if (!existsSync(path.join(dir, 'kanal.config.json'))) continue
    if (_isDir(path.join(dir, 'content')))
      inputs.push({ name: `fixtures/${fixture}`, from: dir, content: 'content' })
    for (const content of EXTRA_CONTENT.get(fixture) ?? [])
      if (_isDir(path.join(dir, content)))
        inputs.push({ name: `fixtures/${fixture} (content: ${content})`, from: dir, content })
  }
  return inputs
}

function _isDir(dir) {
  return existsSync(dir) && statSync(dir).isDirectory()
}

/** Every file below `dir` (relative paths with `/`, sorted), hidden ones included. */
async function _readTree(dir) {
  if (!existsSync(dir)) return new Map()
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const files = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file))])))
}

/** Missing (only before), extra (only after) and different files of two output folders. */
async function _compareTrees(beforeDir, afterDir) {
  const [before, after] = await Promise.all([_readTree(beforeDir), _readTree(afterDir)])
  const missing = [...before.keys()].filter((file) => !after.has(file))
  const extra = [...after.keys()].filter((file) => !before.has(file))
  // The manifest only holds hashes of the other files: name the file that really differs first.
  const different = [...before.keys()]
    .filter((file) => after.has(file) && !before.get(file).equals(after.get(file)))
    .sort((a, b) => Number(a.startsWith('.')) - Number(b.startsWith('.')) || (a < b ? -1 : a > b ? 1 : 0))
  const where = different.length > 0 ? _firstByte(before.get(different[0]), after.get(different[0])) : ''
  return { files: before.size, missing, extra, different, where }
}

/** Where two buffers first differ: `line 12, byte 345`. */
function _firstByte(a, b) {
  let index = 0
  while (index < a.length && index < b.length && a[index] === b[index]) index++
  const line = a.subarray(0, index).toString('latin1').split('\n').length
  return `line ${line}, byte ${index}`
}

/** The first few of a list, with "and N more". */
function _first(list, count = 3) {
  const shown = list.slice(0, count).join(', ')
  return list.length > count ? `${shown} and ${list.length - count} more` : shown
}

/** Replaces the machine-specific folders in a text, so the two sides can be compared. */
function _normalise(text, side) {
  return text
    .split(side.cache)
    .join('<cache>')
    .split(side.project)
    .join('<project>')
    .split(side.kanal)
    .join('<kanal>')
}

/** The JSON report without `seconds`, and its `stats` apart; or the raw text when it is not JSON. */
function _report(stdout) {
  try {
    const { seconds: _seconds, stats, ...rest } = JSON.parse(stdout)
    return { report: JSON.stringify(rest, null, 2), stats: stats === undefined ? '' : JSON.stringify(stats) }
  } catch {
    return { report: stdout, stats: '' }
  }
}

/** The first line where two texts differ, shortened. */
function _firstDifference(a, b) {
  const left = a.split('\n')
  const right = b.split('\n')
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    if (left[index] !== right[index]) {
      const cut = (line) => (line === undefined ? '(end)' : JSON.stringify(line.slice(0, 100)))
      return `line ${index + 1}: ${cut(left[index])} vs ${cut(right[index])}`
    }
  }
  return 'same lines'
}

/** The text reporter's summary says how long the build took; that may differ. */
function _withoutTiming(stderr) {
  return stderr.replace(/ in \d+\.\d+ s$/gm, ' in <seconds> s')
}

class Comparison {
  constructor() {
    this.same = 0
    this.diffs = []
    this.warnings = []
    this.expectedFailures = []
  }

  line(status, text) {
    process.stdout.write(`${status.padEnd(5)} ${text}\n`)
  }
}

/** Builds one step on both sides at once and compares exit code, stderr, report and output. */
async function _step(sides, input, variant, step, options, comparison) {
  const out = path.join('out', variant.name.replaceAll(' ', '-'))
  const runs = await Promise.all(
    sides.map((side) => {
      const args = [
        path.join(side.kanal, 'lib', 'cli.js'),
        'build',
        '--config',
        'kanal.config.json',
        '--content',
        input.content,
        '--out',
        out,
        '--now',
        options.now,
        '--reporter',
        variant.text ? 'text' : 'json',
        ...variant.flags,
        ...(variant.cache ? ['--cache-dir', path.join(side.cache, variant.name.replaceAll(' ', '-'))] : []),
      ]
      return _run(process.execPath, args, { cwd: side.project, env: _buildEnv() })
    }),
  )
  const [before, after] = runs
  const label = `${input.name} ${variant.name}${step ? ` ${step}` : ''}`
  const problems = []
  if (before.code !== after.code) problems.push(`exit code ${before.code} vs ${after.code}`)
  const stderr = runs.map((run, index) => _withoutTiming(_normalise(run.stderr, sides[index])))
  if (stderr[0] !== stderr[1]) problems.push(`stderr differs (${_firstDifference(stderr[0], stderr[1])})`)
  const reports = runs.map((run, index) => _report(_normalise(run.stdout, sides[index])))
  if (reports[0].report !== reports[1].report)
    problems.push(
      `${variant.text ? 'stdout' : 'JSON report'} differs (${_firstDifference(reports[0].report, reports[1].report)})`,
    )
  const tree = await _compareTrees(path.join(sides[0].project, out), path.join(sides[1].project, out))
  if (tree.missing.length > 0) problems.push(`missing after: ${_first(tree.missing)}`)
  if (tree.extra.length > 0) problems.push(`extra after: ${_first(tree.extra)}`)
  if (tree.different.length > 0)
    problems.push(
      `${tree.different.length} different: ${_first(tree.different)} (${tree.different[0]} first differs at ${tree.where})`,
    )

  const expected = EXPECTED_FAILURES.get(input.name)
  if (problems.length > 0) {
    comparison.diffs.push(`${label}: ${problems.join('; ')}`)
    comparison.line('DIFF', `${label}: ${problems.join('; ')}`)
  } else if (after.code !== 0) {
    if (expected) {
      comparison.expectedFailures.push(label)
      comparison.line(
        'same',
        `${label}: expected failure (${expected}), exit code ${after.code}, same for both`,
      )
    } else {
      comparison.warnings.push(`${label}: fails on both sides with exit code ${after.code}`)
      comparison.line('warn', `${label}: fails on both sides with exit code ${after.code} (not expected)`)
    }
    comparison.same++
  } else {
    if (expected) {
      comparison.warnings.push(`${label}: expected to fail but succeeded on both sides`)
      comparison.line('warn', `${label}: expected to fail (${expected}) but succeeded on both sides`)
    }
    comparison.same++
    comparison.line('same', `${label} (${tree.files} files${_statsNote(reports[1].stats)})`)
  }
  if (reports[0].stats !== reports[1].stats) {
    comparison.warnings.push(`${label}: stats differ: ${reports[0].stats} vs ${reports[1].stats}`)
    comparison.line('warn', `${label}: stats differ: before ${reports[0].stats}, after ${reports[1].stats}`)
  }
  return after.code
}

/** `; parsed 3, reused 2, rendered 1, renderReused 0, upToDate false`: shows the cache did its part. */
function _statsNote(stats) {
  if (!stats) return ''
  const entries = Object.entries(JSON.parse(stats)).map(([key, value]) => `${key} ${value}`)
  return `; ${entries.join(', ')}`
}

/**
 * The article the third and fourth cache builds change: the given one (a corpus's newest), else the
 * first by name whose slug the no-cache build's feed.json shows (so the change reaches the output;
 * a draft would not), else the first by name.
 */
function _touchTarget(project, input) {
  if (input.touch) return path.join(project, input.content, input.touch)
  const contentDir = path.join(project, input.content)
  const files = readdirSync(contentDir, { recursive: true })
    .map((file) => String(file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.md'))
    .sort()
  const feed = path.join(project, 'out', 'no-cache', 'feed.json')
  const shown = existsSync(feed) ? readFileSync(feed, 'utf8') : ''
  const slugOf = (file) => {
    const { dir, name } = path.posix.parse(file)
    return name === 'index' && dir ? path.posix.basename(dir) : name
  }
  const target = files.find((file) => shown.includes(`/${slugOf(file)}`)) ?? files[0]
  return target === undefined ? undefined : path.join(contentDir, target)
}

/** Builds and compares one input in every variant. */
async function _compareInput(input, sides, options, comparison) {
  const started = performance.now()
  await Promise.all(
    sides.map(async (side) => {
      await mkdir(side.project, { recursive: true })
      await cp(path.join(input.from, 'kanal.config.json'), path.join(side.project, 'kanal.config.json'), {
        preserveTimestamps: true,
      })
      await cp(path.join(input.from, input.content), path.join(side.project, input.content), {
        recursive: true,
        preserveTimestamps: true,
      })
    }),
  )
  const first = await _step(sides, input, VARIANTS[1], '', options, comparison)
  if (first !== 0) {
    // Nothing is written when a build fails: the text reporter's stderr is what is left to compare.
    await _step(sides, input, VARIANTS[2], '', options, comparison)
  } else {
    for (const variant of VARIANTS) {
      if (variant === VARIANTS[1]) continue
      if (!variant.cache) {
        await _step(sides, input, variant, '', options, comparison)
        continue
      }
      const targets = sides.map((side) => _touchTarget(side.project, input))
      const originals = await Promise.all(
        targets.map(async (target) =>
          target ? { stat: statSync(target), bytes: await readFile(target) } : undefined,
        ),
      )
      for (const [index, step] of CACHE_STEPS.entries()) {
        if (index === 2) {
          // The same new mtime on both sides: a second past the original, as an editor save would be.
          await Promise.all(
            targets.map((target, side) => {
              if (!target) return undefined
              const changed = new Date(originals[side].stat.mtimeMs + 1000)
              return utimes(target, changed, changed)
            }),
          )
        }
        if (index === 3) {
          // New bytes, as bench's "newest article changed" scenario writes them.
          await Promise.all(
            targets.map(async (target, side) => {
              if (!target) return
              await appendFile(target, `\n${EDIT}\n`)
              const changed = new Date(originals[side].stat.mtimeMs + 2000)
              await utimes(target, changed, changed)
            }),
          )
        }
        await _step(sides, input, variant, step, options, comparison)
      }
      // The next variant starts from the article as it was.
      await Promise.all(
        targets.map(async (target, side) => {
          if (!target) return
          await writeFile(target, originals[side].bytes)
          await utimes(target, originals[side].stat.atime, originals[side].stat.mtime)
        }),
      )
    }
  }
  process.stderr.write(`  ${input.name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
}

async function _prepare(dir) {
  process.stderr.write(`npm run prepare in ${dir} …\n`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const run = await _run(npm, ['run', 'prepare'], { cwd: dir, env: process.env })
  if (run.code !== 0) throw new Error(`npm run prepare failed in ${dir}:\n${run.stdout}${run.stderr}`)
}

async function _main(argv) {
  let options
  try {
    options = _options(argv)
  } catch (error) {
    process.stderr.write(`compare-output: ${error.message}\n\n${USAGE}`)
    return 2
  }
  if (options.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (options.prepare) await Promise.all([_prepare(options.before), _prepare(options.after)])
  for (const dir of [options.before, options.after]) {
    if (!existsSync(path.join(dir, 'lib', 'cli.js'))) {
      process.stderr.write(`compare-output: ${dir}/lib/cli.js is missing; run npm run prepare there\n`)
      return 2
    }
  }
  const started = performance.now()
  const work = await mkdtemp(path.join(os.tmpdir(), 'kanal-compare-'))
  const comparison = new Comparison()
  try {
    const inputs = _inputs(options.after)
    for (const size of options.sizes) {
      const from = path.join(work, 'corpora', String(size))
      process.stderr.write(`generating a corpus of ${size} articles …\n`)
      const made = await _run(
        process.execPath,
        [path.join(options.after, 'bench', 'corpus.mjs'), from, String(size)],
        {
          cwd: options.after,
          env: process.env,
        },
      )
      if (made.code !== 0) throw new Error(`bench/corpus.mjs failed:\n${made.stderr}`)
      const touch = /\(newest: (.*)\)/.exec(made.stderr)?.[1]
      inputs.push({ name: `corpus ${size}`, from, content: 'content', touch })
    }
    const chosen = inputs.filter((input) => !options.only || input.name.includes(options.only))
    process.stderr.write(
      `comparing ${chosen.length} inputs × ${VARIANTS.length} variants\n  before: ${options.before}\n  after:  ${options.after}\n  now:    ${options.now}\n`,
    )
    for (const [index, input] of chosen.entries()) {
      process.stderr.write(`[${index + 1}/${chosen.length}] ${input.name}\n`)
      const slug = `${index}-${input.name.replace(/[^a-z0-9]+/gi, '-')}`
      const sides = [options.before, options.after].map((kanal, side) => ({
        kanal,
        project: path.join(work, side === 0 ? 'before' : 'after', slug),
        cache: path.join(work, side === 0 ? 'before' : 'after', `${slug}-cache`),
      }))
      await _compareInput(input, sides, options, comparison)
      if (!options.keep)
        await Promise.all(
          sides.flatMap((side) =>
            [side.project, side.cache].map((dir) => rm(dir, { recursive: true, force: true })),
          ),
        )
    }
  } finally {
    if (options.keep) process.stderr.write(`kept ${work}\n`)
    else await rm(work, { recursive: true, force: true })
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const { same, diffs, warnings, expectedFailures } = comparison
  process.stdout.write(
    `\nsummary: ${same} same, ${diffs.length} different, ${warnings.length} warnings, ${expectedFailures.length} expected failures (same for both) in ${seconds} s\n`,
  )
  for (const diff of diffs) process.stdout.write(`  DIFF ${diff}\n`)
  for (const warning of warnings) process.stdout.write(`  warn ${warning}\n`)
  process.stdout.write(diffs.length === 0 ? 'OK: the output is identical\n' : 'FAILED: the output differs\n')
  return diffs.length === 0 ? 0 : 1
}

process.exitCode = await _main(process.argv.slice(2))
