import type SanitizeHtml from 'sanitize-html'
import type { Removal } from './_removed.js'
import { sanitizeHtml } from './_sanitize-html.js'
import { toAbsoluteSrcset } from './_srcset.js'
import { isBlankUrl, SAFE_SCHEMES, toAbsoluteUrl, type UrlBase, whyNotKept } from './urls.js'

const _URL_ATTRIBUTES = ['href', 'src', 'poster'] as const

const _ALLOWED_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'blockquote', 'hr', 'br', 'pre', 'code'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary', 'figure', 'figcaption'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['a', 'abbr', 'em', 'strong', 'b', 'i', 'del', 's', 'ins', 'sup', 'sub', 'mark'],
  ...['small', 'q', 'cite', 'kbd'],
  ...['img', 'picture', 'source', 'video', 'audio'],
]

const _CELL = ['align', 'colspan', 'rowspan']

// Dropped together with everything inside them: code, styles, embedded documents, form controls,
// and foreign (SVG/MathML) content, whose text reads as garbage once the markup is gone.
// Other disallowed tags (`form`, `noscript`, `object`, `span`, `section`, …) are unwrapped:
// their text and allowed children stay. `noscript` content is what a script-less reader should see.
const _DROPPED_WITH_CONTENT = [
  ...['script', 'style', 'template', 'iframe', 'frame', 'frameset', 'noembed', 'noframes', 'xmp', 'title'],
  ...['textarea', 'select', 'option', 'optgroup', 'datalist', 'button', 'svg', 'math'],
]

// The sanitiser's callbacks cannot take arguments, and building options per call is the slow
// part; sanitizing is synchronous, so the base of the current call is parked here.
let _base: UrlBase | undefined
let _removed: Removal[] = []
const _ALLOWED = new Set(_ALLOWED_TAGS)

const _OPTIONS: SanitizeHtml.IOptions = {
  allowedTags: _ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'rel'],
    abbr: ['title'],
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
    source: ['src', 'srcset', 'sizes', 'type', 'media'],
    video: ['src', 'poster', 'controls', 'width', 'height'],
    audio: ['src', 'controls'],
    ol: ['start', 'reversed'],
    th: _CELL,
    td: _CELL,
    details: ['open'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: [...SAFE_SCHEMES],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'poster', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: _DROPPED_WITH_CONTENT,
  parseStyleAttributes: false,
  selfClosing: ['img', 'br', 'hr', 'source'],
  transformTags: { '*': _absolutize },
  exclusiveFilter: _isEmptyShell,
}

/**
 * Sanitises HTML against kanal's allow-list and makes every URL absolute against `base`. Link targets
 * and image sources it removes (of allowed tags; tags removed whole are documented as such) are added
 * to `removed`, in document order.
 */
export function sanitizeArticle(html: string, base: UrlBase, removed: Removal[] = []): string {
  _base = base
  _removed = removed
  try {
    return sanitizeHtml(html, _OPTIONS)
  } finally {
    _base = undefined
    _removed = []
  }
}

// Runs before the allow-list, so the scheme check sees the absolute URL; unsafe ones are removed.
function _absolutize(tagName: string, attribs: SanitizeHtml.Attributes): SanitizeHtml.Tag {
  if (_base === undefined) return { tagName, attribs }
  for (const name of _URL_ATTRIBUTES) {
    const value = attribs[name]
    if (value === undefined) continue
    const located = name === 'src' && tagName === 'img' ? _base.imageUrl?.(value) : undefined
    const absolute = located ?? toAbsoluteUrl(value, _base)
    if (absolute !== undefined) attribs[name] = absolute
    else {
      delete attribs[name]
      if (_ALLOWED.has(tagName) && !isBlankUrl(value)) {
        const kind = name === 'href' ? 'link' : 'source'
        _removed.push({ target: value, kind, reason: whyNotKept(value) })
      }
    }
  }
  if (attribs.srcset !== undefined) {
    const dropped: Removal[] = []
    const srcset = toAbsoluteSrcset(attribs.srcset, _base, dropped)
    if (_ALLOWED.has(tagName)) _removed.push(...dropped)
    if (srcset === undefined) delete attribs.srcset
    else attribs.srcset = srcset
  }
  return { tagName, attribs }
}

// A link whose URL was removed becomes its text; an image or source without any URL goes away.
function _isEmptyShell(frame: SanitizeHtml.IFrame): boolean | 'excludeTag' {
  const { tag, attribs } = frame
  if (tag === 'a') return attribs.href === undefined ? 'excludeTag' : false
  if (tag === 'img' || tag === 'source') return attribs.src === undefined && attribs.srcset === undefined
  return false
}
