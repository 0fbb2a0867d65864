import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { editNewest, restoreNewest } from './corpora.mjs'
import { buildArgs, CLI, parseSummary } from './kanal.mjs'
import { checkPeerRun, peerScenarios } from './peer.mjs'

const _FLOORS = fileURLToPath(new URL('floors.mjs', import.meta.url))
const _NO_CACHE = 'cache not supported by this kanal build'

/**
 * The scenarios of one corpus, in the order they run. Each has an `id`, a `label`, a `command`
 * ({ script, args, cwd }) and optional `setup`, `before(run)` (run -1 is the warm-up) and `teardown`;
 * one that cannot run with this kanal has `skipped` (the reason) instead of a command.
 * `flags` says which cache options kanal has ({ cacheDir, noCache }); `hugo` is the peer's name and
 * version, undefined when Hugo is not installed (`peerScenarios`).
 */
export function scenariosFor(corpus, scratch, flags, hugo) {
  const out = path.join(scratch, 'dist')
  const cache = path.join(scratch, 'cache')
  const fresh = () => {
    // kanal refuses to overwrite files it did not write: every cold run gets an empty output folder.
    rmSync(out, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
  }
  const kanal = (id, label, hooks, cacheArg = flags.cacheDir ? cache : undefined) => ({
    id,
    label,
    kanal: true,
    command: { script: CLI, args: buildArgs(out, cacheArg), cwd: corpus.dir },
    teardown: fresh,
    ...hooks,
  })
  // A floor paired with a kanal scenario runs beside it, run by run, like Hugo (`measureCorpus`).
  const floor = (id, label, { pair, more = [] } = {}) => ({
    id,
    label,
    command: { script: _FLOORS, args: [id, corpus.contentDir, ...more], cwd: corpus.dir },
    ...(pair ? { pairedWith: pair[0], pairLabel: pair[1] } : {}),
  })
  const skipped = (id, label) => ({ id, label, skipped: _NO_CACHE })

  const scenarios = [
    kanal('cold', flags.cacheDir ? 'kanal cold build (empty cache)' : 'kanal cold build', { before: fresh }),
  ]
  if (flags.noCache) scenarios.push(kanal('no-cache', 'kanal build --no-cache', { before: fresh }, false))
  // The warm-up build fills output and cache; each measured build then finds nothing changed.
  const unchanged = 'kanal rebuild, nothing changed'
  scenarios.push(
    flags.cacheDir ? kanal('unchanged', unchanged, { setup: fresh }) : skipped('unchanged', unchanged),
  )
  if (corpus.newest) {
    const edited = 'kanal rebuild, newest article changed'
    const hooks = {
      setup: fresh,
      before: (run) => editNewest(corpus, run),
      teardown: () => {
        restoreNewest(corpus)
        fresh()
      },
    }
    scenarios.push(flags.cacheDir ? kanal('edited', edited, hooks) : skipped('edited', edited))
  }
  scenarios.push(
    ...peerScenarios(corpus, scratch, hugo),
    floor('read-all', 'floor: read every file'),
    floor('read-head', 'floor: read first 1 KB of every file'),
    floor('stat-all', 'floor: list and stat every file', {
      pair: flags.cacheDir ? ['unchanged', 'kanal nothing changed / list-and-stat floor'] : undefined,
    }),
  )
  // Only a generated corpus has the list of what each feed shows.
  if (corpus.feedsFile) {
    const more = [corpus.feedsFile]
    scenarios.push(
      floor('minimal-build', 'floor: minimal build (1 KB heads, shown bodies, one RSS per feed parsed)', {
        pair: ['cold', 'kanal cold / minimal-build floor'],
        more,
      }),
      floor('minimal-edit', 'floor: minimal edit (stat all, one body, its RSS documents parsed)', {
        pair: flags.cacheDir ? ['edited', 'kanal newest article changed / minimal-edit floor'] : undefined,
        more,
      }),
    )
  }
  return scenarios
}

/** Checks one run: the command succeeded and kanal read every article; returns warnings to report. */
export function checkRun(scenario, result, corpus) {
  const tail = result.stderr.slice(-2000)
  if (result.code !== 0)
    throw new Error(`${scenario.label} failed (exit ${result.code}) on ${corpus.label}:\n${tail}`)
  if (scenario.peer) checkPeerRun(scenario)
  if (!scenario.kanal) return []
  const summary = parseSummary(result.stderr)
  if (summary.articles !== corpus.articles) {
    throw new Error(
      `${scenario.label} read ${summary.articles} articles, expected ${corpus.articles}:\n${tail}`,
    )
  }
  return summary.warnings > 0 ? [`${corpus.label}: kanal reported ${summary.warnings} warning(s)`] : []
}
