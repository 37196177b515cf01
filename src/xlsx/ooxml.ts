/**
 * The package-level judgement both tools share (portable and check-workbook): which part is the
 * workbook, which parts are its sheets, and which files are refused. Namespace-agnostic: Strict
 * Open XML (`http://purl.oclc.org/ooxml/…`) and transitional names alike, any element prefix
 * (`<x:workbook>`, `ns0:`). Pure text in, plain values out (no zip, no I/O), so the pane's share
 * chunk and the command-line engine read a file the same way; the parts come from zip.ts and
 * parts.ts, and each tool turns a refusal into its own error.
 */

/** The two vocabularies a workbook may be written in. */
export const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
} as const;
export const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
} as const;

export interface Relationship {
  id: string;
  /** As written (a transitional or a Strict URI). */
  type: string;
  /** The type's last segment ("worksheet", "officeDocument", "calcChain", "externalLink"…). */
  kind: string;
  /** The part it points at, resolved from the source part (no leading "/"); the raw text when external. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The relationship id, and the prefix its attribute carries ("r" in r:id). */
  relId: string;
  relPrefix: string;
  /** The relationship's kind ("worksheet", "chartsheet", "dialogsheet"…), undefined when it is missing. */
  kind?: string;
  /** The part holding the sheet. */
  part?: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text with the five predefined entities and character references resolved. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Escaped for element content: quotes stay as they are, as Excel writes them in `<f>`. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped for an attribute value (and for element content). */
export function escapeXml(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

/** An element's attributes by local name (the prefix dropped), values decoded; `r:id` and the like also kept by their full name. */
export function attributesOf(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    const colon = m[1].indexOf(':');
    if (colon >= 0) found[m[1]] = value;
    const local = colon >= 0 ? m[1].slice(colon + 1) : m[1];
    // An unprefixed attribute wins over a prefixed one of the same local name (`id` over `r:id` is never both in Excel's files).
    if (colon < 0 || !(local in found)) found[local] = value;
  }
  return found;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; '' (the package) → `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, from the part that holds it. */
export function resolveTarget(base: string, target: string): string {
  const clean = target.replace(/\\/g, '/').replace(/[?#].*$/, '');
  if (clean.startsWith('/')) return clean.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of clean.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The target that reaches `part` from `base`'s relationships: relative when it is below base's folder, absolute otherwise. */
export function targetFrom(base: string, part: string): string {
  const folder = base.slice(0, base.lastIndexOf('/') + 1);
  return folder !== '' && part.startsWith(folder) ? part.slice(folder.length) : folder === '' ? part : `/${part}`;
}

function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The relationships a part's `.rels` holds, in order. `source` is the part they belong to ('' for the package). */
export function readRelationships(xml: string, source: string): Relationship[] {
  const found: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributesOf(m[1]);
    if (!a.Id || a.Target === undefined) continue;
    const type = a.Type ?? '';
    const external = (a.TargetMode ?? '').toLowerCase() === 'external';
    found.push({ id: a.Id, type, kind: type.slice(type.lastIndexOf('/') + 1), target: external ? a.Target : decodeUri(resolveTarget(source, a.Target)), external });
  }
  return found;
}

/** The workbook part named by the package's relationships (`_rels/.rels`); Excel's usual path when they name none. */
export function mainPartOf(packageRels: readonly Relationship[] | undefined): string {
  return packageRels?.find((r) => r.kind === 'officeDocument' && !r.external)?.target ?? 'xl/workbook.xml';
}

/** The prefix (with its colon, '' for none) an XML part gives its root element's name. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${localName}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** The prefix a part binds to a namespace (`xmlns:r="…"`), or undefined. */
export function prefixFor(xml: string, namespace: string): string | undefined {
  for (const m of xml.matchAll(/\sxmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) if (m[2] === namespace) return m[1];
  return undefined;
}

/** Whether the workbook is written in Strict Open XML (its main namespace, or its sheets' relationships). */
export function isStrict(workbookXml: string, rels: readonly Relationship[] = []): boolean {
  return workbookXml.includes(STRICT.main) || rels.some((r) => r.type.startsWith(STRICT.relationships));
}

/** The workbook's `<sheet>` entries, in tab order, with the part each one's relationship names. */
export function workbookSheets(workbookXml: string, rels: readonly Relationship[]): SheetEntry[] {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const prefixed = /\s([\w.-]+):id\s*=\s*["']([^"']*)["']/.exec(m[1]);
    const a = attributesOf(m[1]);
    const relId = prefixed ? decodeEntities(prefixed[2]) : (a.id ?? '');
    const rel = byId.get(relId);
    sheets.push({
      name: a.name ?? '',
      sheetId: Number(a.sheetId ?? 0),
      relId,
      relPrefix: prefixed?.[1] ?? 'r',
      ...(rel ? { kind: rel.kind, part: rel.target } : {}),
    });
  }
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// Refusals: the same files are refused by both tools, with the same words.

/** A refusal: `damaged` when the file is broken, otherwise hostile or past a limit. */
export interface Refusal {
  message: string;
  damaged: boolean;
}

/** Excel never writes a DTD; one is how entity expansion (billion laughs) and XXE get in. */
export function dtdRefusal(part: string, head: string): Refusal | undefined {
  return /<!DOCTYPE|<!ENTITY/i.test(head) ? { message: `declares a DTD in ${part} (<!DOCTYPE>), which Excel never writes; refused`, damaged: false } : undefined;
}

/** A part whose inflated bytes do not match the checksum the zip directory records. */
export function crcRefusal(part: string, expected: number, actual: number): Refusal | undefined {
  return expected !== actual ? { message: `part ${part} is damaged (its checksum does not match)`, damaged: true } : undefined;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Whether `r` is a cell address on the sheet (A1 to XFD1048576). */
export function isCellAddress(r: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(r);
  if (!m) return false;
  let col = 0;
  for (const letter of m[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL;
}

export function badCellRefusal(sheetName: string, r: string): Refusal {
  return { message: `${sheetName} has a cell at "${r.slice(0, 20)}", which is no cell address`, damaged: true };
}

/**
 * The first cell of a sheet part whose `r` is no cell address ("A0"), or a last cell left open,
 * as a refusal.
 */
export function cellAddressRefusal(sheetName: string, sheetXml: string): Refusal | undefined {
  let lastOpen = -1;
  let prefix = '';
  for (const m of sheetXml.matchAll(/<([\w.-]+:)?c\b([^>]*?)(\/?)>/g)) {
    const r = /\sr\s*=\s*["']([^"']*)["']/.exec(m[2]);
    if (r && !isCellAddress(r[1])) return badCellRefusal(sheetName, r[1]);
    if (m[3] !== '/') {
      lastOpen = m.index + m[0].length;
      prefix = m[1] ?? '';
    }
  }
  return lastOpen >= 0 && sheetXml.indexOf(`</${prefix}c>`, lastOpen) < 0 ? unclosedCellRefusal(sheetName) : undefined;
}

export function unclosedCellRefusal(sheetName: string): Refusal {
  return { message: `a cell of ${sheetName} is not closed`, damaged: true };
}

/** A worksheet the workbook lists whose part is not in the package. */
export function missingSheetRefusal(sheetName: string, part: string): Refusal {
  return { message: `the part ${part} of the sheet ${sheetName} is missing`, damaged: true };
}
