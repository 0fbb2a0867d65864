import { createHmac, randomBytes } from 'node:crypto'
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
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
  // Written whole under this process's name, then linked into place: `seal.key` is never a key being
  // written, so one of another length is damaged (cut short by a full disk by an older kanal), and a
  // new one takes its place; what the old one sealed is a miss.
  const secret = randomBytes(32)
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, secret, { flag: 'wx', mode: 0o600 })
    if (damaged) renameSync(temp, file)
    else linkSync(temp, file)
    return secret
  } catch (error) {
    // `link` refuses to replace: two first builds at once must not each trust a key the other made.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return readSecret(cacheDir, false)
  } finally {
    rmSync(temp, { force: true })
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
