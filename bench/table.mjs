const _HEADER = ['size', 'scenario', 'median wall s', 'median CPU s', 'peak RSS MB', 'runs']

/** One table row for a measured (or skipped) scenario. */
export function toRow(size, scenario, summary) {
  if (scenario.skipped || !summary)
    return [size, `${scenario.label} — ${scenario.skipped ?? 'not measured'}`, '–', '–', '–', '0']
  const { wallMs, cpuSeconds, maxRssMb, runs } = summary
  return [
    size,
    scenario.label,
    _seconds(wallMs / 1000),
    Number.isNaN(cpuSeconds) ? '–' : _seconds(cpuSeconds),
    Number.isNaN(maxRssMb) ? '–' : maxRssMb.toFixed(0),
    String(runs),
  ]
}

/** A `ratio` row: one scenario's medians against another's (a floor, or Hugo's), wall and CPU. */
export function toRatioRow(size, label, kanal, other) {
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(a / b < 1 ? 2 : 1)}×` : '–')
  return [size, label, ratio(kanal.wallMs, other.wallMs), ratio(kanal.cpuSeconds, other.cpuSeconds), '', '']
}

/**
 * A ratio row from runs taken in pairs (kanal's run i beside the peer's run i): the median of the
 * ratios of each pair, and their range, wall and CPU.
 */
export function toPairedRatioRow(size, label, kanal, peer) {
  const ratios = (key) => {
    const values = kanal.map((run, index) => run[key] / peer[index][key]).filter(Number.isFinite)
    if (values.length === 0) return '–'
    values.sort((a, b) => a - b)
    const middle = values.length >> 1
    const median = values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    return `${median.toFixed(2)}× (${values[0].toFixed(2)}–${values.at(-1).toFixed(2)})`
  }
  return [size, label, ratios('wallMs'), ratios('cpuSeconds'), '', '']
}

/** A Markdown table, padded so it also reads well in a terminal. */
export function renderTable(rows) {
  const all = [_HEADER, ...rows]
  const widths = _HEADER.map((_, column) => Math.max(...all.map((row) => row[column].length)))
  const numeric = (column) => column >= 2
  const line = (row) =>
    `| ${row.map((cell, column) => (numeric(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`
  const rule = `|${widths.map((width, column) => (numeric(column) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`
  return [line(_HEADER), rule, ...rows.map(line)].join('\n')
}

function _seconds(value) {
  return value < 1 ? value.toFixed(3) : value.toFixed(2)
}
