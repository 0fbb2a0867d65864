import { createHmac, randomBytes } from 'node:crypto'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import path from 'node:path'

const _FILE = 'seal.key'

/**
 * The cache's own secret: 32 random bytes in the cache folder, made by the first build that writes
 * the cache. Index entries and stored bodies carry a checksum keyed with it (`seal`), so that an entry
 * edited by hand (still valid JSON) or a body file copied over another is a miss, never a feed: a
 * plain hash would be recomputed by whoever edits the file, a keyed one cannot be without the key.
 */
export function readSecret(cacheDir: string, create: boolean): Buffer | undefined {
  const file = path.join(cacheDir, _FILE)
  try {
    const secret = readFileSync(file)
    if (secret.length === 32) return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  if (!create) return undefined
  const secret = randomBytes(32)
  // `wx`: two first builds at once must not each trust a key the other replaced.
  try {
    const fd = openSync(file, 'wx', 0o600)
    try {
      writeSync(fd, secret)
    } finally {
      closeSync(fd)
    }
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return readSecret(cacheDir, false)
  }
}

/**
 * The keyed checksum (HMAC-SHA-256, hex) of `parts`: bytes, or Latin-1 or UTF-8 text as `encoding`
 * says.
 */
export function seal(
  secret: Buffer,
  parts: (string | Buffer)[],
  encoding: 'latin1' | 'utf8' = 'utf8',
): string {
  const hmac = createHmac('sha256', secret)
  for (const part of parts) {
    if (typeof part === 'string') hmac.update(part, encoding)
    else hmac.update(part)
  }
  return hmac.digest('hex')
}
