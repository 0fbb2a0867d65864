import { formatGermanDate, formatRfc3339 } from '../dates/format.js'
import { FEED_FILES } from '../feed-model.js'
import { escapeXml as html } from '../formats/xml.js'
import type { FeedModel } from '../model.js'
import { INDEX_STYLE } from './_style.js'
import { FEED_FORMATS as _FORMATS, renderDiscoveryLinks } from './discovery-links.js'

/**
 * `index.html`: the site's feeds with subscribe links and discovery tags, and the newest articles with
 * German dates. Static, self-contained: no scripts, no external requests.
 */
export function renderIndexPage(main: FeedModel, others: { folder: string; model: FeedModel }[]): string {
  const feeds = [{ folder: '', model: main }, ...others]
  const discovery = renderDiscoveryLinks(feeds.map(({ model }) => model)).map((line) => `  ${line}`)
  const rows = feeds.map(({ folder, model }) => {
    const links = _FORMATS.map(
      (format) =>
        `<a href="${html(`${folder}${FEED_FILES[format.key]}`)}" type="${format.type}">${format.label}</a>`,
    )
    return `      <tr><th scope="row">${html(model.title)}</th><td>${links.join(' · ')}</td></tr>`
  })
  const articles = main.items.map(
    (item) =>
      `      <li><a href="${html(item.url)}">${html(item.title)}</a> <time datetime="${formatRfc3339(item.published, main.timeZone)}">${formatGermanDate(item.published, main.timeZone)}</time>${item.summary ? `<p>${html(item.summary)}</p>` : ''}</li>`,
  )
  return [
    '<!DOCTYPE html>',
    `<html lang="${html(main.language)}">`,
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    '  <link rel="icon" href="data:,">',
    `  <title>${html(main.title)} – Feeds</title>`,
    ...discovery,
    `  <style>${INDEX_STYLE}</style>`,
    '</head>',
    '<body>',
    `  <header><h1>${html(main.title)}</h1><p>${html(main.description)}</p></header>`,
    '  <main>',
    '    <h2>Feeds abonnieren</h2>',
    '    <p>Kopieren Sie die Adresse eines Feeds in Ihren Feed-Reader, um neue Artikel automatisch zu erhalten.</p>',
    '    <table>',
    ...rows,
    '    </table>',
    '    <h2>Neueste Artikel</h2>',
    articles.length > 0 ? '    <ol>' : '    <p>Noch keine Artikel.</p>',
    ...articles,
    articles.length > 0 ? '    </ol>' : '',
    '  </main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
}
