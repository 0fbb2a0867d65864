/** What the `basic` fixture must produce, written down by hand from its articles. */

/** One published article of `tests/fixtures/basic/` as every reader must see it. */
export interface ExpectedArticle {
  title: string
  /** URL path below the site URL. */
  path: string
  id: string
  /** Publication instant, in UTC. */
  instant: string
  /** `pubDate` as RSS writes it: Berlin wall time with a numeric offset. */
  rss: string
  /** `published` / `date_published` as Atom and JSON Feed write it. */
  rfc3339: string
}

const haushalt: ExpectedArticle = {
  title: 'Haushalt 2025: Bund & Länder einigen sich auf <Kompromiss>',
  path: 'haushalt/',
  id: 'tag:testblatt.de,2024-11-08:haushalt',
  // date: 2024-11-08T14:30:00+01:00 keeps its instant
  instant: '2024-11-08T13:30:00Z',
  rss: 'Fri, 08 Nov 2024 14:30:00 +0100',
  rfc3339: '2024-11-08T14:30:00+01:00',
}

const wahl: ExpectedArticle = {
  title: 'Wahlabend in Erfurt – „Ein knappes Rennen“',
  path: 'wahl/',
  id: 'tag:testblatt.de,2024-10-25:wahl',
  // date: 25.10.2024 is midnight in Berlin, summer time
  instant: '2024-10-24T22:00:00Z',
  rss: 'Fri, 25 Oct 2024 00:00:00 +0200',
  rfc3339: '2024-10-25T00:00:00+02:00',
}

const sommerzeit: ExpectedArticle = {
  title: 'Uhren werden vorgestellt',
  path: 'sommerzeit/',
  id: 'tag:testblatt.de,2024-03-31:sommerzeit',
  // date: 2024-03-31 01:59 is the last minute of winter time
  instant: '2024-03-31T00:59:00Z',
  rss: 'Sun, 31 Mar 2024 01:59:00 +0100',
  rfc3339: '2024-03-31T01:59:00+01:00',
}

/** One feed (all three formats) of the `basic` fixture. */
export interface ExpectedFeed {
  /** Folder below the output root: '' for the main feed. */
  folder: string
  title: string
  /** Newest first. */
  items: ExpectedArticle[]
}

/** Every feed of `basic`; the draft (`entwurf.md`) and the 2099 article (`zukunft.md`) are in none. */
export const BASIC_FEEDS: ExpectedFeed[] = [
  { folder: '', title: 'Testblatt', items: [haushalt, wahl, sommerzeit] },
  { folder: 'kategorie/politik/', title: 'Testblatt – Politik', items: [haushalt, wahl] },
  { folder: 'kategorie/vermischtes/', title: 'Testblatt – Vermischtes', items: [sommerzeit] },
  { folder: 'kategorie/wirtschaft/', title: 'Testblatt – Wirtschaft', items: [haushalt] },
]

/** The file names of one feed's formats. */
export const FEED_FILE_NAMES = ['rss.xml', 'atom.xml', 'feed.json'] as const

/** Every output file of `basic`, sorted. */
export const BASIC_FILES: string[] = BASIC_FEEDS.flatMap((feed) =>
  FEED_FILE_NAMES.map((name) => `${feed.folder}${name}`),
).sort()

/** Titles of the articles no feed may show. */
export const BASIC_HIDDEN_TITLES = ['Noch nicht fertig', 'Artikel aus der Zukunft']
