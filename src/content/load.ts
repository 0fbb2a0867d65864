import path from 'node:path'
import type { Config } from '../config.js'
import { ContentError } from '../errors.js'
import type { Article } from './article.js'
import { findArticles } from './find.js'
import { parseFrontMatter } from './front-matter.js'
import { readSource } from './read.js'
import { toArticle } from './to-article.js'
import { findDuplicates } from './unique.js'

/** Every article of the content folder, validated, with all problems found on the way. */
export interface LoadedContent {
  articles: Article[]
  /** Files found. */
  count: number
  errors: ContentError[]
  warnings: ContentError[]
}

/** Finds, reads (front matter only) and validates every article below `contentDir`. */
export async function loadArticles(contentDir: string, config: Config, cwd: string): Promise<LoadedContent> {
  const files = await findArticles(contentDir)
  const articles: Article[] = []
  const errors: ContentError[] = []
  const warnings: ContentError[] = []
  for (const relative of files) {
    const filePath = path.join(contentDir, relative)
    const file = path.relative(cwd, filePath).split(path.sep).join('/')
    try {
      const source = readSource(filePath, file, relative)
      const result = toArticle(source, parseFrontMatter(source), config)
      errors.push(...result.errors)
      warnings.push(...result.warnings)
      if (result.article) articles.push(result.article)
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      errors.push(error)
    }
  }
  errors.push(...findDuplicates(articles))
  return { articles, count: files.length, errors, warnings }
}
