/** Exit codes: the contract CI scripts rely on. */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const
