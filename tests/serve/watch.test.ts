import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type SourceWatch, watchSources } from '../../src/serve/watch.js'

let dir: string
let content: string
let watching: SourceWatch | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kanal-watch-'))
  content = join(dir, 'content')
  await mkdir(content)
  await writeFile(join(content, 'a.md'), '# A')
  await writeFile(join(dir, 'kanal.config.json'), '{}')
})

afterEach(async () => {
  await watching?.close()
  watching = undefined
  await rm(dir, { recursive: true, force: true })
})

async function _start(onChange: () => Promise<void>) {
  watching = await watchSources({ dirs: [content], files: [join(dir, 'kanal.config.json')] }, onChange)
}

/** Waits until `onChange` ran `count` times in all, and a little longer for stray extra runs. */
async function _runs(onChange: ReturnType<typeof vi.fn>, count: number) {
  await vi.waitFor(() => expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(count), {
    timeout: 15_000,
  })
  await new Promise((resolve) => setTimeout(resolve, 250))
}

/** Saves as `sed -i` and many editors do: a new file renamed over the old one. */
async function _replace(file: string, text: string) {
  await writeFile(`${file}.tmp~`, text)
  await rename(`${file}.tmp~`, file)
}

// Generous bounds: a loaded machine delays file events by seconds; nothing here waits for a clock.
describe('watchSources', { timeout: 60_000 }, () => {
  it('should rebuild after each of three saves that replace the file', async () => {
    const onChange = vi.fn(async () => {})
    await _start(onChange)
    for (const [index, text] of ['# B', '# C', '# D'].entries()) {
      await _replace(join(content, 'a.md'), text)
      await _runs(onChange, index + 1)
    }
    expect(onChange).toHaveBeenCalledTimes(3)
  })

  it('should rebuild when a file is deleted and created again, and in a new folder', async () => {
    const onChange = vi.fn(async () => {})
    await _start(onChange)
    await rm(join(content, 'a.md'))
    await _runs(onChange, 1)
    await writeFile(join(content, 'a.md'), '# A2')
    await _runs(onChange, 2)
    await mkdir(join(content, 'neu', 'tief'), { recursive: true })
    await _runs(onChange, 3)
    await writeFile(join(content, 'neu', 'tief', 'b.md'), '# B')
    await _runs(onChange, 4)
    await _replace(join(content, 'neu', 'tief', 'b.md'), '# B2')
    await _runs(onChange, 5)
    expect(onChange).toHaveBeenCalledTimes(5)
  })

  it('should rebuild when the config file is changed or replaced', async () => {
    const onChange = vi.fn(async () => {})
    await _start(onChange)
    await writeFile(join(dir, 'kanal.config.json'), '{"title":"x"}')
    await _runs(onChange, 1)
    await _replace(join(dir, 'kanal.config.json'), '{"title":"y"}')
    await _runs(onChange, 2)
    await writeFile(join(dir, 'other.txt'), 'not watched')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(onChange).toHaveBeenCalledTimes(2)
  })

  it('should keep rebuilding after the content folder is moved away and back', async () => {
    const onChange = vi.fn(async () => {})
    await _start(onChange)
    await rename(content, join(dir, 'weg'))
    await _runs(onChange, 1)
    await rename(join(dir, 'weg'), content)
    await _runs(onChange, 2)
    const before = onChange.mock.calls.length
    await writeFile(join(content, 'a.md'), '# nach dem Umzug')
    await _runs(onChange, before + 1)
    await _replace(join(content, 'a.md'), '# noch einmal')
    await _runs(onChange, before + 2)
  })

  it('should never run two rebuilds at once when changes come during a rebuild', async () => {
    let running = 0
    let most = 0
    const onChange = vi.fn(async () => {
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 150))
      running--
    })
    await _start(onChange)
    for (const text of ['1', '2', '3', '4']) {
      await writeFile(join(content, 'a.md'), text)
      await new Promise((resolve) => setTimeout(resolve, 120))
    }
    await _runs(onChange, 2)
    expect(most).toBe(1)
  })
})
