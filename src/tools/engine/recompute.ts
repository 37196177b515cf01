/**
 * Recomputing a workbook's formulas outside Excel and reporting its MKT cells.
 */
import { DetailedCellError } from 'hyperformula';
import type { CellValue, HyperFormula } from 'hyperformula';
import { findMktCalls, hasMktCall, toDottedForm, type MktCallSite } from '../../formula/mkt-calls';
import { createWorkbookEngine, readXlsxFile, toWorkbookInput, type FormulaCell, type WorkbookInput } from './workbook';

export interface ErrorOutput {
  error: string;
  message: string;
}

/** A cell's value as reported: a spilled formula gives its whole array. */
export type CellOutput = number | string | boolean | null | ErrorOutput | CellOutput[][];

/**
 * How an MKT cell is stored, which says whether Excel will calculate it once MKT is loaded:
 * - `bound`: `_xldudf_MKT_ID(`, as Excel saves a call it bound to the add-in: it computes;
 * - `typed-without-mkt`: the plain `MKT.ID(` form (or `_xludf.MKT.ID(`), which a formula typed
 *   while MKT was not loaded leaves: Excel keeps #NAME? until the formula is re-entered;
 * - `other-file`: behind a workbook prefix (`[1]!_xldudf_MKT_ID(`), a link to another add-in's
 *   file: Excel keeps #NAME? until it is repaired;
 * - `unknown-function`: a name after MKT that is no MKT function: #NAME? until it is corrected.
 * A formula mixing forms gets the first of other-file, unknown-function, typed-without-mkt.
 */
export type StorageStatus = 'bound' | 'typed-without-mkt' | 'other-file' | 'unknown-function';

export const STORAGE_STATUSES: readonly StorageStatus[] = ['bound', 'typed-without-mkt', 'other-file', 'unknown-function'];

/** The storage status of a formula's MKT calls (read with the shared reader). */
export function storageStatusOf(calls: readonly MktCallSite[]): StorageStatus {
  if (calls.some((c) => c.form === 'external')) return 'other-file';
  if (calls.some((c) => !c.known)) return 'unknown-function';
  if (calls.some((c) => c.form === 'dotted')) return 'typed-without-mkt';
  return 'bound';
}

/** Whether Excel calculates a cell stored this way once MKT is loaded. */
export function computesInExcel(status: StorageStatus): boolean {
  return status === 'bound';
}

export interface MktCellReport {
  sheet: string;
  cell: string;
  /** As stored in the file, with a leading "=". */
  formula: string;
  /** What MKT computes for it; for a spilled result, the whole array (the cell is its anchor). */
  value: CellOutput;
  /** How it is stored, which says whether Excel calculates it. */
  status: StorageStatus;
  /** The error the file saved for the cell (`#NAME?` for one Excel had not bound), when MKT computes something else. */
  savedError?: string;
}

/** The error code a formula's saved value holds, if it is an error. */
function savedErrorOf(cached: unknown): string | undefined {
  if (typeof cached !== 'object' || cached === null || !('error' in cached)) return undefined;
  const error = (cached as { error: unknown }).error;
  return typeof error === 'string' ? error : undefined;
}

/** Whether a formula calls an MKT function, in any stored form (the shared reader, src/formula). */
export function isMktFormula(formula: string): boolean {
  return hasMktCall(formula);
}

export function outputOf(value: CellValue): CellOutput {
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message ?? '' };
  return value;
}

/** The value a formula cell shows in the engine; an array formula anchored there gives the whole array. */
export function formulaOutput(engine: HyperFormula, formula: FormulaCell): CellOutput {
  const sheet = engine.getSheetId(formula.sheet)!;
  const address = { sheet, row: formula.row, col: formula.col };
  const value = engine.getCellValue(address);
  if (value instanceof DetailedCellError || !engine.isCellPartOfArray(address)) return outputOf(value);
  // The anchor holds the array's first value only; evaluate the formula again for all of it.
  const whole = engine.calculateFormula(`=${toDottedForm(formula.formula)}`, sheet);
  return Array.isArray(whole) ? whole.map((row) => row.map(outputOf)) : outputOf(whole);
}

export interface Recomputed {
  input: WorkbookInput;
  engine: HyperFormula;
  mktCells: MktCellReport[];
}

/** Every formula computed; MKT cells listed in sheet order, then row by row. */
export function recompute(input: WorkbookInput): Recomputed {
  const engine = createWorkbookEngine(input);
  const order = new Map(input.sheetNames.map((name, i) => [name, i]));
  const mktCells = input.formulas
    .filter((f) => isMktFormula(f.formula))
    .sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)! || a.row - b.row || a.col - b.col)
    .map((f) => {
      const report: MktCellReport = {
        sheet: f.sheet,
        cell: f.cell,
        formula: `=${f.formula}`,
        value: formulaOutput(engine, f),
        status: storageStatusOf(findMktCalls(f.formula)),
      };
      const saved = savedErrorOf(f.cached);
      const computed = report.value !== null && typeof report.value === 'object' && !Array.isArray(report.value) ? report.value.error : undefined;
      if (saved && saved !== computed) report.savedError = saved;
      return report;
    });
  return { input, engine, mktCells };
}

/** Reads an .xlsx file and recomputes its MKT cells. Throws WorkbookReadError for an unreadable file. */
export async function checkWorkbook(path: string): Promise<MktCellReport[]> {
  const workbook = await readXlsxFile(path);
  return recompute(toWorkbookInput(workbook)).mktCells;
}
