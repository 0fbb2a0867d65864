import path from 'node:path'
import { type BuildWarning, StateError } from '../errors.js'
import { readIfThere } from './_fs.js'
import { isOwnPath, pathState } from './_safe-path.js'

/** The record of what kanal wrote last time, kept in the output folder. */
export const MANIFEST = '.kanal-manifest.json'

export interface Manifest {
  kanal: 1
  /** The kanal version that wrote (and checked) the files. */
  version?: string
  /** Path → SHA-256 of the contents kanal wrote. */
  files: Record<string, string>
  /** Feed URLs whose WebSub ping failed: pinged again by the next `--ping` build. */
  unpinged?: string[]
}

/** The manifest as kanal writes it. */
export function toManifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/**
 * The manifest, with only the entries kanal could have written: a path outside the output folder (`..`,
 * absolute, backslashes) is foreign, reported once in `warnings` and never acted on.
 */
export function readManifest(outDir: string, report?: { warnings: BuildWarning[]; cwd: string }): Manifest {
  const file = path.join(outDir, MANIFEST)
  const text = pathState(outDir, MANIFEST) === 'file' ? readIfThere(file)?.toString('utf8') : undefined
  if (text === undefined) return { kanal: 1, files: {} }
  try {
    const value = JSON.parse(text) as Manifest
    if (value.kanal === 1 && typeof value.files === 'object' && value.files !== null) {
      const files: Record<string, string> = {}
      const foreign: string[] = []
      for (const [name, hash] of Object.entries(value.files)) {
        if (isOwnPath(name) && typeof hash === 'string') files[name] = hash
        else foreign.push(name)
      }
      if (foreign.length > 0) report?.warnings.push(_foreignWarning(path.relative(report.cwd, file), foreign))
      return { ...value, files }
    }
  } catch {
    // A damaged record is treated as none: kanal then refuses to overwrite what it cannot prove it wrote.
  }
  return { kanal: 1, files: {} }
}

function _foreignWarning(file: string, foreign: string[]): StateError {
  const shown = foreign.slice(0, 3).map((name) => JSON.stringify(name.slice(0, 80)))
  const more = foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''
  return new StateError(
    { file: file.split(path.sep).join('/') },
    `lists ${foreign.length === 1 ? 'a path' : 'paths'} outside the output folder (${shown.join(', ')}${more}); kanal ignores ${foreign.length === 1 ? 'it' : 'them'} and touches no such file. The manifest was edited by hand or by someone else: check the change that did it.`,
  )
}
