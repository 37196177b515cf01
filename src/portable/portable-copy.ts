/**
 * The portable copy of a workbook: every MKT formula translated into native functions (or, with
 * `values`, replaced by its saved value), everything else left byte for byte as it was. Only the
 * <f> elements of the sheet parts (and the defined names) are rewritten; a translated or frozen
 * cell loses its dynamic-array flag (`cm`), which only Excel 365 reads; a "Copie portable" /
 * "Portable copy" sheet lists what was done. Pure apart from the codec; shared by the command
 * (src/tools/portable.ts) and the pane's Share step.
 */
import { hasMktCall } from '../formula/mkt-calls';
import { translateFormula, type FreezeReason } from './translate';
import { DEFAULT_LIMITS, entryText, makeEntry, PackageError, readZip, writeZip, type Codec, type ZipEntry, type ZipLimits } from './zip';

export { PackageError } from './zip';

export type PortableLanguage = 'fr' | 'en';

export interface PortableOptions {
  /** Replace every MKT formula by its saved value instead of translating it. */
  values?: boolean;
  lang?: PortableLanguage;
  /** The MKT version written on the report sheet (package.json's). */
  version: string;
  limits?: ZipLimits;
}

export interface PortableItem {
  sheet: string;
  /** A1 address, or the defined name. */
  cell: string;
  formula: string;
  action: 'translated' | 'frozen' | 'kept';
  reason?: FreezeReason | 'values' | 'sharedGroup';
  /** The native formula written, when translated. */
  native?: string;
  /** Frozen without a saved value: the cell is now empty. */
  noSavedValue?: boolean;
}

export interface PortableResult {
  bytes: Uint8Array;
  items: PortableItem[];
  reportSheet: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : undefined;
}

function withoutAttr(attrs: string, name: string): string {
  return attrs.replace(new RegExp(`\\s${name}="[^"]*"`), '');
}

/** Rows × columns of an A1 range ("F2:F6"). */
function refShape(ref: string | undefined): { rows: number; cols: number } | undefined {
  if (!ref) return undefined;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { rows: Math.abs(Number(m[4] ?? m[2]) - Number(m[2])) + 1, cols: Math.abs(col(m[3] ?? m[1]) - col(m[1])) + 1 };
}

const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;

/**
 * Each `<tag …>…</tag>` or `<tag …/>` element of a part, in order, handed to `visit`, which returns
 * its new text. A linear scan (the closing tag is looked for once, from the opening one), so a
 * hostile part with unclosed elements costs no more than one pass; the part's rest after an
 * unclosed element is kept as it is.
 */
function mapElements(xml: string, tag: string, visit: (whole: string, attrs: string, inner: string | undefined) => string): string {
  const open = new RegExp(`<${tag}\\b([^>]*?)(\\/?)>`, 'g');
  const closing = `</${tag}>`;
  let out = '';
  let at = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    let end: number;
    let inner: string | undefined;
    if (m[2] === '/') {
      end = open.lastIndex;
    } else {
      const close = xml.indexOf(closing, open.lastIndex);
      if (close < 0) break;
      inner = xml.slice(open.lastIndex, close);
      end = close + closing.length;
    }
    out += xml.slice(at, m.index) + visit(xml.slice(m.index, end), m[1], inner);
    at = end;
    open.lastIndex = end;
  }
  return out + xml.slice(at);
}

interface SheetRewrite {
  xml: string;
  items: PortableItem[];
  removedFormulas: number;
}

