import { INDEX_STYLE } from './_style.js'

// Extra rules for the feed page: the address box and its copy button.
const _VIEW_STYLE =
  `${INDEX_STYLE}.adresse{display:flex;gap:.5rem;margin-top:.5rem}` +
  '.adresse input{flex:1;font:inherit;padding:.3rem .4rem;min-width:0}' +
  '.adresse button{font:inherit;padding:.3rem .8rem;cursor:pointer}' +
  '.status{min-height:1.4em;margin:.3rem 0 0;color:#2d6a2d}'

/**
 * `feed-view.js`: turns an RSS 2.0 or Atom 1.0 document opened in a browser into a German page.
 * Each feed links it from an XHTML `<script>` inside an XHTML `<div>` (feed readers and the W3C
 * validator skip that `div`; browsers run XHTML scripts in any XML document). No XSLT, so nothing
 * depends on a browser feature that is being removed, and no request leaves the site. Dates are read
 * from the feed's own text, so they show the site's wall time: `Fri, 25 Oct 2024 …` and
 * `2024-10-25T…` both become "25. Oktober 2024".
 */
export function renderFeedViewScript(): string {
  return `// kanal: the browser view of rss.xml and atom.xml (written by kanal; see feed-view.js in its README).
(() => {
  'use strict'
  const XHTML = 'http://www.w3.org/1999/xhtml'
  const ATOM = 'http://www.w3.org/2005/Atom'
  const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
    'Oktober', 'November', 'Dezember']
  const ENGLISH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const STYLE = ${JSON.stringify(_VIEW_STYLE)}

  const children = (parent, name, ns) =>
    parent ? [...parent.children].filter((el) => el.localName === name && (el.namespaceURI || null) === ns) : []
  const child = (parent, name, ns) => children(parent, name, ns)[0]
  const text = (parent, name, ns) => (child(parent, name, ns)?.textContent ?? '').trim()
  const safeUrl = (value) => (/^https?:\\/\\//i.test(value) ? value : undefined)

  // RSS descriptions hold HTML; kanal's hold escaped plain text, shown as text here, never as markup.
  const htmlToText = (value) => new DOMParser().parseFromString(value, 'text/html').body.textContent.trim()

  function germanDate(value) {
    let match = /^(\\d{4})-(\\d{2})-(\\d{2})/.exec(value)
    if (match) return \`\${Number(match[3])}. \${MONTHS[Number(match[2]) - 1]} \${match[1]}\`
    match = /(\\d{1,2}) ([A-Za-z]{3}) (\\d{4})/.exec(value)
    const month = match ? ENGLISH.indexOf(match[2]) : -1
    return month >= 0 ? \`\${Number(match[1])}. \${MONTHS[month]} \${match[3]}\` : value
  }

  function readRss(root) {
    const channel = child(root, 'channel', null)
    const self = children(channel, 'link', ATOM).find((link) => link.getAttribute('rel') === 'self')
    return {
      title: text(channel, 'title', null),
      description: text(channel, 'description', null),
      language: text(channel, 'language', null),
      self: self?.getAttribute('href'),
      items: children(channel, 'item', null).map((item) => ({
        title: text(item, 'title', null),
        url: text(item, 'link', null),
        date: text(item, 'pubDate', null),
        summary: htmlToText(text(item, 'description', null)),
      })),
    }
  }

  function readAtom(root) {
    const link = (parent, rel) =>
      children(parent, 'link', ATOM).find((el) => (el.getAttribute('rel') ?? 'alternate') === rel)?.getAttribute('href') ?? ''
    return {
      title: text(root, 'title', ATOM),
      description: text(root, 'subtitle', ATOM),
      language: root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') ?? '',
      self: link(root, 'self'),
      items: children(root, 'entry', ATOM).map((entry) => ({
        title: text(entry, 'title', ATOM),
        url: link(entry, 'alternate'),
        date: text(entry, 'published', ATOM) || text(entry, 'updated', ATOM),
        summary: text(entry, 'summary', ATOM),
      })),
    }
  }

  function el(name, attributes = {}, ...content) {
    const element = document.createElementNS(XHTML, name)
    for (const [key, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(key, value)
    element.append(...content)
    return element
  }

  function addressBox(address) {
    const input = el('input', { type: 'text', readonly: 'readonly', value: address, 'aria-label': 'Adresse dieses Feeds' })
    const button = el('button', { type: 'button' }, 'Adresse kopieren')
    const status = el('p', { class: 'status', role: 'status' })
    button.addEventListener('click', async () => {
      try {
        // A browser that neither grants nor refuses (no focus, a pending prompt) must not leave the button mute.
        const refused = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500))
        await Promise.race([navigator.clipboard.writeText(address), refused])
        status.textContent = 'Adresse kopiert.'
      } catch {
        // No clipboard API (a page not served over https): select the text for the reader instead.
        input.focus()
        input.select()
        status.textContent = document.execCommand('copy') ? 'Adresse kopiert.' : 'Adresse markiert: mit Strg+C kopieren.'
      }
    })
    return [el('div', { class: 'adresse' }, input, button), status]
  }

  function page(feed) {
    const address = safeUrl(feed.self ?? '') ?? location.href
    const items = feed.items.map((item) =>
      el('li', {},
        el('a', { href: safeUrl(item.url) }, item.title),
        el('time', {}, germanDate(item.date)),
        ...(item.summary ? [el('p', {}, item.summary)] : []),
      ),
    )
    return el('html', { lang: feed.language || 'de' },
      el('head', {},
        el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        // No favicon request (a site without one would log a 404 on every visit).
        el('link', { rel: 'icon', href: 'data:,' }),
        el('title', {}, \`\${feed.title} – Feed\`),
        el('style', {}, STYLE),
      ),
      el('body', {},
        el('header', {}, el('h1', {}, feed.title), el('p', {}, feed.description)),
        el('section', { class: 'hinweis' },
          el('p', {}, 'Dies ist ein Web-Feed. Ein Feed-Reader (eine App oder ein Dienst für Nachrichten) ',
            'ruft ihn regelmäßig ab und zeigt neue Artikel, sobald sie erscheinen. Zum Abonnieren ',
            'kopieren Sie diese Adresse in Ihren Feed-Reader:'),
          ...addressBox(address),
        ),
        el('h2', {}, 'Artikel'),
        items.length > 0 ? el('ol', {}, ...items) : el('p', {}, 'Noch keine Artikel.'),
      ),
    )
  }

  function show() {
    const root = document.documentElement
    if (!root || root.namespaceURI === XHTML) return
    const feed = root.localName === 'rss' ? readRss(root) : root.namespaceURI === ATOM ? readAtom(root) : undefined
    if (feed) document.replaceChild(page(feed), root)
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show)
  else show()
})()
`
}
