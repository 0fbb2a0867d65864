import { describe, expect, it } from 'vitest'
import { WriteFailure } from '../../src/fast/_write-failure.js'

describe('WriteFailure', () => {
  it('should keep a refused write for later, drop the file once, and skip the writes after it', () => {
    const failure = new WriteFailure()
    const refused = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    })
    let drops = 0
    let writes = 0
    failure.attempt(
      () => {
        throw refused
      },
      () => drops++,
    )
    failure.attempt(
      () => writes++,
      () => drops++,
    )
    expect([drops, writes]).toEqual([1, 0])
    expect(() => failure.throwIfFailed()).toThrow(refused)
  })

  // Node's ERR_* errors carry a code but came from no system call: a bug in kanal, never a full disk.
  it('should throw an error that no system call gave at once', () => {
    const failure = new WriteFailure()
    const bug = Object.assign(new TypeError('The "fd" argument must be of type number'), {
      code: 'ERR_INVALID_ARG_TYPE',
    })
    expect(() =>
      failure.attempt(
        () => {
          throw bug
        },
        () => {},
      ),
    ).toThrow(bug)
    expect(() => failure.throwIfFailed()).not.toThrow()
  })
})