/** Rewrites one sheet part's MKT formulas. */
export function rewriteSheet(xml: string, sheet: string, values: boolean): SheetRewrite {
  const items: PortableItem[] = [];
  let removedFormulas = 0;
  // Shared formulas: a group whose master calls MKT is translated through its master (the
  // translation keeps its references, so the followers still shift right) or frozen whole.
  const frozenGroups = new Set<string>();
  const sharedMasters = new Map<string, string>();
  mapElements(xml, 'f', (whole, fAttrs, body) => {
    if (body === undefined || attr(fAttrs, 't') !== 'shared') return whole;
    const si = attr(fAttrs, 'si');
    const text = unescapeXml(body);
    if (si !== undefined && hasMktCall(text)) {
      sharedMasters.set(si, text);
      if (values || translateFormula(text).formula === undefined) frozenGroups.add(si);
    }
    return whole;
  });
  const out = mapElements(xml, 'c', (whole, cellAttrs, inner) => {
    if (inner === undefined || !inner.includes('<f')) return whole;
    const f = FORMULA.exec(inner);
    if (!f) return whole;
    const fAttrs = f[1];
    const address = attr(cellAttrs, 'r') ?? '?';
    const type = attr(fAttrs, 't');
    const si = attr(fAttrs, 'si');
    const own = f[2] === undefined ? '' : unescapeXml(f[2]);
    const formula = own !== '' ? own : type === 'shared' && si !== undefined ? sharedMasters.get(si) ?? '' : '';
    if (!hasMktCall(formula)) return whole;
    const shared = type === 'shared' && si !== undefined;
    const freeze = (reason: PortableItem['reason']) => {
      removedFormulas++;
      const noSavedValue = !/<v>/.test(inner) && !/<is>/.test(inner);
      items.push({ sheet, cell: address, formula: `=${formula}`, action: 'frozen', reason, noSavedValue: noSavedValue || undefined });
      return frozenCell(cellAttrs, inner.replace(FORMULA, ''));
    };
    if (shared && frozenGroups.has(si!)) return freeze(values ? 'values' : 'sharedGroup');
    if (values) return freeze('values');
    if (shared && own === '') {
      // A follower of a translated master: it shares the master's (now native) text.
      items.push({ sheet, cell: address, formula: `=${formula}`, action: 'translated', native: '(shared with its group)' });
      return whole;
    }
    const translation = translateFormula(own, type === 'array' ? { spill: refShape(attr(fAttrs, 'ref')), arrayFormula: true } : {});
    if (translation.formula === undefined) return freeze(translation.frozen?.reason);
    items.push({ sheet, cell: address, formula: `=${own}`, action: 'translated', native: `=${translation.formula}` });
    const newF = `<f${fAttrs}>${escapeXml(translation.formula)}</f>`;
    return `<c${withoutAttr(cellAttrs, 'cm')}>${inner.replace(FORMULA, () => newF)}</c>`;
  });
  return { xml: out, items, removedFormulas };
}

/** A cell without its formula: its saved value stays; a formula's text result becomes inline text. */
function frozenCell(cellAttrs: string, inner: string): string {
  let attrs = withoutAttr(cellAttrs, 'cm');
  if (attr(attrs, 't') === 'str') {
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
    attrs = withoutAttr(attrs, 't') + ' t="inlineStr"';
    const text = v ? v[1] : '';
    inner = inner.replace(/<v>[\s\S]*?<\/v>/, '') + `<is><t xml:space="preserve">${text}</t></is>`;
  }
  return inner === '' ? `<c${attrs}/>` : `<c${attrs}>${inner}</c>`;
}

/** The defined names whose formula calls MKT, translated (a name has no saved value to freeze to). */
function rewriteNames(workbookXml: string, items: PortableItem[]): string {
  return workbookXml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string, body: string) => {
    const formula = unescapeXml(body);
    if (!hasMktCall(formula)) return whole;
    const name = attr(attrs, 'name') ?? '?';
    const translation = translateFormula(formula);
    if (translation.formula === undefined) {
      items.push({ sheet: '', cell: name, formula: `=${formula}`, action: 'kept', reason: translation.frozen?.reason });
      return whole;
    }
    // Translated in --values mode too: a name has no saved value to freeze to.
    items.push({ sheet: '', cell: name, formula: `=${formula}`, action: 'translated', native: `=${translation.formula}` });
    return `<definedName${attrs}>${escapeXml(translation.formula)}</definedName>`;
  });
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

const encoder = new TextEncoder();

/**
 * The portable copy of an .xlsx package. Throws PackageError for a file that is not a readable
 * workbook.
 */
