import type { BodyTemplates } from '../sites/body-templates.js'
import { translateLiquid } from './_liquid.js'
import { translateShortcodes } from './_shortcodes.js'

export type { BodyTemplates } from '../sites/body-templates.js'

/** Template code kanal left out of a body, with where it stood (0-based offset into the body). */
export interface LeftOut {
  offset: number
  tag: string
}

/** A body with its template code translated into Markdown/HTML, and what was left out. */
export interface Translated {
  text: string
  leftOut: LeftOut[]
}

/** Translates the built-ins of the site's template language; the rest is left out (and reported). */
export function translateTemplates(body: string, templates: BodyTemplates | undefined): Translated {
  if (templates === undefined) return { text: body, leftOut: [] }
  return templates.kind === 'liquid' ? translateLiquid(body, templates) : translateShortcodes(body, templates)
}

/** The file line and column of an offset into a body that starts at `bodyLine`. */
export function lineOf(body: string, offset: number, bodyLine: number): { line: number; column: number } {
  const before = body.slice(0, offset)
  const lines = before.split('\n')
  return { line: bodyLine + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 }
}
