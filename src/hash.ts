import { createHash } from 'node:crypto'

/** Hex SHA-256 of text or bytes. */
export function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex')
}
