// Build-time only: what a blank cell gives for each optional argument, on each host (RULES.md,
// Conventions). Excel for Windows and Mac pass a referenced blank cell as 0, Excel on the web as
// null — the value of an argument left out (office-js issues 4702, 5262).
'use strict';

const KINDS = ['number', 'yesno', 'choice'];

/** The default a parameter's description states ("… Default 0.6."), or undefined. */
function defaultOf(description) {
  const m = /Default ([^\s].*?)\.?$/.exec(String(description ?? '').trim());
  return m ? m[1] : undefined;
}

/**
 * One sentence per optional parameter of `fn` (English functions.json entry), from the `blank`
 * kinds of its reference entry. A parameter with no kind gets no sentence (the build goes on);
 * test/functions/blank-cells.test.ts fails until reference.json gives it one.
 * @returns {Array<{ name: string, text: string }>}
 */
function blankCellLines(fn, entry) {
  const kinds = (entry && entry.blank) || {};
  return fn.parameters
    .filter((p) => p.optional && KINDS.includes(kinds[p.name]))
    .map((p) => {
      const kind = kinds[p.name];
      const def = defaultOf(p.description);
      const leftOut = def ? `the same as left out (${def})` : 'the same as left out';
      const text =
        kind === 'choice'
          ? `a blank cell takes the default${def ? ` (${def})` : ''} on every host`
          : `a blank cell is ${kind === 'yesno' ? 'FALSE' : '0'} on Windows and Mac; on the web, ${leftOut}`;
      return { name: p.name, text };
    });
}

/** The default a French parameter description states ("… 0,6 par défaut."), or undefined. */
function defaultOfFr(description) {
  const m = /(\S+) par défaut\.?$/.exec(String(description ?? '').trim());
  return m ? m[1] : undefined;
}

/**
 * The same sentences in French, with the French argument names and defaults (metadata-fr.json).
 * @returns {Array<{ name: string, text: string }>}
 */
function blankCellLinesFr(fn, fr, entry) {
  const kinds = (entry && entry.blank) || {};
  return fn.parameters
    .filter((p) => p.optional && KINDS.includes(kinds[p.name]))
    .map((p) => {
      const kind = kinds[p.name];
      const frParam = fr.parameters[p.name];
      const def = defaultOfFr(frParam.description);
      const leftOut = def ? `comme si l’argument était omis (${def})` : 'comme si l’argument était omis';
      const text =
        kind === 'choice'
          ? `une cellule vide prend la valeur par défaut${def ? ` (${def})` : ''} sur tous les Excel`
          : `une cellule vide vaut ${kind === 'yesno' ? 'FAUX' : '0'} sous Windows et Mac ; sur le web, ${leftOut}`;
      return { name: frParam.name, text };
    });
}

module.exports = { blankCellLines, blankCellLinesFr, defaultOf, defaultOfFr, KINDS };
