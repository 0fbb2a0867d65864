/**
 * Runs `task` for every item with at most `limit` tasks in flight, and returns the results in the
 * order of `items` (not the order they finish in).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
    }
  }
  const workers = Math.max(1, Math.min(Math.floor(limit), items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
