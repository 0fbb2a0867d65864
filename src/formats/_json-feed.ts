import { formatRfc3339 } from '../dates/format.js'
import type { FeedItem, FeedModel } from '../model.js'
import type { Person } from '../person.js'

/** Serialises a feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function serializeJsonFeed(model: FeedModel): string {
  const date = (value: Date) => formatRfc3339(value, model.timeZone)
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: model.title,
    home_page_url: model.homeUrl,
    feed_url: model.urls.json,
    // JSON Feed pages: next_url leads to the next older page (the RFC 5005 prev-archive).
    next_url: model.archive?.prev?.json,
    description: model.description,
    language: model.language,
    authors: model.author ? [_person(model.author)] : undefined,
    hubs: model.hubs.length > 0 ? model.hubs.map((url) => ({ type: 'WebSub', url })) : undefined,
    items: model.items.map((item) => _item(item, date)),
  }
  return `${JSON.stringify(feed, null, 2)}\n`
}

function _item(item: FeedItem, date: (value: Date) => string) {
  const tags = [...new Set([...item.categories, ...item.tags])]
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    content_html: item.html,
    summary: item.summary,
    image: item.image?.url,
    date_published: date(item.published),
    date_modified: date(item.updated),
    authors: item.author ? [_person(item.author)] : undefined,
    tags: tags.length > 0 ? tags : undefined,
  }
}

function _person(person: Person) {
  return { name: person.name, url: person.url }
}
