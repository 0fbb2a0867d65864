// Fallback when GNU time is missing: runs a Node script inside this process and, on exit, writes
// this process's resource usage to a file. Usage: node usage-runner.mjs <report.json> <script> [args…]
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [report, script, ...args] = process.argv.slice(2)
const target = path.resolve(script)
// The script sees the command line it would have had without the runner.
process.argv = [process.argv[0], target, ...args]
process.on('exit', () => {
  const usage = process.resourceUsage()
  const seconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6
  writeFileSync(report, JSON.stringify({ cpuSeconds: seconds, maxRssKb: usage.maxRSS }))
})
await import(pathToFileURL(target).href)
