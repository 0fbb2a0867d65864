import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBody, readBodyBytes, readSource } from '../../src/content/read.js'
import { ContentError } from '../../src/errors.js'
import { makeTempDir, removeTempDirs } from '../helpers/fixture.js'

const SHAPE = 'start the file with a line "---", then the front matter (title:, date:, …), then a line "---"'
const NOT_UTF8 = 'is not UTF-8 text (perhaps Latin-1 or Windows-1252): save it with UTF-8 encoding'

let dir: string

beforeAll(async () => {
  dir = await makeTempDir()
})

afterAll(removeTempDirs)

/** Writes `content` to `<temp>/<name>` and reads it as `content/<name>`. */
async function read(name: string, content: string | Buffer, whole = false) {
  const filePath = path.join(dir, name)
  await writeFile(filePath, content)
  return { filePath, result: readSource(filePath, `content/${name}`, name, whole) }
}

/** The ContentError `run` rejects with. */
async function errorOf(run: () => Promise<unknown>): Promise<ContentError> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ContentError)
  return error as ContentError
}

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('readSource', () => {
  it('should locate the front matter and the body when the file is small and has LF line ends', async () => {
    const value = '---\ntitle: Wahl\ndate: 25.10.2024\n---\n\nText.\n'

    const { filePath, result } = await read('wahl.md', value)

    expect(result).toEqual({
      source: {
        file: 'content/wahl.md',
        path: filePath,
        relative: 'wahl.md',
        frontMatterLine: 2,
        bodyOffset: 37,
        bodyLine: 5,
        size: 44,
        mtimeMs: expect.any(Number),
        ctimeMs: expect.any(Number),
        ino: expect.any(Number),
      },
      yaml: 'title: Wahl\ndate: 25.10.2024\n',
      format: 'yaml',
      fileHash: sha256(value),
    })
    expect(readBodyBytes(result.source).toString('utf8')).toBe('\nText.\n')
  })

  it('should count the byte order mark in the body offset but keep it out of the YAML when the file starts with a BOM', async () => {
    const value = '\uFEFF---\ntitle: Wahl\ndate: 25.10.2024\n---\n\nText.\n'

    const { result } = await read('bom.md', value)

    expect(result.yaml).toBe('title: Wahl\ndate: 25.10.2024\n')
    expect(result.source.bodyOffset).toBe(40)
    expect(result.source.bodyLine).toBe(5)
    expect(readBodyBytes(result.source).toString('utf8')).toBe('\nText.\n')
  })

  it('should give LF YAML and a body offset after the CRLF when the file has Windows line ends', async () => {
    const value = '---\r\ntitle: Wahl\r\ndate: 25.10.2024\r\n---\r\n\r\nText.\r\n'

    const { result } = await read('crlf.md', value)

    expect(result.yaml).toBe('title: Wahl\ndate: 25.10.2024\n')
    expect(result.source.bodyOffset).toBe(41)
    expect(result.source.bodyLine).toBe(5)
    expect(readBodyBytes(result.source).toString('utf8')).toBe('\r\nText.\r\n')
  })

  it('should take "..." as the end of the front matter when YAML closes the document that way', async () => {
    const value = '---\ntitle: Wahl\n...\nText.\n'

    const { result } = await read('punkte.md', value)

    expect(result.yaml).toBe('title: Wahl\n')
    expect(result.source.bodyLine).toBe(4)
    expect(readBodyBytes(result.source).toString('utf8')).toBe('Text.\n')
  })

  it('should start the body at the end of the file when the closing line is the last line without a newline', async () => {
    const value = '---\ntitle: Wahl\n---'

    const { result } = await read('ohne-text.md', value)

    expect(result.yaml).toBe('title: Wahl\n')
    expect(result.source.bodyOffset).toBe(Buffer.byteLength(value))
    expect(readBodyBytes(result.source)).toHaveLength(0)
  })

  it('should not end the front matter at a line that only starts with ---', async () => {
    const value = '---\ntitle: Wahl\n----\ndate: 25.10.2024\n---\nText.\n'

    const { result } = await read('striche.md', value)

    expect(result.yaml).toBe('title: Wahl\n----\ndate: 25.10.2024\n')
    expect(result.source.bodyLine).toBe(6)
  })

  it('should report an unclosed front matter at 1:1 when the closing line is missing', async () => {
    const value = '---\ntitle: Wahl\ndate: 25.10.2024\n\nText ohne Ende der Kopfzeilen.\n'

    const error = await errorOf(() => read('offen.md', value))

    expect(error.location).toEqual({ file: 'content/offen.md', line: 1, column: 1 })
    expect(error.message).toBe(`content/offen.md:1:1: the front matter is not closed: ${SHAPE}`)
  })

  it.each([
    { name: 'plain Markdown', value: '# Wahl in Berlin\n\nText.\n' },
    { name: 'text before the first ---', value: 'Titel\n---\ntitle: Wahl\n---\n' },
    { name: 'an empty file', value: '' },
  ])('should report a missing front matter at 1:1 when the file is $name', async ({ value }) => {
    const error = await errorOf(() => read('ohne.md', value))

    expect(error.message).toBe(`content/ohne.md:1:1: has no front matter: ${SHAPE}`)
  })

  it('should read on past the first 4 KB when the front matter is longer than that', async () => {
    const summary = 'Ein sehr langer Vorspann über die Wahl. '.repeat(120)
    const value = `---\ntitle: Wahl\nsummary: ${summary}\ndate: 25.10.2024\n---\n\nText.\n`
    expect(Buffer.byteLength(value)).toBeGreaterThan(4096)

    const { result } = await read('lang.md', value)

    expect(result.yaml).toBe(`title: Wahl\nsummary: ${summary}\ndate: 25.10.2024\n`)
    expect(result.source.bodyLine).toBe(6)
    expect(result.fileHash).toBe(sha256(value))
    expect(readBodyBytes(result.source).toString('utf8')).toBe('\nText.\n')
  })

  it('should read only the head and give no file hash when the body makes the file longer than 4 KB', async () => {
    const body = 'Ein Absatz über die Wahl in Berlin.\n\n'.repeat(200)
    const value = `---\ntitle: Wahl\n---\n${body}`

    const { result } = await read('langer-text.md', value)

    expect(result.yaml).toBe('title: Wahl\n')
    expect(result.fileHash).toBeUndefined()
    expect(result.source.size).toBe(Buffer.byteLength(value))
    expect(readBodyBytes(result.source).toString('utf8')).toBe(body)
  })

  it('should hash the whole file when whole is asked for and the file is longer than 4 KB', async () => {
    const value = `---\ntitle: Wahl\n---\n${'Text. '.repeat(1000)}\n`

    const { result } = await read('ganz.md', value, true)

    expect(result.fileHash).toBe(sha256(value))
    expect(result.source.bodyOffset).toBe(20)
  })

  it.each([
    {
      name: 'a Latin-1 ß in the title',
      value: Buffer.concat([Buffer.from('---\ntitle: Stra'), Buffer.from([0xdf]), Buffer.from('e\n---\n')]),
      expected: { line: 2, column: 12 },
    },
    {
      name: 'a Latin-1 ü on the third line',
      value: Buffer.concat([
        Buffer.from('---\ntitle: Wahl\nauthor: M'),
        Buffer.from([0xfc]),
        Buffer.from('ller\n---\n'),
      ]),
      expected: { line: 3, column: 10 },
    },
    {
      name: 'a Windows-1252 quote after UTF-8 umlauts',
      value: Buffer.concat([
        Buffer.from('---\ntitle: Köln – '),
        Buffer.from([0x84]),
        Buffer.from('Dom\n---\n'),
      ]),
      expected: { line: 2, column: 15 },
    },
  ])(
    'should name line and column in characters when the front matter has $name',
    async ({ value, expected }) => {
      const error = await errorOf(() => read('latin1.md', value))

      expect(error.location).toEqual({ file: 'content/latin1.md', ...expected })
      expect(error.reason).toBe(NOT_UTF8)
    },
  )

  it('should refuse the file naming no line when it is UTF-16 text', async () => {
    const value = Buffer.from('\uFEFF---\ntitle: Wahl\n---\n\nText.\n', 'utf16le')

    const error = await errorOf(() => read('utf16.md', value))

    expect(error.message).toBe('content/utf16.md: is UTF-16 text, not UTF-8: save it as UTF-8')
  })

  it('should refuse the file as binary when it has NUL bytes and is not UTF-8', async () => {
    const value = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0xff,
    ])

    const error = await errorOf(() => read('bild.md', value))

    expect(error.message).toBe(
      'content/bild.md: is a binary file, not Markdown text: remove it from the content folder',
    )
  })
})

