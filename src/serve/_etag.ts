import { createHash } from 'node:crypto'

/** The file facts that change whenever a rebuild rewrites the file. */
export interface FileStamp {
  ino: bigint
  size: bigint
  mtimeNs: bigint
}

/** Remembers each file's strong ETag until its inode, size or modification time changes. */
export class EtagCache {
  readonly #entries = new Map<string, { key: string; etag: string }>()

  /** The cached ETag of `path`, if its stamp is unchanged. */
  get(path: string, stamp: FileStamp): string | undefined {
    const entry = this.#entries.get(path)
    return entry?.key === _key(stamp) ? entry.etag : undefined
  }

  /** Hashes `bytes`, remembers the ETag for `path` under `stamp` and returns it. */
  set(path: string, stamp: FileStamp, bytes: Uint8Array): string {
    const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`
    this.#entries.set(path, { key: _key(stamp), etag })
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
