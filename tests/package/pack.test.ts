import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, REPO_ROOT, removeTempDirs } from '../helpers/fixture.js'

const exec = promisify(execFile)

// What a user gets from the registry: the packed package, installed into an empty folder.
describe('the packed npm package', () => {
  let project: string

  beforeAll(async () => {
    const packs = await makeTempDir()
    // --ignore-scripts: pack the lib/ that `npm ci` compiled, instead of recompiling it under the
    // feet of tests that run the CLI at the same time.
    await exec('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packs], {
      cwd: REPO_ROOT,
    })
    const [tarball] = (await readdir(packs)).filter((name) => name.endsWith('.tgz'))
    project = await makeTempDir()
    await exec('npm', ['init', '-y'], { cwd: project })
    await exec('npm', ['install', '--no-audit', '--no-fund', path.join(packs, tarball ?? 'missing.tgz')], {
      cwd: project,
    })
  }, 240_000)
  afterAll(removeTempDirs)

  it('should run npx kanal init && npx kanal build in an empty folder', async () => {
    const init = await exec('npx', ['kanal', 'init'], { cwd: project })
    expect(init.stderr).toContain('created kanal.config.json and content/willkommen.md')
    const config = JSON.parse(await readFile(path.join(project, 'kanal.config.json'), 'utf8'))
    expect(config.$schema).toBe('node_modules/kanal/schema/kanal.config.schema.json')
    await readFile(path.join(project, config.$schema), 'utf8')

    const build = await exec('npx', ['kanal', 'build', '--now', '2026-01-01T00:00:00Z'], { cwd: project })
    expect(build.stderr).toMatch(/kanal build: 1 article read, \d+ files written/)
    const rss = await readFile(path.join(project, 'dist/rss.xml'), 'utf8')
    expect(rss).toContain('<pubDate>Fri, 25 Oct 2024 00:00:00 +0200</pubDate>')
    expect(rss).toContain('Willkommen bei kanal')
  }, 60_000)

  it('should type-check a strict consumer with only typescript, skipLibCheck off (no @types/node)', async () => {
    const consumer = path.join(project, 'consumer')
    await mkdir(consumer)
    const tsconfig = {
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        skipLibCheck: false,
        noEmit: true,
        types: [],
      },
      files: ['index.mts'],
    }
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig))
    await writeFile(
      path.join(consumer, 'index.mts'),
      [
        "import { build, ContentError, type BuildResult, type HeldBackArticle } from 'kanal'",
        "const result: BuildResult = await build({ cwd: '.', now: new Date(0) })",
        'const held: HeldBackArticle[] = result.heldBack',
        'for (const error of result.errors) if (error instanceof ContentError) error.location.file.at(0)',
        'export { held }',
        '',
      ].join('\n'),
    )
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc')
    const value = await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer }).catch(
      (error: { stdout: string }) => error,
    )
    expect(value.stdout).toBe('')
  }, 60_000)

  it('should export kanal/eleventy and kanal/astro, typed, and discoveryTags from kanal', async () => {
    const consumer = path.join(project, 'plugins')
    await mkdir(consumer)
    const tsconfig = {
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        skipLibCheck: false,
        noEmit: true,
        types: [],
      },
      files: ['index.mts'],
    }
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig))
    const source = [
      "import kanalEleventy, { type KanalEleventyOptions } from 'kanal/eleventy'",
      "import kanalAstro from 'kanal/astro'",
      "import { discoveryTags } from 'kanal'",
      "const options: KanalEleventyOptions = { title: 'Blatt', content: 'posts', feedPath: '/feeds/' }",
      'const integration = kanalAstro(options)',
      "export const seen = [typeof kanalEleventy, integration.name, Object.keys(integration.hooks).join(','), typeof discoveryTags]",
      '',
    ].join('\n')
    await writeFile(path.join(consumer, 'index.mts'), source)
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc')
    const typed = await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer }).catch(
      (error: { stdout: string }) => error,
    )
    expect(typed.stdout).toBe('')
    await writeFile(
      path.join(consumer, 'run.mjs'),
      `${source.replace(/, \{ type KanalEleventyOptions \}/, '').replace(': KanalEleventyOptions', '')}console.log(...seen)\n`,
    )
    const ran = await exec(process.execPath, ['run.mjs'], { cwd: consumer })
    expect(ran.stdout).toBe('function kanal astro:config:done,astro:build:done,astro:server:setup function\n')
  }, 60_000)

  it('should ship the MIT license the package declares', async () => {
    const license = await readFile(path.join(project, 'node_modules/kanal/LICENSE'), 'utf8')
    expect(license).toMatch(/^MIT License/)
  })

  it('should refuse a second init and leave the files alone', async () => {
    const before = await readFile(path.join(project, 'kanal.config.json'), 'utf8')
    await expect(exec('npx', ['kanal', 'init'], { cwd: project })).rejects.toMatchObject({ code: 2 })
    expect(await readFile(path.join(project, 'kanal.config.json'), 'utf8')).toBe(before)
  }, 60_000)
})
