import { spawnSync } from 'node:child_process'

/** Whether a generator's command is installed (Debian: `apt-get install jekyll hugo`). */
export function hasCommand(command: string, versionArgs: string[]): boolean {
  const result = spawnSync(command, versionArgs, { encoding: 'utf8' })
  return result.status === 0
}

/** Runs a generator; its output is returned so a failing build shows why. */
export function runGenerator(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`)
  return `${result.stdout}${result.stderr}`
}

/** What a generator published per page, read from `<meta name="kanal-…">` lines its one-line layout writes. */
export function readMeta(html: string): Record<string, string> {
  const meta: Record<string, string> = {}
  for (const match of html.matchAll(/<meta name="kanal-(\w+)" content="([^"]*)">/g)) {
    meta[match[1] as string] = match[2] as string
  }
  return meta
}

/**
 * Hugo's own RSS template writes `.Title` as written (entities, `--` and `...` untouched); what readers
 * see on the site is the theme's `{{ .Title | markdownify }}`: typographer applied, entities shown as
 * characters. This small layout renders feed titles that way, so the comparison is with the site.
 */
export const THEMED_RSS = {
  'layouts/_default/rss.xml': `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel><title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link><description>x</description>
{{ range .Site.RegularPages }}<item><title>{{ .Title | markdownify | plainify | htmlUnescape }}</title><link>{{ .Permalink }}</link><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><guid>{{ .Permalink }}</guid></item>
{{ end }}</channel></rss>
`,
}
