import { spawn, spawnSync } from 'node:child_process'
import { mkdir, readdir, rmdir, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from './fixture.js'

/** The compiled CLI, as `npx kanal` runs it. */
export const CLI = path.join(REPO_ROOT, 'lib', 'cli.js')

/** What a spawned CLI did. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node lib/cli.js …` in `cwd`; `env` entries replace (or, when undefined, remove) variables. */
export function spawnCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliRun> {
  const env = _cleanEnv(options.env ?? {})
  return _finished(spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env }))
}

/** Whether bash is here: `spawnCliWithFileLimit` needs it (tests that use it skip, by name, without). */
export const hasBash = spawnSync('bash', ['-c', 'true']).status === 0

/**
 * Runs `node lib/cli.js …` in `cwd` under bash's file size limit (`ulimit -f`, in KiB; 0: no file may
 * grow): how tests make the disk refuse a write, as a full one does. `stdoutTo` redirects standard
 * output to that file (relative to `cwd`); a pipe knows no size limit.
 */
export function spawnCliWithFileLimit(
  kib: number,
  args: string[],
  options: { cwd: string; stdoutTo?: string },
): Promise<CliRun> {
  const command = [process.execPath, CLI, ...args].map(_quoted).join(' ')
  const redirect = options.stdoutTo === undefined ? '' : ` > ${_quoted(options.stdoutTo)}`
  const script = `ulimit -f ${kib}; exec ${command}${redirect}`
  return _finished(spawn('bash', ['-c', script], { cwd: options.cwd, env: _cleanEnv({}) }))
}

function _quoted(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`
}

function _finished(child: ReturnType<typeof spawn>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    )
  })
}

/** The parent's environment without what changes kanal's output or report, plus `overrides`. */
function _cleanEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of [
    'GITHUB_ACTIONS',
    'SOURCE_DATE_EPOCH',
    'NO_COLOR',
    'FORCE_COLOR',
    'TZ',
    'LANG',
    'LANGUAGE',
  ]) {
    delete env[key]
  }
  for (const key of Object.keys(env)) if (key.startsWith('LC_')) delete env[key]
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return env
}

/**
 * Compiles `src/` to `lib/` as `npm run prepare` does (tsc, then the bundle of the CLI and worker) when
 * `lib/cli.js` is missing or older than any source file. Test files run in parallel workers, so a lock
 * dir keeps two compilers apart.
 */
export async function ensureCompiledCli(): Promise<void> {
  if (await _isFresh()) return
  const lock = path.join(os.tmpdir(), `kanal-e2e-tsc-${Buffer.from(REPO_ROOT).toString('base64url')}`)
  await _acquire(lock)
  try {
    if (await _isFresh()) return
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
    if (result.status !== 0) {
      throw new Error(`tsc -p tsconfig.build.json failed:\n${result.stdout}${result.stderr}`)
    }
    const bundle = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' })
    if (bundle.status !== 0) throw new Error(`scripts/bundle.mjs failed:\n${bundle.stdout}${bundle.stderr}`)
  } finally {
    await rmdir(lock).catch(() => {})
  }
}

async function _isFresh(): Promise<boolean> {
  const built = await stat(CLI).catch(() => undefined)
  if (!built) return false
  return (await _newestMtime(path.join(REPO_ROOT, 'src'))) <= built.mtimeMs
}

async function _newestMtime(dir: string): Promise<number> {
  let newest = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const { mtimeMs } = await stat(path.join(entry.parentPath, entry.name))
    newest = Math.max(newest, mtimeMs)
  }
  return newest
}

/** Waits for the lock dir; a lock older than two minutes is left over from a killed run. */
async function _acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      await mkdir(lock)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const held = await stat(lock).catch(() => undefined)
      if (held && Date.now() - held.mtimeMs > 120_000) await rmdir(lock).catch(() => {})
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
