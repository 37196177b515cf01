/**
 * « Insérer l'exemple »: puts a shipped example (assets/examples/, copied beside the pane by
 * webpack) into the open workbook with `Workbook.insertWorksheetsFromBase64`, never over a sheet
 * of the user's.
 *
 * What the Office.js reference and its issues say, and what follows here:
 * - ExcelApi 1.13; Excel on the web, Windows and Mac, not iPad. Where the set is missing the pane
 *   offers the file instead (`exampleOffer`).
 * - Options: `positionType` (default "End"), `relativeTo`, `sheetNamesToInsert` (default: every
 *   sheet). The result is the inserted sheets' ids.
 * - Nothing documents what happens when an inserted sheet's name is already taken: the names are
 *   checked first (case-insensitive, as Excel compares them) and nothing is inserted on a clash.
 * - On the web, a source sheet with a chart, PivotTable, comment or slicer gives UnsupportedFeature
 *   (the examples have none); on the web the call also fails at times with a general error (office-js
 *   issues 3809, 6142): either way the pane offers the file.
 * - The source workbook's defined names come over broken (#REF!, office-js issues 3583, 4772): the
 *   examples define none.
 * - The sheets can be placed although the call reports an error (office-js issue 3179): after an
 *   error the names are read again, and an example that is there is reported inserted.
 *
 * Loaded on first use (deferred.ts): the pane's first step carries none of it.
 */
import type { ActionResult } from './types';

export type ExampleId = 'budget-tpe-fr' | 'budget-pme-qc';

export interface Example {
  id: ExampleId;
  /** Beside the pane: dist/assets/examples/<file>. */
  file: string;
  /** The example's sheets in order (test/excel/insert-example.test.ts reads them from the file). */
  sheets: readonly string[];
}

export const EXAMPLES: Record<ExampleId, Example> = {
  'budget-tpe-fr': { id: 'budget-tpe-fr', file: 'budget-tpe-fr.xlsx', sheets: ['À lire', 'Budget', 'Décision'] },
  'budget-pme-qc': {
    id: 'budget-pme-qc',
    file: 'budget-pme-qc.xlsx',
    sheets: ['À lire', 'Internalisation', 'Clients', 'Arbitrage', 'Arbitrage marginal', 'Pilote'],
  },
};

export interface ExampleOffer {
  example: Example;
  /** The file's address, for the link (absolute: openBrowserWindow wants one). */
  url: string;
  /** The host can insert sheets from a file (ExcelApi 1.13). */
  canInsert: boolean;
}

export type InsertedExample = { inserted: true; sheets: string[] } | { inserted: false; clashes: string[] };

/**
 * Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13). Feature-detected (`insertSupported`): the
 * manifest keeps ExcelApi 1.9, a host without 1.13 gets the file. Typed here rather than through
 * @types/office-js, whose every typed use test/manifest/requirements.test.ts counts as a set the
 * manifest must demand of every host.
 */
interface InsertingWorkbook {
  insertWorksheetsFromBase64(base64File: string, options?: { positionType?: 'End' | 'Beginning'; sheetNamesToInsert?: string[] }): unknown;
}

interface OfficeLike {
  context?: { requirements?: { isSetSupported?(name: string, version?: string): boolean } };
}
const globals = globalThis as { Office?: OfficeLike; document?: { baseURI?: string } };

/** Québec's example for a Québec profile, France's otherwise. */
export function exampleFor(market: string): Example {
  return EXAMPLES[market === 'QC' ? 'budget-pme-qc' : 'budget-tpe-fr'];
}

export function insertSupported(): boolean {
  try {
    return globals.Office?.context?.requirements?.isSetSupported?.('ExcelApi', '1.13') === true;
  } catch {
    return false;
  }
}

export async function exampleOffer(market: string, base = globals.document?.baseURI): Promise<ExampleOffer> {
  const example = exampleFor(market);
  const path = `assets/examples/${example.file}`;
  return { example, url: base ? new URL(path, base).href : path, canInsert: insertSupported() };
}

/** The sheets of the example a workbook already has a sheet for (Excel's names ignore case). */
export function clashingNames(example: Example, existing: readonly string[]): string[] {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase()));
  return example.sheets.filter((name) => taken.has(name.toLocaleLowerCase()));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Failure = Extract<ActionResult<never>, { status: 'error' }>;
const failure = (code: Failure['code'], message: string): Failure => ({ status: 'error', code, message });

/**
 * Fetches the example and inserts its sheets at the end of the workbook, then shows its first
 * sheet. Two syncs: the sheet names (and the workbook's protection), then the insert (+ 1 to read
 * the names again when the insert reports an error). On a clash nothing is inserted and the names
 * are given back. The error message is Excel's (the pane words
 * its own line around it).
 */
export async function insertExample(offer: ExampleOffer, load: (url: string) => Promise<Uint8Array> = fetchBytes): Promise<ActionResult<InsertedExample>> {
  if (!insertSupported()) return failure('unsupported', 'ExcelApi 1.13');
  let base64: string;
  try {
    base64 = toBase64(await load(offer.url));
  } catch (error) {
    return failure('sourceMissing', (error as Error).message);
  }
  let inserting = false;
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const protection = context.workbook.protection;
      protection.load('protected');
      await context.sync();
      if (protection.protected) return failure('protected', 'workbook structure protected');
      const clashes = clashingNames(offer.example, sheets.items.map((s) => s.name));
      if (clashes.length > 0) return { status: 'ok', value: { inserted: false, clashes } };
      inserting = true;
      (context.workbook as unknown as InsertingWorkbook).insertWorksheetsFromBase64(base64, { positionType: 'End' });
      sheets.getItem(offer.example.sheets[0]).activate();
      await context.sync();
      return { status: 'ok', value: { inserted: true, sheets: [...offer.example.sheets] } };
    });
  } catch (error) {
    if (inserting && (await placed(offer.example))) return { status: 'ok', value: { inserted: true, sheets: [...offer.example.sheets] } };
    const code = (error as { code?: string }).code;
    return failure(code === 'AccessDenied' ? 'protected' : code === 'UnsupportedFeature' ? 'unsupported' : 'unknown', (error as Error).message ?? String(code));
  }
}

/** Whether every sheet of the example is in the workbook (one sync); false when Excel cannot say. */
async function placed(example: Example): Promise<boolean> {
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return clashingNames(example, sheets.items.map((s) => s.name)).length === example.sheets.length;
    });
  } catch {
    return false;
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}
