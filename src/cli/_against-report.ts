import { appendFile } from 'node:fs/promises'
import type { AgainstReport } from '../guard/against.js'
import type { FeedDiff, IdentityBreak } from '../guard/compare.js'
import { oneLine } from './_printable.js'
import type { Io } from './_report.js'

/** The comparison as text, feed by feed: counts, then every new, updated, left and broken item. */
export function reportAgainstText(report: AgainstReport, print: (text: string) => void): void {
  print(`compared with the published feeds at ${oneLine(report.against)}:\n`)
  for (const diff of report.feeds) {
    print(`${oneLine(diff.feed)} (${oneLine(diff.source)}): ${_counts(diff)}\n`)
    for (const item of diff.new) print(`  new: ${_title(item.title)} ${oneLine(item.link ?? item.id)}\n`)
    for (const item of diff.updated) print(`  updated: ${_title(item.title)} (${item.changed.join(', ')})\n`)
    for (const item of diff.left)
      print(
        `  left: ${_title(item.title)} (${item.reason === 'limit' ? 'pushed out by newer items' : 'removed'})\n`,
      )
    for (const broken of diff.breaks)
      print(`  identity break: ${_title(broken.title)}: ${oneLine(_breakText(broken))}\n`)
  }
  const { breaks } = report.counts
  print(
    breaks > 0
      ? `${breaks} identity ${breaks === 1 ? 'break' : 'breaks'}: subscribers would see published articles again as new\n`
      : 'no identity breaks: subscribers see only what is new or updated\n',
  )
}

/** With GITHUB_STEP_SUMMARY set: the comparison as Markdown, appended for the job's summary page. */
export async function writeStepSummary(report: AgainstReport, io: Io): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY
  if (!file) return
  // The summary is a courtesy to the pull request: a file that cannot be written is no reason to fail.
  await appendFile(file, toMarkdownSummary(report)).catch((error: NodeJS.ErrnoException) => {
    io.stderr(
      `kanal: warning: cannot append the summary to GITHUB_STEP_SUMMARY (${oneLine(file)}: ${error.code ?? error.message})\n`,
    )
  })
}

/** Counts per feed, then the broken, new and updated items with their titles. */
export function toMarkdownSummary(report: AgainstReport): string {
  const { counts } = report
  const lines = [
    `### kanal: what subscribers will see (against \`${_code(report.against)}\`)`,
    '',
    counts.breaks > 0
      ? `**${counts.breaks} identity ${counts.breaks === 1 ? 'break' : 'breaks'}**: published articles would come back as new; nothing was published.`
      : 'No identity breaks: subscribers see only what is new or updated.',
    '',
    '| feed | new | updated | left | identity breaks | unchanged |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...report.feeds.map(
      (diff) =>
        `| \`${_code(diff.feed)}\` | ${diff.new.length} | ${diff.updated.length} | ${diff.left.length} | ${diff.breaks.length} | ${diff.unchanged} |`,
    ),
  ]
  const section = (title: string, items: string[]) =>
    items.length > 0 ? ['', `#### ${title}`, '', ...items] : []
  const each = <Item>(pick: (diff: FeedDiff) => Item[], line: (item: Item) => string) => [
    ...new Set(report.feeds.flatMap((diff) => pick(diff).map(line))),
  ]
  lines.push(
    ...section(
      'Identity breaks',
      each(
        (diff) => diff.breaks,
        (broken) => `- ${_md(broken.title)}: ${_md(_breakText(broken))}`,
      ),
    ),
    ...section(
      'New',
      each(
        (diff) => diff.new,
        (item) => `- ${_md(item.title)}`,
      ),
    ),
    ...section(
      'Updated',
      each(
        (diff) => diff.updated,
        (item) => `- ${_md(item.title)} (${item.changed.join(', ')})`,
      ),
    ),
  )
  return `${lines.join('\n')}\n\n`
}

function _breakText(broken: IdentityBreak): string {
  switch (broken.kind) {
    case 'id-changed':
      return `id changed from ${broken.oldId} to ${broken.newId}`
    case 'date-moved':
      return `published date moved from ${broken.oldDate} to ${broken.newDate}`
    case 'id-reused':
      return `takes the id ${broken.oldId} of "${broken.oldTitle ?? ''}"`
  }
}

function _counts(diff: FeedDiff): string {
  return `${diff.new.length} new, ${diff.updated.length} updated, ${diff.left.length} left, ${diff.breaks.length} identity ${diff.breaks.length === 1 ? 'break' : 'breaks'}, ${diff.unchanged} unchanged`
}

function _title(title: string): string {
  return JSON.stringify(oneLine(title))
}

/** Markdown of user text: one line, with what Markdown or HTML would read as markup escaped. */
function _md(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#]/g, (character) => `\\${character}`)
}

function _code(text: string): string {
  return oneLine(text).replace(/`/g, "'")
}
