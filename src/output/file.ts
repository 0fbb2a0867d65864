/** A file kanal produced, before it is written. */
export interface OutputFile {
  /** Path below the output folder, with `/`. */
  path: string
  /** Full contents. */
  contents: string
}

/**
 * A file the last build wrote, still on disk as written, that this build would write with the same
 * bytes (`BuildStamp.kept`): it is neither produced nor checked again.
 */
export interface KeptFile {
  /** Path below the output folder, with `/`. */
  path: string
  kept: { bytes: number; sha256: string }
}
