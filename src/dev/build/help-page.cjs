// Build-time only: the help pages, one section per function anchored by id, and a glossary:
// help.html in French (the French metadata's help links, for a French display) and help-en.html
// in English (the English metadata's). Each page speaks one language and links to the other.
'use strict';
const { blankCellLines, blankCellLinesFr } = require('./blank-cells.cjs');
const { toFrenchFormula } = require('./localize.cjs');
const { PRIVACY, privacyPage } = require('./privacy-page.cjs');
const { escapeHtml, prose, sitePage } = require('./site-page.cjs');

/** Prose with `code` spans (spacing applied outside the code only). */
const withCode = (text, lang) =>
  String(text)
    .split(/(`[^`]+`)/)
    .map((piece) => (piece.startsWith('`') && piece.endsWith('`') && piece.length > 1 ? `<code>${escapeHtml(piece.slice(1, -1))}</code>` : prose(piece, lang)))
    .join('');

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

/** A table that may be wider than a narrow pane: it scrolls by itself, reachable by keyboard. */
function scrollable(table, label) {
  return `<div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(label)}">${table}</div>`;
}

function gridTable(grid, lang, name) {
  const letters = 'ABCDEFGH';
  const head = `<tr><td></td>${grid[0].map((_, c) => `<th>${letters[c]}</th>`).join('')}</tr>`;
  const rows = grid.map((row, r) => `<tr><th>${r + 1}</th>${row.map((cell) => `<td>${escapeHtml(cellText(cell, lang))}</td>`).join('')}</tr>`);
  return scrollable(`<table class="grid">${head}${rows.join('')}</table>`, `${lang === 'fr' ? 'Exemple de feuille' : 'Example sheet'} MKT.${name}`);
}

function syntax(name, params, separator) {
  return `=MKT.${name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(separator)})`;
}

/** The words of each page. */
const WORDS = {
  fr: {
    title: 'MKT — aide des fonctions',
    other: { href: 'help-en.html', lang: 'en', text: 'English version' },
    intro: 'Les fonctions MKT s’écrivent avec le préfixe <code>MKT.</code>. En Excel français, séparez les arguments par <code>;</code>. Les codes de décision (TARGET, FULL…) restent en anglais dans toutes les langues, pour que vos formules marchent partout\u00a0; <code>MKT.LIBELLE_CODE</code> les met en mots.',
    nav: 'Fonctions',
    french: 'Excel en français :',
    english: 'Excel en anglais :',
    argument: 'Argument',
    arguments: 'Arguments de',
    meaning: 'Ce qu’il faut y mettre',
    optional: ' (facultatif)',
    result: 'Résultat',
    errors: 'Erreurs',
    passOn: 'une erreur Excel dans un argument est renvoyée telle quelle.',
    blanks: 'Cellules vides',
    example: 'Exemple',
    glossary: 'Glossaire',
    colon: '\u00a0:',
  },
  en: {
    title: 'MKT — function help',
    other: { href: 'help.html', lang: 'fr', text: 'Version française' },
    intro: 'MKT functions start with <code>MKT.</code>. Decision codes (TARGET, FULL…) are the same in every language, so formulas work everywhere; <code>MKT.LABEL</code> puts them into words.',
    nav: 'Functions',
    french: 'French Excel:',
    english: 'English Excel:',
    argument: 'Argument',
    arguments: 'Arguments of',
    meaning: 'What it takes',
    optional: ' (optional)',
    result: 'Result',
    errors: 'Errors',
    passOn: 'an Excel error in an argument is passed on unchanged.',
    blanks: 'Blank cells',
    example: 'Example',
    glossary: 'Glossary',
    colon: ':',
  },
};

