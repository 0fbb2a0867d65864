import type { XmlElement } from '../../src/check/xml-tree.js'

/** Atom 1.0 (also used for `atom:link` in RSS). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom'

/** RFC 5005 Feed Paging and Archiving. */
export const FH_NS = 'http://purl.org/syndication/history/1.0'

// kanal's own strict parser (saxes, namespaces on); the feeds are also read by three independent
// reader libraries elsewhere in the tests.
export { parseXml, type XmlElement } from '../../src/check/xml-tree.js'

/** The direct children of `element` with this local name (and namespace, when given). */
export function childrenNamed(element: XmlElement, local: string, uri?: string): XmlElement[] {
  return element.children.filter((child) => child.local === local && (uri === undefined || child.uri === uri))
}

/** The first direct child with this local name (and namespace), or a test failure. */
export function childNamed(element: XmlElement, local: string, uri?: string): XmlElement {
  const found = childrenNamed(element, local, uri)[0]
  if (!found) throw new Error(`<${element.local}> has no <${local}> child`)
  return found
}