describe('readBodyBytes', () => {
  it('should return the bytes from the body offset to the end when given a located source', async () => {
    const { result } = await read('koerper.md', '---\ntitle: Wahl\n---\nErster Satz.\nZweiter Satz.\n')

    const value = readBodyBytes(result.source)

    expect(value.toString('utf8')).toBe('Erster Satz.\nZweiter Satz.\n')
  })

  it('should return no bytes when the offset is past the end of the file', async () => {
    const { result } = await read('kurz.md', '---\ntitle: Wahl\n---\n')

    const value = readBodyBytes({ ...result.source, bodyOffset: 500 })

    expect(value).toHaveLength(0)
  })
})

describe('decodeBody', () => {
  it.each([
    { name: 'LF', value: 'Erster Satz.\nZweiter Satz.\n', expected: 'Erster Satz.\nZweiter Satz.\n' },
    { name: 'CRLF', value: 'Erster Satz.\r\nZweiter Satz.\r\n', expected: 'Erster Satz.\nZweiter Satz.\n' },
    { name: 'old Mac CR', value: 'Erster Satz.\rZweiter Satz.\r', expected: 'Erster Satz.\nZweiter Satz.\n' },
    { name: 'umlauts', value: 'Größe: „groß“ – 5 €\r\n', expected: 'Größe: „groß“ – 5 €\n' },
    { name: 'a NUL inside UTF-8 text', value: 'Text\u0000mit NUL\n', expected: 'Text\u0000mit NUL\n' },
  ])('should return LF text when the body has $name', ({ value, expected }) => {
    expect(decodeBody(Buffer.from(value), 'content/wahl.md')).toBe(expected)
  })

  it('should count lines from firstLine when a body byte is not UTF-8', () => {
    const value = Buffer.concat([
      Buffer.from('Erster Satz.\nDie Stra'),
      Buffer.from([0xdf]),
      Buffer.from('e.\n'),
    ])

    let error: unknown
    try {
      decodeBody(value, 'content/wahl.md', 6)
    } catch (thrown) {
      error = thrown
    }

    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).message).toBe(`content/wahl.md:7:9: ${NOT_UTF8}`)
  })

  it('should refuse a body that is UTF-16 text', () => {
    const value = Buffer.from('\uFEFFText.\n', 'utf16le')

    expect(() => decodeBody(value, 'content/wahl.md')).toThrow(
      'content/wahl.md: is UTF-16 text, not UTF-8: save it as UTF-8',
    )
  })
})
