/**
 * The workbook part and the two parts that go with it — its relationships and the package's
 * content types — as texts to change together: found through `_rels/.rels`, a part dropped with
 * its relationship and content type, a worksheet added in the workbook's own vocabulary (Strict
 * or transitional) and prefixes, and all three written back. Text in, text out, on parts.ts.
 */
import {
  escapeXml,
  isStrict,
  mainPartOf,
  prefixFor,
  readRelationships,
  relationshipsPartOf,
  STRICT,
  targetFrom,
  TRANSITIONAL,
  workbookSheets,
  type Relationship,
  type SheetEntry,
} from './ooxml';
import type { PackageParts } from './parts';
import { PackageError } from './zip';

const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CONTENT_TYPES = '[Content_Types].xml';

export interface WorkbookParts {
  /** The workbook part's name ("xl/workbook.xml" mostly). */
  mainPart: string;
  /** The three texts, as changed so far. */
  workbookXml: string;
  relsXml: string;
  typesXml: string;
  /** The workbook's relationships and sheets as the file had them. */
  rels: Relationship[];
  sheets: SheetEntry[];
  vocabulary: typeof STRICT | typeof TRANSITIONAL;
}

/** The workbook's parts; throws PackageError when the package has none (not an Excel workbook). */
export async function openWorkbook(parts: PackageParts): Promise<WorkbookParts> {
  const packageRels = await parts.text('_rels/.rels');
  const mainPart = mainPartOf(packageRels === undefined ? undefined : readRelationships(packageRels, ''));
  const relsPart = relationshipsPartOf(mainPart);
  if (!parts.has(mainPart) || !parts.has(relsPart) || !parts.has(CONTENT_TYPES)) {
    throw new PackageError('not an Excel workbook (no workbook part); save it as "Excel Workbook (.xlsx)"');
  }
  const workbookXml = (await parts.text(mainPart))!;
  const relsXml = (await parts.text(relsPart))!;
  const typesXml = (await parts.text(CONTENT_TYPES))!;
  const rels = readRelationships(relsXml, mainPart);
  const vocabulary = isStrict(workbookXml, rels) ? STRICT : TRANSITIONAL;
  return { mainPart, workbookXml, relsXml, typesXml, rels, sheets: workbookSheets(workbookXml, rels), vocabulary };
}

/** The workbook's own relationship (not an external one) of this kind: "styles", "calcChain"… */
export function internalRelationship(workbook: WorkbookParts, kind: string): Relationship | undefined {
  return workbook.rels.find((r) => r.kind === kind && !r.external);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Drops the part a relationship of the workbook points at, with the relationship and its content type. */
export function dropWorkbookPart(workbook: WorkbookParts, parts: PackageParts, rel: Relationship): void {
  workbook.relsXml = workbook.relsXml.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*\\bId="${escapeRegExp(rel.id)}"[^>]*/>`), '');
  workbook.typesXml = workbook.typesXml.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="/${escapeRegExp(rel.target)}"[^>]*/>`, 'i'), '');
  parts.drop(parts.entry(rel.target)?.name ?? rel.target);
}

/** `xml` with `piece` put before its last `</…local>` closing tag, whatever its prefix; undefined when there is none. */
export function beforeClosing(xml: string, local: string, piece: (prefix: string) => string): string | undefined {
  const closing = [...xml.matchAll(new RegExp(`</([\\w.-]+:)?${local}\\s*>`, 'g'))].pop();
  if (!closing) return undefined;
  return xml.slice(0, closing.index) + piece(closing[1] ?? '') + xml.slice(closing.index);
}

/** A sheet name not yet in the workbook: `base`, else `base (2)`, `base (3)`… */
export function freeSheetName(workbook: WorkbookParts, base: string): string {
  const taken = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  return name;
}

