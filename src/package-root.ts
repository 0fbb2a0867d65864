// This file sits one level below the package root in src/ and lib/; in the bundle it may land in a
// shared chunk in lib/chunks/ (scripts/bundle.mjs), one level further down.
const _HERE = new URL('.', import.meta.url)

/** The folder of the compiled code (lib/ when installed). */
export const CODE_DIR = _HERE.pathname.endsWith('/chunks/') ? new URL('..', _HERE) : _HERE

/** The folder that holds kanal's package.json, schema/ and lib/. */
export const PACKAGE_ROOT = new URL('..', CODE_DIR)
