import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/run.js'

/** A temp folder with the given files (path → contents), removed by `cleanup`. */
export async function makeScenario(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kanal-cli-'))
  await writeFiles(dir, files)
  return dir
}

/** Writes files (path → contents) below `dir`, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [file, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), contents)
  }
}

/** Removes a scenario folder. */
export async function cleanup(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** Runs the CLI in-process and captures what it prints; the timing in the summary line is masked. */
export async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    argv,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, isTty: false },
    cwd,
  )
  return { code, stdout, stderr: maskTime(stderr) }
}

/** Replaces "in 0.12 s" by "in T s". */
export function maskTime(text: string): string {
  return text.replace(/ in \d+\.\d+ s$/gm, ' in T s')
}

/** SHA-256 of every file below `dir` (relative path → hash), to prove a folder did not change. */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const result: Record<string, string> = {}
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    result[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex')
  }
  return result
}

/** A valid config for scenarios. */
export const CONFIG = JSON.stringify({ title: 'Fehler-Test', siteUrl: 'https://fehler.example.de/' })

/** A valid article. */
export function article(title: string, date: string, extra = ''): string {
  return `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\nText von ${title}.\n`
}
