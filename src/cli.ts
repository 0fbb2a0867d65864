#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'
import { runCli } from './cli/run.js'
import { writeAll } from './cli/write-all.js'

// A build allocates much that dies soon and keeps little (docs/benchmarks.md). By default V8 lets the
// heap grow to several times what is alive before collecting it; with a 20 % margin a 100,000-article
// build took ~410 MB instead of ~575 MB when this was measured, in the same wall time.
// Only the command sets this: a program that uses kanal as a library keeps its own settings.
setFlagsFromString('--heap-growing-percent=20')

// The report goes out whole or the run fails (exit 2, `cannot write standard output (ENOSPC)`); after a
// failed write, nothing more is tried there. What cannot be said on standard error is lost.
let stdoutFailed = false
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => {
    if (stdoutFailed) return
    try {
      writeAll(1, text, 'standard output')
    } catch (error) {
      stdoutFailed = true
      throw error
    }
  },
  stderr: (text) => {
    try {
      writeAll(2, text, 'standard error')
    } catch {}
  },
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
})
process.exitCode = code
