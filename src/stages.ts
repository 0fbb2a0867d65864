// The stages of a build that runs. src/build.ts loads them only then: a rebuild that finds everything
// up to date needs none of them, and starts sooner without compiling them.
export { checked, selfCheck } from './check/self-check.js'
export { loadArticles } from './content/load.js'
export { toFeedModel } from './feed-model.js'
export { compareAgainst } from './guard/against.js'
export { readImages } from './media/image-files.js'
export { writeOutput } from './output/write.js'
export { produceFiles } from './produce.js'
export { renderArticles } from './render/articles.js'
export { LinkTargets } from './render/link-targets.js'
export { resolveReferences } from './render/references.js'
export { FeedSieve } from './select.js'
