import { createHmac, randomBytes } from 'node:crypto'
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
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
  let damaged = false
  try {
    const secret = readFileSync(file)
    if (secret.length === 32) return secret
    damaged = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  if (!create) return undefined
  // A key cut short (the disk filled while it was written) is no key: a new one takes its place, and
  // what the old one sealed is a miss.
  if (damaged) rmSync(file, { force: true })
  const secret = randomBytes(32)
  let fd: number
  try {
    // `wx`: two first builds at once must not each trust a key the other replaced.
    fd = openSync(file, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return readSecret(cacheDir, false)
  }
  try {
    try {
      for (let done = 0; done < secret.length; ) done += writeSync(fd, secret, done)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    rmSync(file, { force: true })
    throw error
  }
  return secret
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
