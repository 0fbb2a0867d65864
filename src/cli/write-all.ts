import { writeSync } from 'node:fs'
import { UsageError } from '../errors.js'
import { toEnvironmentError } from './_file-system.js'

/**
 * Writes all of `text` to the file descriptor `fd` (1: standard output, 2: standard error), waiting
 * while a pipe is full. Node's own stream drops what a short write leaves: a JSON report redirected
 * to a file on a disk that filled came out cut short, with exit 0. Here the writing finishes or throws
 * the file system's error, naming `name`. A reader that stopped reading (`| head`) wants no more: the
 * rest is left unwritten, quietly.
 */
export function writeAll(fd: number, text: string, name: string): void {
  const bytes = Buffer.from(text, 'utf8')
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done)
    } catch (error) {
      const refused = error as NodeJS.ErrnoException
      if (refused.code === 'EPIPE') return
      if (refused.code !== 'EAGAIN') {
        refused.path ??= name
        // Any refusal is the environment's (a full disk; a closed descriptor, EBADF; a terminal gone, EIO).
        throw (
          toEnvironmentError(refused, process.cwd()) ??
          new UsageError(`cannot write ${name} (${refused.code})`, { cause: error })
        )
      }
      Atomics.wait(_pause, 0, 0, 2)
    }
  }
}

const _pause = new Int32Array(new SharedArrayBuffer(4))
