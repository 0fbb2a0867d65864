import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import matter from 'gray-matter'
import MarkdownIt from 'markdown-it'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ImportOptions, importArticles } from '../../src/import/import.js'

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url))
/** The newsroom's own example, next to the repository when it is checked out in the shared workspace. */
const seed = fileURLToPath(new URL('../../../shared/seed/artikel-2024-10-25.txt', import.meta.url))
const hasSeed = existsSync(seed)

const wirtschaft = 'content/baeckerei-sterben-auf-dem-land-wir-backen-bis-der-ofen-ausgeht.md'
const sport = 'content/maifeiertag-im-stadion-derby-endet-2-2-fans-feiern-trotzdem.md'
const kultur = 'content/fete-de-la-musique-wenn-die-ganze-stadt-zur-buehne-wird.md'

let cwd: string
let options: ImportOptions

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'kanal-import-'))
  await cp(join(fixtures, 'redaktion'), join(cwd, 'import'), { recursive: true })
  options = { contentDir: 'content', timeZone: 'Europe/Berlin', cwd }
})

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true })
})

const _read = (file: string) => readFile(join(cwd, file), 'utf8')

describe('importArticles', () => {
  it('should write one Markdown file per export when given a folder', async () => {
    const value = await importArticles(['import'], options)
    expect(value.errors).toEqual([])
    expect(value.articles.map(({ source, target, written }) => ({ source, target, written }))).toEqual([
      { source: 'import/kultur/kultur-2024-06-21.txt', target: kultur, written: true },
      { source: 'import/sport-2024-05-01.txt', target: sport, written: true },
      { source: 'import/wirtschaft-2024-03-12.txt', target: wirtschaft, written: true },
    ])
    for (const article of value.articles) expect(await _read(article.target)).toBe(article.markdown)
  })

  it('should read back title, date, category and body when gray-matter parses the written files', async () => {
    await importArticles(['import'], options)
    const value = matter(await _read(wirtschaft))
    expect(value.data).toEqual({
      title: 'Bäckerei-Sterben auf dem Land: „Wir backen, bis der Ofen ausgeht“',
      date: '2024-03-12',
      category: 'Wirtschaft',
    })
    const paragraphs = value.content.trim().split('\n\n')
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[0]).toMatch(/^In vielen Dörfern .* zu — manche halten/)
    expect(value.content).not.toContain('Bäckerei-Sterben auf dem Land')
  })

  it('should keep the time when the date line has one', async () => {
    await importArticles(['import/sport-2024-05-01.txt'], options)
    expect(matter(await _read(sport)).data).toEqual({
      title: 'Maifeiertag im Stadion: #Derby endet 2:2 – Fans feiern trotzdem',
      date: '2024-05-01 09:05',
      category: 'Sport',
    })
  })

  it('should render paragraphs that look like Markdown as plain text when markdown-it renders the body', async () => {
    await importArticles(['import/sport-2024-05-01.txt'], options)
    const value = new MarkdownIt().render(matter(await _read(sport)).content)
    expect(value).toBe(
      [
        '<p>1. Mai, volles Haus: 41 000 Zuschauer sahen ein Spiel, das erst in der Nachspielzeit entschieden wurde.</p>',
        '<p># Stimmen nach dem Spiel</p>',
        '<p>- Der Trainer der Gäste sprach von einem „gerechten Ergebnis“.',
        '- Der Kapitän der Gastgeber war &lt;deutlich&gt; unzufriedener: „Wir hätten *das* gewinnen müssen.“</p>',
        '<p>&gt; Ein Fan auf der Südtribüne: „Das war das Eintrittsgeld wert.“</p>',
        '<p>Das Rückspiel findet am 14. September statt; Karten gibt es ab 2 Uhr nachts online — für 25 &amp; mehr Euro.</p>',
        '',
      ].join('\n'),
    )
  })

  it('should read the export when it has CRLF line ends, a BOM, trailing spaces and no repeated headline', async () => {
    const bytes = await readFile(join(cwd, 'import/kultur/kultur-2024-06-21.txt'))
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(bytes.includes('\r\n')).toBe(true)
    await importArticles(['import/kultur'], options)
    const value = matter(await _read(kultur))
    expect(value.data).toEqual({
      title: 'Fête de la Musique: Wenn die ganze Stadt zur Bühne wird',
      date: '2024-06-21',
      category: 'Kultur',
    })
    expect(value.content).not.toContain('\r')
    expect(value.content.trim().split('\n\n')).toEqual([
      'Von Mittag bis Mitternacht spielten am Freitag mehr als 200 Bands auf Plätzen, in Hinterhöfen und auf Balkonen.\u00a0Der Eintritt war wie jedes Jahr frei.',
      'Besonders voll wurde es am Kanal, wo ein Jugendorchester Filmmusik spielte. Die Polizei meldete keine größeren Zwischenfälle.',
    ])
  })

  it.skipIf(!hasSeed)(
    'should import the newsroom example when ../shared/seed exists (skipped when it does not)',
    async () => {
      await mkdir(join(cwd, 'seed'))
      await cp(seed, join(cwd, 'seed/artikel-2024-10-25.txt'))
      const value = await importArticles(['seed'], options)
      expect(value.errors).toEqual([])
      const title = 'Elon Musks geheime Kanäle zum Kreml: Ein Balanceakt zwischen Diplomatie und Risiko'
      const expected = matter(await _read(value.articles[0]?.target ?? ''))
      expect(value.articles[0]?.target).toBe(
        'content/elon-musks-geheime-kanaele-zum-kreml-ein-balanceakt-zwischen-diplomatie-und.md',
      )
      expect(expected.data).toEqual({ title, date: '2024-10-25', category: 'Politik' })
      expect(expected.content.trimStart()).toMatch(/^Der charismatische Unternehmer/)
      expect(expected.content).not.toContain(title)
      expect(expected.content).toContain('aktivieren—auf Wunsch')
    },
  )

  it('should refuse and leave the file byte for byte when the target exists', async () => {
    const before = Buffer.from('---\ntitle: "Von Hand"\n---\n\nNicht anfassen.\r\n')
    await mkdir(join(cwd, 'content'))
    await writeFile(join(cwd, sport), before)
    const value = await importArticles(['import'], options)
    expect(value.errors.map((error) => error.message)).toEqual([
      `${sport}: already exists (from import/sport-2024-05-01.txt); use --force to overwrite`,
    ])
    expect(value.errors[0]?.location).toEqual({ file: sport })
    expect(value.articles.map((article) => article.target)).toEqual([kultur, wirtschaft])
    expect(await readFile(join(cwd, sport))).toEqual(before)
  })

  it('should replace the target when force is on', async () => {
    await mkdir(join(cwd, 'content'))
    await writeFile(join(cwd, sport), 'alt')
    const value = await importArticles(['import/sport-2024-05-01.txt'], { ...options, force: true })
    expect(value.errors).toEqual([])
    expect(value.articles[0]?.written).toBe(true)
    expect(await _read(sport)).toBe(value.articles[0]?.markdown)
  })

  it('should write nothing and return the Markdown when it is a dry run', async () => {
    const value = await importArticles(['import'], { ...options, dryRun: true })
    expect(value.errors).toEqual([])
    expect(value.articles.map((article) => article.written)).toEqual([false, false, false])
    expect(existsSync(join(cwd, 'content'))).toBe(false)
    const real = await importArticles(['import'], options)
    expect(value.articles.map((article) => article.markdown)).toEqual(
      real.articles.map((article) => article.markdown),
    )
  })

  it('should report an existing target when it is a dry run without force', async () => {
    await mkdir(join(cwd, 'content'))
    await writeFile(join(cwd, sport), 'alt')
    const value = await importArticles(['import/sport-2024-05-01.txt'], { ...options, dryRun: true })
    expect(value.errors.map((error) => error.location.file)).toEqual([sport])
    const forced = await importArticles(['import/sport-2024-05-01.txt'], {
      ...options,
      dryRun: true,
      force: true,
    })
    expect(forced.errors).toEqual([])
    expect(await _read(sport)).toBe('alt')
  })

  it('should import the other files and report the bad one at its line when a folder has one bad file', async () => {
    await cp(join(fixtures, 'kaputt/ohne-datum.txt'), join(cwd, 'import/ohne-datum.txt'))
    const value = await importArticles(['import'], options)
    expect(value.articles.map((article) => article.target)).toEqual([kultur, sport, wirtschaft])
    expect(value.errors).toHaveLength(1)
    expect(value.errors[0]?.location).toEqual({ file: 'import/ohne-datum.txt', line: 1 })
    expect(value.errors[0]?.message).toMatch(
      /^import\/ohne-datum\.txt:1: the first line must be the date: "Lokales" is not a date/,
    )
  })

  it('should name the file when it is not UTF-8', async () => {
    await writeFile(
      join(cwd, 'import/latin1.txt'),
      Buffer.from('25.10.2024\n\nPolitik\n\nK\xe4nale\n\nText.\n', 'latin1'),
    )
    const value = await importArticles(['import'], options)
    expect(value.articles).toHaveLength(3)
    expect(value.errors.map((error) => error.message)).toEqual([
      'import/latin1.txt:5: is not UTF-8 text (maybe Latin-1 or Windows-1252); save it as UTF-8 and import it again',
    ])
  })

  it('should refuse the second export when two exports have the same headline', async () => {
    await cp(join(cwd, 'import/sport-2024-05-01.txt'), join(cwd, 'import/sport-kopie.txt'))
    const value = await importArticles(['import/sport-2024-05-01.txt', 'import/sport-kopie.txt'], options)
    expect(value.articles.map((article) => article.source)).toEqual(['import/sport-2024-05-01.txt'])
    expect(value.errors.map((error) => error.message)).toEqual([
      `import/sport-kopie.txt:5: ${sport} would be written twice, from import/sport-2024-05-01.txt and from import/sport-kopie.txt; change one of the headlines`,
    ])
  })

  it('should pass on the warning when daylight saving time moves the time of the date line', async () => {
    const value = '31. März 2024, 2:30 Uhr\n\nPolitik\n\nZeitumstellung\n\nText.\n'
    await writeFile(join(cwd, 'import/uhr.txt'), value)
    const result = await importArticles(['import/uhr.txt'], options)
    expect(result.articles[0]?.adjustment).toMatch(/does not exist in Europe\/Berlin/)
    expect(matter(result.articles[0]?.markdown ?? '').data.date).toBe('2024-03-31 03:30')
    const plain = await importArticles(['import/sport-2024-05-01.txt'], options)
    expect(plain.articles[0]).not.toHaveProperty('adjustment')
  })

  it('should create a nested content folder when it is missing', async () => {
    const value = await importArticles(['import/sport-2024-05-01.txt'], {
      ...options,
      contentDir: 'site/content',
    })
    expect(value.articles[0]?.target).toBe(`site/${sport}`)
    expect(await _read(`site/${sport}`)).toBe(value.articles[0]?.markdown)
  })

  it('should report an input when it does not exist', async () => {
    const value = await importArticles(['import/fehlt.txt'], options)
    expect(value).toEqual({
      articles: [],
      errors: [expect.objectContaining({ location: { file: 'import/fehlt.txt' } })],
    })
  })
})
