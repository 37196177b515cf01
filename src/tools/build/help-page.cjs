// Build-time only: the bilingual help page (help.html), one section per function, anchored by id.
'use strict';
const { blankCellLines } = require('./blank-cells.cjs');
const { toFrenchFormula } = require('./localize.cjs');

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

function cellText(cell, lang) {
  if (cell && typeof cell === 'object' && !Array.isArray(cell)) return cell[lang];
  if (typeof cell === 'boolean') return lang === 'fr' ? (cell ? 'VRAI' : 'FAUX') : cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number' && lang === 'fr') return String(cell).replace('.', ',');
  return String(cell);
}

function resultText(result, lang) {
  const one = (v) => (typeof v === 'number' ? cellText(Number(v.toFixed(4)), lang) : String(v));
  const separator = lang === 'fr' ? ' ; ' : '; ';
  if (Array.isArray(result) && result.length === 1 && result[0].length > 1) return result[0].map(one).join(separator);
  // Several rows of several cells (COST_PATHS): each row's cells, rows apart.
  if (Array.isArray(result) && result[0].length > 1) return result.map((row) => row.map(one).join(' · ')).join(separator);
  return Array.isArray(result) ? result.map((row) => one(row[0])).join(separator) : one(result);
}

function gridTable(grid, lang) {
  const letters = 'ABCDEFGH';
  const head = `<tr><th></th>${grid[0].map((_, c) => `<th>${letters[c]}</th>`).join('')}</tr>`;
  const rows = grid.map((row, r) => `<tr><th>${r + 1}</th>${row.map((cell) => `<td>${escapeHtml(cellText(cell, lang))}</td>`).join('')}</tr>`);
  return `<table class="grid">${head}${rows.join('')}</table>`;
}

function syntax(name, params, separator) {
  return `=MKT.${name}(${params.map((p, i) => (p.optional ? `[${p.name}]` : p.name)).join(separator)})`;
}

/**
 * @param {{functions: any[]}} metadata English functions.json
 * @param {{functions: Record<string, any>}} table French translation table
 * @param {{functions: Record<string, any>}} reference  src/functions/reference.json
 */
function helpPage(metadata, table, reference) {
  const sections = metadata.functions.map((fn) => {
    const fr = table.functions[fn.id];
    const { example, returns, errors, notes = [] } = reference.functions[fn.id];
    const frParams = fn.parameters.map((p) => ({ ...p, name: fr.parameters[p.name].name }));
    const paramRows = fn.parameters
      .map((p) => `<tr><td><code>${escapeHtml(fr.parameters[p.name].name)}</code> / <code>${escapeHtml(p.name)}</code>${p.optional ? ' (facultatif / optional)' : ''}</td><td lang="fr">${escapeHtml(fr.parameters[p.name].description)}</td><td lang="en">${escapeHtml(p.description)}</td></tr>`)
      .join('');
    return `<section id="${fn.id}" aria-labelledby="${fn.id}-title">
<h2 id="${fn.id}-title">MKT.${escapeHtml(fr.name)} <span class="en">— MKT.${escapeHtml(fn.name)}</span></h2>
<p lang="fr">${escapeHtml(fr.description)}</p>
<p lang="en">${escapeHtml(fn.description)}</p>${notes.map((note) => `
<p lang="fr">${escapeHtml(note.fr)}</p>
<p lang="en">${escapeHtml(note.en)}</p>`).join('')}
<p><strong>Excel en français :</strong> <code>${escapeHtml(syntax(fr.name, frParams, '; '))}</code><br>
<strong>English Excel:</strong> <code>${escapeHtml(syntax(fn.name, fn.parameters, ', '))}</code></p>
<table class="params"><thead><tr><th>Argument</th><th lang="fr">Français</th><th lang="en">English</th></tr></thead><tbody>${paramRows}</tbody></table>
<p lang="en"><strong>Result:</strong> ${escapeHtml(returns.replace(/`/g, ''))}</p>
<ul lang="en">${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>${blankCellLines(fn, reference.functions[fn.id]).map((b) => `
<p lang="en"><code>${escapeHtml(b.name)}</code>: ${escapeHtml(b.text)}.</p>`).join('')}
<h3>Exemple / Example</h3>
<div class="example">${gridTable(example.grid, 'fr')}
<p lang="fr"><code>${escapeHtml(toFrenchFormula(example.formula, table))}</code> → <strong>${escapeHtml(resultText(example.result, 'fr'))}</strong></p>
<p lang="en"><code>${escapeHtml(example.formula)}</code> → <strong>${escapeHtml(resultText(example.result, 'en'))}</strong></p></div>
</section>`;
  });
  const toc = metadata.functions.map((fn) => `<li><a href="#${fn.id}">MKT.${escapeHtml(table.functions[fn.id].name)} / MKT.${escapeHtml(fn.name)}</a></li>`).join('');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MKT — aide des fonctions / function help</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.45;color:#242424}
code{background:#f3f3f3;padding:0 .2em}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d1d1d1;padding:.2rem .5rem;text-align:left;vertical-align:top}
.grid th{background:#f3f3f3;color:#424242;font-weight:normal}
.en{color:#616161;font-weight:normal}section{border-top:1px solid #e0e0e0;margin-top:1.5rem}
</style>
</head>
<body>
<main>
<h1>MKT — aide des fonctions <span class="en">/ function help</span></h1>
<p lang="fr">Les fonctions MKT s'écrivent avec le préfixe <code>MKT.</code>. En Excel français, séparez les arguments par <code>;</code>. Les codes de décision (TARGET, FULL…) restent en anglais dans toutes les langues ; <code>MKT.LIBELLE_CODE</code> les traduit.</p>
<p lang="en">MKT functions start with <code>MKT.</code>. Decision codes (TARGET, FULL…) are the same in every language; <code>MKT.LABEL</code> puts them into words.</p>
<nav aria-label="Fonctions / Functions"><ul>${toc}</ul></nav>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

module.exports = { helpPage, escapeHtml };
