import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASIC_FILES } from '../helpers/basic.js'
import { type BuiltFixture, buildFixture, removeTempDirs } from '../helpers/fixture.js'

/** Shared schemas live beside the repository (`<repo>/../shared/schemas`), not in it. */
const SCHEMAS = fileURLToPath(new URL('../../../shared/schemas/', import.meta.url))
const ATOM_SCHEMA = path.join(SCHEMAS, 'atom.rnc')
const JSON_FEED_SCHEMA = path.join(SCHEMAS, 'jsonfeed-1.1.schema.json')

/** In CI a missing validator or schema is a failure, never a silent skip. */
const IN_CI = !['', '0', 'false'].includes(process.env.CI ?? '')

const ATOM_FILES = BASIC_FILES.filter((file) => file.endsWith('atom.xml'))
const JSON_FILES = BASIC_FILES.filter((file) => file.endsWith('feed.json'))

/** Why a check cannot run here, or undefined when it can. */
function _missing(needs: { schema: string; jing?: boolean }): string | undefined {
  if (!existsSync(needs.schema))
    return `${needs.schema} is missing (../shared is not checked out next to the repo)`
  if (needs.jing && !_onPath('jing')) return 'jing is not installed (apt-get install jing)'
  return undefined
}

function _onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

const atomMissing = _missing({ schema: ATOM_SCHEMA, jing: true })
const jsonMissing = _missing({ schema: JSON_FEED_SCHEMA })

/** The test name says why it was skipped; in CI the test runs and fails with the same reason. */
function _name(name: string, missing: string | undefined): string {
  return missing === undefined || IN_CI ? name : `skipped because ${missing} (CI fails instead): ${name}`
}

let built: BuiltFixture

beforeAll(async () => {
  built = await buildFixture('basic')
})

afterAll(removeTempDirs)

describe('Atom files against the RELAX NG schema of RFC 4287', () => {
  it.skipIf(atomMissing !== undefined && !IN_CI)(
    _name('should pass jing -c atom.rnc when checking every atom.xml of the basic fixture', atomMissing),
    () => {
      expect(atomMissing, atomMissing).toBeUndefined()
      const dist = path.join(built.dir, 'dist')

      const value = spawnSync('jing', ['-c', ATOM_SCHEMA, ...ATOM_FILES], { cwd: dist, encoding: 'utf8' })

      expect(value.error).toBeUndefined()
      // jing prints one `file:line:col: error: …` line per problem on stdout.
      expect(value.stdout).toBe('')
      expect(value.status).toBe(0)
    },
    30_000,
  )
})

describe('JSON Feed files against the JSON Feed 1.1 schema', () => {
  it.skipIf(jsonMissing !== undefined && !IN_CI)(
    _name('should match the schema and say version 1.1 when checking every feed.json', jsonMissing),
    () => {
      expect(jsonMissing, jsonMissing).toBeUndefined()
      const ajv = new Ajv({ allErrors: true, strict: false })
      addFormats.default(ajv)
      const validate = ajv.compile(JSON.parse(readFileSync(JSON_FEED_SCHEMA, 'utf8')) as object)

      for (const file of JSON_FILES) {
        const value = JSON.parse(built.read(file)) as { version?: unknown }

        expect(validate(value) ? [] : validate.errors, file).toEqual([])
        // The schema also accepts version 1; kanal promises 1.1.
        expect(value.version, file).toBe('https://jsonfeed.org/version/1.1')
      }
    },
  )
})
