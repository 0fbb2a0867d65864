import type { Config } from '../config.js'
import { ContentError } from '../errors.js'
import { conventionsFor } from '../sites/conventions-for.js'
import { parseFrontMatter } from './_front-matter.js'
import { toArticle } from './_to-article.js'
import type { Article } from './article.js'
import { readSource } from './read.js'
import type { SourceFile } from './source.js'

/** One article file: where to read it, and how messages name it. */
export interface ArticleFile {
  /** Path for reading. */
  path: string
  /** Path for messages: relative to the working directory, with `/`. */
  file: string
  /** Path below the content folder, with `/`. */
  relative: string
}

/** The article files of a build by position, each made when it is asked for. */
export interface ContentFiles {
  count: number
  at(index: number): ArticleFile
}

/** What reading one file gave: its article when it has one (possibly with errors), and its problems. */
export interface ReadArticle {
  article?: Article | undefined
  errors: ContentError[]
  warnings: ContentError[]
  /** SHA-256 of the whole file, when it was read whole (a cache tells an untouched file by it). */
  fileHash?: string
  /** A generator's page that is no article (a headless bundle): read and left out, with its size and mtime. */
  notArticle?: Pick<SourceFile, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>
}

/**
 * Reads and validates files, and hands each outcome to `found` with the file's position, in any order.
 * The plain one is `readEach` below; a faster one may answer from a cache or use threads.
 */
export type ArticleReader = (
  files: ContentFiles,
  config: Config,
  found: (index: number, result: ReadArticle) => void,
) => Promise<void>

/**
 * Reads one article file as far as the feeds need it before selection: its front matter, parsed and
 * validated. The body stays on disk. Problems of the file come back with it, never thrown.
 */
export function readArticle(file: ArticleFile, config: Config): ReadArticle {
  try {
    const read = readSource(file.path, file.file, file.relative)
    const parsed = parseFrontMatter(read.source, read.yaml, read.format)
    const conventions = conventionsFor(config.from)
    // A generator's page that is no article (a Hugo list page, a headless bundle) is left out quietly.
    const frontMatter = conventions ? conventions.toKanal(parsed, file.relative) : parsed
    if (frontMatter === undefined) {
      const { size, mtimeMs, ctimeMs, ino } = read.source
      return { errors: [], warnings: [], notArticle: { size, mtimeMs, ctimeMs, ino } }
    }
    const result = toArticle(read.source, frontMatter, config)
    return read.fileHash === undefined ? result : { ...result, fileHash: read.fileHash }
  } catch (error) {
    if (!(error instanceof ContentError)) throw error
    return { errors: [error], warnings: [] }
  }
}

/**
 * The front-matter keys of one file that neither kanal nor the config's generator knows (what
 * `init --from` records in `ignoreKeys`); a file that cannot be read has none.
 */
export function readUnknownKeys(file: ArticleFile, config: Config): string[] {
  return readArticle(file, config).warnings.flatMap((warning) => {
    // A key one edit off a known one ("titel") is a typo to fix, not a key to accept.
    const key = /^unknown key "([^"]+)"/.exec(warning.reason)?.[1]
    return key === undefined || warning.reason.includes('did you mean') ? [] : [key]
  })
}

/** The plain reader: every file, one after another, on this thread. */
export const readEach: ArticleReader = async (files, config, found) => {
  for (let index = 0; index < files.count; index++) found(index, readArticle(files.at(index), config))
}
