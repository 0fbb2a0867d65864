import path from 'node:path'
import { measureNode, summarize } from './measure.mjs'
import { checkRun, scenariosFor } from './scenarios.mjs'
import { toRatioRow, toRow } from './table.mjs'

/**
 * Measures every scenario of one corpus: one warm-up run, then `runs` measured runs each.
 * `context` holds the cache flags, the timer, a `log` function and a set collecting warnings.
 * Returns the table rows, ending with the ratios of kanal's builds to the floors and to Hugo's builds.
 */
export async function measureCorpus(corpus, runs, scratch, context) {
  const rows = []
  const summaries = new Map()
  const reportFile = path.join(scratch, 'usage.txt')
  for (const scenario of scenariosFor(corpus, scratch, context.cache, context.hugo)) {
    if (scenario.skipped) {
      rows.push(toRow(corpus.label, scenario))
      continue
    }
    const results = await _runScenario(scenario, runs, { ...context, corpus, reportFile })
    summaries.set(scenario.id, summarize(results))
    rows.push(toRow(corpus.label, scenario, summaries.get(scenario.id)))
  }
  const ratio = (id, of, label) => {
    if (summaries.has(id) && summaries.has(of))
      rows.push(toRatioRow(corpus.label, label, summaries.get(id), summaries.get(of)))
  }
  ratio('cold', 'read-all', 'ratio: kanal cold / read-all floor')
  ratio('cold', 'read-head', 'ratio: kanal cold / read-1-KB floor')
  ratio('cold', 'hugo-cold', 'ratio: kanal cold / Hugo cold')
  ratio('unchanged', 'hugo-unchanged', 'ratio: kanal / Hugo, nothing changed')
  ratio('edited', 'hugo-edited', 'ratio: kanal / Hugo, newest article changed')
  return rows
}

async function _runScenario(scenario, runs, { corpus, reportFile, timer, warnings, log }) {
  const results = []
  scenario.setup?.()
  try {
    for (let run = -1; run < runs; run++) {
      scenario.before?.(run)
      const result = await measureNode(scenario.command, timer, reportFile)
      for (const warning of checkRun(scenario, result, corpus)) warnings.add(warning)
      if (run >= 0) results.push(result)
      const which = run < 0 ? 'warm-up' : `run ${run + 1}/${runs}`
      log(`${corpus.label} · ${scenario.label} · ${which}: ${(result.wallMs / 1000).toFixed(3)} s`)
    }
  } finally {
    scenario.teardown?.()
  }
  return results
}
