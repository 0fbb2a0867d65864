/** Base seed of the corpus; change it (and GENERATOR_VERSION) only on purpose. */
const _BASE_SEED = 0x6b616e61 // "kana"

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same numbers on every
 * machine, so the corpus is the same everywhere. No Math.random anywhere in the bench.
 */
export function createRandom(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    /** Whole number from `min` to `max`, both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    /** `count` different items, in random order. */
    sample(items, count) {
      const pool = [...items]
      const chosen = []
      while (chosen.length < count && pool.length > 0) {
        chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0])
      }
      return chosen
    },
  }
}

/** The seed of article `index`: each article has its own stream, so one can be regenerated alone. */
export function seedFor(index) {
  return (Math.imul(index + 1, 0x9e3779b1) ^ _BASE_SEED) >>> 0
}
