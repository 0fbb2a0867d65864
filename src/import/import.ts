import { access, readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ContentError } from '../errors.js'
import { writeFileAtomically } from '../write-file.js'
import { decodeText } from './_decode.js'
import { findTextFiles } from './_find.js'
import { type ParsedExport, parseExport } from './_parse.js'
import { toDisplayPath } from './_paths.js'
import { renderArticle } from './_render.js'
import { toArticleSlug } from './_slug.js'

/** How `importArticles` runs. */
export interface ImportOptions {
  /** Folder the Markdown files go to, relative to `cwd`; created when missing. */
  contentDir: string
  /** IANA zone the date lines are read in (`Europe/Berlin`); the written wall time means the same there. */
  timeZone: string
  /** Write nothing; the Markdown is still returned. */
  dryRun?: boolean
  /** Replace existing Markdown files. */
  force?: boolean
  /** Folder that inputs, `contentDir` and the returned paths are relative to; defaults to `process.cwd()`. */
  cwd?: string
  /**
   * Told of each article as soon as it is written (or, in a dry run, made): a run the file system
   * stops part-way (a full disk) has then said which articles it wrote before it throws.
   */
  onArticle?: (article: ImportedArticle) => void
}

/** One export that became (or, in a dry run, would become) a Markdown file. */
export interface ImportedArticle {
  /** The export, relative to `cwd`, with `/`. */
  source: string
  /** The Markdown file, relative to `cwd`, with `/`. */
  target: string
  /** The Markdown written or, in a dry run, that would be written. */
  markdown: string
  /** Whether the file was written (`false` in a dry run). */
  written: boolean
  /** Set when daylight saving time moved the date line's time (`2:30 Uhr` on the spring-forward night); worth a warning. */
  adjustment?: string
}

/** What an import did: the articles it produced and every problem it found. */
export interface ImportResult {
  articles: ImportedArticle[]
  errors: ContentError[]
}

/** Turns plain-text newsroom exports (files or folders of .txt) into front-mattered Markdown in the content folder. */
export async function importArticles(inputs: string[], options: ImportOptions): Promise<ImportResult> {
  const cwd = options.cwd ?? process.cwd()
  const found = await findTextFiles(inputs, cwd)
  const result: ImportResult = { articles: [], errors: [...found.errors] }
  const claimed = new Map<string, string>()
  for (const file of found.files) {
    try {
      const article = await _importFile(file, cwd, options, claimed)
      result.articles.push(article)
      options.onArticle?.(article)
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      result.errors.push(error)
    }
  }
  return result
}

/** Imports one export; `claimed` maps targets of this run to their sources, so no two inputs share a file. */
async function _importFile(
  file: string,
  cwd: string,
  options: ImportOptions,
  claimed: Map<string, string>,
): Promise<ImportedArticle> {
  const source = toDisplayPath(file, cwd)
  const parsed = parseExport(decodeText(await _read(file, source), source), source, options.timeZone)
  const path = resolve(cwd, options.contentDir, `${_slug(parsed, source)}.md`)
  const target = toDisplayPath(path, cwd)
  const other = claimed.get(target)
  if (other !== undefined) {
    const reason = `${target} would be written twice, from ${other} and from ${source}; change one of the headlines`
    throw new ContentError({ file: source, line: parsed.titleLine }, reason)
  }
  claimed.set(target, source)
  const markdown = renderArticle(parsed)
  const refused = new ContentError(
    { file: target },
    `already exists (from ${source}); use --force to overwrite`,
  )
  if (options.dryRun) {
    if (!options.force && (await _exists(path))) throw refused
    return _article(parsed, { source, target, markdown, written: false })
  }
  if (!(await writeFileAtomically(path, markdown, options.force === true))) throw refused
  return _article(parsed, { source, target, markdown, written: true })
}

function _article(parsed: ParsedExport, article: ImportedArticle): ImportedArticle {
  return parsed.adjustment === undefined ? article : { ...article, adjustment: parsed.adjustment }
}

function _slug(parsed: ParsedExport, source: string): string {
  const slug = toArticleSlug(parsed.title)
  if (slug !== '') return slug
  const reason = 'the headline has no letters or digits to make a file name from'
  throw new ContentError({ file: source, line: parsed.titleLine }, reason)
}

async function _read(file: string, source: string): Promise<Uint8Array> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new ContentError({ file: source }, `cannot be read (${code})`, { cause: error })
  }
}

async function _exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
