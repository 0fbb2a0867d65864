/** Work a build did, and work it saved by reusing what an earlier build made. */
export interface BuildStats {
  /** Articles whose front matter was read and parsed. */
  parsed: number
  /** Articles whose front matter came from the cache. */
  reused: number
  /** Bodies read and rendered. */
  rendered: number
  /** Bodies whose HTML came from the cache (not read at all). */
  renderReused: number
  /**
   * True when content, config and output were exactly as the last build left them: that build's
   * outcome is reported again (the counts above are its articles and shown bodies) and nothing is
   * read, rendered or written.
   */
  upToDate: boolean
}

/** The former name of `BuildStats`, kept for programs written against kanal 0.1. */
export type CacheStats = BuildStats

/** Counters at zero, for one build. */
export function newStats(): BuildStats {
  return { parsed: 0, reused: 0, rendered: 0, renderReused: 0, upToDate: false }
}
