/** The one stylesheet of the browser views (index.html and feed-view.js): inline, no external requests. */
export const INDEX_STYLE =
  'body{font:17px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}' +
  'h1{margin-bottom:.2rem}header p{color:#555;margin-top:0}table{border-collapse:collapse;width:100%}' +
  'th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd}ol{padding-left:1.2rem}' +
  'li{margin:.9rem 0}time{display:block;color:#666;font-size:.9em}li p{margin:.2rem 0}' +
  '.hinweis{background:#fff7d6;border:1px solid #e8d48b;padding:.6rem .8rem;border-radius:6px}'
