/**
 * The portable copy of a workbook: every MKT formula translated into native functions (or, with
 * `values`, replaced by its saved value), everything else left byte for byte as it was. Only the
 * <f> elements of the sheet parts (and the defined names) are rewritten; a translated or frozen
 * cell loses its dynamic-array flag (`cm`), which only Excel 365 reads; a "Copie portable" /
 * "Portable copy" sheet lists what was done. Pure apart from the codec; shared by the command
 * (src/commands/portable.ts) and the pane's Share step. The copy's steps are here; the formula text
 * is rewritten by copy-cells.ts, the report sheet written by copy-report.ts, the package read
 * and written by src/xlsx.
 */
import { cellAddressRefusal, missingSheetRefusal, readRelationships, relationshipsPartOf, rootPrefix, type Refusal, type SheetEntry } from '../xlsx/ooxml';
import { PackageParts } from '../xlsx/parts';
import { addWorksheet, dropWorkbookPart, freeSheetName, internalRelationship, openWorkbook, saveWorkbook, setPrintArea, type WorkbookParts } from '../xlsx/workbook-parts';
import { PackageError, type Codec } from '../xlsx/zip';
import { PACKAGE_LIMITS, type PackageLimits } from '../xlsx/limits';
import { frozenStyles, namesOverManyCells, rewriteCalculatedColumns, rewriteNames, rewriteSheet, type FrozenStyles } from './copy-cells';
import type { FrozenValue, PortableItem, PortableLanguage } from './copy-items';
import { REPORT_PRINT_AREA, reportSheetXml, withFrozenNotes } from './copy-report';

export { PackageError } from '../xlsx/zip';
export { rewriteSheet, unescapeXml } from './copy-cells';
export type { FrozenValue, PortableItem, PortableLanguage } from './copy-items';

/**
 * check-workbook's limits, but half its total: the copy inflates every sheet it rewrites in the
 * pane's memory (the browser's, next to Excel's), as it did before the package module was shared.
 */
export const COPY_LIMITS: PackageLimits = { ...PACKAGE_LIMITS, maxInflated: 512 * 1024 * 1024 };

export interface PortableOptions {
  /** Replace every MKT formula by its saved value instead of translating it. */
  values?: boolean;
  lang?: PortableLanguage;
  /** The MKT version written on the report sheet (package.json's). */
  version: string;
  limits?: PackageLimits;
  /**
   * Values for frozen cells that saved none (a file written by a library), by "Sheet!A1": computed
   * outside Excel (the command's engine bridge), so that a frozen cell never comes out blank.
   */
  computed?: ReadonlyMap<string, FrozenValue>;
}

export interface PortableResult {
  bytes: Uint8Array;
  items: PortableItem[];
  reportSheet: string;
  /** External-link parts dropped because only MKT calls used them. */
  droppedLinks: string[];
}

/** Throws a refusal of the shared judgement (ooxml.ts) as the copy's error. */
function refuse(refusal: Refusal | undefined): void {
  if (refusal) throw new PackageError(refusal.message);
}

/** Adds to `found` the external workbooks ([n]) a part's formulas name. */
function linksNamed(xml: string, found: Set<number>): void {
  if (!xml.includes('[')) return;
  for (const m of xml.replace(/&quot;[\s\S]*?&quot;/g, '').matchAll(/\[(\d+)\]/g)) found.add(Number(m[1]));
}

/** What the copy has read and done so far, handed from step to step. */
interface Copy {
  parts: PackageParts;
  workbook: WorkbookParts;
  options: PortableOptions;
  lang: PortableLanguage;
  items: PortableItem[];
  multiCellNames: Set<string>;
  /** The styles part's name and text, and the tinted copies of the styles frozen cells had. */
  styles?: { part: string; xml: string; frozen: FrozenStyles };
  /** Cells whose formula was removed (frozen): the calculation chain then goes. */
  removedFormulas: number;
  /** External workbooks the formulas name ([1]!…), before and after: a link only MKT calls used goes. */
  linksBefore: Set<number>;
  linksAfter: Set<number>;
}

/** The workbook read, the parts check-workbook also refuses refused, the styles read for tinting. */
async function startCopy(parts: PackageParts, options: PortableOptions): Promise<Copy> {
  const workbook = await openWorkbook(parts);
  const shared = internalRelationship(workbook, 'sharedStrings');
  if (shared) await parts.text(shared.target); // refused as check-workbook refuses it (an XXE in the strings)
  const stylesRel = internalRelationship(workbook, 'styles');
  const stylesXml = stylesRel && parts.has(stylesRel.target) ? await parts.text(stylesRel.target) : undefined;
  const frozen = stylesXml === undefined ? undefined : frozenStyles(stylesXml);
  return {
    parts,
    workbook,
    options,
    lang: options.lang ?? 'fr',
    items: [],
    multiCellNames: namesOverManyCells(workbook.workbookXml),
    styles: frozen && { part: parts.entry(stylesRel!.target)!.name, xml: stylesXml!, frozen },
    removedFormulas: 0,
    linksBefore: new Set(),
    linksAfter: new Set(),
  };
}

/** The calculated columns of the tables on one sheet, rewritten in their parts. */
async function copyTables(copy: Copy, sheetPart: string, sheetName: string): Promise<void> {
  const sheetRels = await copy.parts.text(relationshipsPartOf(sheetPart));
  if (sheetRels === undefined) return;
  for (const table of readRelationships(sheetRels, sheetPart).filter((rel) => rel.kind === 'table' && !rel.external)) {
    const tableEntry = copy.parts.entry(table.target);
    const tableXml = tableEntry ? await copy.parts.text(table.target) : undefined;
    if (!tableEntry || tableXml === undefined) continue;
    const out = rewriteCalculatedColumns(tableXml, sheetName, table.target, copy.items, copy.multiCellNames);
    if (out !== undefined) copy.parts.write(tableEntry.name, out);
  }
}

