/** Template code kanal left out of a body, with where it stood (0-based offset into the body). */
export interface LeftOut {
  offset: number
  tag: string
  /** What it is called (`rawhtml`, `if`, `page.title`): warnings come once per name and file. */
  name: string
  /** The closing tag of a pair whose tags were dropped and whose content was kept; absent for a single tag. */
  close?: string
  /** How many of this name (and pairing) the body holds, when more than one. */
  count?: number
}

/** A body with its template code translated into Markdown/HTML, and what was left out. */
export interface Translated {
  text: string
  leftOut: LeftOut[]
  /** Another file's text was inlined (`{% include %}`): the result may change without the body changing. */
  inlined?: true
}
