/**
 * The copy's words: the report sheet that lists what was done ("Copie portable" / "Portable
 * copy"), and the note a frozen cell shows when selected.
 */
import { toDottedForm } from '../formula/mkt-calls';
import { escapeXml } from '../xlsx/ooxml';
import type { PortableItem, PortableLanguage } from './copy-items';

const TEXT = {
  fr: {
    title: 'Copie portable : formules MKT remplacées par des fonctions natives',
    version: 'Faite par MKT version',
    how: (values: boolean) =>
      values
        ? 'Mode valeurs : chaque formule MKT est remplacée par sa dernière valeur calculée ; elle ne se recalcule plus.'
        : 'Chaque formule MKT est traduite en fonctions natives (Excel 2010 et plus, LibreOffice Calc, Google Sheets) ; celles qui ne peuvent pas l’être gardent leur dernière valeur (figées).',
    counts: (t: number, f: number) => `${t} traduite(s), ${f} figée(s)`,
    head: ['Feuille', 'Cellule ou nom', 'Formule MKT', 'Action', 'Raison', 'Formule native'],
    translated: 'traduite',
    frozen: 'figée (valeur gardée)',
    noteTitle: 'Formule MKT figée par la copie portable (valeur gardée, ne se recalcule plus)',
    kept: 'laissée telle quelle',
    noValue: ' — aucune valeur enregistrée : cellule vide',
    outside: { conditionalFormat: 'règle de mise en forme conditionnelle', validation: 'validation des données', calculatedColumn: 'colonne calculée de tableau' },
    keptOutside: 'sans MKT, la règle donne #NOM? : corrigez-la à la main',
    computedValue: ' — aucune valeur enregistrée : valeur calculée par MKT hors d’Excel (check-workbook)',
    limitsTitle: 'Limites de la traduction',
    limits: [
      'Texte numérique à la française dans une cellule donnée à un argument non monétaire ("0,8", "1 500,50", "80 %") : lu par VALUE selon la langue de l’application qui ouvre la copie, pas toujours comme MKT ; espaces insécables non retirés, et des espaces entre groupes qui ne sont pas de trois chiffres ("12 34") retirés (MKT refuse ce texte). Le texte écrit dans la formule est lu comme MKT le lit.',
      'VALUE lit plus de textes que MKT ("1,500", "$5", des dates) : la copie donne un nombre là où MKT donnait #VALUE!.',
      'Un argument monétaire écrit comme expression qui donne du texte ou VRAI/FAUX (B2&"", A1>0) est compté par SUM/SUMPRODUCT ; MKT l’ignore.',
      'Une plage contenant à la fois un nombre négatif et une erreur : la copie donne l’erreur, MKT parfois #VALUE!.',
      'Seuils à 1e-15 près (ratio exactement 0,6 ou 3) : les tableurs arrondissent parfois les comparaisons à 15 chiffres.',
      'Plusieurs valeurs là où MKT en lit une (une plage, une colonne entière, une constante matricielle, un nom sur plusieurs cellules) : l’appel est figé à la valeur d’Excel. Une expression qui donne plusieurs valeurs (SI(…;plage), INDIRECT) n’est pas reconnue : la copie la lit par intersection implicite.',
      'Choix et oui/non : espaces, espaces insécables, tabulations et retours à la ligne autour retirés comme MKT les retire ; d’autres espaces Unicode (U+2000 à U+200A, U+3000) non.',
      'Excel sur le web passe une cellule vide comme argument omis ; la copie la lit comme Excel pour Windows et Mac (0 ou FAUX).',
      'COURBE_REPONSE : calculée par les mêmes sommes centrées que MKT ; un tableur qui additionne autrement (LibreOffice compense les arrondis) peut trancher autrement un cas à la limite (b à 1e-15 de 0 ou de 1, écart de dépenses de 1,5 exactement après arrondi) : CURVE au lieu de LINEAR ou l’inverse. Un r² presque nul (revenus tous égaux, où celui de MKT n’est qu’un bruit d’arrondi) peut différer dans ses derniers chiffres.',
      'COURBE_REPONSE sur les plages d’une autre feuille au nom long : forme courte (PENTE, COEFFICIENT.DETERMINATION), qui peut trancher autrement b = 1 à l’arrondi près (revenus exactement proportionnels aux dépenses) et donne un r² proche de 0 à 1e-12 près.',
      'COURBE_REPONSE hors d’une formule matricielle ou enregistrée sur une autre zone que ses quatre cellules (un résultat d’erreur sur une seule cellule), ou sur des plages qui ne sont pas des références : figée ; ROAS_MARGINAL et DEPENSE_OPTIMALE dont l’ajustement n’est pas une référence de plage (un nom, un appel imbriqué) : figées.',
      'MOIS_BASCULE et TRAJECTOIRES_COUTS : formes fermées des sommes que MKT cumule mois par mois ; un écart cumulé égal à 0 à l’arrondi près à la fin d’un mois peut tomber sur le mois voisin, et les cumuls diffèrent dans leurs derniers chiffres (1e-9 près).',
      'TRAJECTOIRES_COUTS : formule matricielle sur la zone enregistrée (ses lignes, trois colonnes) ; un horizon changé ensuite donne #N/A au-delà de la zone ; plus d’environ 110 mois, ou hors d’une formule matricielle : figée.',
      'SALAIRE_CHARGE_FR : ses lignes additionnées dans un autre ordre (1e-9 près) ; avec des arguments plus longs que des cellules de la même feuille (une autre feuille, une expression, un texte pour cadre), la traduction dépasse 8 192 caractères : figée (mettez ses arguments dans des cellules de la même feuille).',
    ],
    reasons: {
      noNativeForm: 'pas de forme native (solveur itératif ou fonction récente)',
      unknownFunction: 'fonction MKT inconnue',
      tooLong: 'traduction plus longue que les 8 192 caractères d’Excel : mettez l’appel MKT imbriqué dans sa propre cellule',
      channelShape: 'plages de canaux, d’historique ou d’ajustement qui ne sont pas des références (une colonne ou une ligne pour REPARTIR_BUDGET), ou zone de débordement différente',
      notArrayFormula: 'REPARTIR_BUDGET, COURBE_REPONSE ou TRAJECTOIRES_COUTS hors d’une formule matricielle (leur résultat ne peut pas s’y calculer)',
      unclosed: 'formule incomplète',
      arity: 'nombre d’arguments incorrect',
      manyValues:
        'plusieurs valeurs (une plage, une colonne entière, une constante matricielle ou un nom sur plusieurs cellules) là où MKT en lit une : Excel calcule l’appel pour chaque valeur (formule dynamique) ou lit la cellule de la même ligne (formule ordinaire) ; aucune formule native ne fait les deux',
      values: 'mode valeurs',
      sharedGroup: 'formule partagée dont le modèle ne se traduit pas',
    } as Record<string, string>,
  },
  en: {
    title: 'Portable copy: MKT formulas replaced by native functions',
    version: 'Made by MKT version',
    how: (values: boolean) =>
      values
        ? 'Values mode: every MKT formula is replaced by its last computed value; it no longer recalculates.'
        : 'Every MKT formula is translated into native functions (Excel 2010 and later, LibreOffice Calc, Google Sheets); those that cannot be keep their last value (frozen).',
    counts: (t: number, f: number) => `${t} translated, ${f} frozen`,
    head: ['Sheet', 'Cell or name', 'MKT formula', 'Action', 'Reason', 'Native formula'],
    translated: 'translated',
    frozen: 'frozen (value kept)',
    noteTitle: 'MKT formula frozen by the portable copy (value kept, no longer recalculates)',
    kept: 'left as it was',
    noValue: ' — no saved value: the cell is empty',
    outside: { conditionalFormat: 'conditional-format rule', validation: 'data validation', calculatedColumn: "a table's calculated column" },
    keptOutside: 'without MKT the rule gives #NAME?: correct it by hand',
    computedValue: ' — no saved value: the value was computed by MKT outside Excel (check-workbook)',
    limitsTitle: 'Limits of the translation',
    limits: [
      'French numeric text in a cell given to a non-amount argument ("0,8", "1 500,50", "80 %") is read by VALUE in the language of the application that opens the copy, not always as MKT reads it; no-break spaces are not removed, and spaces between groups that are not of three digits ("12 34") are (MKT refuses that text). Text written in the formula is read as MKT reads it.',
      'VALUE reads more texts than MKT ("1,500", "$5", dates): the copy gives a number where MKT gave #VALUE!.',
      'An amount argument written as an expression giving text or TRUE/FALSE (B2&"", A1>0) is counted by SUM/SUMPRODUCT; MKT skips it.',
      'A range holding both a negative number and an error: the copy gives the error, MKT sometimes #VALUE!.',
      'Thresholds within 1e-15 (a ratio of exactly 0.6 or 3): spreadsheets sometimes round comparisons to 15 digits.',
      'Several values where MKT reads one (a range, a whole column, an array constant, a name over several cells): the call is frozen to Excel\'s value. An expression giving several values (IF(…,range), INDIRECT) is not recognised: the copy reads it by implicit intersection.',
      'Choices and yes/no: spaces, no-break spaces, tabs and line breaks around them are removed as MKT removes them; other Unicode spaces (U+2000 to U+200A, U+3000) are not.',
      'Excel on the web passes a blank cell as an omitted argument; the copy reads it as Excel for Windows and Mac do (0 or FALSE).',
      'RESPONSE_FIT: computed with the same centred sums as MKT; a spreadsheet that adds differently (LibreOffice compensates rounding) may decide a boundary case the other way (b within 1e-15 of 0 or 1, a spend spread of exactly 1.5 after rounding): CURVE instead of LINEAR or the reverse. An r² close to 0 (all revenues equal, where MKT\'s is rounding noise) may differ in its last digits.',
      'RESPONSE_FIT over another sheet\'s ranges with a long name: a compact form (SLOPE, RSQ), which may decide b = 1 the other way within rounding (revenue exactly proportional to spend) and gives an r² near 0 to within 1e-12.',
      'RESPONSE_FIT outside an array formula, or stored over another area than its four cells (an error result in one cell), or over ranges that are not references: frozen; MARGINAL_ROAS and OPTIMAL_SPEND whose fit is not a range reference (a name, a nested call): frozen.',
      'CROSSOVER_MONTH and COST_PATHS: closed forms of the sums MKT accumulates month by month; a cumulative difference within rounding of 0 at a month\'s end may fall on the next month, and the totals differ in their last digits (within 1e-9).',
      'COST_PATHS: an array formula over its stored area (its rows, three columns); a horizon changed later gives #N/A beyond that area; more than about 110 months, or outside an array formula: frozen.',
      'LOADED_SALARY_FR: its lines added in another order (within 1e-9); with arguments longer than cells of the same sheet (another sheet, an expression, a text for cadre) the translation passes 8,192 characters: frozen (put its arguments in cells of the same sheet).',
    ],
    reasons: {
      noNativeForm: 'no native form (an iterative solver or a newer function)',
      unknownFunction: 'unknown MKT function',
      tooLong: "translation longer than Excel's 8,192 characters: put the nested MKT call in its own cell",
      channelShape: 'channel, history or fit ranges not written as references (one column or row for ALLOCATE), or a different spill area',
      notArrayFormula: 'ALLOCATE, RESPONSE_FIT or COST_PATHS outside an array formula (their result cannot be computed there)',
      unclosed: 'an incomplete formula',
      arity: 'wrong number of arguments',
      manyValues:
        'several values (a range, a whole column, an array constant or a name over several cells) where MKT reads one: Excel computes the call for each value (dynamic-array formula) or reads the cell on the same row (plain formula); no native formula does both',
      values: 'values mode',
      sharedGroup: 'a shared formula whose master cannot be translated',
    } as Record<string, string>,
  },
};

