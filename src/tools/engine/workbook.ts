/**
 * Reading an .xlsx file (ExcelJS) into what the engine needs: each sheet's cells as Excel holds
 * them, and the list of formula cells with their cached results. Reads only: the file is loaded
 * into memory and never opened for writing.
 */
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { HyperFormula, RawCellContent } from 'hyperformula';
import { toDottedForm } from '../../formula/mkt-calls';
import { createEngine, type SheetContents } from './engine';
import { formulaBeyondEngine, identifiersOf, isUnion, toEngineText } from './formula-text';
import { LIMITS, formatBytes } from './limits';
import { readWorkbookPackage } from './xlsx-reader';
import { PackageError } from '../../xlsx/zip';

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
  /** Why the file's formula cannot be read as one (a shared formula without its master cell...). */
  problem?: string;
}

/** A cell that holds something; the sheets are kept sparse, never as their bounding box. */
export interface SheetCell {
  /** 0-based. */
  row: number;
  col: number;
  content: RawCellContent;
}

/** A defined name as the file stores it; `sheet` for a name scoped to one sheet. */
export interface DefinedName {
  name: string;
  /** Without "=", as stored (English function names, commas). */
  formula: string;
  sheet?: string;
}

export interface WorkbookInput {
  sheetNames: string[];
  contents: Record<string, SheetCell[]>;
  formulas: FormulaCell[];
  names: DefinedName[];
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
 * Loads an .xlsx file from a user, within LIMITS: a regular file only (a FIFO or a device such
 * as /dev/zero is refused before it is read), its package read by the bounded reader. Throws
 * WorkbookReadError with what to do.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookInput> {
  const name = basename(path);
  let bytes: Buffer;
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait; it is refused just below.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookReadError(`${path}: file not found; check the path.`);
    if (code === 'EISDIR') throw new WorkbookReadError(`${path}: is a folder; give the path of an .xlsx file.`);
    throw new WorkbookReadError(`${path}: cannot be read (${code ?? String(error)}).`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookReadError(`${path}: is a folder; give the path of an .xlsx file.`);
    if (!stat.isFile()) throw new WorkbookReadError(`${name} is not a regular file (a pipe, a device or a socket); give the path of a saved .xlsx file.`);
    if (stat.size > LIMITS.fileBytes) {
      throw new WorkbookReadError(`${name} is ${formatBytes(stat.size)}, larger than the ${formatBytes(LIMITS.fileBytes)} check-workbook reads.`);
    }
    bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    bytes = bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  } finally {
    await handle.close();
  }
  checkSignature(name, bytes);
  try {
    return readWorkbookPackage(bytes);
  } catch (error) {
    if (error instanceof PackageError && error.damaged) {
      throw new WorkbookReadError(`${name} is damaged or not an .xlsx workbook (${error.message}); open it in Excel and save it again.`);
    }
    if (error instanceof PackageError) throw new WorkbookReadError(`${name} ${error.message}.`);
    throw new WorkbookReadError(`${name} is damaged or not an .xlsx workbook (${firstLine(error)}); open it in Excel and save it again.`);
  }
}

function checkSignature(name: string, bytes: Buffer): void {
  if (bytes.subarray(0, 4).equals(OLE_SIGNATURE)) {
    throw new WorkbookReadError(
      `${name} is an Excel 97-2003 (.xls) or password-protected workbook; save it unprotected as "Excel Workbook (.xlsx)".`,
    );
  }
  if (!bytes.subarray(0, 4).equals(XLSX_SIGNATURE)) {
    throw new WorkbookReadError(`${name} is not an .xlsx workbook; open it in Excel and save it as "Excel Workbook (.xlsx)".`);
  }
}

/**
 * What the engine needs from a workbook built or loaded with ExcelJS (examples, tests: trusted
 * files; a user's file goes through readWorkbookFile). Merged cells other than the top-left one
 * are blank (as in Excel, though ExcelJS reports the top-left value for them), and the cells an
 * array formula spilled into are left blank for the engine to fill.
 */
export function toWorkbookInput(workbook: ExcelJS.Workbook): WorkbookInput {
  const contents: WorkbookInput['contents'] = {};
  const formulas: FormulaCell[] = [];
  for (const sheet of workbook.worksheets) {
    const cells = new Map<string, SheetCell>();
    const spilledInto = new Set<string>();
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const r = rowNumber - 1;
        const c = colNumber - 1;
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (cell.type !== ExcelJS.ValueType.Formula) {
          const content = toEngineContent(cell.value);
          if (content !== null) cells.set(a1(r, c), { row: r, col: c, content });
          return;
        }
        const model = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const formula = normaliseFormula(cell.formula);
        const arrayRef = model.shareType === 'array' && model.ref ? model.ref : undefined;
        if (arrayRef) for (const at of cellsOfRange(arrayRef)) if (at.row !== r || at.col !== c) spilledInto.add(a1(at.row, at.col));
        formulas.push({ sheet: sheet.name, cell: a1(r, c), row: r, col: c, formula, cached: cell.result, arrayRef });
        // The engine knows MKT.ID only: every stored form of a call is handed to it as that.
        cells.set(a1(r, c), { row: r, col: c, content: `=${toEngineText(toDottedForm(formula))}` });
      });
    });
    for (const address of spilledInto) cells.delete(address);
    contents[sheet.name] = [...cells.values()];
  }
  const names = workbook.definedNames.model
    .filter(({ name }) => !name.startsWith('_xlnm'))
    .map(({ name, ranges }) => ({ name, formula: ranges.join(',') }));
  return { sheetNames: workbook.worksheets.map((sheet) => sheet.name), contents, formulas, names };
}

