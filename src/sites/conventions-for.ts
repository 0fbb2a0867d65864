import { astro } from './_astro.js'
import type { SiteConventions } from './_conventions.js'
import { eleventy } from './_eleventy.js'
import { hugo } from './_hugo.js'
import { jekyll } from './_jekyll.js'
import type { Generator } from './generator.js'

const _BY_NAME: Record<Generator, SiteConventions> = { jekyll, hugo, eleventy, astro }

/** The conventions of the generator a config names (`from`), or undefined for kanal's own content. */
export function conventionsFor(from: Generator | undefined): SiteConventions | undefined {
  return from === undefined ? undefined : _BY_NAME[from]
}
