import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/import/_escape.js'

const renderers = [new MarkdownIt(), new MarkdownIt({ html: true })]

/** Markdown-it's output for a paragraph that shows exactly `text`. */
function _paragraph(text: string): string {
  return `<p>${renderers[0]?.utils.escapeHtml(text)}</p>\n`
}

describe('escapeMarkdown', () => {
  it.each([
    [
      'Der Kanzler sagte: „Wir bleiben dabei.“ — und ging.',
      'Der Kanzler sagte: „Wir bleiben dabei.“ — und ging.',
    ],
    ['# Stimmen nach dem Spiel', '\\# Stimmen nach dem Spiel'],
    ['> Ein Fan: „Toll.“', '\\> Ein Fan: „Toll.“'],
    ['- erstens', '\\- erstens'],
    ['+ zweitens', '\\+ zweitens'],
    ['* drittens', '\\* drittens'],
    ['---', '\\---'],
    ['1. Mai, volles Haus', '1\\. Mai, volles Haus'],
    ['3) Punkt drei', '3\\) Punkt drei'],
    ['2024. Ein Jahr', '2024\\. Ein Jahr'],
    ['Preis: 25 & mehr', 'Preis: 25 & mehr'],
    ['Code &amp; Kultur', 'Code \\&amp; Kultur'],
    ['Er war <deutlich> unzufrieden', 'Er war \\<deutlich> unzufrieden'],
    ['Wir hätten *das* gewinnen müssen', 'Wir hätten \\*das\\* gewinnen müssen'],
    ['[Link](https://example.org)', '\\[Link\\](https://example.org)'],
    ['C:\\Programme', 'C:\\\\Programme'],
    ['`code` und ~~weg~~ und _kursiv_', '\\`code\\` und \\~\\~weg\\~\\~ und \\_kursiv\\_'],
    ['Erste Zeile\n= zweite Zeile', 'Erste Zeile\n\\= zweite Zeile'],
  ])('should escape %j as %j when it has Markdown syntax', (value, expected) => {
    expect(escapeMarkdown(value)).toBe(expected)
  })

  it.each([
    'Bemerkenswert ist dabei die Information, dass Putin Musk darum gebeten haben soll—auf Wunsch Xi Jinpings.',
    '# Stimmen nach dem Spiel',
    '## zwei\n### drei',
    '> Zitat\n>> doppelt',
    '- eins\n- zwei',
    '* * *',
    '___',
    '1. Mai, volles Haus',
    '10) zehn',
    'Zeile\n---',
    'Zeile\n===',
    '```\nkein Code\n```',
    '~~~',
    '| a | b |\n|---|---|',
    'a | b\n:-- | --:',
    '<div>kein HTML</div>',
    '<https://example.org> und <mail@example.org>',
    '<!-- Kommentar -->',
    '[Link](https://example.org) und ![Bild](bild.png)',
    '[ref]: https://example.org',
    'Code &amp; Kultur &#x1F600; &copy;',
    'Backslash am Ende \\',
    'Sternchen *mit* _Unterstrich_ und **fett** und ~~weg~~',
    '`code`',
    'Geschütztes\u00a0Leerzeichen und „Anführungszeichen“ ‚einfach‘',
  ])('should render %j back to the same text when markdown-it renders it', (value) => {
    for (const renderer of renderers) expect(renderer.render(escapeMarkdown(value))).toBe(_paragraph(value))
  })

  it('should render any trimmed text back to the same text when it is given as lines', () => {
    const unit = fc.constantFrom(...'#>-+*_=~`|:\\[]()<>!&;#x12. \taä„“—\u00a0'.split(''))
    const line = fc.string({ unit, minLength: 1 }).map((value) => value.trim())
    const paragraph = fc
      .array(line, { minLength: 1, maxLength: 3 })
      .map((lines) => lines.filter((value) => value !== '').join('\n'))
      .filter((value) => value !== '')
    fc.assert(
      fc.property(paragraph, (value) => {
        for (const renderer of renderers)
          expect(renderer.render(escapeMarkdown(value))).toBe(_paragraph(value))
      }),
      { numRuns: 2000 },
    )
  })
})