/** The terms the pane and the functions use, each with its anchor (#glossaire-roas…). */
const GLOSSARY = [
  {
    id: 'roas',
    fr: ['ROAS (CA ÷ dépense)', 'Le chiffre d’affaires rapporté par chaque euro ou dollar dépensé dans un canal : 4 veut dire 4 de CA pour 1 dépensé. Les articles l’appellent « ROI » ; ce n’est pas un bénéfice : à 30 % de marge brute, un ROAS de 3 perd de l’argent.'],
    en: ['ROAS (revenue ÷ spend)', 'The revenue each euro or dollar spent on a channel brings back: 4 means 4 of revenue for 1 spent. The source articles call it "ROI"; it is not a profit: at a 30 % gross margin, a ROAS of 3 loses money.'],
  },
  {
    id: 'roas-equilibre',
    fr: ['ROAS d’équilibre', '1 ÷ marge brute : le ROAS à partir duquel un canal paie sa propre dépense sur sa marge (3,33 à 30 % de marge).'],
    en: ['Break-even ROAS', '1 ÷ gross margin: the ROAS from which a channel pays for its own spend out of its margin (3.33 at a 30 % margin).'],
  },
  {
    id: 'contribution',
    fr: ['Contribution', 'CA × marge brute − dépense : ce qu’un canal laisse une fois sa dépense payée.'],
    en: ['Contribution', 'Revenue × gross margin − spend: what a channel leaves once its spend is paid.'],
  },
  {
    id: 'ltv',
    fr: ['LTV (valeur vie client)', 'La marge qu’un client rapporte sur toute sa durée de vie, compte tenu de la part des clients qui restent chaque période (rétention) et de l’actualisation.'],
    en: ['LTV (lifetime value)', 'The margin a customer brings over their whole life as a customer, given the share of customers who stay each period (retention) and discounting.'],
  },
  {
    id: 'cac',
    fr: ['CAC (coût d’acquisition client)', 'Ce que coûte en marketing et en ventes l’arrivée d’un nouveau client. LTV ÷ CAC dit si acquérir des clients rapporte.'],
    en: ['CAC (customer acquisition cost)', 'What marketing and sales spend to win one new customer. LTV ÷ CAC says whether acquiring customers pays.'],
  },
  {
    id: 'courbe-reponse',
    fr: ['Courbe de réponse', 'Comment le CA d’un canal suit sa dépense : CA = a × dépense^b. Avec b sous 1, chaque doublement de la dépense multiplie le CA par 2^b, moins que 2 : les rendements décroissent.'],
    en: ['Response curve', 'How a channel’s revenue follows its spend: revenue = a × spend^b. With b below 1, each doubling of spend multiplies revenue by 2^b, less than 2: returns diminish.'],
  },
  {
    id: 'rendement-marginal',
    fr: ['Rendement marginal (ROAS marginal)', 'Ce que rapporte le prochain euro ou dollar dépensé dans un canal, à son niveau de dépense actuel. Répartir un budget « à la marge » le place là où le prochain euro rapporte le plus.'],
    en: ['Marginal return (marginal ROAS)', 'What the next euro or dollar spent on a channel brings back, at its current spend. Sharing a budget "at the margin" puts it where the next unit brings back the most.'],
  },
  {
    id: 'r2',
    fr: ['r² (qualité de l’ajustement)', 'De 0 à 1 : la part des variations du CA (en logarithme) que la courbe explique. Près de 1, la courbe suit bien les mois ; près de 0, elle ne dit pas grand-chose.'],
    en: ['r² (goodness of fit)', 'From 0 to 1: the share of the revenue’s variation (in logarithms) the curve explains. Near 1 the curve follows the months well; near 0 it says little.'],
  },
  {
    id: 'salaire-charge',
    fr: ['Salaire chargé', 'Le coût annuel d’un salarié pour l’employeur : le brut plus les cotisations patronales, moins les allègements (France), ou plus les charges de l’employeur (Québec).'],
    en: ['Loaded salary', 'What an employee costs the employer in a year: the gross plus the employer’s contributions, less the reliefs (France), or plus the employer’s payroll charges (Québec).'],
  },
];

function glossarySection(lang) {
  const items = GLOSSARY.map((term) => {
    const [name, text] = term[lang];
    return `<dt id="glossaire-${term.id}">${prose(name, lang)}</dt><dd>${prose(text, lang)}</dd>`;
  }).join('');
  return `<section id="glossaire" aria-labelledby="glossaire-title"><h2 id="glossaire-title">${WORDS[lang].glossary}</h2><dl>${items}</dl></section>`;
}

