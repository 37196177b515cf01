/**
 * The portable copy of a workbook: every MKT formula translated into native functions (or, with
 * `values`, replaced by its saved value), everything else left byte for byte as it was. Only the
 * <f> elements of the sheet parts (and the defined names) are rewritten; a translated or frozen
 * cell loses its dynamic-array flag (`cm`), which only Excel 365 reads; a "Copie portable" /
 * "Portable copy" sheet lists what was done. Pure apart from the codec; shared by the command
 * (src/commands/portable.ts) and the pane's Share step.
 */
import { hasMktCall } from '../formula/mkt-calls';
import { referenceOf, translateFormula, type FreezeReason } from './translate';
import {
  cellAddressRefusal,
  dtdRefusal,
  missingSheetRefusal,
  isStrict,
  mainPartOf,
  prefixFor,
  readRelationships,
  relationshipsPartOf,
  rootPrefix,
  STRICT,
  targetFrom,
  TRANSITIONAL,
  workbookSheets,
  type Refusal,
  type SheetEntry,
} from './ooxml';
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
  /**
   * Values for frozen cells that saved none (a file written by a library), by "Sheet!A1": computed
   * outside Excel (the command's engine bridge), so that a frozen cell never comes out blank.
   */
  computed?: ReadonlyMap<string, FrozenValue>;
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
  /** Frozen without a saved value: the cell is now empty, unless `computed` gave it one. */
  noSavedValue?: boolean;
  /** Set for a call outside the cells: a conditional-format rule or a data validation (`cell` then says which range). */
  outside?: 'conditionalFormat' | 'validation' | 'calculatedColumn';
  /** Frozen without a saved value, the value written instead (computed outside Excel, options.computed). */
  computed?: FrozenValue;
}

/** A value written in a frozen cell: a number, a text, TRUE/FALSE or an error code. */
export type FrozenValue = number | string | boolean | { error: string };

export interface PortableResult {
  bytes: Uint8Array;
  items: PortableItem[];
  reportSheet: string;
  /** External-link parts dropped because only MKT calls used them. */
  droppedLinks: string[];
}

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

/** A cell's formula element, written with the sheet's prefix (`x:` for `<x:f>`). */
const formulaPattern = (p: string) => new RegExp(`<${p}f\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}f>)`);

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
export function rewriteSheet(
  xml: string,
  sheet: string,
  values: boolean,
  multiCellNames?: ReadonlySet<string>,
  computed?: ReadonlyMap<string, FrozenValue>,
  tint?: (style: number) => number,
): SheetRewrite {
  // The prefix its writer gave SpreadsheetML's elements (`<x:c>` from the Open XML SDK), '' mostly.
  const p = rootPrefix(xml, 'worksheet');
  const FORMULA = formulaPattern(p);
  const items: PortableItem[] = [];
  let removedFormulas = 0;
  // Shared formulas: a group whose master calls MKT is translated through its master (the
  // translation keeps its references, so the followers still shift right) or frozen whole.
  const frozenGroups = new Set<string>();
  const sharedMasters = new Map<string, string>();
  mapElements(xml, `${p}f`, (whole, fAttrs, body) => {
    if (body === undefined || attr(fAttrs, 't') !== 'shared') return whole;
    const si = attr(fAttrs, 'si');
    const text = unescapeXml(body);
    if (si !== undefined && hasMktCall(text)) {
      sharedMasters.set(si, text);
      if (values || translateFormula(text, { multiCellNames }).formula === undefined) frozenGroups.add(si);
    }
    return whole;
  });
  const out = mapElements(xml, `${p}c`, (whole, cellAttrs, inner) => {
    if (inner === undefined || !inner.includes(`<${p}f`)) return whole;
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
      const noSavedValue = !inner.includes(`<${p}v>`) && !inner.includes(`<${p}is>`);
      const value = noSavedValue ? computed?.get(`${sheet}!${address.replace(/\$/g, '')}`) : undefined;
      items.push({ sheet, cell: address, formula: `=${formula}`, action: 'frozen', reason, noSavedValue: noSavedValue || undefined, computed: value });
      // Tinted, so that a reader sees at once which cells no longer compute.
      const attrs = tint ? withStyle(cellAttrs, tint(Number(attr(cellAttrs, 's') ?? 0))) : cellAttrs;
      if (value !== undefined) return valueCell(attrs, inner.replace(FORMULA, ''), value, p);
      return frozenCell(attrs, inner.replace(FORMULA, ''), p);
    };
    if (shared && frozenGroups.has(si!)) return freeze(values ? 'values' : 'sharedGroup');
    if (values) return freeze('values');
    if (shared && own === '') {
      // A follower of a translated master: it shares the master's (now native) text.
      items.push({ sheet, cell: address, formula: `=${formula}`, action: 'translated', native: '(shared with its group)' });
      return whole;
    }
    const translation = translateFormula(own, type === 'array' ? { spill: refShape(attr(fAttrs, 'ref')), arrayFormula: true, multiCellNames } : { multiCellNames });
    if (translation.formula === undefined) return freeze(translation.frozen?.reason);
    items.push({ sheet, cell: address, formula: `=${own}`, action: 'translated', native: `=${translation.formula}` });
    const newF = `<${p}f${fAttrs}>${escapeXml(translation.formula)}</${p}f>`;
    return `<${p}c${withoutAttr(cellAttrs, 'cm')}>${inner.replace(FORMULA, () => newF)}</${p}c>`;
  });
  return { xml: outsideCells(out, sheet, items, p, multiCellNames), items, removedFormulas };
}

