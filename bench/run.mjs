import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseBenchArgs, runsFor, USAGE } from './args.mjs'
import { CORPUS_ROOT, ensureCorpus, removeCorpus } from './corpora.mjs'
import { findMarkdown } from './floors.mjs'
import { findHugo } from './hugo.mjs'
import { checkCompiled, describeKanal, detectCache, REPO } from './kanal.mjs'
import { describeMachine } from './machine.mjs'
import { chooseTimer } from './measure.mjs'
import { measureCorpus } from './measure-corpus.mjs'
import { benchCommand, buildNotes, writeReport } from './report.mjs'
import { renderTable } from './table.mjs'

const log = (text) => process.stderr.write(`bench: ${text}\n`)

async function main(argv) {
  const options = parseBenchArgs(argv)
  if (options.help) return void process.stdout.write(USAGE)
  const compiled = checkCompiled()
  if (compiled?.fatal) throw new Error(compiled.message)
  const context = {
    cache: detectCache(),
    timer: chooseTimer(options.gnuTime),
    warnings: new Set(),
    log,
    load: [os.loadavg()[0]],
    hugo: findHugo(),
  }
  if (compiled) context.warnings.add(compiled.message)
  log(
    `CPU and RSS from ${context.timer}; kanal cache ${context.cache.cacheDir ? 'supported' : 'not supported'}; peer: ${context.hugo ?? 'Hugo not installed'}`,
  )
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kanal-bench-run-'))
  const corpora = []
  const rows = []
  try {
    const contentDir = path.join(REPO, 'content')
    const shipped = { label: 'content/', dir: REPO, contentDir, articles: findMarkdown(contentDir).length }
    rows.push(...(await measureCorpus(shipped, runsFor(shipped.articles, options.runs), scratch, context)))
    for (const size of options.sizes) {
      const corpus = ensureCorpus(size, log)
      corpora.push(corpus)
      rows.push(...(await measureCorpus(corpus, runsFor(size, options.runs), scratch, context)))
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
    if (options.keep) log(`kept the corpora in ${CORPUS_ROOT}`)
    else for (const corpus of corpora) removeCorpus(corpus)
  }
  context.load.push(os.loadavg()[0])
  const table = renderTable(rows)
  const notes = buildNotes(context)
  process.stdout.write(`\n${table}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`)
  if (options.write) {
    const file = path.join(REPO, 'docs', 'benchmarks.md')
    const date = new Date().toISOString().slice(0, 10)
    writeReport(file, {
      table,
      notes,
      machine: describeMachine(),
      kanal: describeKanal(),
      date,
      command: benchCommand(argv),
    })
    log(`wrote ${path.relative(REPO, file)}`)
  }
}

try {
  await main(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`)
  process.exitCode = 1
}
