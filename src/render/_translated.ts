/** Template code kanal left out of a body, with where it stood (0-based offset into the body). */
export interface LeftOut {
  offset: number
  tag: string
}

/** A body with its template code translated into Markdown/HTML, and what was left out. */
export interface Translated {
  text: string
  leftOut: LeftOut[]
  /** Another file's text was inlined (`{% include %}`): the result may change without the body changing. */
  inlined?: true
}
