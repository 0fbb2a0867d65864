/** The largest time a Date can hold (ms). */
const _MAX_TIME = 8.64e15

/**
 * The range of "now" (ms) in which the same articles are due: from the newest article already due to
 * just before the next one (`due`: those two dates, over every article, drafts too). A feed with no
 * items and no date of its own (an empty archive page has one) is dated "now", so then only this instant.
 */
export function dueRange(
  due: { latest: number; next: number },
  feeds: { items: unknown[]; updatedWhenEmpty?: Date }[],
  now: Date,
  future: boolean,
): [number, number] {
  const at = now.getTime()
  if (feeds.some((feed) => feed.items.length === 0 && feed.updatedWhenEmpty === undefined)) return [at, at]
  if (future) return [-_MAX_TIME, _MAX_TIME]
  return [Math.max(-_MAX_TIME, due.latest), Math.min(_MAX_TIME, due.next - 1)]
}
