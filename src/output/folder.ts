import path from 'node:path'
import { UsageError } from '../errors.js'

/**
 * Refuses an output folder that would put the user's own files at risk: the content folder itself, a
 * folder that contains it, or the folder that holds the config file. kanal removes files it wrote
 * before from the output folder, so it must never be a folder the user keeps sources in.
 */
export function checkOutputFolder(outDir: string, contentDir: string, configFile: string): void {
  const out = path.resolve(outDir)
  const content = path.resolve(contentDir)
  const configDir = path.dirname(path.resolve(configFile))
  const problem =
    out === content
      ? 'is the content folder'
      : content.startsWith(`${out}${path.sep}`) || out === path.parse(out).root
        ? 'contains the content folder'
        : out === configDir
          ? `is the folder that holds ${path.basename(configFile)}`
          : undefined
  if (problem) {
    throw new UsageError(
      `the output folder ${out} ${problem}; kanal removes files it wrote before from its output folder, so it needs a folder of its own: choose another --out (default: dist)`,
    )
  }
}
