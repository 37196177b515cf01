/**
 * Recomputing a workbook's formulas outside Excel and reporting its MKT cells.
 */
import { DetailedCellError } from 'hyperformula';
import type { CellValue, HyperFormula } from 'hyperformula';
import { hasMktCall } from '../../formula/mkt-calls';
import { createWorkbookEngine, readXlsxFile, toWorkbookInput, type FormulaCell, type WorkbookInput } from './workbook';

export interface ErrorOutput {
  error: string;
  message: string;
}

/** A cell's value as reported: a spilled formula gives its whole array. */
export type CellOutput = number | string | boolean | null | ErrorOutput | CellOutput[][];

export interface MktCellReport {
  sheet: string;
  cell: string;
  /** With its leading "=". */
  formula: string;
  value: CellOutput;
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
  const whole = engine.calculateFormula(`=${formula.formula}`, sheet);
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
    .map((f) => ({ sheet: f.sheet, cell: f.cell, formula: `=${f.formula}`, value: formulaOutput(engine, f) }));
  return { input, engine, mktCells };
}

/** Reads an .xlsx file and recomputes its MKT cells. Throws WorkbookReadError for an unreadable file. */
export async function checkWorkbook(path: string): Promise<MktCellReport[]> {
  const workbook = await readXlsxFile(path);
  return recompute(toWorkbookInput(workbook)).mktCells;
}
