import { access } from 'node:fs/promises'
import path from 'node:path'
import { readConfig } from '../config.js'
import { UsageError } from '../errors.js'
import { defineCommand } from './_command.js'
import { oneLine, safeLines } from './_printable.js'
import type { Io } from './_report.js'

const _HELP = `Usage: kanal import <file|folder>... [options]

Turns plain-text newsroom exports (date line, category line, headline, paragraphs) into Markdown
articles with front matter, one <slug>.md per article. Folders import every .txt file inside.

Options:
  --content <dir>      where to write the articles (default: content)
  --config <file>      config file, for the time zone (default: kanal.config.json, if present)
  --dry-run            print what would be written, write nothing
  --force              overwrite existing articles
  -h, --help           show this help
`

/** `kanal import <file|folder>…`: the files and folders to import are its arguments. */
export const importCommand = defineCommand({
  meta: { name: 'import', description: 'turn plain-text newsroom exports into Markdown articles' },
  help: _HELP,
  args: {
    content: { type: 'string' },
    config: { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  positionals: true,
  run: ({ positionals, values, io, cwd }) => runImport(positionals, values, io, cwd),
})

/** `kanal import`: prints what it wrote (or would write) and every file it could not import. */
export async function runImport(
  inputs: string[],
  values: { content?: string; config?: string; 'dry-run'?: boolean; force?: boolean },
  io: Io,
  cwd: string,
): Promise<number> {
  if (inputs.length === 0)
    throw new UsageError('import needs at least one file or folder; see kanal import --help')
  const timeZone = await _timeZone(values.config, cwd)
  // Loaded only here: a build never needs the importer.
  const { importArticles } = await import('../import/import.js')
  // Each article is printed as it is written: a full disk that stops the run part-way leaves a list of
  // what is already there.
  const result = await importArticles(inputs, {
    cwd,
    contentDir: values.content ?? 'content',
    timeZone,
    dryRun: values['dry-run'] ?? false,
    force: values.force ?? false,
    onArticle: (article) => {
      if (values['dry-run'])
        io.stdout(`${safeLines(`# ${article.target} (from ${article.source})\n${article.markdown}`)}\n`)
      else io.stderr(`${oneLine(article.source)} → ${oneLine(article.target)}\n`)
      if (article.adjustment)
        io.stderr(`${oneLine(article.source)}:1: warning: date: ${oneLine(article.adjustment)}\n`)
    },
  })
  for (const error of result.errors) io.stderr(`${safeLines(error.message)}\n`)
  const verb = values['dry-run'] ? 'would write' : 'wrote'
  const articles = result.articles.length
  const errors = result.errors.length
  io.stderr(
    `kanal import: ${verb} ${articles} ${articles === 1 ? 'article' : 'articles'}, ${errors} ${errors === 1 ? 'error' : 'errors'}\n`,
  )
  return result.errors.length > 0 ? 1 : 0
}

/** The config's time zone when there is a config; Europe/Berlin otherwise. */
async function _timeZone(config: string | undefined, cwd: string): Promise<string> {
  const file = path.resolve(cwd, config ?? 'kanal.config.json')
  const exists = await access(file).then(
    () => true,
    () => false,
  )
  if (!exists && config === undefined) return 'Europe/Berlin'
  return (await readConfig(file, {}, config ?? 'kanal.config.json')).timeZone
}
