import path from 'node:path'
import { UsageError } from '../errors.js'

/** What each file-system refusal means for the user, and what to do. */
const _MEANINGS: Record<string, string> = {
  EACCES: 'no permission: allow kanal to use it, or choose another folder',
  EPERM: 'not permitted: allow kanal to use it, or choose another folder',
  EROFS: 'the disk is read-only: choose a writable folder',
  ENOSPC: 'the disk is full: make room and run kanal again',
  EDQUOT: 'the disk quota is used up: make room and run kanal again',
  EFBIG:
    'the file would pass the largest size the system allows (a file size limit, ulimit -f): raise the limit and run kanal again',
  ENOTDIR: 'a file stands where a folder must be: move it away or choose another folder',
  EISDIR: 'a folder stands where a file must be: move it away or choose another folder',
  EEXIST: 'something else stands in the way: move it away or choose another folder',
  ENAMETOOLONG: 'the path is too long for the file system: choose a shorter folder or shorter names',
  ELOOP: 'the path runs in a circle of symbolic links: remove the link',
  EMFILE: 'too many files are open: raise the limit (ulimit -n) and run kanal again',
  ENFILE: 'the system has too many files open: run kanal again later',
  ENOENT: 'it vanished while kanal worked: run kanal again',
  EBUSY: 'it is in use: run kanal again when it is free',
}

/**
 * A file-system error the environment caused (a file in the way, no permission, a full or read-only
 * disk, a path too long) as the usage error it is: exit 2 with what happened where and what to do,
 * not exit 3 with a stack trace. Undefined for anything else: that stays kanal's bug.
 */
export function toEnvironmentError(error: unknown, cwd: string): UsageError | undefined {
  if (!(error instanceof Error)) return undefined
  const { code, syscall, path: at } = error as NodeJS.ErrnoException
  const meaning = code === undefined ? undefined : _MEANINGS[code]
  if (meaning === undefined || syscall === undefined) return undefined
  const where = at === undefined ? '' : ` ${path.relative(cwd, at) || at}`
  return new UsageError(`cannot ${syscall}${where} (${code}): ${meaning}`, { cause: error })
}
