import { SaxesParser } from 'saxes'

/** A parsed XML element: enough structure for the self-check. */
export interface XmlElement {
  /** Namespace URI + local name, e.g. `http://www.w3.org/2005/Atom entry`; plain local name without namespace. */
  name: string
  /** Namespace URI ('' when none). */
  uri: string
  /** Local name, without a prefix. */
  local: string
  attributes: Record<string, string>
  text: string
  children: XmlElement[]
}

/** Parses XML strictly (well-formedness and namespaces); throws on the first error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const attribute of Object.values(tag.attributes)) {
      if (typeof attribute === 'object') attributes[attribute.name] = attribute.value
    }
    const uri = tag.uri ?? ''
    const local = tag.local ?? ''
    const element: XmlElement = {
      name: _qualified(uri, local),
      uri,
      local,
      attributes,
      text: '',
      children: [],
    }
    stack.at(-1)?.children.push(element)
    root ??= element
    stack.push(element)
  })
  parser.on('text', (text) => {
    const current = stack.at(-1)
    if (current) current.text += text
  })
  parser.on('cdata', (text) => {
    const current = stack.at(-1)
    if (current) current.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  if (!root) throw new Error('the document has no root element')
  return root
}

function _qualified(uri: string, local: string): string {
  return uri ? `${uri} ${local}` : local
}

/** Children of `element` with the given qualified name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name)
}
