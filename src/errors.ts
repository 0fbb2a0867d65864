/** Where in the content a problem sits. Paths are relative to the working directory, with `/`. */
export interface Location {
  file: string
  line?: number
  column?: number
}

/** Renders a location as `file:line:column`, leaving out the parts that are unknown. */
export function formatLocation(location: Location): string {
  let text = location.file
  if (location.line !== undefined) {
    text += `:${location.line}`
    if (location.column !== undefined) text += `:${location.column}`
  }
  return text
}

/** Orders problems by file, then line, then column, so reports read top to bottom. */
export function byLocation(a: { location: Location }, b: { location: Location }): number {
  const x = a.location
  const y = b.location
  if (x.file !== y.file) return x.file < y.file ? -1 : 1
  return (x.line ?? 0) - (y.line ?? 0) || (x.column ?? 0) - (y.column ?? 0)
}

/** A problem with a place: the location is part of the message and kept apart as `location` and `reason`. */
export abstract class LocatedError extends Error {
  /** Where the problem sits; also part of the message. */
  readonly location: Location
  /** The message without the location prefix. */
  readonly reason: string

  constructor(location: Location, reason: string, options?: ErrorOptions) {
    super(`${formatLocation(location)}: ${reason}`, options)
    this.location = location
    this.reason = reason
  }
}

/** The content is wrong: the author can fix it. Exit code 1. */
export class ContentError extends LocatedError {
  override name = 'ContentError'
}

/**
 * kanal's own saved state (the cache, the build stamp, the output manifest) is damaged or was changed
 * by someone else. Always a warning: the build goes on without it, and the state is written anew.
 */
export class StateError extends LocatedError {
  override name = 'StateError'
}

/** A WebSub hub did not take a ping. A warning: the feeds were written; the next `--ping` build tries again. */
export class PingError extends LocatedError {
  override name = 'PingError'
}

/** Anything a build reports as a warning: about the content, about kanal's own state, or a failed ping. */
export type BuildWarning = ContentError | StateError | PingError

/**
 * Whether warnings fail a `--strict` build. A `StateError` (kanal's own cache or build stamp could
 * not be used) is reported but does not count: it says nothing about the content, and the build
 * that rewrites the damaged state must be allowed to run. Content and ping warnings count.
 */
export function failsStrict(warnings: readonly { name: string }[]): boolean {
  return warnings.some((warning) => !(warning instanceof StateError))
}

/** One problem of a usage error, where it has a place (a key in the config file). */
export interface UsageProblem {
  location: Location
  reason: string
}

/** The configuration or the command line is wrong. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
  /** The problems one by one, with the file and line of each where known (for CI annotations). */
  readonly problems: UsageProblem[]

  constructor(message: string, options?: ErrorOptions & { problems?: UsageProblem[] }) {
    super(message, options)
    this.problems = options?.problems ?? []
  }
}

/** kanal produced a document that fails its own self-check: a bug in kanal. Exit code 3. */
export class SelfCheckError extends Error {
  override name = 'SelfCheckError'
}