// Sum of row lengths handed to the engine at once: it walks every slot of a row up to its last
// cell, so a cell far right on many rows goes in afterwards, one by one, instead.
const SLOT_BUDGET = 32_000_000;

/** What a cell that the engine is not given shows instead, with why. */
export interface Withheld {
  status: 'beyond-engine' | 'unsupported-name' | 'damaged';
  message: string;
}

export interface WorkbookEngine {
  engine: HyperFormula;
  /** Formula cells kept from the engine, by "Sheet!A1". */
  withheld: Map<string, Withheld>;
}

/** Where a formula cell is, as a key of `withheld`. */
export function cellKey(f: { sheet: string; cell: string }): string {
  return `${f.sheet}!${f.cell}`;
}

/**
 * An engine holding the workbook, every formula computed. A formula the engine cannot evaluate
 * (too deep, too long, a range too large, a damaged shared formula) or that uses a name the
 * engine cannot express is withheld: its cell is blank for the engine, and `withheld` says why.
 */
export function createWorkbookEngine(input: WorkbookInput): HyperFormula {
  return buildWorkbookEngine(input).engine;
}

export function buildWorkbookEngine(input: WorkbookInput): WorkbookEngine {
  const withheld = new Map<string, Withheld>();
  const unsupported = unsupportedNames(input);
  for (const f of input.formulas) {
    const why: Withheld | undefined = f.problem
      ? { status: 'damaged', message: f.problem }
      : withheldForName(f, unsupported) ?? beyond(f.formula);
    if (why) withheld.set(cellKey(f), why);
  }
  const sheets: SheetContents = {};
  const later: Array<{ sheet: string; cell: SheetCell }> = [];
  for (const name of input.sheetNames) {
    const grid: RawCellContent[][] = [];
    let slots = 0;
    let height = 0;
    for (const cell of input.contents[name] ?? []) height = Math.max(height, cell.row + 1);
    const empty: RawCellContent[] = [];
    for (let r = 0; r < height; r++) grid.push(empty);
    for (const cell of input.contents[name] ?? []) {
      // A withheld formula is an error for the engine, so that no cell using it computes from a blank.
      const content = isWithheld(withheld, name, cell) ? '=#VALUE!' : cell.content;
      if (content === null) continue;
      let row = grid[cell.row];
      const grows = Math.max(0, cell.col + 1 - row.length);
      if (slots + grows > SLOT_BUDGET) {
        later.push({ sheet: name, cell: { ...cell, content } });
        continue;
      }
      if (row === empty) grid[cell.row] = row = [];
      slots += grows;
      row[cell.col] = content;
    }
    sheets[name] = grid;
  }
  const engine = createEngine(sheets);
  for (const name of input.names) {
    if (unsupported.get(nameKey(name.name, name.sheet))) continue;
    const scope = name.sheet === undefined ? undefined : engine.getSheetId(name.sheet);
    engine.addNamedExpression(name.name, `=${toEngineText(toDottedForm(normaliseFormula(name.formula)))}`, scope);
  }
  if (later.length > 0) {
    // Evaluation suspended rather than batch(): a batch keeps an undo entry whose cost grows with each cell.
    engine.suspendEvaluation();
    for (const { sheet, cell } of later) engine.setCellContents({ sheet: engine.getSheetId(sheet)!, row: cell.row, col: cell.col }, cell.content);
    engine.resumeEvaluation();
  }
  return { engine, withheld };
}

