import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (the folder above bench/) and its compiled CLI. */
export const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
export const CLI = path.join(REPO, 'lib', 'cli.js')

/** Which cache flags this kanal build has, read from `build --help`: { cacheDir, noCache }. */
export function detectCache() {
  const help = spawnSync(process.execPath, [CLI, 'build', '--help'], { encoding: 'utf8' })
  const mentions = (flag) => help.status === 0 && help.stdout.includes(flag)
  return { cacheDir: mentions('--cache-dir'), noCache: mentions('--no-cache') }
}

/** Why the bench cannot run, or a warning that lib/ is older than src/; undefined when all is well. */
export function checkCompiled() {
  if (!existsSync(CLI)) return { fatal: true, message: 'lib/cli.js is missing: run npm run prepare first' }
  const compiled = statSync(CLI).mtimeMs
  const newer = _sources(path.join(REPO, 'src')).filter((file) => statSync(file).mtimeMs > compiled)
  if (newer.length === 0) return undefined
  const shown = path.relative(REPO, newer[0])
  return {
    fatal: false,
    message: `lib/ is older than ${newer.length} file(s) in src/ (e.g. ${shown}): measuring the compiled lib/ as it is; run npm run prepare to measure the current source`,
  }
}

/** kanal's version and git commit, e.g. "0.1.0 at 2eb7605 (+ uncommitted changes)". */
export function describeKanal() {
  const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'))
  const git = (...args) => spawnSync('git', args, { cwd: REPO, encoding: 'utf8' })
  const head = git('rev-parse', '--short', 'HEAD')
  if (head.status !== 0) return version
  const dirty = git('status', '--porcelain').stdout.trim() !== ''
  return `${version} at ${head.stdout.trim()}${dirty ? ' (+ uncommitted changes)' : ''}`
}

/** `build` arguments: the output folder, then `--cache-dir <dir>`, `--no-cache` or nothing. */
export function buildArgs(out, cache) {
  if (cache === false) return ['build', '--no-cache', '--out', out]
  return ['build', '--out', out, ...(cache ? ['--cache-dir', cache] : [])]
}

/** Numbers from kanal's summary line, e.g. "1000 articles read, …, 0 errors, 2 warnings". */
export function parseSummary(stderr) {
  const number = (pattern) => Number(pattern.exec(stderr)?.[1] ?? Number.NaN)
  return { articles: number(/(\d+) articles? read/), warnings: number(/(\d+) warnings?/) }
}

function _sources(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}
