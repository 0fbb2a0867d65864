import type { Config } from '../config.js'
import { VIEW_FILES } from '../feed-model.js'
import type { FeedModel } from '../model.js'
import type { OutputFile } from '../output/file.js'
import { renderFeedViewScript } from './_feed-view.js'
import { renderIndexPage } from './_index-page.js'
import { renderOpml } from './_opml.js'

/** The site-wide views: the feeds' browser view script, `index.html` and `feeds.opml`, from the subscription feeds. */
export function buildSiteFiles(feeds: { folder: string; model: FeedModel }[], config: Config): OutputFile[] {
  if (!config.browserView) return []
  const subscriptions = feeds.filter(({ model }) => !model.archive?.isArchive)
  const [main, ...others] = subscriptions
  if (!main) return []
  return [
    { path: VIEW_FILES.script, contents: renderFeedViewScript() },
    { path: VIEW_FILES.index, contents: renderIndexPage(main.model, others) },
    {
      path: VIEW_FILES.opml,
      contents: renderOpml(
        subscriptions.map(({ model }) => model),
        config.title,
      ),
    },
  ]
}
