import type { BuildResult } from '../build.js'
import { formatLocation, type LocatedError, type Location, type UsageError } from '../errors.js'
import { oneLine } from './_printable.js'

/** Where the CLI writes, and what the environment asks of it. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Record<string, string | undefined>
  /** stderr is a terminal: colour and progress allowed. */
  isTty: boolean
}

/** Prints errors, warnings and the summary line of a build or check as text. */
export function reportText(result: BuildResult, io: Io, verb: string, seconds: number): void {
  const paint = _painter(io)
  for (const error of result.errors)
    io.stderr(`${_prefix(error)}${paint('error', 31)}: ${oneLine(error.reason)}\n`)
  for (const warning of result.warnings)
    io.stderr(`${_prefix(warning)}${paint('warning', 33)}: ${oneLine(warning.reason)}\n`)
  for (const note of result.notes ?? []) io.stderr(`${_prefix(note)}note: ${oneLine(note.reason)}\n`)
  for (const held of result.heldBack) {
    if (held.reason !== 'scheduled') continue
    io.stderr(
      `${oneLine(held.file)}: note: scheduled for ${held.germanDate}; it appears in the feeds from then on (--future includes it now)\n`,
    )
  }
  if (io.env.GITHUB_ACTIONS === 'true') {
    for (const error of result.errors) io.stdout(`${workflowCommand('error', error)}\n`)
    for (const warning of result.warnings) io.stdout(`${workflowCommand('warning', warning)}\n`)
  }
  const changed = result.files.filter((file) => file.changed).length
  const files = result.ok
    ? verb === 'build'
      ? result.stats.upToDate
        ? `${result.files.length} files up to date (nothing changed since the last build)`
        : `${result.files.length} files written (${changed} changed)`
      : `${result.files.length} files checked`
    : 'nothing written'
  const counts = [
    `${result.articles} ${result.articles === 1 ? 'article' : 'articles'} read`,
    files,
    _count(result.errors.length, 'error'),
    _count(result.warnings.length, 'warning'),
    ..._heldBackCounts(result),
  ]
  io.stderr(`kanal ${verb}: ${counts.join(', ')} in ${seconds.toFixed(2)} s\n`)
  // Not ok without errors: only --strict does that, and the user should not have to guess.
  if (!result.ok && result.errors.length === 0 && result.warnings.length > 0) {
    const them =
      result.warnings.length === 1 ? 'the warning above into an error' : 'the warnings above into errors'
    io.stderr(
      `kanal ${verb}: --strict turned ${them}; fix ${result.warnings.length === 1 ? 'it' : 'them'} or build without --strict\n`,
    )
  }
}

/** The result as JSON for machines (`--reporter json`). */
export function reportJson(result: BuildResult, io: Io, seconds: number): void {
  const diagnostic = (item: LocatedError) => ({ ...item.location, message: item.reason })
  const json = {
    ok: result.ok,
    articles: result.articles,
    files: result.files,
    errors: result.errors.map(diagnostic),
    warnings: result.warnings.map(diagnostic),
    heldBack: result.heldBack,
    notes: (result.notes ?? []).map(diagnostic),
    stats: result.stats,
    ...(result.against ? { against: result.against } : {}),
    seconds: Number(seconds.toFixed(3)),
  }
  io.stdout(`${JSON.stringify(json, null, 2)}\n`)
}

/**
 * A usage or config error for machines and CI: the JSON result (`--reporter json`) with the problems
 * in `errors`, and with GITHUB_ACTIONS one annotation per problem at the config key's line.
 */
export function reportUsageError(error: UsageError, io: Io, json: boolean): void {
  const problems: _Problem[] =
    error.problems.length > 0 ? error.problems : [{ location: { file: '' }, reason: error.message }]
  if (io.env.GITHUB_ACTIONS === 'true') {
    for (const problem of problems) io.stdout(`${workflowCommand('error', problem)}\n`)
  }
  if (!json) return
  const result = {
    ok: false,
    articles: 0,
    files: [],
    errors: problems.map(({ location, reason }) => ({ ...(location.file ? location : {}), message: reason })),
    warnings: [],
  }
  io.stdout(`${JSON.stringify(result, null, 2)}\n`)
}

type _Problem = { location: Location; reason: string }

/** A GitHub Actions workflow command, so the problem shows on the pull request. */
export function workflowCommand(kind: 'error' | 'warning', item: _Problem): string {
  const { file, line, column } = item.location
  if (!file) return `::${kind}::${_escape(item.reason, false)}`
  const properties = [`file=${_escape(file, true)}`]
  if (line !== undefined) properties.push(`line=${line}`)
  if (column !== undefined) properties.push(`col=${column}`)
  return `::${kind} ${properties.join(',')}::${_escape(item.reason, false)}`
}

/** Escapes as GitHub documents for workflow commands; other control characters are shown escaped. */
function _escape(value: string, property: boolean): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const visible = value.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (character) =>
    oneLine(character),
  )
  const data = visible.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  return property ? data.replace(/:/g, '%3A').replace(/,/g, '%2C') : data
}

function _prefix(item: LocatedError): string {
  return `${oneLine(formatLocation(item.location))}: `
}

/** `1 scheduled`, `2 drafts left out`: only what there is. */
function _heldBackCounts(result: BuildResult): string[] {
  const scheduled = result.heldBack.filter((held) => held.reason === 'scheduled').length
  const drafts = result.heldBack.length - scheduled
  return [
    ...(scheduled > 0 ? [`${scheduled} scheduled`] : []),
    ...(drafts > 0 ? [`${_count(drafts, 'draft')} left out`] : []),
  ]
}

function _count(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function _painter(io: Io): (text: string, code: number) => string {
  const colour = io.isTty && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '')
  return (text, code) => (colour ? `\u001b[${code}m${text}\u001b[39m` : text)
}
