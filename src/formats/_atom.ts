import { formatRfc3339 } from '../dates/format.js'
import type { FeedItem, FeedModel } from '../model.js'
import type { Person } from '../person.js'
import { viewComment, viewScriptElement } from './_browser-view.js'
import { FEED_HISTORY_NS, feedLinks } from './_links.js'
import { element, escapeText, escapeXml } from './xml.js'

/** Serialises a feed as Atom 1.0 (RFC 4287). */
export function serializeAtom(model: FeedModel): string {
  const date = (value: Date) => formatRfc3339(value, model.timeZone)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    viewComment(model),
    `<feed xmlns="http://www.w3.org/2005/Atom"${model.archive ? ` xmlns:fh="${FEED_HISTORY_NS}"` : ''} xml:lang="${escapeXml(model.language)}">`,
    viewScriptElement(model, '  '),
    `  ${element('id', model.urls.atom)}`,
    `  ${element('title', model.title, escapeText, ' type="text"')}`,
    `  ${element('subtitle', model.description, escapeText, ' type="text"')}`,
    `  ${element('updated', date(model.updated))}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(model.urls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(model.homeUrl)}"/>`,
    ...feedLinks(model, 'atom').map((link) => `  <link rel="${link.rel}" href="${escapeXml(link.href)}"/>`),
    model.archive?.isArchive && '  <fh:archive/>',
    _person('author', model.author ?? { name: model.title }, '  '), // RFC 4287 §4.1.1: a feed needs an author
    '  <generator>kanal</generator>',
    ...model.items.map((item) => _entry(item, date)),
    '</feed>',
    '',
  ]
  return lines.filter(Boolean).join('\n')
}

function _entry(item: FeedItem, date: (value: Date) => string): string {
  const lines = [
    '  <entry>',
    `    ${element('id', item.id)}`,
    `    ${element('title', item.title, escapeText, ' type="text"')}`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
    `    ${element('published', date(item.published))}`,
    `    ${element('updated', date(item.updated))}`,
    item.author && _person('author', item.author, '    '),
    ...item.categories.map((category) => `    <category term="${escapeXml(category)}"/>`),
    item.image &&
      `    <link rel="enclosure" type="${item.image.type ?? 'image/jpeg'}" href="${escapeXml(item.image.url)}"/>`,
    `    ${element('summary', _summary(item), escapeText, ' type="text"')}`,
    item.html && `    ${element('content', item.html, escapeXml, ' type="html"')}`,
    '  </entry>',
  ]
  return lines.filter(Boolean).join('\n')
}

/**
 * An entry without content needs a textual summary (RFC 4287 §4.1.1.2; the W3C validator warns
 * "Missing textual content" without one, and "should not be blank" for an empty one): an article
 * without a body says only its title, so the title is its summary.
 */
function _summary(item: FeedItem): string {
  return item.summary.trim() === '' ? item.title : item.summary
}

function _person(name: string, person: Person, indent: string): string {
  return [
    `${indent}<${name}>`,
    `${indent}  ${element('name', person.name, escapeText)}`,
    person.email && `${indent}  ${element('email', person.email)}`,
    person.url && `${indent}  ${element('uri', person.url)}`,
    `${indent}</${name}>`,
  ]
    .filter(Boolean)
    .join('\n')
}
