import type { BodyTemplates } from '../sites/body-templates.js'
import { translateLiquid } from './_liquid.js'
import { translateShortcodes } from './_shortcodes.js'
import type { Translated } from './_translated.js'

export type { BodyTemplates } from '../sites/body-templates.js'

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
