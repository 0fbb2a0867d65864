import { ACTORS, CLAUSES, FACTS, HEADINGS, LINKS, LIST_ITEMS, QUOTES, REPORTING, SPEAKERS } from './words.mjs'

/** One German sentence: a report, a „quote“ or a fact with numbers; now and then with a link. */
export function buildSentence(random) {
  const kind = random.int(0, 2)
  let sentence
  if (kind === 0) sentence = `${random.pick(ACTORS)} ${random.pick(REPORTING)}, dass ${random.pick(CLAUSES)}.`
  else if (kind === 1) sentence = `„${random.pick(QUOTES)}“, sagte ${random.pick(SPEAKERS)}.`
  else sentence = random.pick(FACTS).replace('{n}', random.int(2, 98)).replace('{d}', random.int(1, 9))
  if (random.chance(0.08)) {
    const [text, url] = random.pick(LINKS)
    sentence += ` Mehr dazu steht in [${text}](${url}).`
  }
  return sentence
}

/**
 * A Markdown body of at least `targetBytes` UTF-8 bytes (over by at most one sentence): paragraphs,
 * some `##` headings, bullet lists and, in some articles, an image.
 */
export function buildBody(random, targetBytes, slug) {
  const blocks = []
  let bytes = 0
  const add = (block) => {
    blocks.push(block)
    bytes += Buffer.byteLength(block) + 2 // blank line between blocks
  }
  if (random.chance(0.15)) add(`![Symbolbild zum Thema](bilder/${slug}.jpg)`)
  while (bytes < targetBytes) {
    const roll = random.next()
    if (blocks.length > 1 && roll < 0.08) add(`## ${random.pick(HEADINGS)}`)
    else if (blocks.length > 1 && roll < 0.14) add(_list(random))
    else add(_paragraph(random, targetBytes - bytes))
  }
  return `${blocks.join('\n\n')}\n`
}

/** Two to six sentences, stopping early once the body is long enough. */
function _paragraph(random, bytesLeft) {
  const sentences = []
  let bytes = 0
  const count = random.int(2, 6)
  while (sentences.length < count && bytes < bytesLeft) {
    const sentence = buildSentence(random)
    sentences.push(sentence)
    bytes += Buffer.byteLength(sentence) + 1
  }
  return sentences.join(' ')
}

function _list(random) {
  const items = random.sample(LIST_ITEMS, random.int(3, 5))
  return `Die Forderungen im Überblick:\n\n${items.map((item) => `- ${item}`).join('\n')}`
}