export async function makePortableCopy(bytes: Uint8Array, codec: Codec, options: PortableOptions): Promise<PortableResult> {
  const lang = options.lang ?? 'fr';
  const entries = readZip(bytes, options.limits ?? DEFAULT_LIMITS);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const typesEntry = byName.get('[Content_Types].xml');
  if (!workbookEntry || !relsEntry || !typesEntry) throw new PackageError('not an Excel workbook (no xl/workbook.xml); save it as "Excel Workbook (.xlsx)"');
  let workbookXml = await entryText(workbookEntry, codec);
  let relsXml = await entryText(relsEntry, codec);
  let typesXml = await entryText(typesEntry, codec);
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, { type: attr(m[1], 'Type') ?? '', target: resolveTarget('xl/workbook.xml', target) });
  }
  const sheets: Array<{ name: string; part: string }> = [];
  const sheetIds: number[] = [];
  let idPrefix = 'r';
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const prefixed = /\s(\w+):id="([^"]*)"/.exec(m[1]);
    if (prefixed) idPrefix = prefixed[1];
    sheetIds.push(Number(attr(m[1], 'sheetId') ?? 0));
    const rel = prefixed ? targets.get(prefixed[2]) : undefined;
    if (rel && rel.type === WORKSHEET_TYPE) sheets.push({ name: attr(m[1], 'name') ?? '', part: rel.target });
  }
  const items: PortableItem[] = [];
  const replaced = new Map<string, ZipEntry>();
  let removedFormulas = 0;
  for (const { name, part } of sheets) {
    const entry = byName.get(part);
    if (!entry) continue;
    const xml = await entryText(entry, codec);
    if (!xml.includes('<f')) continue;
    const rewrite = rewriteSheet(xml, name, options.values === true);
    if (rewrite.items.length === 0) continue;
    items.push(...rewrite.items);
    removedFormulas += rewrite.removedFormulas;
    replaced.set(part, await makeEntry(part, encoder.encode(rewrite.xml), codec, entry));
  }
  workbookXml = rewriteNames(workbookXml, items);

  // A calculation chain naming cells that no longer hold a formula makes Excel repair the file:
  // drop it, Excel rebuilds it.
  const dropped = new Set<string>();
  if (removedFormulas > 0 && byName.has('xl/calcChain.xml')) {
    dropped.add('xl/calcChain.xml');
    relsXml = relsXml.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/g, '');
    typesXml = typesXml.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/g, '');
  }

  // The report sheet, appended last so that sheet-scoped names keep their index.
  const sheetNames = new Set(sheets.map((s) => s.name.toLowerCase()));
  const base = lang === 'fr' ? 'Copie portable' : 'Portable copy';
  let reportSheet = base;
  for (let n = 2; sheetNames.has(reportSheet.toLowerCase()); n++) reportSheet = `${base} (${n})`;
  let partNumber = sheets.length + 1;
  while (byName.has(`xl/worksheets/sheet${partNumber}.xml`)) partNumber++;
  const reportPart = `xl/worksheets/sheet${partNumber}.xml`;
  let relNumber = targets.size + 1;
  while (targets.has(`rId${relNumber}`)) relNumber++;
  const relId = `rId${relNumber}`;
  const sheetId = Math.max(0, ...sheetIds) + 1;
  workbookXml = workbookXml.replace('</sheets>', `<sheet name="${escapeXml(reportSheet)}" sheetId="${sheetId}" ${idPrefix}:id="${relId}"/></sheets>`);
  relsXml = relsXml.replace('</Relationships>', `<Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${partNumber}.xml"/></Relationships>`);
  typesXml = typesXml.replace('</Types>', `<Override PartName="/${reportPart}" ContentType="${WORKSHEET_CONTENT_TYPE}"/></Types>`);

  replaced.set('xl/workbook.xml', await makeEntry('xl/workbook.xml', encoder.encode(workbookXml), codec, workbookEntry));
  replaced.set('xl/_rels/workbook.xml.rels', await makeEntry('xl/_rels/workbook.xml.rels', encoder.encode(relsXml), codec, relsEntry));
  replaced.set('[Content_Types].xml', await makeEntry('[Content_Types].xml', encoder.encode(typesXml), codec, typesEntry));
  const report = await makeEntry(reportPart, encoder.encode(reportSheetXml(items, lang, options)), codec, workbookEntry);

  const written: ZipEntry[] = [];
  for (const e of entries) if (!dropped.has(e.name)) written.push(replaced.get(e.name) ?? e);
  written.push(report);
  return { bytes: writeZip(written), items, reportSheet };
}

