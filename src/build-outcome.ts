import { formatGermanDateTime, formatRfc3339 } from './dates/format.js'
import { byLocation, ContentError, failsStrict } from './errors.js'
import type { StampResult } from './fast/stamp.js'
import type { BuildOptions, BuildResult, HeldBackArticle } from './options.js'
import type { KeptFile, OutputFile } from './output/file.js'
import type { WrittenFile } from './output/write.js'
import type { HeldBack } from './select.js'
import { type BuildStats, newStats } from './stats.js'

// The small conversions src/build.ts makes from the stages' data to what a build reports.

/** The progress callback, also under its deprecated name and stage names. */
export function progressOf(options: BuildOptions): BuildOptions['progress'] {
  const { progress, onProgress } = options
  if (!onProgress) return progress
  return (stage, done, total) => {
    progress?.(stage, done, total)
    onProgress(stage === 'read' ? 'lesen' : 'rendern', done, total)
  }
}

/** A held-back article as the result reports it: its date in RFC 3339 and in German. */
export function toHeldBackArticle({ file, date, reason }: HeldBack, timeZone: string): HeldBackArticle {
  return {
    file,
    reason,
    date: formatRfc3339(date, timeZone),
    germanDate: formatGermanDateTime(date, timeZone),
  }
}

/** The outcome of the last build, reported again because nothing changed since. */
export function reportedAgain(
  last: StampResult,
  configWarnings: ContentError[],
  strict = false,
): BuildResult {
  const warnings = [
    ...configWarnings,
    ...last.warnings.map(({ reason, ...location }) => new ContentError(location, reason)),
  ].sort(byLocation)
  const ok = !(strict && failsStrict(warnings))
  const stats: BuildStats = { ...newStats(), reused: last.articles, renderReused: last.shown, upToDate: true }
  return {
    ok,
    articles: last.articles,
    files: ok ? last.files.map((file) => ({ ...file, changed: false })) : [],
    errors: [],
    warnings,
    heldBack: last.heldBack ?? [],
    notes: (last.notes ?? []).map(({ reason, ...location }) => new ContentError(location, reason)),
    stats,
  }
}

/** An output file `kanal check` would write, counted but not written. */
export function countedFile(file: OutputFile | KeptFile): WrittenFile {
  const bytes = 'kept' in file ? file.kept.bytes : Buffer.byteLength(file.contents)
  return { path: file.path, bytes, changed: false }
}
