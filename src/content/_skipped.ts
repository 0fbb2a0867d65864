import path from 'node:path'
import { ContentError } from '../errors.js'

/** Why a file of the content folder was not read as an article. */
export type SkipReason = 'extension' | 'hidden' | 'list page'

// Extensions other tools read as Markdown: files kanal skips that were probably meant as articles.
const _MARKDOWN = new Set(['.mkdn', '.mdwn', '.mdtext', '.mdtxt'])

/**
 * Counts the files of the content folder that kanal does not read, by reason, while `findArticles`
 * lists the folder: one warning line can then say what was left and why.
 */
export class SkippedFiles {
  readonly counts = new Map<SkipReason, number>()
  /** Files skipped that look like Markdown (another extension, or hidden `.md`), by extension. */
  readonly markdown = new Map<string, number>()

  add(reason: SkipReason, name: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1)
    // A page the generator makes no article of was left out on purpose: no reason to warn.
    if (reason === 'list page') return
    const extension = path.extname(name).toLowerCase()
    if (_MARKDOWN.has(extension) || extension === '.md') {
      this.markdown.set(extension, (this.markdown.get(extension) ?? 0) + 1)
    }
  }

  /**
   * The warning for a build that found no article, or that skipped files that look like Markdown;
   * undefined otherwise (images and other files beside the articles are no reason to warn).
   */
  warning(folder: string, articles: number): ContentError | undefined {
    if (articles > 0 && this.markdown.size === 0) return undefined
    const reasons = [...this.counts].map(([reason, count]) => _reason(reason, count, this.markdown))
    const skipped =
      reasons.length === 0 ? 'it holds no other file' : `kanal did not read ${reasons.join(', ')}`
    const rule =
      'kanal reads .md, .markdown, .mdown, .mkd and .mdx files whose name and folders do not start with "." (rename them to .md)'
    if (articles > 0) return new ContentError({ file: folder }, `${skipped}; ${rule}`)
    return new ContentError(
      { file: folder },
      `no article found: ${skipped}; ${rule}. The feeds are written without items, and some feed readers reject an empty feed`,
    )
  }
}

function _reason(reason: SkipReason, count: number, markdown: Map<string, number>): string {
  const files = `${count} ${count === 1 ? 'file' : 'files'}`
  if (reason === 'hidden') return `${files} hidden (a name or folder starting with ".")`
  if (reason === 'list page')
    return `${files} the site generator makes no article of (list pages, headless bundles)`
  const extensions = [...markdown.keys()].filter((extension) => extension !== '.md').sort()
  return `${files} with another extension${extensions.length > 0 ? ` (among them ${extensions.join(', ')})` : ''}`
}
