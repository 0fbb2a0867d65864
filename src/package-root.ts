// This file sits one level below the package root in src/ and lib/, and the bundled lib/cli.js does
// too, so the URL below is the package root however kanal was built.

/** The folder that holds kanal's package.json, schema/ and lib/. */
export const PACKAGE_ROOT = new URL('..', import.meta.url)

/** The folder of the compiled code (lib/ when installed). */
export const CODE_DIR = new URL('.', import.meta.url)
