// Build-time only: what every page of the published site shares (help pages, privacy page): the
// look, light or dark after the system's theme, one column that fits a 360 px pane, no script.
'use strict';

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

/** French typography: a non-breaking space before : ; ! ? » and after «. */
const frenchSpaces = (text) => String(text).replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');

/** Prose in the page's language: escaped, French spacing on the French page. */
const prose = (text, lang) => escapeHtml(lang === 'fr' ? frenchSpaces(text) : text);

/** The look every page of the site shares: the theme's colours, light or dark, one column. */
const STYLE = `:root{color-scheme:light dark;--text:#242424;--muted:#616161;--line:#d1d1d1;--soft:#f3f3f3;--link:#0f6cbd;--back:#fff}
@media (prefers-color-scheme:dark){:root{--text:#f0f0f0;--muted:#adadad;--line:#525252;--soft:#2e2e2e;--link:#62abf5;--back:#1f1f1f}}
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.45;color:var(--text);background:var(--back);overflow-wrap:break-word}
a{color:var(--link)}code{background:var(--soft);padding:0 .2em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
.grid th,.grid td:first-child{background:var(--soft);color:var(--muted);font-weight:normal}.scroll:focus-visible{outline:2px solid var(--link)}
section{border-top:1px solid var(--line);margin-top:1.5rem}h3{font-size:1rem;margin-bottom:.25rem}
dt{font-weight:600;margin-top:.75rem}dd{margin-left:1rem}
footer{border-top:1px solid var(--line);margin-top:1.5rem}
@media (forced-colors:active){code,.grid th{background:Canvas}}`;

/** A whole page of the site: no script, no other origin (its policy says so). */
function sitePage(lang, title, body) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>
${STYLE}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

module.exports = { escapeHtml, frenchSpaces, prose, sitePage };