/**
 * MKT calls outside the cells: conditional-format rules (`<formula>`) and data validations
 * (`<formula1>`, `<formula2>`), translated where the translator can (a rule has no value to
 * freeze to), otherwise kept and listed on the report sheet: without MKT they give #NAME?.
 */
function outsideCells(xml: string, sheet: string, items: PortableItem[], p: string, multiCellNames?: ReadonlySet<string>): string {
  if (!/<(?:[\w.-]+:)?(?:conditionalFormatting|dataValidations)\b/.test(xml) || !/mkt/i.test(xml)) return xml;
  const where = (_kind: 'conditionalFormat' | 'validation', attrs: string) => attr(attrs, 'sqref') ?? '?';
  const rewrite = (kind: 'conditionalFormat' | 'validation') => (whole: string, attrs: string, inner: string | undefined) => {
    if (inner === undefined) return whole;
    return whole.replace(new RegExp(`(<${p}(formula[12]?)>)([\\s\\S]*?)(</${p}\\2>)`, 'g'), (all, open: string, _tag: string, body: string, close: string) => {
      const formula = unescapeXml(body);
      if (!hasMktCall(formula)) return all;
      const translation = translateFormula(formula, { multiCellNames });
      const cell = where(kind, attrs);
      if (translation.formula === undefined) {
        items.push({ sheet, cell, formula: `=${formula}`, action: 'kept', reason: translation.frozen?.reason, outside: kind });
        return all;
      }
      items.push({ sheet, cell, formula: `=${formula}`, action: 'translated', native: `=${translation.formula}`, outside: kind });
      return `${open}${escapeXml(translation.formula)}${close}`;
    });
  };
  let out = mapElements(xml, `${p}conditionalFormatting`, rewrite('conditionalFormat'));
  out = mapElements(out, `${p}dataValidation`, rewrite('validation'));
  return out;
}

