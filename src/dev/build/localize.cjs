// Build-time only (never bundled): French metadata for fr-FR and fr-CA Excel, built from the
// generated functions.json and the translation table, and formulas rewritten for French Excel.
'use strict';

/**
 * @param {{functions: Array<{id: string, name: string, description: string, helpUrl?: string,
 *   parameters: Array<{name: string, description: string}>}>}} metadata  functions.json (English)
 * @param {{functions: Record<string, any>}} table  src/functions/metadata-fr.json
 * @param {'fr-FR'|'fr-CA'} locale
 */
function localizeMetadata(metadata, table, locale) {
  const functions = metadata.functions.map((fn) => {
    const fr = table.functions[fn.id];
    if (!fr) throw new Error(`metadata-fr.json has no entry for ${fn.id}`);
    const description = (locale === 'fr-CA' && fr.descriptionCa) || fr.description;
    const parameters = fn.parameters.map((param) => {
      const frParam = fr.parameters[param.name];
      if (!frParam) throw new Error(`metadata-fr.json has no parameter ${param.name} for ${fn.id}`);
      return { ...param, name: frParam.name, description: frParam.description };
    });
    const extra = Object.keys(fr.parameters).filter((name) => !fn.parameters.some((p) => p.name === name));
    if (extra.length) throw new Error(`metadata-fr.json names unknown parameters of ${fn.id}: ${extra.join(', ')}`);
    return { ...fn, name: fr.name, description, parameters };
  });
  const unknown = Object.keys(table.functions).filter((id) => !metadata.functions.some((fn) => fn.id === id));
  if (unknown.length) throw new Error(`metadata-fr.json names unknown functions: ${unknown.join(', ')}`);
  return { ...metadata, functions };
}

/**
 * A formula as typed in French Excel: French function names, ';' between arguments, ',' as the
 * decimal mark; text in quotes is left alone.
 * @param {string} formula  English formula, e.g. =MKT.ROI_RATIO(B2:M2,B3:M3)
 * @param {{functions: Record<string, {name: string}>}} table
 */
function toFrenchFormula(formula, table) {
  let out = '';
  let inText = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') inText = !inText;
    if (inText || ch === '"') {
      out += ch;
      continue;
    }
    if (ch === ',') out += ';';
    else if (ch === '.' && /\d/.test(formula[i - 1] ?? '') && /\d/.test(formula[i + 1] ?? '')) out += ',';
    else out += ch;
  }
  return out.replace(/MKT\.([A-Z_]+)\(/g, (match, id) => (table.functions[id] ? `MKT.${table.functions[id].name}(` : match))
    .replace(/\bTRUE\b/g, 'VRAI').replace(/\bFALSE\b/g, 'FAUX');
}

module.exports = { localizeMetadata, toFrenchFormula };
