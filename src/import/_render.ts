import { escapeMarkdown } from './_escape.js'
import type { ParsedExport } from './_parse.js'
import { toYamlString } from './_yaml.js'

/** Renders a parsed export as front-mattered Markdown: `title`, `date`, `category`, a blank line, the paragraphs. */
export function renderArticle(article: ParsedExport): string {
  const frontMatter = [
    `title: ${toYamlString(article.title)}`,
    `date: ${toYamlString(article.date)}`,
    `category: ${toYamlString(article.category)}`,
  ]
  const body = article.paragraphs.map(escapeMarkdown).join('\n\n')
  return `---\n${frontMatter.join('\n')}\n---\n\n${body}\n`
}
