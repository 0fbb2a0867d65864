/** The site generators whose content kanal reads as they mean it (config key `from`). */
export const GENERATORS = ['jekyll', 'hugo', 'eleventy', 'astro'] as const

export type Generator = (typeof GENERATORS)[number]