function functionSection(fn, table, entry, frEntry, lang) {
  const fr = table.functions[fn.id];
  const w = WORDS[lang];
  const frParams = fn.parameters.map((p) => ({ ...p, name: fr.parameters[p.name].name, description: fr.parameters[p.name].description }));
  const params = lang === 'fr' ? frParams : fn.parameters;
  const name = lang === 'fr' ? fr.name : fn.name;
  const { returns, errors } = lang === 'fr' ? frEntry : entry;
  const blanks = lang === 'fr' ? blankCellLinesFr(fn, fr, entry) : blankCellLines(fn, entry);
  const paramRows = params.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.optional ? w.optional : ''}</td><td>${prose(p.description, lang)}</td></tr>`).join('');
  const frSyntax = syntax(fr.name, frParams, '; ');
  const enSyntax = syntax(fn.name, fn.parameters, ', ');
  const syntaxLines = lang === 'fr'
    ? `<strong>${w.french}</strong> <code>${escapeHtml(frSyntax)}</code><br><strong>${w.english}</strong> <code>${escapeHtml(enSyntax)}</code>`
    : `<strong>${w.english}</strong> <code>${escapeHtml(enSyntax)}</code><br><strong>${w.french}</strong> <code>${escapeHtml(frSyntax)}</code>`;
  const example = entry.example;
  const formula = lang === 'fr' ? toFrenchFormula(example.formula, table) : example.formula;
  return `<section id="${fn.id}" aria-labelledby="${fn.id}-title">
<h2 id="${fn.id}-title">MKT.${escapeHtml(name)}</h2>
<p>${prose(lang === 'fr' ? fr.description : fn.description, lang)}</p>${(entry.notes ?? []).map((note) => `
<p>${prose(note[lang], lang)}</p>`).join('')}
<p>${syntaxLines}</p>
${scrollable(`<table class="params"><thead><tr><th>${w.argument}</th><th>${w.meaning}</th></tr></thead><tbody>${paramRows}</tbody></table>`, `${w.arguments} MKT.${name}`)}
<h3>${w.result}</h3>
<p>${withCode(returns, lang)}</p>
<h3>${w.errors}</h3>
<ul>${errors.map((e) => `<li>${withCode(e, lang)}</li>`).join('')}<li>${w.passOn}</li></ul>${blanks.length === 0 ? '' : `
<h3>${w.blanks}</h3>
<ul>${blanks.map((b) => `<li><code>${escapeHtml(b.name)}</code>${w.colon} ${prose(b.text, lang)}.</li>`).join('')}</ul>`}
<h3>${w.example}</h3>
<div class="example">${gridTable(example.grid, lang, name)}
<p><code>${escapeHtml(formula)}</code> → <strong>${escapeHtml(resultText(example.result, lang))}</strong></p></div>
</section>`;
}

/**
 * @param {{functions: any[]}} metadata English functions.json
 * @param {{functions: Record<string, any>}} table French translation table (metadata-fr.json)
 * @param {{functions: Record<string, any>}} reference  src/functions/reference.json
 * @param {{functions: Record<string, any>}} referenceFr  src/functions/reference-fr.json
 * @param {'fr'|'en'} lang
 */
function helpPage(metadata, table, reference, referenceFr, lang) {
  const w = WORDS[lang];
  const sections = metadata.functions.map((fn) => {
    const frEntry = referenceFr.functions[fn.id];
    if (!frEntry) throw new Error(`reference-fr.json has no entry for ${fn.id}`);
    return functionSection(fn, table, reference.functions[fn.id], frEntry, lang);
  });
  const toc = metadata.functions
    .map((fn) => `<li><a href="#${fn.id}">MKT.${escapeHtml(lang === 'fr' ? table.functions[fn.id].name : fn.name)}</a></li>`)
    .join('');
  const body = `<main>
<p><a href="${w.other.href}" hreflang="${w.other.lang}" lang="${w.other.lang}">${w.other.text}</a></p>
<h1>${w.title}</h1>
<p>${w.intro}</p>
<nav aria-label="${w.nav}"><ul>${toc}<li><a href="#glossaire">${w.glossary}</a></li></ul></nav>
${sections.join('\n')}
${glossarySection(lang)}
</main>
<footer><p><a href="${PRIVACY[lang].href}">${prose(PRIVACY[lang].link, lang)}</a></p></footer>`;
  return sitePage(lang, w.title, body);
}

module.exports = { helpPage, privacyPage, escapeHtml, GLOSSARY };