/** One worksheet: refused as check-workbook refuses it, its tables and MKT formulas rewritten. */
async function copySheet(copy: Copy, { name, part }: SheetEntry & { part: string }): Promise<void> {
  const { parts, options } = copy;
  const entry = parts.entry(part);
  refuse(entry ? undefined : missingSheetRefusal(name, part));
  if (!entry) return;
  const xml = (await parts.text(part))!;
  refuse(cellAddressRefusal(name, xml));
  linksNamed(xml, copy.linksBefore);
  await copyTables(copy, part, name);
  if (!xml.includes('f')) {
    linksNamed(xml, copy.linksAfter);
    return;
  }
  const rewrite = rewriteSheet(xml, name, options.values === true, copy.multiCellNames, options.computed, options.values ? undefined : copy.styles?.frozen.tint);
  linksNamed(rewrite.xml, copy.linksAfter);
  if (rewrite.items.length === 0) return;
  copy.items.push(...rewrite.items);
  copy.removedFormulas += rewrite.removedFormulas;
  const frozen = options.values ? [] : rewrite.items.filter((i) => i.action === 'frozen' && !i.outside);
  parts.write(entry.name, withFrozenNotes(rewrite.xml, frozen, copy.lang, rootPrefix(xml, 'worksheet')));
}

/** The defined names that call MKT, translated. */
function copyNames(copy: Copy): void {
  const { workbook } = copy;
  linksNamed(workbook.workbookXml, copy.linksBefore);
  workbook.workbookXml = rewriteNames(workbook.workbookXml, copy.items, rootPrefix(workbook.workbookXml, 'workbook'));
  linksNamed(workbook.workbookXml, copy.linksAfter);
}

/** A calculation chain naming cells that no longer hold a formula makes Excel repair the file: it goes, Excel rebuilds it. */
function dropCalcChain(copy: Copy): void {
  const chain = internalRelationship(copy.workbook, 'calcChain');
  if (copy.removedFormulas > 0 && chain && copy.parts.has(chain.target)) dropWorkbookPart(copy.workbook, copy.parts, chain);
}

/**
 * External links that only MKT calls used (an add-in's .xla: Excel's security bar in a copy meant
 * to need nothing), from the last: dropping an earlier one would renumber the others' [n].
 * Returns the parts dropped.
 */
function dropMktOnlyLinks(copy: Copy): string[] {
  const { workbook, parts } = copy;
  const dropped: string[] = [];
  const references = [...workbook.workbookXml.matchAll(/<(?:[\w.-]+:)?externalReference\b([^>]*?)\/>/g)];
  for (let n = references.length; n >= 1 && copy.linksBefore.has(n) && !copy.linksAfter.has(n); n--) {
    const element = references[n - 1];
    const id = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(element[1])?.[1];
    const link = workbook.rels.find((rel) => rel.id === id && rel.kind === 'externalLink');
    if (!link || !parts.has(link.target)) break;
    workbook.workbookXml = workbook.workbookXml.replace(element[0], '');
    dropWorkbookPart(workbook, parts, link);
    const linkRels = parts.entry(relationshipsPartOf(link.target));
    if (linkRels) parts.drop(linkRels.name);
    dropped.push(link.target);
  }
  workbook.workbookXml = workbook.workbookXml.replace(/<([\w.-]+:)?externalReferences\b[^>]*>\s*<\/\1?externalReferences>/, '');
  return dropped;
}

/**
 * The portable copy of an .xlsx package. Throws PackageError for a file that is not a readable
 * workbook, and for the files check-workbook refuses (a DTD, a cell off the sheet, a part whose
 * checksum fails): both read a package with src/xlsx.
 */
export async function makePortableCopy(bytes: Uint8Array, codec: Codec, options: PortableOptions): Promise<PortableResult> {
  const parts = PackageParts.open(bytes, codec, { limits: options.limits ?? COPY_LIMITS, reader: 'the portable copy' });
  const copy = await startCopy(parts, options);
  const { workbook, items, lang } = copy;
  for (const sheet of workbook.sheets) if (sheet.kind === 'worksheet' && sheet.part !== undefined) await copySheet(copy, sheet as SheetEntry & { part: string });
  copyNames(copy);
  dropCalcChain(copy);
  const droppedLinks = dropMktOnlyLinks(copy);
  // The report sheet, in the workbook's own vocabulary (Strict or transitional) and prefixes.
  const reportSheet = freeSheetName(workbook, lang === 'fr' ? 'Copie portable' : 'Portable copy');
  addWorksheet(workbook, parts, reportSheet, reportSheetXml(items, lang, options, workbook.vocabulary.main));
  // Printed: the report's columns up to the reason (A:E), not the native formulas' text beyond.
  setPrintArea(workbook, reportSheet, workbook.sheets.length, REPORT_PRINT_AREA);
  if (copy.styles) {
    const stylesXml = copy.styles.frozen.xml();
    if (stylesXml !== copy.styles.xml) parts.write(copy.styles.part, stylesXml);
  }
  saveWorkbook(workbook, parts);
  return { bytes: await parts.toBytes(), items, reportSheet, droppedLinks };
}
