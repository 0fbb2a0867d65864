import type { FeedItem, FeedModel } from '../model.js'
import type { KeptFile } from '../output/file.js'
import type { GroupMaker } from '../produce.js'
import { fingerprint } from './_fingerprint.js'
import type { OutputGroup } from './stamp.js'

/**
 * Output files kept from the last build: a group (one feed in every format, or the site views) whose
 * input is what the last build made it from (`fingerprint`), and whose files are still as written, is
 * kept instead of produced. For the views, the input is the config and every feed's fingerprint.
 */
export class OutputReuse {
  /** Each group's fingerprint and paths, for the next build. */
  readonly groups: OutputGroup[] = []
  readonly #prints: string[] = []
  readonly #kept: (fingerprint: string) => KeptFile[] | undefined
  readonly #bodyKeys: Map<string, string>

  /** `bodyKeys`: render keys by article URL, which stand for the HTML they name (`CachedRenderer.keys`). */
  constructor(kept: (fingerprint: string) => KeptFile[] | undefined, bodyKeys: Map<string, string>) {
    this.#kept = kept
    this.#bodyKeys = bodyKeys
  }

  readonly group: GroupMaker = (input, produce) => {
    let print: string
    if (input.kind === 'feed') {
      print = fingerprint(input.folder, this.#withoutBodies(input.model))
      this.#prints.push(print)
    } else print = fingerprint(input.config, input.folders, this.#prints)
    const files = this.#kept(print) ?? produce()
    this.groups.push({ fingerprint: print, paths: files.map((file) => file.path) })
    return files
  }

  // A body known by its render key need not be hashed again.
  #withoutBodies(model: FeedModel): FeedModel {
    const items = model.items.map((item) => {
      const bodyKey = this.#bodyKeys.get(item.url)
      if (bodyKey === undefined) return item
      const { html: _html, summary: _summary, ...rest } = item
      return { ...rest, bodyKey } as unknown as FeedItem
    })
    return { ...model, items }
  }
}
