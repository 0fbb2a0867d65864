import type { BodyTemplates } from '../sites/body-templates.js'
import { translateLiquid } from './_liquid.js'
import { translateShortcodes } from './_shortcodes.js'
import type { LeftOut, Translated } from './_translated.js'

export type { BodyTemplates } from '../sites/body-templates.js'

/**
 * Translates the built-ins of the site's template language; the rest is left out (unknown pairs keep
 * their content) and reported once per name, at its first place.
 */
export function translateTemplates(body: string, templates: BodyTemplates | undefined): Translated {
  if (templates === undefined) return { text: body, leftOut: [] }
  const translated =
    templates.kind === 'liquid' ? translateLiquid(body, templates) : translateShortcodes(body, templates)
  return { ...translated, leftOut: _oncePerName(translated.leftOut) }
}

// A site that wraps raw HTML in its own shortcode uses it hundreds of times: one warning says it all.
function _oncePerName(leftOut: LeftOut[]): LeftOut[] {
  const first = new Map<string, LeftOut>()
  for (const item of leftOut) {
    const key = `${item.close === undefined ? 'single' : 'pair'} ${item.name}`
    const seen = first.get(key)
    if (seen === undefined) first.set(key, { ...item })
    else seen.count = (seen.count ?? 1) + 1
  }
  return [...first.values()]
}

/** The file line and column of an offset into a body that starts at `bodyLine`. */
export function lineOf(body: string, offset: number, bodyLine: number): { line: number; column: number } {
  const before = body.slice(0, offset)
  const lines = before.split('\n')
  return { line: bodyLine + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 }
}
