// A link from one article to another, written in the site's template language (`{% post_url … %}`,
// `{% link … %}`, `{{< ref … >}}`), cannot become a URL while one body is rendered: the target's URL
// belongs to another file, and rendered bodies are cached by their own bytes. So the renderer writes
// this marker instead, naming the target as written, and `resolveReferences` (after all bodies are
// rendered) puts in the URL of the article the target names. The marker is an absolute URL on a
// reserved host (RFC 6761), so Markdown, the sanitiser and the URL rules keep it as it is; it ends
// with `/`, so text or a `#fragment` written right after it stays apart.

/** The template tags that name another article (or, for Jekyll's `link`, any site file). */
export type ReferenceKind = 'post_url' | 'link' | 'ref'

/** A marker found in rendered HTML or text. */
export interface ReferenceMarker {
  kind: ReferenceKind
  /** The target as the tag wrote it (`2024-01-05-wahl`, `_posts/x.md`, `posts/x.md#teil`). */
  target: string
  /** Lines before the tag's line in the body (0: the body's first line). */
  line: number
}

const _PREFIX = 'https://kanal.invalid/ref/'
const _MARKER = /https:\/\/kanal\.invalid\/ref\/(post_url|link|ref)\/(\d+)\/([A-Za-z0-9._%-]*)\//g

/** The marker of a reference whose tag stands `line` lines into the body. */
export function toReferenceMarker(kind: ReferenceKind, target: string, line: number): string {
  const encoded = encodeURIComponent(target).replace(
    /[!'()*~]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${_PREFIX}${kind}/${line}/${encoded}/`
}

/** Whether rendered HTML (or a summary) holds a marker: then it depends on other articles' URLs. */
export function hasReferences(text: string): boolean {
  return text.includes(_PREFIX)
}

/** Replaces every marker in `text` with what `replace` gives for it. */
export function replaceReferences(text: string, replace: (marker: ReferenceMarker) => string): string {
  if (!hasReferences(text)) return text
  return text.replace(_MARKER, (_whole, kind: string, line: string, encoded: string) =>
    replace({ kind: kind as ReferenceKind, line: Number(line), target: decodeURIComponent(encoded) }),
  )
}

/** The regular expression source of a marker, for callers that must match what surrounds it. */
export const REFERENCE_MARKER_SOURCE = _MARKER.source
