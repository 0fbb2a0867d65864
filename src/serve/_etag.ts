import { createHash } from 'node:crypto'

/** The file facts that change whenever a rebuild rewrites the file. */
export interface FileStamp {
  ino: bigint
  size: bigint
  mtimeNs: bigint
}

// A file written this recently could be rewritten within the same timestamp tick, keeping its
// stamp (git's "racily clean" problem, https://git-scm.com/docs/racy-git), so its ETag is not kept.
const _RACY_MS = 2000

/** Remembers each file's strong ETag until its inode, size or modification time changes. */
export class EtagCache {
  readonly #entries = new Map<string, { key: string; etag: string }>()
  readonly #now: () => number

  /** `now` is injectable for tests. */
  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  /** The cached ETag of `path`, if its stamp is unchanged. */
  get(path: string, stamp: FileStamp): string | undefined {
    const entry = this.#entries.get(path)
    return entry?.key === _key(stamp) ? entry.etag : undefined
  }

  /** Hashes `bytes` into a strong ETag, remembers it for `path` under `stamp` and returns it. */
  set(path: string, stamp: FileStamp, bytes: Uint8Array): string {
    const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`
    const age = this.#now() - Number(stamp.mtimeNs / 1_000_000n)
    if (age >= _RACY_MS) this.#entries.set(path, { key: _key(stamp), etag })
    else this.#entries.delete(path)
    return etag
  }
}

/**
 * Whether an `If-None-Match` header matches `etag`: `*`, or any tag in the list, compared weakly
 * as RFC 9110 §13.1.2 asks (a `W/` prefix is ignored).
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare)
}

function _key(stamp: FileStamp): string {
  return `${stamp.ino}:${stamp.size}:${stamp.mtimeNs}`
}
