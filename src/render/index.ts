export { renderHtml } from './html.js'
export { renderPlainText } from './plain-text.js'
export { summarize } from './summary.js'
export { toAbsoluteUrl, type UrlBase } from './urls.js'
