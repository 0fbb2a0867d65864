import { inTable } from './_offset.js'

// The default zone is in every time zone database, and the installed table's zones are known to this
// runtime (src/dates/_offset.ts); asking Intl costs ~20 ms of ICU start-up.
const _known = new Map<string, boolean>([['Europe/Berlin', true]])

/**
 * Tells whether `name` is an IANA time zone name the runtime knows, like `Europe/Berlin` or `UTC`.
 * Offsets (`+01:00`) and wrongly cased names (`europe/berlin`) are not zone names.
 */
export function isTimeZone(name: string): boolean {
  let known = _known.get(name)
  if (known === undefined) {
    known = _check(name)
    _known.set(name, known)
  }
  return known
}

function _check(name: string): boolean {
  if (inTable(name)) return true
  // Newer runtimes accept offsets like "+01:00" as time zones; a feed's zone must follow DST rules.
  if (!/^[A-Za-z]/.test(name)) return false
  let resolved: string
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return false
  }
  // Intl ignores case (https://tc39.es/ecma402/#sec-time-zone-names); a zone name has one spelling.
  // Links resolve to another name (US/Eastern → America/New_York), so only a same-name case change is wrong.
  return resolved === name || resolved.toLowerCase() !== name.toLowerCase()
}
