import { SelfCheckError } from '../errors.js'
import type { OutputFile } from '../output/file.js'
import { checkAtom, checkJsonFeed, checkRss } from './rules.js'
import { parseXml } from './xml-tree.js'

/**
 * Parses every document kanal produced again, strictly, and checks the rules of its format that kanal
 * implements. A failure is a kanal bug: nothing gets written.
 */
export function selfCheck(files: OutputFile[]): void {
  const problems: string[] = []
  for (const file of files) {
    try {
      for (const problem of _check(file)) problems.push(`${file.path}: ${problem}`)
    } catch (error) {
      problems.push(`${file.path}: is not well-formed: ${(error as Error).message}`)
    }
  }
  if (problems.length > 0) {
    throw new SelfCheckError(
      `kanal produced invalid output (a bug in kanal; nothing was written):\n${problems.join('\n')}`,
    )
  }
}

function _check(file: OutputFile): string[] {
  if (file.path.endsWith('.json')) {
    const value: unknown = JSON.parse(file.contents)
    return file.path.endsWith('feed.json') ? checkJsonFeed(value) : []
  }
  if (file.path.endsWith('rss.xml')) return checkRss(parseXml(file.contents))
  if (file.path.endsWith('atom.xml')) return checkAtom(parseXml(file.contents))
  if (/\.(xml|opml|xsl)$/.test(file.path)) parseXml(file.contents)
  return []
}
