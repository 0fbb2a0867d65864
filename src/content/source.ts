/** An article file whose front matter has been located but not yet parsed or validated. */
export interface SourceFile {
  /** Path for messages: relative to the working directory, with `/`. */
  file: string
  /** Path for reading. */
  path: string
  /** Path below the content folder, with `/` (`2024/wahl.md`). */
  relative: string
  /** File line (1-based) of the first YAML line. */
  frontMatterLine: number
  /** Byte offset at which the body starts. */
  bodyOffset: number
  /** File line (1-based) at which the body starts. */
  bodyLine: number
  /** File size in bytes. */
  size: number
  /** Modification time, for the cache. */
  mtimeMs: number
}
