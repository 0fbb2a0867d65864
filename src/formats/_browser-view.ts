import type { FeedModel } from '../model.js'

const _VIEW_COMMENT =
  '<!-- Dies ist ein Web-Feed. Zum Abonnieren kopieren Sie die Adresse dieser Seite in Ihren Feed-Reader. -->'

/**
 * A German note for browsers that show the feed as text: Chromium does so for feeds sent as
 * `application/rss+xml` or `application/atom+xml`, where no script can run. Nothing without a view.
 */
export function viewComment(model: FeedModel): string | undefined {
  return model.viewScript && _VIEW_COMMENT
}

/**
 * The browser view's script, or nothing: an XHTML `<script>` runs in any XML document a browser
 * opens (no XSLT needed). It sits in an XHTML `<div>`, the extension the W3C validator accepts in a
 * channel or feed without a warning; feed readers skip elements of namespaces they do not know.
 */
export function viewScriptElement(model: FeedModel, indent: string): string | undefined {
  return (
    model.viewScript &&
    `${indent}<div xmlns="http://www.w3.org/1999/xhtml"><script src="${model.viewScript}"></script></div>`
  )
}
