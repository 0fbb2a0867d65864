import { appendFileSync, copyFileSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { addendum } from './corpora.mjs'
import { HUGO_ITEMS, hugoArgs, writeHugoSite } from './hugo.mjs'

/**
 * Hugo's scenarios for one generated corpus, matching kanal's cold, unchanged and edited ones; one
 * skipped row when Hugo is not installed (`hugo` undefined). The Hugo site is a copy of the corpus
 * written into `scratch` when the first of them starts (not timed).
 */
export function peerScenarios(corpus, scratch, hugo) {
  if (!corpus.newest) return []
  if (!hugo) return [{ id: 'hugo-cold', label: 'peer: Hugo', skipped: 'not installed (no hugo on the PATH)' }]
  const site = path.join(scratch, 'hugo-site')
  const out = path.join(scratch, 'hugo-public')
  const cache = path.join(scratch, 'hugo-cache')
  let newest
  const ensureSite = () => {
    newest ??= writeHugoSite(corpus, site)
  }
  const fresh = () => {
    rmSync(out, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
  }
  // The warm-up build fills the output folder; each measured build then builds into it again.
  const ready = () => {
    ensureSite()
    fresh()
  }
  const peer = (id, label, pair, hooks) => ({
    id,
    label: `peer: ${hugo} ${label}`,
    peer: true,
    // Measured run by run beside kanal's scenario of this id (`measureCorpus`).
    pairedWith: pair[0],
    pairLabel: pair[1],
    feed: path.join(out, 'index.xml'),
    command: { program: 'hugo', args: hugoArgs(site, out, cache), cwd: scratch },
    teardown: fresh,
    ...hooks,
  })
  return [
    peer('hugo-cold', 'cold build (RSS only)', ['cold', 'kanal / Hugo, cold'], {
      setup: ensureSite,
      before: fresh,
    }),
    peer('hugo-unchanged', 'rebuild, nothing changed', ['unchanged', 'kanal / Hugo, nothing changed'], {
      setup: ready,
    }),
    peer(
      'hugo-edited',
      'rebuild, newest article changed',
      ['edited', 'kanal / Hugo, newest article changed'],
      {
        setup: ready,
        before: (run) => appendFileSync(newest.file, `\n${addendum(run)}\n`),
        teardown: () => {
          copyFileSync(newest.original, newest.file)
          fresh()
        },
      },
    ),
  ]
}

/** Checks a Hugo run wrote its feed with every item; throws when it did not. */
export function checkPeerRun(scenario) {
  const items = readFileSync(scenario.feed, 'utf8').split('<item>').length - 1
  if (items !== HUGO_ITEMS) throw new Error(`${scenario.label} wrote ${items} items, expected ${HUGO_ITEMS}`)
}
