import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const _GNU_TIME = '/usr/bin/time'
const _RUNNER = fileURLToPath(new URL('usage-runner.mjs', import.meta.url))

/** How CPU time and peak RSS are taken: GNU time when it works here, else the Node runner. */
export function chooseTimer(allowGnuTime = true) {
  if (!allowGnuTime) return 'node-runner'
  const probe = spawnSync(_GNU_TIME, ['-f', '%e', '-o', '/dev/null', 'true'], { stdio: 'ignore' })
  return probe.status === 0 ? 'gnu-time' : 'node-runner'
}

/**
 * Runs `node <script> <args…>` (or `<program> <args…>`, e.g. Hugo) in `cwd` once. Wall time is
 * performance.now() around spawn → exit; CPU (user + sys) and peak RSS of the child come from the
 * timer (NaN for a program that is not Node when GNU time is missing). Resolves to
 * { wallMs, cpuSeconds, maxRssMb, code, stdout, stderr }.
 */
export async function measureNode({ script, program, args, cwd }, timer, reportFile) {
  rmSync(reportFile, { force: true })
  const target = program ? [program, ...args] : [process.execPath, script, ...args]
  const [command, commandArgs] =
    timer === 'gnu-time'
      ? [_GNU_TIME, ['-f', '%e %U %S %M', '-o', reportFile, ...target]]
      : program
        ? [program, args]
        : [process.execPath, [_RUNNER, reportFile, script, ...args]]
  const started = performance.now()
  const child = spawn(command, commandArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const output = { stdout: '', stderr: '' }
  child.stdout.setEncoding('utf8').on('data', (text) => (output.stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text) => (output.stderr += text))
  const closed = new Promise((resolve) => child.on('close', resolve))
  const [wallMs, code] = await new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (exitCode) => resolve([performance.now() - started, exitCode]))
  })
  await closed
  return { wallMs, code, ...output, ..._readUsage(reportFile, timer) }
}

function _readUsage(reportFile, timer) {
  if (!existsSync(reportFile)) return { cpuSeconds: Number.NaN, maxRssMb: Number.NaN }
  const text = readFileSync(reportFile, 'utf8')
  if (timer !== 'gnu-time') {
    const usage = JSON.parse(text)
    return { cpuSeconds: usage.cpuSeconds, maxRssMb: usage.maxRssKb / 1024 }
  }
  // GNU time puts "Command exited with non-zero status N" before the numbers when the child fails.
  const [, user, system, maxRssKb] = text.trim().split('\n').at(-1).split(' ').map(Number)
  return { cpuSeconds: user + system, maxRssMb: maxRssKb / 1024 }
}

/** The median of each measured number over several runs of one scenario. */
export function summarize(runs) {
  const median = (key) => {
    const values = runs.map((run) => run[key]).sort((a, b) => a - b)
    const middle = values.length >> 1
    return values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2
  }
  return {
    wallMs: median('wallMs'),
    cpuSeconds: median('cpuSeconds'),
    maxRssMb: median('maxRssMb'),
    runs: runs.length,
  }
}