/** A cell without its formula: its saved value stays; a formula's text result becomes inline text. */
function frozenCell(cellAttrs: string, inner: string, p = ''): string {
  let attrs = withoutAttr(cellAttrs, 'cm');
  if (attr(attrs, 't') === 'str') {
    const value = new RegExp(`<${p}v>([\\s\\S]*?)</${p}v>`);
    const v = value.exec(inner);
    attrs = withoutAttr(attrs, 't') + ' t="inlineStr"';
    const text = v ? v[1] : '';
    inner = inner.replace(value, '') + `<${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is>`;
  }
  return inner === '' ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${inner}</${p}c>`;
}

/** Cell attributes with the style index `s` set. */
function withStyle(cellAttrs: string, style: number): string {
  return /\ss="/.test(cellAttrs) ? cellAttrs.replace(/\ss="[^"]*"/, ` s="${style}"`) : cellAttrs.replace(/(\sr="[^"]*")/, `$1 s="${style}"`);
}

/**
 * The styles part with a tinted copy of each style a frozen cell had: one light-yellow fill added,
 * each cell format copied once with it. `tint` gives the new index; `xml()` the part, unchanged
 * when no cell was tinted. Undefined when the part's lists cannot be found (the cells then keep their style).
 */
function frozenStyles(stylesXml: string): { tint: (style: number) => number; xml: () => string } | undefined {
  const fills = /<([\w.-]+:)?fills\b([^>]*)>([\s\S]*?)<\/\1?fills>/.exec(stylesXml);
  const xfs = /<([\w.-]+:)?cellXfs\b([^>]*)>([\s\S]*?)<\/\1?cellXfs>/.exec(stylesXml);
  if (!fills || !xfs) return undefined;
  const p = fills[1] ?? '';
  const fillCount = [...fills[3].matchAll(new RegExp(`<${p}fill\\b`, 'g'))].length;
  const formats = [...xfs[3].matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, 'g'))].map((m) => m[0]);
  const added: string[] = [];
  const byStyle = new Map<number, number>();
  return {
    tint(style) {
      let index = byStyle.get(style);
      if (index === undefined) {
        const base = formats[style] ?? formats[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
        let copy = base.replace(/\sfillId="[^"]*"/, '').replace(/\sapplyFill="[^"]*"/, '');
        copy = copy.replace(new RegExp(`^<${p}xf\\b`), `<${p}xf fillId="${fillCount}" applyFill="1"`);
        index = formats.length + added.length;
        added.push(copy);
        byStyle.set(style, index);
      }
      return index;
    },
    xml() {
      if (added.length === 0) return stylesXml;
      const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFFFF2CC"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
      const count = (attrs: string, n: number) => (/\scount="/.test(attrs) ? attrs.replace(/\scount="[^"]*"/, ` count="${n}"`) : attrs);
      return stylesXml
        .replace(fills[0], `<${p}fills${count(fills[2], fillCount + 1)}>${fills[3]}${fill}</${p}fills>`)
        .replace(xfs[0], `<${p}cellXfs${count(xfs[2], formats.length + added.length)}>${xfs[3]}${added.join('')}</${p}cellXfs>`);
    },
  };
}

/**
 * Each frozen cell's note: an input message (shown when the cell is selected, in Excel and
 * LibreOffice alike) saying why it no longer computes. Only on a sheet without validations of its
 * own, so that no cell gets two; elsewhere the report sheet alone says it.
 */
function withFrozenNotes(xml: string, frozen: PortableItem[], lang: PortableLanguage, p: string): string {
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

/** A frozen cell given a value computed outside Excel, in place of the value it never saved. */
function valueCell(cellAttrs: string, inner: string, value: FrozenValue, p: string): string {
  const attrs = withoutAttr(withoutAttr(cellAttrs, 'cm'), 't');
  const rest = inner.replace(new RegExp(`<${p}v\\s*/>|<${p}v>[\\s\\S]*?</${p}v>`), '');
  if (typeof value === 'number') return `<${p}c${attrs}>${rest}<${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `<${p}c${attrs} t="b">${rest}<${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === 'object') return `<${p}c${attrs} t="e">${rest}<${p}v>${escapeXml(value.error)}</${p}v></${p}c>`;
  return `<${p}c${attrs} t="inlineStr">${rest}<${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
}

/** The defined names whose formula calls MKT, translated (a name has no saved value to freeze to). */
function rewriteNames(workbookXml: string, items: PortableItem[], p = ''): string {
  const element = new RegExp(`<${p}definedName\\b([^>]*)>([\\s\\S]*?)</${p}definedName>`, 'g');
  return workbookXml.replace(element, (whole, attrs: string, body: string) => {
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
    return `<${p}definedName${attrs}>${escapeXml(translation.formula)}</${p}definedName>`;
  });
}

/** The defined names (upper-cased) that refer to more than one cell: a multi-cell reference or a union of areas. */
function namesOverManyCells(workbookXml: string): Set<string> {
  const found = new Set<string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g)) {
    const name = attr(m[1], 'name');
    const formula = unescapeXml(m[2]).trim();
    if (!name) continue;
    const areas = formula.split(',');
    const shape = referenceOf(areas[0]);
    if ((shape && shape.rows * shape.cols > 1) || (areas.length > 1 && areas.every((a) => referenceOf(a) !== undefined))) found.add(name.toUpperCase());
  }
  return found;
}

/** `xml` with `piece` put before its last `</…local>` closing tag, whatever its prefix; undefined when there is none. */
function beforeClosing(xml: string, local: string, piece: (prefix: string) => string): string | undefined {
  const closing = [...xml.matchAll(new RegExp(`</([\\w.-]+:)?${local}\\s*>`, 'g'))].pop();
  if (!closing) return undefined;
  return xml.slice(0, closing.index) + piece(closing[1] ?? '') + xml.slice(closing.index);
}

