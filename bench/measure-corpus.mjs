import path from 'node:path'
import { measureNode, summarize } from './measure.mjs'
import { checkRun, scenariosFor } from './scenarios.mjs'
import { toPairedRatioRow, toRatioRow, toRow } from './table.mjs'

/**
 * Measures every scenario of one corpus: one warm-up run, then `runs` measured runs each. A peer's
 * scenario (Hugo's) runs interleaved with the kanal scenario it is paired with, run by run, so that
 * both meet the same load of the machine and their ratio can be taken pair by pair.
 * `context` holds the cache flags, the timer, a `log` function and a set collecting warnings.
 * Returns the table rows, ending with the ratios of kanal's builds to the floors and to Hugo's builds.
 */
export async function measureCorpus(corpus, runs, scratch, context) {
  const scenarios = scenariosFor(corpus, scratch, context.cache, context.hugo)
  const results = new Map()
  const reportFile = path.join(scratch, 'usage.txt')
  for (const scenario of scenarios) {
    if (scenario.skipped || scenario.pairedWith) continue
    const peer = scenarios.find((other) => other.pairedWith === scenario.id && !other.skipped)
    const together = peer ? [scenario, peer] : [scenario]
    const measured = await _runTogether(together, runs, { ...context, corpus, reportFile })
    for (const [index, one] of together.entries()) results.set(one.id, measured[index])
  }
  const summaries = new Map([...results].map(([id, list]) => [id, summarize(list)]))
  const rows = scenarios.map((scenario) => toRow(corpus.label, scenario, summaries.get(scenario.id)))
  const ratio = (id, of, label) => {
    if (summaries.has(id) && summaries.has(of))
      rows.push(toRatioRow(corpus.label, label, summaries.get(id), summaries.get(of)))
  }
  ratio('cold', 'read-all', 'ratio: kanal cold / read-all floor')
  ratio('cold', 'read-head', 'ratio: kanal cold / read-1-KB floor')
  ratio('unchanged', 'stat-all', 'ratio: kanal nothing changed / list-and-stat floor')
  for (const peer of scenarios.filter((scenario) => scenario.pairedWith && results.has(scenario.id))) {
    const label = `ratio: kanal / Hugo, ${peer.pairLabel}, pair by pair`
    rows.push(toPairedRatioRow(corpus.label, label, results.get(peer.pairedWith), results.get(peer.id)))
  }
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
