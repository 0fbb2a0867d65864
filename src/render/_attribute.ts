/** Escapes a value for a double-quoted HTML attribute that template code or a dialect writes into a body. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
