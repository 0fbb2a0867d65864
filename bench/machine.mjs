import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'

/** The machine the numbers were taken on, for the report. */
export function describeMachine() {
  const model =
    _firstMatch('/proc/cpuinfo', /^model name\s*:\s*(.+)$/m) ?? os.cpus()[0]?.model ?? 'unknown CPU'
  const system = _firstMatch('/etc/os-release', /^PRETTY_NAME="?([^"\n]+)"?$/m) ?? os.type()
  return {
    cpu: model.trim(),
    cores: os.availableParallelism(),
    ramGb: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    os: `${system} (${os.type()} ${os.release()}, ${os.arch()})`,
  }
}

function _firstMatch(file, pattern) {
  if (!existsSync(file)) return undefined
  return pattern.exec(readFileSync(file, 'utf8'))?.[1]
}