/** Where a new worksheet goes: a part beside the others, a free relationship id, the next sheetId. */
function newWorksheetPlace(workbook: WorkbookParts, parts: PackageParts): { part: string; relId: string; sheetId: number } {
  const worksheets = workbook.sheets.filter((s) => s.kind === 'worksheet' && s.part !== undefined);
  const mainFolder = workbook.mainPart.slice(0, workbook.mainPart.lastIndexOf('/') + 1);
  const first = worksheets[0]?.part;
  const sheetFolder = first ? first.slice(0, first.lastIndexOf('/') + 1) : `${mainFolder}worksheets/`;
  let partNumber = worksheets.length + 1;
  while (parts.has(`${sheetFolder}sheet${partNumber}.xml`)) partNumber++;
  const relIds = new Set(workbook.rels.map((r) => r.id));
  let relNumber = workbook.rels.length + 1;
  while (relIds.has(`rId${relNumber}`)) relNumber++;
  const sheetId = Math.max(0, ...workbook.sheets.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
  return { part: `${sheetFolder}sheet${partNumber}.xml`, relId: `rId${relNumber}`, sheetId };
}

/**
 * Adds a worksheet last (so that sheet-scoped names keep their index): its `<sheet>` in the
 * workbook, its relationship, its content type and its part, dated as the workbook part.
 */
export function addWorksheet(workbook: WorkbookParts, parts: PackageParts, name: string, sheetXml: string): void {
  const { part, relId, sheetId } = newWorksheetPlace(workbook, parts);
  const { relationships } = workbook.vocabulary;
  const declared = prefixFor(workbook.workbookXml, relationships);
  const idAttribute = declared ? `${declared}:id="${relId}"` : `xmlns:mktr="${relationships}" mktr:id="${relId}"`;
  const withSheet = beforeClosing(workbook.workbookXml, 'sheets', (sp) => `<${sp}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttribute}/>`);
  if (withSheet === undefined) throw new PackageError('not an Excel workbook (its workbook part lists no sheets); save it as "Excel Workbook (.xlsx)"');
  workbook.workbookXml = withSheet;
  const target = targetFrom(workbook.mainPart, part);
  workbook.relsXml =
    beforeClosing(workbook.relsXml, 'Relationships', (rp) => `<${rp}Relationship Id="${relId}" Type="${relationships}/worksheet" Target="${escapeXml(target)}"/>`) ??
    workbook.relsXml;
  workbook.typesXml =
    beforeClosing(workbook.typesXml, 'Types', (tp) => `<${tp}Override PartName="/${escapeXml(part)}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`) ?? workbook.typesXml;
  parts.write(part, sheetXml, parts.entry(workbook.mainPart));
}

/** Writes the workbook, its relationships and the content types back into the package. */
/**
 * A sheet's print area (`_xlnm.Print_Area`, scoped to the sheet by its position among the sheets),
 * e.g. `$A:$E`: what is printed, whatever text overflows beyond it.
 */
export function setPrintArea(workbook: WorkbookParts, sheetName: string, sheetIndex: number, area: string): void {
  const formula = `'${escapeXml(sheetName.replace(/'/g, "''"))}'!${area}`;
  const definedName = (p: string) => `<${p}definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex}">${formula}</${p}definedName>`;
  const withName = beforeClosing(workbook.workbookXml, 'definedNames', definedName);
  if (withName !== undefined) {
    workbook.workbookXml = withName;
    return;
  }
  // No names yet: the element comes right after <sheets> (CT_Workbook's order).
  const sheetsEnd = [...workbook.workbookXml.matchAll(/<\/([\w.-]+:)?sheets\s*>/g)].pop();
  if (!sheetsEnd) return;
  const p = sheetsEnd[1] ?? '';
  const at = sheetsEnd.index! + sheetsEnd[0].length;
  workbook.workbookXml = `${workbook.workbookXml.slice(0, at)}<${p}definedNames>${definedName(p)}</${p}definedNames>${workbook.workbookXml.slice(at)}`;
}

export function saveWorkbook(workbook: WorkbookParts, parts: PackageParts): void {
  parts.write(parts.entry(workbook.mainPart)!.name, workbook.workbookXml);
  parts.write(parts.entry(relationshipsPartOf(workbook.mainPart))!.name, workbook.relsXml);
  parts.write(parts.entry(CONTENT_TYPES)!.name, workbook.typesXml);
}
