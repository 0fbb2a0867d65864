import { buildBody, buildSentence } from './body.mjs'
import { DATE_FORMS, formatDate, randomWallTime, toInstant } from './dates.mjs'
import { createRandom, seedFor } from './prng.mjs'
import { AUTHORS, CATEGORIES, TAGS } from './words.mjs'

const _CATEGORY_NAMES = Object.keys(CATEGORIES)
const _HEADLINES = [
  (topic, actor) => `${topic}: ${actor} ringt um einen Kompromiss`,
  (topic) => `Streit um „${topic}“ geht in die nächste Runde`,
  (topic) => `Was die Entscheidung zum Thema ${topic} für Familien bedeutet`,
  (topic, actor) => `${actor} legt Pläne für ${topic} vor – Kritik wächst`,
  (topic) => `${topic}: Die wichtigsten Fragen und Antworten`,
]

/**
 * Article number `index` of the corpus, always the same: `relative` path below content/, the file
 * `text`, and the `instant` its date stands for.
 */
export function buildArticle(index) {
  const random = createRandom(seedFor(index))
  const wall = randomWallTime(random)
  const form = random.pick(DATE_FORMS)
  const category = random.pick(_CATEGORY_NAMES)
  const topic = random.pick(CATEGORIES[category])
  const title = random.pick(_HEADLINES)(topic, random.pick(['Koalition', 'Stadtrat', 'Landesregierung']))
  const slug = `${_slugify(title).split('-').slice(0, 6).join('-')}-${index}`
  const lines = ['---', `title: ${JSON.stringify(title)}`, `date: ${formatDate(wall, form)}`]
  lines.push(`category: ${category}`, `author: ${random.pick(AUTHORS)}`)
  if (random.chance(0.6)) lines.push(`tags: [${random.sample(TAGS, random.int(1, 4)).join(', ')}]`)
  if (random.chance(0.4))
    lines.push(`summary: ${JSON.stringify(buildSentence(random).replace(/\[|\]\([^)]*\)/g, ''))}`)
  lines.push('---', '')
  const body = buildBody(random, random.int(1024, 8192), slug)
  return {
    relative: `${wall.year}/${slug}.md`,
    text: `${lines.join('\n')}\n${body}`,
    instant: toInstant(wall, form),
  }
}

function _slugify(text) {
  const german = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'ae', Ö: 'oe', Ü: 'ue', ß: 'ss' }
  return text
    .replace(/[äöüÄÖÜß]/g, (char) => german[char])
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
