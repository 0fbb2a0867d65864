/** A file kanal produced, before it is written. */
export interface OutputFile {
  /** Path below the output folder, with `/`. */
  path: string
  /** Full contents. */
  contents: string
}
