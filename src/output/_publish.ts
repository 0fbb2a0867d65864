import { copyFileSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { ignoreFailure, readIfThere, removeEmptyParents, sha256, writeNew } from './_fs.js'
import { pathState } from './_safe-path.js'
import { clearWork, WORK } from './_work-folder.js'

/** A staged file to move into place: its path, the hash of its new bytes, whether it replaces a file. */
export interface Move {
  path: string
  hash: string
  replaces: boolean
}

/** A file kanal wrote before and no longer produces, with the hash it must still have to be removed. */
export interface Removal {
  path: string
  hash: string
}

/**
 * The publish journal, written to the work folder once every file is staged and checked. While it
 * exists, the output may be between two builds; the next build reads it and finishes the job:
 * `forward` moves the rest of the staged files into place, `back` restores the backups.
 */
interface _Journal {
  kanal: 1
  direction: 'forward' | 'back'
  moves: (Move & { backup: boolean })[]
  removals: Removal[]
}

/**
 * Publishes staged files (in `work/stage/<path>`, the manifest last): hard-linked backups of what they
 * replace, the journal, the renames, the removals. A failure rolls back to the previous output; a
 * killed process leaves the journal, with which `finishPublish` completes the publish.
 */
export function publish(outDir: string, work: string, moves: Move[], removals: Removal[]): void {
  clearWork(work, 'old')
  let journal: _Journal
  try {
    journal = {
      kanal: 1,
      direction: 'forward',
      moves: moves.map((move) => ({ ...move, backup: move.replaces && _backUp(outDir, work, move.path) })),
      removals: removals.filter((removal) => _backUp(outDir, work, removal.path)),
    }
    _writeJournal(work, journal)
  } catch (error) {
    // Nothing in the output folder was touched yet: the staged files and the backups go.
    _done(work)
    throw error
  }
  try {
    _forward(outDir, work, journal, false)
  } catch (error) {
    _rollBack(outDir, work, journal)
    throw error
  }
  _done(work)
}

/**
 * Undoes a publish that failed part-way. The journal is turned to `back` first, so that a kill now
 * finishes the rollback; a disk too full for that still rolls back (the moves need no space), and the
 * error that stopped the publish is the one thrown.
 */
function _rollBack(outDir: string, work: string, journal: _Journal): void {
  ignoreFailure(() => _writeJournal(work, { ...journal, direction: 'back' }))
  _back(outDir, work, journal)
  _done(work)
}

/**
 * Finishes what a killed build left in the work folder: with a journal, the interrupted publish is
 * completed (or, if it was rolling back, rolled back), so the output is one build's; without one, the
 * staged files and backups of a build killed before it published are removed.
 */
export function finishPublish(outDir: string, work: string): void {
  const journal = _readJournal(work)
  if (journal?.direction === 'forward') {
    try {
      _forward(outDir, work, journal, true)
    } catch (error) {
      _rollBack(outDir, work, journal)
      throw new UsageError(
        `${outDir}: could not finish the publish of a build that was stopped (${(error as Error).message}); kanal restored the output before it. Build again.`,
      )
    }
  } else if (journal) {
    _back(outDir, work, journal)
  }
  _done(work)
}

function _forward(outDir: string, work: string, journal: _Journal, recovering: boolean): void {
  const made = new Set<string>()
  for (const { path: relative } of journal.moves) {
    const staged = path.join(work, WORK.stage, relative)
    // Moved already (before the build was stopped).
    if (recovering && !_exists(staged)) continue
    if (recovering && pathState(outDir, relative) === 'other') {
      throw new Error(`${relative} is a symbolic link, lies behind one, or is not a regular file`)
    }
    const target = path.join(outDir, relative)
    const dir = path.dirname(target)
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    try {
      renameSync(staged, target)
    } catch (error) {
      // The staged file is kanal's; the one the user must let kanal write is the output file.
      ;(error as NodeJS.ErrnoException).path = target
      throw error
    }
  }
  for (const { path: relative, hash } of journal.removals) {
    const target = path.join(outDir, relative)
    // A recovering build checks again that the file is still the one kanal wrote.
    if (recovering && (pathState(outDir, relative) !== 'file' || sha256(readIfThere(target) ?? '') !== hash))
      continue
    // A file kanal may not remove stops the publish (it is rolled back): left in place, it would still
    // be published, and no longer be in the manifest kanal keeps of what it wrote.
    try {
      unlinkSync(target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    removeEmptyParents(outDir, path.dirname(target))
  }
}

/**
 * Restores every backup and removes only the files this publish moved in (by their hash). A backup
 * goes back only where the file is gone or still the one this publish left (`hash`): a file the user
 * wrote there in the meantime stays.
 */
function _back(outDir: string, work: string, journal: _Journal): void {
  const restore = (relative: string, hash: string) => {
    const backup = path.join(work, WORK.old, relative)
    if (!_exists(backup)) return
    const state = pathState(outDir, relative)
    const target = path.join(outDir, relative)
    if (state === 'other' || (state === 'file' && sha256(readIfThere(target) ?? '') !== hash)) return
    mkdirSync(path.dirname(target), { recursive: true })
    ignoreFailure(() => renameSync(backup, target))
  }
  for (const removal of journal.removals) restore(removal.path, removal.hash)
  for (const move of [...journal.moves].reverse()) {
    if (move.backup) {
      restore(move.path, move.hash)
      continue
    }
    const target = path.join(outDir, move.path)
    if (pathState(outDir, move.path) !== 'file' || sha256(readIfThere(target) ?? '') !== move.hash) continue
    ignoreFailure(() => unlinkSync(target))
    removeEmptyParents(outDir, path.dirname(target))
  }
}

/** A second name for the file in the work folder; false when there is no file to keep. */
function _backUp(outDir: string, work: string, relative: string): boolean {
  if (pathState(outDir, relative) !== 'file') return false
  const backup = path.join(work, WORK.old, relative)
  mkdirSync(path.dirname(backup), { recursive: true })
  try {
    linkSync(path.join(outDir, relative), backup)
  } catch {
    // A file system without hard links: a copy keeps the bytes as well.
    copyFileSync(path.join(outDir, relative), backup)
  }
  return true
}

function _writeJournal(work: string, journal: _Journal): void {
  const file = path.join(work, WORK.journal)
  writeNew(`${file}.tmp`, JSON.stringify(journal))
  // The rename makes the journal appear whole or not at all.
  renameSync(`${file}.tmp`, file)
}

function _readJournal(work: string): _Journal | undefined {
  try {
    const journal = JSON.parse(readFileSync(path.join(work, WORK.journal), 'utf8')) as _Journal
    return journal.kanal === 1 && Array.isArray(journal.moves) && Array.isArray(journal.removals)
      ? journal
      : undefined
  } catch {
    return undefined
  }
}

/** The publish is over: the journal goes first, then what it pointed at. */
function _done(work: string): void {
  ignoreFailure(() => unlinkSync(path.join(work, WORK.journal)))
  ignoreFailure(() => unlinkSync(path.join(work, `${WORK.journal}.tmp`)))
  clearWork(work, 'stage')
  clearWork(work, 'old')
}

function _exists(file: string): boolean {
  try {
    lstatSync(file)
    return true
  } catch {
    return false
  }
}
