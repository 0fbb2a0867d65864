import { SelfCheckError, UsageError } from '../errors.js'
import type { KeptFile, OutputFile } from '../output/file.js'
import { checkAtom, checkJsonFeed, checkRss } from './_rules.js'
import { parseXml } from './xml-tree.js'

/**
 * Parses a document kanal produced again, strictly, and checks the rules of its format that kanal
 * implements. A failure is a kanal bug: the build stops and nothing gets written.
 */
export function selfCheck(file: OutputFile): void {
  let problems: string[]
  try {
    problems = _check(file)
  } catch (error) {
    problems = [`is not well-formed: ${(error as Error).message}`]
  }
  if (problems.length > 0) {
    const list = problems.map((problem) => `${file.path}: ${problem}`).join('\n')
    throw new SelfCheckError(`kanal produced invalid output (a bug in kanal; nothing was written):\n${list}`)
  }
}

/**
 * Passes files on as they come, each at its own path (and, unless `check` is false, each checked;
 * kept files were checked when they were written).
 */
export function* checked<T extends OutputFile | KeptFile>(files: Iterable<T>, check = true): Generator<T> {
  const paths = new Set<string>()
  for (const file of files) {
    if (paths.has(file.path)) {
      throw new UsageError(
        `two outputs would be written to ${file.path}: choose a categoryPath or tagPath that no other feed uses`,
      )
    }
    paths.add(file.path)
    if (check && 'contents' in file) selfCheck(file)
    yield file
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
