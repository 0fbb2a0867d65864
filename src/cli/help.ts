/** `kanal --help` and each command's help text. */
export const HELP: Record<string, string> = {
  kanal: `kanal – builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 from Markdown articles

Usage: kanal <command> [options]

Commands:
  build    build the feeds from the content folder into the output folder
  check    validate config and content like build, write nothing
  init     set up kanal.config.json and a content folder with an example article
  import   turn plain-text newsroom exports into Markdown articles
  serve    build, serve the output on localhost and rebuild when content changes

Options:
  -h, --help     show help (also: kanal <command> --help)
  -v, --version  show the version

Exit codes: 0 success, 1 content errors, 2 usage or config errors, 3 internal error (a bug in kanal)
`,
  build: `Usage: kanal build [options]

Builds every feed from the content folder and writes it to the output folder, all or nothing.

Options:
  --config <file>      config file (default: kanal.config.json)
  --content <dir>      content folder (default: content)
  --out <dir>          output folder (default: dist)
  --site-url <url>     use this siteUrl instead of the config's (preview deployments)
  --now <date>         "now" for leaving out future articles (ISO 8601; default: SOURCE_DATE_EPOCH or the clock)
  --drafts             include articles with draft: true
  --future             include articles dated after now
  --strict             treat warnings as errors
  --reporter <name>    text (default) or json
  --cache-dir <dir>    cache folder (default: node_modules/.cache/kanal)
  --no-cache           neither read nor write the cache
  --ping               notify the config's WebSub hubs of every feed that changed
  --threads <n>        threads for reading and rendering (default: up to 2, the
                       helper only for first builds of 20,000+ articles)
  -h, --help           show this help
`,
  check: `Usage: kanal check [options]

Validates the config and every article exactly as build does, and writes nothing.

Options:
  --config <file>      config file (default: kanal.config.json)
  --content <dir>      content folder (default: content)
  --site-url <url>     use this siteUrl instead of the config's
  --now <date>         "now" for leaving out future articles (ISO 8601)
  --drafts             include articles with draft: true
  --future             include articles dated after now
  --strict             treat warnings as errors
  --reporter <name>    text (default) or json
  -h, --help           show this help
`,
  init: `Usage: kanal init [options]

Creates kanal.config.json (with $schema for editor completion) and content/ with one German example
article in the current folder. Never overwrites anything: stops if either exists.

Options:
  --content <dir>      content folder to create (default: content)
  -h, --help           show this help
`,
  serve: `Usage: kanal serve [options]

Builds the feeds, serves the output folder on localhost with the right media types and ETags, and
rebuilds whenever a file in the content folder changes. Stop it with Ctrl+C.

Options:
  --port <number>      port (default: 8080; 0 picks a free one)
  --config, --content, --out, --site-url, --now, --drafts, --future, --strict, --cache-dir, --no-cache
                       as for kanal build
  -h, --help           show this help
`,
  import: `Usage: kanal import <file|folder>... [options]

Turns plain-text newsroom exports (date line, category line, headline, paragraphs) into Markdown
articles with front matter, one <slug>.md per article. Folders import every .txt file inside.

Options:
  --content <dir>      where to write the articles (default: content)
  --config <file>      config file, for the time zone (default: kanal.config.json, if present)
  --dry-run            print what would be written, write nothing
  --force              overwrite existing articles
  -h, --help           show this help
`,
}
