import path from 'node:path'
import { measureNode, summarize } from './measure.mjs'
import { checkRun, scenariosFor } from './scenarios.mjs'
import { toPairedRatioRow, toRatioRow, toRow } from './table.mjs'

/**
 * Measures every scenario of one corpus: one warm-up run, then `runs` measured runs each. A peer's
 * scenario (Hugo's) or a floor paired with a kanal scenario runs interleaved with it, run by run, so
 * that all meet the same load of the machine and their ratios can be taken pair by pair.
 * `context` holds the cache flags, the timer, a `log` function and a set collecting warnings.
 * Returns the table rows, ending with the ratios of kanal's builds to the floors and to Hugo's builds.
 */
export async function measureCorpus(corpus, runs, scratch, context) {
  const scenarios = scenariosFor(corpus, scratch, context.cache, context.hugo)
  const runnable = (scenario) => scenario && !scenario.skipped
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]))
  // A scenario paired with one that does not run here runs on its own.
  const paired = (scenario) => runnable(scenario) && runnable(byId.get(scenario.pairedWith))
  const results = new Map()
  const reportFile = path.join(scratch, 'usage.txt')
  for (const scenario of scenarios) {
    if (!runnable(scenario) || paired(scenario)) continue
    const partners = scenarios.filter((other) => paired(other) && other.pairedWith === scenario.id)
    const together = [scenario, ...partners]
    const measured = await _runTogether(together, runs, { ...context, corpus, reportFile })
    for (const [index, one] of together.entries()) results.set(one.id, measured[index])
  }
  const summaries = new Map([...results].map(([id, list]) => [id, summarize(list)]))
  const rows = scenarios.map((scenario) => toRow(corpus.label, scenario, summaries.get(scenario.id)))
  const ratio = (id, of, label) => {
    if (summaries.has(id) && summaries.has(of))
      rows.push(toRatioRow(corpus.label, label, summaries.get(id), summaries.get(of)))
  }
  const pairRatio = (id, of, label) => {
    if (results.has(id) && results.has(of))
      rows.push(
        toPairedRatioRow(corpus.label, `ratio: ${label}, pair by pair`, results.get(id), results.get(of)),
      )
  }
  ratio('cold', 'read-all', 'ratio: kanal cold / read-all floor')
  ratio('cold', 'read-head', 'ratio: kanal cold / read-1-KB floor')
  for (const partner of scenarios.filter(paired)) pairRatio(partner.pairedWith, partner.id, partner.pairLabel)
  // How far below Hugo a build can get at all: a target under a floor's ratio cannot be met.
  pairRatio('minimal-build', 'hugo-cold', 'minimal-build floor / Hugo, cold')
  pairRatio('stat-all', 'hugo-unchanged', 'list-and-stat floor / Hugo, nothing changed')
  pairRatio('minimal-edit', 'hugo-edited', 'minimal-edit floor / Hugo, newest article changed')
  return rows
}

/** Runs scenarios in turn, run by run (the first one first in even runs, last in odd ones). */
async function _runTogether(scenarios, runs, { corpus, reportFile, timer, warnings, log }) {
  const results = scenarios.map(() => [])
  for (const scenario of scenarios) scenario.setup?.()
  try {
    for (let run = -1; run < runs; run++) {
      const order = scenarios.map((_, index) => index)
      if (run % 2 !== 0) order.reverse()
      for (const index of order) {
        const scenario = scenarios[index]
        scenario.before?.(run)
        const result = await measureNode(scenario.command, timer, reportFile)
        for (const warning of checkRun(scenario, result, corpus)) warnings.add(warning)
        if (run >= 0) results[index].push(result)
        const which = run < 0 ? 'warm-up' : `run ${run + 1}/${runs}`
        log(`${corpus.label} · ${scenario.label} · ${which}: ${(result.wallMs / 1000).toFixed(3)} s`)
      }
    }
  } finally {
    for (const scenario of scenarios) scenario.teardown?.()
  }
  return results
}
