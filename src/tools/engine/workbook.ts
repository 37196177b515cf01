/**
 * Reading an .xlsx file (ExcelJS) into what the engine needs: each sheet's cells as Excel holds
 * them, and the list of formula cells with their cached results. Reads only: the file is loaded
 * into memory and never opened for writing.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { HyperFormula, RawCellContent } from 'hyperformula';
import { toDottedForm } from '../../formula/mkt-calls';
import { createEngine, type SheetContents } from './engine';

/** A workbook that cannot be read; the message says what to do. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

export interface FormulaCell {
  sheet: string;
  /** A1 address, such as "F12". */
  cell: string;
  row: number;
  col: number;
  /**
   * As stored in the file, without "=" (English function names, commas), MKT calls in whichever
   * form the file has them (`_xldudf_MKT_ID(`, `MKT.ID(`, `[1]!…`); the engine gets toDottedForm.
   */
  formula: string;
  /** The value Excel (or the generator) saved with the formula, if any. */
  cached: unknown;
  /** The cells an array formula covers in the file, such as "F2:F6". */
  arrayRef?: string;
}

export interface WorkbookInput {
  sheetNames: string[];
  contents: SheetContents;
  formulas: FormulaCell[];
  names: Array<{ name: string; ref: string }>;
}

const XLSX_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip file
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // .xls, or an encrypted .xlsx

/**
 * Loads an .xlsx file. Throws WorkbookReadError when the file is missing, is not an .xlsx
 * workbook (a .csv, an old .xls) or is damaged.
 */
export async function readXlsxFile(path: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookReadError(`${path}: file not found; check the path.`);
    if (code === 'EISDIR') throw new WorkbookReadError(`${path}: is a folder; give the path of an .xlsx file.`);
    throw new WorkbookReadError(`${path}: cannot be read (${code ?? String(error)}).`);
  }
  if (bytes.subarray(0, 4).equals(OLE_SIGNATURE)) {
    throw new WorkbookReadError(
      `${basename(path)} is an Excel 97-2003 (.xls) or password-protected workbook; save it unprotected as "Excel Workbook (.xlsx)".`,
    );
  }
  if (!bytes.subarray(0, 4).equals(XLSX_SIGNATURE)) {
    throw new WorkbookReadError(
      `${basename(path)} is not an .xlsx workbook; open it in Excel and save it as "Excel Workbook (.xlsx)".`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookReadError(
      `${basename(path)} is damaged or not an .xlsx workbook (${firstLine(error)}); open it in Excel and save it again.`,
    );
  }
  if (workbook.worksheets.length === 0) {
    throw new WorkbookReadError(`${basename(path)} has no worksheet.`);
  }
  return workbook;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0].slice(0, 120);
}

/** Prefixes the file format puts on newer functions (`_xlfn.IFS`); Excel shows them without. */
const STORAGE_PREFIXES = /_xlfn\.|_xlws\./gi;

/** The formula as one would type it in an English Excel, without "=". */
export function normaliseFormula(formula: string): string {
  return formula.replace(STORAGE_PREFIXES, '');
}

// Days from Excel's day 0 (1899-12-30, leap-year bug included) to 1970-01-01.
const EXCEL_EPOCH_OFFSET_DAYS = 25569;

function textOf(value: unknown): string {
  const v = value as { richText?: Array<{ text: string }>; text?: unknown };
  if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join('');
  return typeof v.text === 'string' ? v.text : String(v.text ?? '');
}

/** A stored (non-formula) cell value as HyperFormula content: text stays text, even "1500". */
function toEngineContent(value: ExcelJS.CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : `'${value}`;
  if (value instanceof Date) return value.getTime() / 86_400_000 + EXCEL_EPOCH_OFFSET_DAYS;
  if (typeof value === 'object' && 'error' in value) return `=${value.error}`;
  return `'${textOf(value)}`;
}

function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}

/** 0-based row and column of an A1 address ("$F$12" too). */
export function parseA1(address: string): { row: number; col: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** Every 0-based cell of an A1 range such as "F2:F6". */
export function cellsOfRange(ref: string): Array<{ row: number; col: number }> {
  const [from, to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  const cells: Array<{ row: number; col: number }> = [];
  for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
    for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) cells.push({ row, col });
  }
  return cells;
}

/**
 * What the engine needs from a workbook. Merged cells other than the top-left one are blank (as
 * in Excel, though ExcelJS reports the top-left value for them), and the cells an array formula
 * spilled into are left blank for the engine to fill.
 */
export function toWorkbookInput(workbook: ExcelJS.Workbook): WorkbookInput {
  const contents: SheetContents = {};
  const formulas: FormulaCell[] = [];
  for (const sheet of workbook.worksheets) {
    const grid: RawCellContent[][] = [];
    const spilledInto = new Set<string>();
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const r = rowNumber - 1;
        const c = colNumber - 1;
        if (cell.type === ExcelJS.ValueType.Merge) return;
        grid[r] ??= [];
        if (cell.type !== ExcelJS.ValueType.Formula) {
          grid[r][c] = toEngineContent(cell.value);
          return;
        }
        const model = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const formula = normaliseFormula(cell.formula);
        const arrayRef = model.shareType === 'array' && model.ref ? model.ref : undefined;
        if (arrayRef) for (const at of cellsOfRange(arrayRef)) if (at.row !== r || at.col !== c) spilledInto.add(a1(at.row, at.col));
        formulas.push({ sheet: sheet.name, cell: a1(r, c), row: r, col: c, formula, cached: cell.result, arrayRef });
        // The engine knows MKT.ID only: every stored form of a call is handed to it as that.
        grid[r][c] = `=${toDottedForm(formula)}`;
      });
    });
    for (const address of spilledInto) {
      const { row, col } = parseA1(address);
      if (grid[row]) grid[row][col] = null;
    }
    let width = 0;
    for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0); // grid has holes
    contents[sheet.name] = Array.from({ length: grid.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null),
    );
  }
  const names = workbook.definedNames.model
    .filter(({ name, ranges }) => !name.startsWith('_xlnm') && ranges.length === 1)
    .map(({ name, ranges }) => ({ name, ref: ranges[0] }));
  return { sheetNames: workbook.worksheets.map((sheet) => sheet.name), contents, formulas, names };
}

/** An engine holding the workbook, every formula computed. Names the engine refuses are left out. */
export function createWorkbookEngine(input: WorkbookInput): HyperFormula {
  const engine = createEngine(input.contents);
  for (const { name, ref } of input.names) {
    if (engine.isItPossibleToAddNamedExpression(name, `=${ref}`)) engine.addNamedExpression(name, `=${ref}`);
  }
  return engine;
}
