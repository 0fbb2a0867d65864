import type { Io } from './_report.js'

/**
 * A one-line progress display on stderr for builds that take longer than a moment: only on a
 * terminal, never in CI; cleared before the summary is printed.
 */
export function createProgress(io: Io): {
  update: (stage: string, done: number, total: number) => void
  done: () => void
} {
  const enabled = io.isTty && !io.env.CI
  const started = performance.now()
  let shown = false
  return {
    update(stage, done, total) {
      if (!enabled || performance.now() - started < 300) return
      shown = true
      io.stderr(`\r\u001b[2Kkanal: ${_SHOWN[stage] ?? stage} ${done}/${total}`)
    },
    done() {
      if (shown) io.stderr('\r\u001b[2K')
    },
  }
}

/** The stages as German readers see them on the terminal. */
const _SHOWN: Record<string, string> = { read: 'lesen', render: 'rendern' }