function isWithheld(withheld: Map<string, Withheld>, sheet: string, cell: SheetCell): boolean {
  return withheld.size > 0 && typeof cell.content === 'string' && cell.content.startsWith('=') && withheld.has(`${sheet}!${a1(cell.row, cell.col)}`);
}

function beyond(formula: string): Withheld | undefined {
  const why = formulaBeyondEngine(formula);
  return why ? { status: 'beyond-engine', message: `not computed: ${why}; Excel's value is not known here` } : undefined;
}

function nameKey(name: string, sheet?: string): string {
  return `${sheet ?? ''}!${name.toUpperCase()}`;
}

/** Names the engine cannot hold as Excel reads them, with why, by nameKey. */
function unsupportedNames(input: WorkbookInput): Map<string, string | null> {
  const unsupported = new Map<string, string | null>();
  if (input.names.length === 0) return unsupported;
  // A scratch engine with the sheets only, to ask whether each name can be added.
  const probe = createEngine(Object.fromEntries(input.sheetNames.map((name) => [name, []])));
  for (const name of input.names) {
    const formula = toEngineText(toDottedForm(normaliseFormula(name.formula)));
    const scope = name.sheet === undefined ? undefined : probe.getSheetId(name.sheet);
    let why: string | undefined;
    if (isUnion(formula)) why = 'is a union of areas';
    else if (/\[\d+\]/.test(formula)) why = 'refers to another workbook';
    else if (formulaBeyondEngine(formula)) why = formulaBeyondEngine(formula);
    else {
      try {
        if (!probe.isItPossibleToAddNamedExpression(name.name, `=${formula}`, scope)) why = 'cannot be expressed in the engine (a relative reference, or a name Excel allows and the engine does not)';
        else probe.addNamedExpression(name.name, `=${formula}`, scope);
      } catch (error) {
        why = `cannot be expressed in the engine (${String((error as Error).message ?? error).split('\n')[0].slice(0, 80)})`;
      }
    }
    // A local name the engine holds is kept too (as null): on its sheet it hides a global one.
    unsupported.set(nameKey(name.name, name.sheet), why ? `${name.name} (=${formula.slice(0, 60)}) ${why}` : null);
  }
  return unsupported;
}

/** A formula using a name that the engine cannot hold: on its sheet, a local name wins over a global one. */
function withheldForName(f: FormulaCell, unsupported: Map<string, string | null>): Withheld | undefined {
  if (unsupported.size === 0) return undefined;
  for (const id of identifiersOf(f.formula)) {
    const local = unsupported.get(nameKey(id, f.sheet));
    const why = local !== undefined ? local : unsupported.get(nameKey(id));
    if (why) return { status: 'unsupported-name', message: `not computed: the name ${why}; Excel's value is not known here` };
  }
  return undefined;
}