function inlineCell(ref: string, text: string, style = ''): string {
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** What the report says of the run: the MKT version, and whether it was the values mode. */
export interface ReportRun {
  version: string;
  values?: boolean;
}

/** The report sheet's part, in the workbook's main namespace. */
/** What the report prints (the workbook's print area): sheet, cell, formula, status, reason. */
export const REPORT_PRINT_AREA = '$A:$E';
// Landscape, one page wide (as many tall as it takes): the printed columns are 142 characters.
const PRINT_FIT = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
const PRINT_SETUP = '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

/** Characters of text one row shows within the printed columns (A:E, 142 characters wide). */
const PRINTED_WIDTH = 135;

/** A long sentence as rows of at most `width` characters, cut between words; the rows after the first indented. */
export function printedLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function reportSheetXml(items: PortableItem[], lang: PortableLanguage, options: ReportRun, mainNamespace: string): string {
  const t = TEXT[lang];
  const rows: string[][] = [
    [t.title],
    [`${t.version} ${options.version}`],
    [t.how(options.values === true)],
    [t.counts(items.filter((i) => i.action === 'translated').length, items.filter((i) => i.action !== 'translated').length)],
    [],
    t.head,
    ...items.map((i) => [
      i.sheet,
      i.cell,
      // As the formula bar shows it (MKT.ROI_RATIO), not as the file stores it (_xldudf_MKT_ROI_RATIO).
      toDottedForm(i.formula),
      i.action === 'translated' ? t.translated : i.action === 'frozen' ? t.frozen : t.kept,
      [
        i.outside ? t.outside[i.outside] : '',
        i.reason ? t.reasons[i.reason] ?? i.reason : '',
        i.outside && i.action === 'kept' ? t.keptOutside : '',
      ]
        .filter((x) => x !== '')
        .join(' — ') + (i.noSavedValue ? (i.computed !== undefined ? t.computedValue : t.noValue) : ''),
      i.native ?? '',
    ]),
    [],
    [t.limitsTitle],
    ...t.limits.flatMap((l) => printedLines(`• ${l}`, PRINTED_WIDTH).map((line) => [line])),
  ];
  const cols = 'ABCDEF';
  const body = rows
    .map((row, r) =>
      row.length === 0 ? '' : `<row r="${r + 1}">${row.map((v, c) => (v === '' ? '' : inlineCell(`${cols[c]}${r + 1}`, v.slice(0, 32767)))).join('')}</row>`,
    )
    .join('');
  const widths = [16, 14, 50, 22, 40, 80].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNamespace}">${PRINT_FIT}<cols>${widths}</cols><sheetData>${body}</sheetData>${PRINT_SETUP}</worksheet>`;
}


