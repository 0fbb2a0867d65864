import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * How tests make a file or folder read-only for kanal. Permissions do not stop root (CI runs as root),
 * the immutable flag does: as root, `chattr +i` where the file system has it; otherwise the mode.
 * Undefined when neither works here: such tests skip, and say so in their names.
 */
export const readOnlyBy: 'chattr' | 'chmod' | undefined =
  process.getuid?.() !== 0 ? 'chmod' : _chattrWorks() ? 'chattr' : undefined

/** Makes `target` read-only (a folder: nothing in it can be added, removed or renamed). */
export function makeReadOnly(target: string): void {
  if (readOnlyBy === 'chattr') _chattr('+i', target)
  else chmodSync(target, statSync(target).isDirectory() ? 0o555 : 0o444)
}

/** Undoes `makeReadOnly` (harmless when `target` is gone). */
export function makeWritable(target: string): void {
  try {
    if (readOnlyBy === 'chattr') _chattr('-i', target)
    else chmodSync(target, statSync(target).isDirectory() ? 0o755 : 0o644)
  } catch {
    // gone already
  }
}

function _chattr(flag: '+i' | '-i', target: string): void {
  const result = spawnSync('chattr', [flag, target], { encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`chattr ${flag} ${target} failed: ${result.stderr || result.error}`)
}

/** Whether `chattr +i` takes on a folder in the temp folder (it needs the tool and the file system's support). */
function _chattrWorks(): boolean {
  const probe = mkdtempSync(path.join(os.tmpdir(), 'kanal-chattr-'))
  try {
    if (spawnSync('chattr', ['+i', probe]).status !== 0) return false
    spawnSync('chattr', ['-i', probe])
    return true
  } finally {
    rmSync(probe, { recursive: true, force: true })
  }
}
