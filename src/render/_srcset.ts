import type { Removal } from './_removed.js'
import { toAbsoluteUrl, type UrlBase, whyNotKept } from './urls.js'

/** One image candidate of a `srcset`: its URL and the width (`640w`) or density (`2x`) descriptor, if any. */
export interface SrcsetCandidate {
  /** The URL as written. */
  url: string
  /** `640w`, `2x`, or `''` when there is none. */
  descriptor: string
}

// Only the descriptors browsers act on; sanitize-html re-parses the attribute and logs to the
// console on anything else, so a candidate with an odd descriptor is dropped here instead.
const _DESCRIPTOR = /^(?:[1-9]\d*w|(?:\d+(?:\.\d+)?|\.\d+)x)?$/
const _SPACE = /[\t\n\f\r ]/
const _HTTP = /^https?:/

/**
 * Splits a `srcset` the way the HTML parser does
 * (https://html.spec.whatwg.org/multipage/images.html#parsing-a-srcset-attribute):
 * a URL runs to the next space, so commas inside URLs survive; descriptors run to the next comma.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = []
  let index = 0
  while (index < value.length) {
    while (index < value.length && (_SPACE.test(value[index] ?? '') || value[index] === ',')) index++
    if (index >= value.length) break
    const urlStart = index
    while (index < value.length && !_SPACE.test(value[index] ?? '')) index++
    let url = value.slice(urlStart, index)
    let descriptor = ''
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '')
    } else {
      const end = _descriptorEnd(value, index)
      descriptor = value.slice(index, end).trim()
      index = end
    }
    candidates.push({ url, descriptor })
  }
  return candidates
}

/**
 * A `srcset` with every candidate URL made absolute; unsafe or malformed candidates are left out (and
 * added to `dropped`), `undefined` when none remain.
 */
export function toAbsoluteSrcset(value: string, base: UrlBase, dropped: Removal[] = []): string | undefined {
  const kept: string[] = []
  for (const { url, descriptor } of parseSrcset(value)) {
    const absolute = toAbsoluteUrl(url, base)
    if (absolute === undefined || !_HTTP.test(absolute) || !_DESCRIPTOR.test(descriptor)) {
      dropped.push({ target: url, kind: 'source', reason: _whyDropped(url, absolute, descriptor) })
      continue
    }
    kept.push(descriptor === '' ? absolute : `${absolute} ${descriptor}`)
  }
  return kept.length > 0 ? kept.join(', ') : undefined
}

// A comma inside parentheses does not end the descriptors (the spec's "in parens" state).
function _descriptorEnd(value: string, from: number): number {
  let depth = 0
  for (let index = from; index < value.length; index++) {
    const char = value[index]
    if (char === '(') depth++
    else if (char === ')' && depth > 0) depth--
    else if (char === ',' && depth === 0) return index
  }
  return value.length
}

function _whyDropped(url: string, absolute: string | undefined, descriptor: string): string {
  if (absolute === undefined) return whyNotKept(url)
  if (!_HTTP.test(absolute)) return 'a srcset takes only http(s) URLs'
  return `its descriptor ${JSON.stringify(descriptor)} is not a width (640w) or a density (2x)`
}