const encoder = new TextEncoder();

/** Adds to `found` the external workbooks ([n]) a part's formulas name. */
function linksNamed(xml: string, found: Set<number>): void {
  if (!xml.includes('[')) return;
  for (const m of xml.replace(/&quot;[\s\S]*?&quot;/g, '').matchAll(/\[(\d+)\]/g)) found.add(Number(m[1]));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Throws a refusal of the shared judgement (ooxml.ts) as the copy's error. */
function refuse(refusal: Refusal | undefined): void {
  if (refusal) throw new PackageError(refusal.message);
}

/**
 * The portable copy of an .xlsx package. Throws PackageError for a file that is not a readable
 * workbook, and for the files check-workbook refuses (a DTD, a cell off the sheet, a part whose
 * checksum fails): both judge a package with ooxml.ts.
 */
export async function makePortableCopy(bytes: Uint8Array, codec: Codec, options: PortableOptions): Promise<PortableResult> {
  const lang = options.lang ?? 'fr';
  const entries = readZip(bytes, options.limits ?? DEFAULT_LIMITS);
  // Part names are case-insensitive in OOXML.
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, '').toLowerCase(), e]));
  const entryOf = (part: string) => byName.get(part.toLowerCase());
  const textOf = async (part: string): Promise<string | undefined> => {
    const entry = entryOf(part);
    if (!entry) return undefined;
    const text = await entryText(entry, codec);
    refuse(dtdRefusal(part, text.slice(0, 4096)));
    return text;
  };
  const packageRelsText = await textOf('_rels/.rels');
  const mainPart = mainPartOf(packageRelsText === undefined ? undefined : readRelationships(packageRelsText, ''));
  const relsPart = relationshipsPartOf(mainPart);
  const workbookEntry = entryOf(mainPart);
  const relsEntry = entryOf(relsPart);
  const typesEntry = entryOf('[Content_Types].xml');
  if (!workbookEntry || !relsEntry || !typesEntry) throw new PackageError('not an Excel workbook (no workbook part); save it as "Excel Workbook (.xlsx)"');
  let workbookXml = (await textOf(mainPart))!;
  let relsXml = (await textOf(relsPart))!;
  let typesXml = (await textOf('[Content_Types].xml'))!;
  const rels = readRelationships(relsXml, mainPart);
  const strict = isStrict(workbookXml, rels);
  const vocabulary = strict ? STRICT : TRANSITIONAL;
  const shared = rels.find((r) => r.kind === 'sharedStrings' && !r.external);
  if (shared) await textOf(shared.target); // refused as check-workbook refuses it (an XXE in the strings)
  const entriesOfSheets = workbookSheets(workbookXml, rels);
  const sheets = entriesOfSheets.filter((s) => s.kind === 'worksheet' && s.part !== undefined) as Array<SheetEntry & { part: string }>;
  const multiCellNames = namesOverManyCells(workbookXml);
  // A table's calculated column: Excel fills new rows with it; translated, or kept and listed.
  const rewriteTables = async (sheetPart: string, sheetName: string) => {
    const sheetRels = await textOf(relationshipsPartOf(sheetPart));
    if (sheetRels === undefined) return;
    for (const table of readRelationships(sheetRels, sheetPart).filter((rel) => rel.kind === 'table' && !rel.external)) {
      const tableEntry = entryOf(table.target);
      const tableXml = tableEntry ? await textOf(table.target) : undefined;
      if (!tableEntry || tableXml === undefined || !/mkt/i.test(tableXml)) continue;
      const tp = rootPrefix(tableXml, 'table');
      const tableName = /\sdisplayName="([^"]*)"/.exec(tableXml)?.[1] ?? table.target;
      let changed = false;
      const out = tableXml.replace(new RegExp(`<${tp}tableColumn\\b((?:[^>/]|/(?!>))*)>([\\s\\S]*?)</${tp}tableColumn>`, 'g'), (whole, attrs: string, inner: string) =>
        inner.includes('calculatedColumnFormula')
          ? whole.replace(new RegExp(`(<${tp}calculatedColumnFormula\\b[^>]*>)([\\s\\S]*?)(</${tp}calculatedColumnFormula>)`), (all, open: string, body: string, close: string) => {
              const formula = unescapeXml(body);
              if (!hasMktCall(formula)) return all;
              const cell = `${tableName}[${unescapeXml(attr(attrs, 'name') ?? '?')}]`;
              const translation = translateFormula(formula, { multiCellNames });
              if (translation.formula === undefined) {
                items.push({ sheet: sheetName, cell, formula: `=${formula}`, action: 'kept', reason: translation.frozen?.reason, outside: 'calculatedColumn' });
                return all;
              }
              changed = true;
              items.push({ sheet: sheetName, cell, formula: `=${formula}`, action: 'translated', native: `=${translation.formula}`, outside: 'calculatedColumn' });
              return `${open}${escapeXml(translation.formula)}${close}`;
            })
          : whole,
      );
      if (changed) replaced.set(tableEntry.name, await makeEntry(tableEntry.name, encoder.encode(out), codec, tableEntry));
    }
  };
  const stylesRel = rels.find((rel) => rel.kind === 'styles' && !rel.external);
  const stylesEntry = stylesRel ? entryOf(stylesRel.target) : undefined;
  const styles = stylesEntry ? frozenStyles((await textOf(stylesRel!.target))!) : undefined;
  const items: PortableItem[] = [];
  const replaced = new Map<string, ZipEntry>();
  let removedFormulas = 0;
  // External workbooks the formulas name ([1]!…), before and after: a link only MKT calls used goes.
  const linksBefore = new Set<number>();
  const linksAfter = new Set<number>();
  for (const { name, part } of sheets) {
    const entry = entryOf(part);
    refuse(entry ? undefined : missingSheetRefusal(name, part));
    if (!entry) continue;
    const xml = (await textOf(part))!;
    refuse(cellAddressRefusal(name, xml));
    linksNamed(xml, linksBefore);
    await rewriteTables(part, name);
    if (!xml.includes('f')) {
      linksNamed(xml, linksAfter);
      continue;
    }
    const rewrite = rewriteSheet(xml, name, options.values === true, multiCellNames, options.computed, options.values ? undefined : styles?.tint);
    linksNamed(rewrite.xml, linksAfter);
    if (rewrite.items.length === 0) continue;
    items.push(...rewrite.items);
    removedFormulas += rewrite.removedFormulas;
    const frozen = options.values ? [] : rewrite.items.filter((i) => i.action === 'frozen' && !i.outside);
    const noted = withFrozenNotes(rewrite.xml, frozen, lang, rootPrefix(xml, 'worksheet'));
    replaced.set(entry.name, await makeEntry(entry.name, encoder.encode(noted), codec, entry));
  }
  const wp = rootPrefix(workbookXml, 'workbook');
  linksNamed(workbookXml, linksBefore);
  workbookXml = rewriteNames(workbookXml, items, wp);
  linksNamed(workbookXml, linksAfter);

  // A calculation chain naming cells that no longer hold a formula makes Excel repair the file:
  // drop it, Excel rebuilds it.
  const dropped = new Set<string>();
  const droppedLinks: string[] = [];
  const chain = rels.find((r) => r.kind === 'calcChain' && !r.external);
  const chainEntry = chain ? entryOf(chain.target) : undefined;
  if (removedFormulas > 0 && chain && chainEntry) {
    dropped.add(chainEntry.name);
    relsXml = relsXml.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*\\bId="${escapeRegExp(chain.id)}"[^>]*/>`), '');
    typesXml = typesXml.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="/${escapeRegExp(chain.target)}"[^>]*/>`, 'i'), '');
  }

  // External links that only MKT calls used (an add-in's .xla: Excel's security bar in a copy meant
  // to need nothing), from the last: dropping an earlier one would renumber the others' [n].
  const references = [...workbookXml.matchAll(/<(?:[\w.-]+:)?externalReference\b([^>]*?)\/>/g)];
  for (let n = references.length; n >= 1 && linksBefore.has(n) && !linksAfter.has(n); n--) {
    const element = references[n - 1];
    const id = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(element[1])?.[1];
    const link = rels.find((rel) => rel.id === id && rel.kind === 'externalLink');
    const linkEntry = link ? entryOf(link.target) : undefined;
    if (!link || !linkEntry) break;
    workbookXml = workbookXml.replace(element[0], '');
    relsXml = relsXml.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*\\bId="${escapeRegExp(link.id)}"[^>]*/>`), '');
    typesXml = typesXml.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="/${escapeRegExp(link.target)}"[^>]*/>`, 'i'), '');
    dropped.add(linkEntry.name);
    const linkRels = entryOf(relationshipsPartOf(link.target));
    if (linkRels) dropped.add(linkRels.name);
    droppedLinks.push(link.target);
  }
  workbookXml = workbookXml.replace(/<([\w.-]+:)?externalReferences\b[^>]*>\s*<\/\1?externalReferences>/, '');

  // The report sheet, appended last so that sheet-scoped names keep their index; in the
  // workbook's own vocabulary (Strict or transitional) and prefixes.
  const sheetNames = new Set(entriesOfSheets.map((s) => s.name.toLowerCase()));
  const base = lang === 'fr' ? 'Copie portable' : 'Portable copy';
  let reportSheet = base;
  for (let n = 2; sheetNames.has(reportSheet.toLowerCase()); n++) reportSheet = `${base} (${n})`;
  const mainFolder = mainPart.slice(0, mainPart.lastIndexOf('/') + 1);
  const sheetFolder = sheets[0]?.part.slice(0, sheets[0].part.lastIndexOf('/') + 1) ?? `${mainFolder}worksheets/`;
  let partNumber = sheets.length + 1;
  while (entryOf(`${sheetFolder}sheet${partNumber}.xml`)) partNumber++;
  const reportPart = `${sheetFolder}sheet${partNumber}.xml`;
  const relIds = new Set(rels.map((r) => r.id));
  let relNumber = rels.length + 1;
  while (relIds.has(`rId${relNumber}`)) relNumber++;
  const relId = `rId${relNumber}`;
  const sheetId = Math.max(0, ...entriesOfSheets.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
  const declared = prefixFor(workbookXml, vocabulary.relationships);
  const idAttribute = declared ? `${declared}:id="${relId}"` : `xmlns:mktr="${vocabulary.relationships}" mktr:id="${relId}"`;
  const withSheet = beforeClosing(workbookXml, 'sheets', (sp) => `<${sp}sheet name="${escapeXml(reportSheet)}" sheetId="${sheetId}" ${idAttribute}/>`);
  if (withSheet === undefined) throw new PackageError('not an Excel workbook (its workbook part lists no sheets); save it as "Excel Workbook (.xlsx)"');
  workbookXml = withSheet;
  const target = targetFrom(mainPart, reportPart);
  relsXml =
    beforeClosing(relsXml, 'Relationships', (rp) => `<${rp}Relationship Id="${relId}" Type="${vocabulary.relationships}/worksheet" Target="${escapeXml(target)}"/>`) ?? relsXml;
  typesXml = beforeClosing(typesXml, 'Types', (tp) => `<${tp}Override PartName="/${escapeXml(reportPart)}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`) ?? typesXml;

  if (styles && stylesEntry) {
    const stylesXml = styles.xml();
    if (stylesXml !== (await entryText(stylesEntry, codec))) replaced.set(stylesEntry.name, await makeEntry(stylesEntry.name, encoder.encode(stylesXml), codec, stylesEntry));
  }
  replaced.set(workbookEntry.name, await makeEntry(workbookEntry.name, encoder.encode(workbookXml), codec, workbookEntry));
  replaced.set(relsEntry.name, await makeEntry(relsEntry.name, encoder.encode(relsXml), codec, relsEntry));
  replaced.set(typesEntry.name, await makeEntry(typesEntry.name, encoder.encode(typesXml), codec, typesEntry));
  const report = await makeEntry(reportPart, encoder.encode(reportSheetXml(items, lang, options, vocabulary.main)), codec, workbookEntry);

  const written: ZipEntry[] = [];
  for (const e of entries) if (!dropped.has(e.name)) written.push(replaced.get(e.name) ?? e);
  written.push(report);
  return { bytes: writeZip(written), items, reportSheet, droppedLinks };
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

function reportSheetXml(items: PortableItem[], lang: PortableLanguage, options: PortableOptions, mainNamespace: string): string {
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
    ...t.limits.map((l) => [`• ${l}`]),
  ];
  const cols = 'ABCDEF';
  const body = rows
    .map((row, r) =>
      row.length === 0 ? '' : `<row r="${r + 1}">${row.map((v, c) => (v === '' ? '' : inlineCell(`${cols[c]}${r + 1}`, v.slice(0, 32767)))).join('')}</row>`,
    )
    .join('');
  const widths = [16, 14, 50, 22, 40, 80].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNamespace}"><cols>${widths}</cols><sheetData>${body}</sheetData></worksheet>`;
}