/**
 * Each frozen cell's note: an input message (shown when the cell is selected, in Excel and
 * LibreOffice alike) saying why it no longer computes. Only on a sheet without validations of its
 * own, so that no cell gets two; elsewhere the report sheet alone says it.
 */
export function withFrozenNotes(xml: string, frozen: PortableItem[], lang: PortableLanguage, p: string): string {
  if (frozen.length === 0 || new RegExp(`<${p}dataValidations\\b`).test(xml)) return xml;
  const t = TEXT[lang];
  const byReason = new Map<string, string[]>();
  for (const item of frozen) {
    const why = `${t.noteTitle}: ${item.reason ? t.reasons[item.reason] ?? item.reason : ''}`.slice(0, 250);
    byReason.set(why, [...(byReason.get(why) ?? []), item.cell.replace(/\$/g, '')]);
  }
  const validations = [...byReason.entries()]
    .map(([why, cells]) => `<${p}dataValidation allowBlank="1" showInputMessage="1" promptTitle="MKT" prompt="${escapeXml(why)}" sqref="${cells.join(' ')}"/>`)
    .join('');
  const element = `<${p}dataValidations count="${byReason.size}">${validations}</${p}dataValidations>`;
  // Where the schema puts it: before the first element that follows it, or at the end.
  const after = new RegExp(`<${p}(?:hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\\b`).exec(xml);
  if (after) return xml.slice(0, after.index) + element + xml.slice(after.index);
  const end = xml.lastIndexOf(`</${p}worksheet>`);
  return end < 0 ? xml : xml.slice(0, end) + element + xml.slice(end);
}
