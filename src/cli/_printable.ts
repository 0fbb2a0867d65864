/**
 * Text from articles, file names and configs on its way to a terminal or a CI log. Two dangers
 * (issue: workflow-command injection): a line break followed by `::error …` becomes a command that a
 * GitHub runner carries out, and ESC sequences move the cursor or recolour a terminal. So control
 * characters are shown escaped (`\n`, `\u001b`), and no line may start with `::`.
 */

// C0 controls except tab, DEL, C1 controls, and the Unicode line and paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const _CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g

/** One line: every control character, line breaks included, shown as an escape. */
export function oneLine(text: string): string {
  return _notACommand(text.replace(_CONTROLS, _escape))
}

/** Several lines (a message kanal joined with `\n`): each line made safe on its own. */
export function safeLines(text: string): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => oneLine(line))
    .join('\n')
}

function _escape(character: string): string {
  if (character === '\n') return '\\n'
  if (character === '\r') return '\\r'
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** A line starting with `::` (after blanks) is a workflow command to GitHub: quote it instead. */
function _notACommand(line: string): string {
  return /^\s*::/.test(line) ? `> ${line}` : line
}
