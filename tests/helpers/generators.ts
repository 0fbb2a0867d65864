import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { makeTempDir, REPO_ROOT } from './fixture.js'

const exec = promisify(execFile)

/** The site generators the plugin tests run, as the npm registry has them. */
export const GENERATORS = ['@11ty/eleventy@3', 'astro@5']

/**
 * The folder where Eleventy 3, Astro 5 and kanal's own dependencies are installed once and reused by
 * later runs (outside the repository): `KANAL_GENERATORS_DIR`, or `kanal-ci/generators` in the user's
 * cache folder (as `.ci/run` installs them).
 */
export function generatorsDir(): string {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache')
  return process.env.KANAL_GENERATORS_DIR ?? path.join(cache, 'kanal-ci', 'generators')
}

/** kanal's runtime dependencies, as `name@range`, from its package.json. */
function _kanalDependencies(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'))
  return Object.entries(manifest.dependencies as Record<string, string>).map(
    ([name, range]) => `${name}@${range}`,
  )
}

function _installed(dir: string): boolean {
  const names = [
    '@11ty/eleventy',
    'astro',
    ..._kanalDependencies().map((spec) => spec.replace(/(.)@.*$/, '$1')),
  ]
  return names.every((name) => existsSync(path.join(dir, 'node_modules', name, 'package.json')))
}

/**
 * The generators' folder, installed on first use. Undefined, with the reason, when they are not there
 * and the npm registry cannot be reached: the tests then skip and say so.
 */
export async function ensureGenerators(): Promise<{ dir: string } | { skip: string }> {
  const dir = generatorsDir()
  if (_installed(dir)) return { dir }
  await mkdir(dir, { recursive: true })
  try {
    await exec(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefix', dir, ...GENERATORS, ..._kanalDependencies()],
      { timeout: 600_000 },
    )
  } catch (error) {
    return {
      skip: `Eleventy and Astro are not installed in ${dir} and npm could not install them (${String((error as Error).message).split('\n')[0]}); the registry may be unreachable`,
    }
  }
  return _installed(dir)
    ? { dir }
    : { skip: `npm install left ${dir} without Eleventy, Astro or kanal's dependencies` }
}

/** kanal as the registry would ship it: `npm pack` of the working tree's lib/ (run `npm run prepare` first). */
export async function packKanal(): Promise<string> {
  const packs = await makeTempDir()
  await exec('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packs], { cwd: REPO_ROOT })
  const [tarball] = (await readdir(packs)).filter((name) => name.endsWith('.tgz'))
  return path.join(packs, tarball ?? 'missing.tgz')
}

/**
 * A temp site folder whose node_modules holds the packed kanal (extracted as npm would install it)
 * and links to every package of the generators' folder.
 */
export async function makeSite(generators: string, tarball: string): Promise<string> {
  const site = await makeTempDir()
  const modules = path.join(site, 'node_modules')
  await mkdir(path.join(modules, 'kanal'), { recursive: true })
  await exec('tar', ['-xzf', tarball, '-C', path.join(modules, 'kanal'), '--strip-components=1'])
  for (const entry of await readdir(path.join(generators, 'node_modules'))) {
    if (entry === 'kanal' || entry === '.package-lock.json') continue
    await symlink(path.join(generators, 'node_modules', entry), path.join(modules, entry))
  }
  return site
}

/** Runs a package's bin from the site's node_modules with Node, in the site folder. */
export function runBin(site: string, bin: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return exec(process.execPath, [path.join(site, 'node_modules', bin), ...args], {
    cwd: site,
    env: { ...process.env, ...env },
    timeout: 240_000,
  }).catch((error: { stdout: string; stderr: string; code: number }) => ({ ...error, failed: true as const }))
}
