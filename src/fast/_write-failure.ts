/**
 * The first file-system error met while writing a cache file during a build (the new index as the
 * articles come, new rendered bodies as they are rendered). The build goes on: the file is dropped,
 * later writes are skipped, and the error is thrown again when the cache is saved, where a cache that
 * cannot be saved is a warning (`FastPath.written`). A full disk, a file size limit or a cache folder
 * that turned read-only costs the next build its cache, never this build its feeds.
 */
export class WriteFailure {
  #error: unknown
  #failed = false

  /** Runs `write` unless an earlier write failed; a file-system error is kept and `drop` is called. */
  attempt(write: () => void, drop: () => void): void {
    if (this.#failed) return
    try {
      write()
    } catch (error) {
      if (!isRefused(error)) throw error
      this.#error = error
      this.#failed = true
      drop()
    }
  }

  /** Throws the kept error, if a write failed. */
  throwIfFailed(): void {
    if (this.#failed) throw this.#error
  }
}

/**
 * Whether `error` is a system call the file system refused (it has a code and a call). Node's ERR_*
 * errors, kanal's bugs, have no call, and must not pass as a full disk.
 */
export function isRefused(error: unknown): error is NodeJS.ErrnoException {
  const { code, syscall } = error as NodeJS.ErrnoException
  return code !== undefined && syscall !== undefined
}
