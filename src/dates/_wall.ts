import { offsetMs } from './_offset.js'

const _DAY_MS = 86_400_000

/** Where a wall time falls in a zone: once, in a gap (moved forward by it), or twice (the earlier is taken). */
export type WallTime =
  | { kind: 'unique'; epochMs: number; offsetMs: number }
  | { kind: 'skipped'; epochMs: number; offsetMs: number }
  | { kind: 'repeated'; epochMs: number; offsetMs: number; laterOffsetMs: number }

/**
 * Turns a wall time (milliseconds since the epoch read as UTC) in `timeZone` into an instant, like
 * Temporal's "compatible" disambiguation (https://tc39.es/proposal-temporal/#sec-temporal-disambiguatepossibleepochnanoseconds):
 * a time in a gap moves forward by the gap, a time that happens twice means the earlier instant.
 */
export function resolveWallTime(timeZone: string, wallMs: number): WallTime {
  // Offsets a day either side bracket any transition that could touch this wall time.
  const before = offsetMs(timeZone, wallMs - _DAY_MS)
  const after = offsetMs(timeZone, wallMs + _DAY_MS)
  const fitsBefore = offsetMs(timeZone, wallMs - before) === before
  const fitsAfter = before !== after && offsetMs(timeZone, wallMs - after) === after
  if (fitsBefore && fitsAfter) {
    const [earlier, later] = before > after ? [before, after] : [after, before]
    return { kind: 'repeated', epochMs: wallMs - earlier, offsetMs: earlier, laterOffsetMs: later }
  }
  if (fitsBefore) return { kind: 'unique', epochMs: wallMs - before, offsetMs: before }
  if (fitsAfter) return { kind: 'unique', epochMs: wallMs - after, offsetMs: after }
  // In the gap: read the wall time with the offset from before it, which lands as far past the gap.
  const epochMs = wallMs - before
  return { kind: 'skipped', epochMs, offsetMs: offsetMs(timeZone, epochMs) }
}
