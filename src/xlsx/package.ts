/**
 * An .xlsx package in Node, for the tools that read or write what ExcelJS does not model
 * (dynamic-array formulas, Excel's stored names of custom functions): the parts of parts.ts with
 * zlib as the codec, a missing part an error, new parts dated alike so that the same content
 * gives the same bytes. Dev and CLI only (the pane uses parts.ts with the browser's codec).
 */
import { nodeCodec } from './node-codec';
import { mainPartOf, readRelationships, relationshipsPartOf, workbookSheets } from './ooxml';
import { PackageParts } from './parts';
import { readZip, zipDateTime } from './zip';

/** The date written on every new entry, so the same content gives the same bytes. */
export const FIXED_ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

export interface SheetPart {
  /** The sheet's name as Excel shows it. */
  name: string;
  /** Path of its XML part inside the zip, such as "xl/worksheets/sheet1.xml". */
  path: string;
}

/** Reads and writes the parts of an .xlsx package. */
export class XlsxPackage {
  private constructor(private readonly parts: PackageParts) {}

  /** Opens the bytes of an .xlsx file. Throws when they are no zip. */
  static async load(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(new PackageParts(readZip(bytes), nodeCodec));
  }

  /** A package with no part yet. */
  static empty(): XlsxPackage {
    return new XlsxPackage(new PackageParts([], nodeCodec));
  }

  /** A part's text; throws when the part is missing. */
  async readText(path: string): Promise<string> {
    const text = await this.parts.text(path);
    if (text === undefined) throw new Error(`the workbook has no part ${path}`);
    return text;
  }

  writeText(path: string, text: string): void {
    this.parts.write(path, text, zipDateTime(FIXED_ZIP_DATE));
  }

  /** The workbook part the package's relationships name. */
  async workbookPath(): Promise<string> {
    return mainPartOf(readRelationships((await this.parts.text('_rels/.rels')) ?? '', ''));
  }

  /** Every sheet with the path of its part, in the workbook's order. */
  async sheets(): Promise<SheetPart[]> {
    const workbookPath = await this.workbookPath();
    const workbook = await this.readText(workbookPath);
    const rels = readRelationships(await this.readText(relationshipsPartOf(workbookPath)), workbookPath);
    return workbookSheets(workbook, rels).flatMap((sheet) => (sheet.part === undefined ? [] : [{ name: sheet.name, path: sheet.part }]));
  }

  /** The zip's bytes: same parts, same order, same dates, so the same content gives the same bytes. */
  async toBuffer(): Promise<Buffer> {
    const bytes = await this.parts.toBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }
}
