import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { load, YAMLException } from 'js-yaml'
import { parse as parseTomlText, TomlError } from 'smol-toml'
import { UsageError } from '../errors.js'
import type { Generator } from './generator.js'

/** What `init --from` found in a site: the kanal config it makes of it, and what it reports. */
export interface FoundSite {
  generator: Generator
  /** kanal.config.json's keys, from the site's own settings. */
  config: Record<string, unknown>
  /** What was read, and from where, one line each. */
  found: string[]
  /** What had to be assumed, one line each. */
  assumed: string[]
  /** What kanal cannot do as the site does, and what to do about it, one line each. */
  notes: string[]
  /** Where the site's current feed may be: its build output's feed files, the URL its settings give. */
  feedPlaces?: FeedPlaces
  /** The site's current feed, when one was found (set by `findSite`). */
  oldFeed?: OldFeed
}

/** Where to look for a site's published feed: files below the site folder, and its URL. */
export interface FeedPlaces {
  files: string[]
  url?: string
}

/** The feed a site publishes today, as `init --from` found it: a file in the site folder, or its URL. */
export interface OldFeed {
  /** A feed file below the site folder (with `/`), when one is there. */
  file?: string
  /** The URL the site's settings give for it; init never fetches it. */
  url?: string
  /** How many items the file holds. */
  items?: number
  /** Every item's id is its link (Hugo, many RSS feeds): kanal's `idFrom: "url"` gives the same ids. */
  idsAreLinks?: boolean
  /** The file was built for another address than the site's (`jekyll serve`: localhost): that origin. */
  builtFor?: string
}

/** Collects a FoundSite: values read from a file, or assumed with a reason. */
export class SiteNotes {
  readonly config: Record<string, unknown> = {}
  readonly found: string[] = []
  readonly assumed: string[] = []
  readonly notes: string[] = []
  feedPlaces: FeedPlaces = { files: [] }

  /** Sets `key` to the first given value, noting where it came from; else to `fallback`, noting why. */
  set(key: string, value: unknown, from: string, fallback?: unknown, why?: string): void {
    if (value !== undefined && value !== null && value !== '') {
      this.config[key] = value
      this.found.push(`${key}: ${JSON.stringify(value)} (${from})`)
    } else if (fallback !== undefined) {
      this.config[key] = fallback
      this.assumed.push(`${key}: ${JSON.stringify(fallback)}${why ? ` (${why})` : ''}`)
    }
  }

  site(generator: Generator): FoundSite {
    return {
      generator,
      config: this.config,
      found: this.found,
      assumed: this.assumed,
      notes: this.notes,
      feedPlaces: this.feedPlaces,
    }
  }
}

/** `name` below a site URL the site's settings gave, or undefined without one. */
export function feedUrlOf(siteUrl: string | undefined, name: string): string | undefined {
  return siteUrl === undefined ? undefined : new URL(name.replace(/^\/+/, ''), siteUrl).href
}

/** The first of `names` that exists in `dir`. */
export function firstFile(dir: string, names: string[]): string | undefined {
  return names.find((name) => existsSync(path.join(dir, name)))
}

/**
 * Reads a generator's settings file (YAML, TOML or JSON by its extension) as an object; a file that
 * cannot be parsed is a usage error naming its line (exit 2).
 */
export function readSettingsFile(dir: string, name: string): Record<string, unknown> {
  const text = readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '')
  let data: unknown
  try {
    if (name.endsWith('.toml')) data = parseTomlText(text)
    else if (name.endsWith('.json')) data = JSON.parse(text)
    else data = load(text, { filename: name })
  } catch (error) {
    const line =
      error instanceof TomlError
        ? error.line
        : error instanceof YAMLException
          ? error.mark.line + 1
          : undefined
    const reason = (error as Error).message.split('\n')[0]
    throw new UsageError(
      `${name}${line === undefined ? '' : `:${line}`}: cannot read the site's settings (${reason}); fix the file, then run kanal init --from again`,
    )
  }
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
}

/** A text value, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** A language tag as kanal writes it: `de_DE` and `de-de` become `de-DE`. */
export function languageTag(value: unknown): string | undefined {
  const tag = text(value)?.replace(/_/g, '-')
  if (!tag || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag)) return undefined
  const [first, ...rest] = tag.split('-')
  return [first?.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join(
    '-',
  )
}

/** An author as kanal's config takes it: `{ name, email? }` from a name or a mapping. */
export function authorOf(value: unknown): { name: string; email?: string } | undefined {
  const name = text(value)
  if (name) return { name }
  if (!value || typeof value !== 'object') return undefined
  const record = value as Record<string, unknown>
  const named = text(record.name)
  if (!named) return undefined
  const email = text(record.email)
  return email ? { name: named, email } : { name: named }
}

/** A site URL with its path: `https://x.de` + `/blog` → `https://x.de/blog/`. */
export function siteUrlOf(url: unknown, basePath: unknown = ''): string | undefined {
  const base = text(url)
  if (!base || !URL.canParse(base)) return undefined
  const joined = new URL(base)
  const below = (text(basePath) ?? '').replace(/^\/+|\/+$/g, '')
  joined.pathname = `${joined.pathname.replace(/\/+$/, '')}/${below ? `${below}/` : ''}`
  return joined.href
}