// ---------------------------------------------------------------------------------------------
// The report sheet

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
    kept: 'laissée telle quelle',
    noValue: ' — aucune valeur enregistrée : cellule vide',
    limitsTitle: 'Limites de la traduction',
    limits: [
      'Texte numérique à la française dans un argument non monétaire ("0,8", "1 500,50", "80 %") : lu par VALUE selon la langue de l’application qui ouvre la copie, pas toujours comme MKT ; espaces insécables non retirés.',
      'VALUE lit plus de textes que MKT ("1,500", "$5", des dates) : la copie donne un nombre là où MKT donnait #VALUE!.',
      'Un argument monétaire écrit comme expression qui donne du texte ou VRAI/FAUX (B2&"", A1>0) est compté par SUM/SUMPRODUCT ; MKT l’ignore.',
      'Une plage contenant à la fois un nombre négatif et une erreur : la copie donne l’erreur, MKT parfois #VALUE!.',
      'Seuils à 1e-15 près (ratio exactement 0,6 ou 3) : les tableurs arrondissent parfois les comparaisons à 15 chiffres.',
      'Une plage nommée ou une expression donnée là où MKT attend une seule valeur n’est pas refusée (#VALUE!) mais lue par intersection implicite.',
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
    kept: 'left as it was',
    noValue: ' — no saved value: the cell is empty',
    limitsTitle: 'Limits of the translation',
    limits: [
      'French numeric text in a non-amount argument ("0,8", "1 500,50", "80 %") is read by VALUE in the language of the application that opens the copy, not always as MKT reads it; no-break spaces are not removed.',
      'VALUE reads more texts than MKT ("1,500", "$5", dates): the copy gives a number where MKT gave #VALUE!.',
      'An amount argument written as an expression giving text or TRUE/FALSE (B2&"", A1>0) is counted by SUM/SUMPRODUCT; MKT skips it.',
      'A range holding both a negative number and an error: the copy gives the error, MKT sometimes #VALUE!.',
      'Thresholds within 1e-15 (a ratio of exactly 0.6 or 3): spreadsheets sometimes round comparisons to 15 digits.',
      'A named range or an expression given where MKT expects one value is not refused (#VALUE!) but read by implicit intersection.',
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
      values: 'values mode',
      sharedGroup: 'a shared formula whose master cannot be translated',
    } as Record<string, string>,
  },
};

function inlineCell(ref: string, text: string, style = ''): string {
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

function reportSheetXml(items: PortableItem[], lang: PortableLanguage, options: PortableOptions): string {
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
      i.formula,
      i.action === 'translated' ? t.translated : i.action === 'frozen' ? t.frozen : t.kept,
      (i.reason ? t.reasons[i.reason] ?? i.reason : '') + (i.noSavedValue ? t.noValue : ''),
      i.native ?? '',
    ]),
    [],
    [t.limitsTitle],
    ...t.limits.map((l) => [`• ${l}`]),
  ];
  const cols = 'ABCDEF';
  const body = rows
    .map((row, r) =>
      row.length === 0 ? '' : `<row r="${r + 1}">${row.map((v, c) => (v === '' ? '' : inlineCell(`${cols[c]}${r + 1}`, v.slice(0, 32767)))).join('')}</row>`,
    )
    .join('');
  const widths = [16, 14, 50, 22, 40, 80].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><cols>${widths}</cols><sheetData>${body}</sheetData></worksheet>`;
}
