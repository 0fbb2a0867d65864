import { SaxesParser } from 'saxes'

/** Atom 1.0 (also used for `atom:link` in RSS). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom'

/** RFC 5005 Feed Paging and Archiving. */
export const FH_NS = 'http://purl.org/syndication/history/1.0'

/** An XML element as the tests look at it: namespace-resolved name, attributes and direct text. */
export interface XmlElement {
  /** Namespace URI ('' when none). */
  uri: string
  /** Local name, without a prefix. */
  local: string
  /** Attributes by their qualified name (`rel`, `xml:lang`). */
  attributes: Record<string, string>
  children: XmlElement[]
  /** The text directly inside this element. */
  text: string
}

/** Parses XML strictly with saxes (namespaces on); throws on anything not well-formed. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true })
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      attributes: Object.fromEntries(
        Object.entries(tag.attributes).map(([name, value]) => [name, value.value]),
      ),
      children: [],
      text: '',
    }
    stack.at(-1)?.children.push(element)
    root ??= element
    stack.push(element)
  })
  parser.on('text', (value) => {
    const current = stack.at(-1)
    if (current) current.text += value
  })
  parser.on('cdata', (value) => {
    const current = stack.at(-1)
    if (current) current.text += value
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(text).close()
  if (!root) throw new Error('no root element')
  return root
}

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
