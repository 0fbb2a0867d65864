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
  /**
   * Inode change time and inode, when known: with size and mtime, what tells that the file is still
   * the one read (`touch` can set the mtime back, never the ctime; an editor's save makes a new inode).
   */
  ctimeMs?: number
  ino?: number
}

/** A top-level key and the file line and column of its value. */
export type KeyPosition = [key: string, line: number, column: number]

/** Front matter as YAML gave it, with where each top-level key sits in the file. */
export interface FrontMatter {
  /** The values; timestamps stay strings (the author's text) because the schema has no timestamp type. */
  data: Record<string, unknown>
  /** Where each top-level key's value sits, for messages that point at it. */
  positions: KeyPosition[]
  /** Problems a generator's conventions found (template code in a permalink): warnings at the key. */
  notes?: { key: string; reason: string }[]
}
