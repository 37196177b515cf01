/**
 * An .xlsx file as the zip of XML parts it is, for the tools that must read or write what ExcelJS
 * does not model (dynamic-array formulas, Excel's stored names of custom functions). Uses the
 * JSZip that ExcelJS bundles, so nothing new ships. Dev and CLI only.
 */
import { dirname } from 'node:path';
import type JSZip from 'jszip';

type JSZipClass = typeof JSZip;

let jszip: JSZipClass | undefined;

/** ExcelJS's own copy of JSZip (the one whose defaults the example generator sets). */
export function excelJsZip(): JSZipClass {
  if (!jszip) {
    const path = require.resolve('jszip', { paths: [dirname(require.resolve('exceljs'))] });
    jszip = require(path) as JSZipClass;
  }
  return jszip;
}

/** The date written on every entry, so the same content gives the same bytes. */
export const FIXED_ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const OFFICE_REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetPart {
  /** The sheet's name as Excel shows it. */
  name: string;
  /** Path of its XML part inside the zip, such as "xl/worksheets/sheet1.xml". */
  path: string;
}

/** Reads and writes the parts of an .xlsx package. */
export class XlsxPackage {
  private constructor(private readonly zip: JSZip) {}

  /** Opens the bytes of an .xlsx file. Throws when they are no zip. */
  static async load(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await excelJsZip().loadAsync(bytes));
  }

  /** Part paths, in the zip's order. */
  paths(): string[] {
    return Object.values(this.zip.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name);
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /** A part's text; throws when the part is missing. */
  async readText(path: string): Promise<string> {
    const entry = this.zip.file(path);
    if (!entry) throw new Error(`the workbook has no part ${path}`);
    return entry.async('string');
  }

  writeText(path: string, text: string): void {
    this.zip.file(path, text, { date: FIXED_ZIP_DATE });
  }

  /** Every worksheet with the path of its part, in the workbook's order. */
  async sheets(): Promise<SheetPart[]> {
    const workbook = await this.readText('xl/workbook.xml');
    const rels = relationships(await this.readText('xl/_rels/workbook.xml.rels'));
    const sheets: SheetPart[] = [];
    for (const element of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
      const attrs = attributes(element);
      const id = Object.entries(attrs).find(([key]) => /(^|:)id$/.test(key) && key !== 'sheetId')?.[1];
      const target = id ? rels.get(id)?.target : undefined;
      if (attrs.name === undefined || target === undefined) continue;
      sheets.push({ name: unescapeXml(attrs.name), path: resolveTarget('xl/', target) });
    }
    return sheets;
  }

  /** The zip's bytes: same parts, same order, same dates, so the same content gives the same bytes. */
  async toBuffer(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a .rels part, by id. */
export function relationships(xml: string): Map<string, Relationship> {
  const map = new Map<string, Relationship>();
  for (const element of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const { Id, Type, Target } = attributes(element);
    if (Id && Type && Target) map.set(Id, { id: Id, type: Type, target: unescapeXml(Target) });
  }
  return map;
}

/** A relationship target as a path inside the zip ("worksheets/sheet1.xml" from xl/ → "xl/worksheets/sheet1.xml"). */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The attributes of one start tag, such as `<c r="A1" cm="1">`, values still XML-escaped. */
export function attributes(startTag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of startTag.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]] = m[2] ?? m[3];
  return attrs;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return XML_ENTITIES[entity] ?? whole;
  });
}

/** Escaped for element content: quotes stay as they are, as Excel writes them in `<f>`. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped for an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
