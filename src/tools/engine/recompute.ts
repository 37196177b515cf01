/**
 * Recomputing a workbook's formulas outside Excel and reporting its MKT cells.
 */
import { DetailedCellError } from 'hyperformula';
import type { CellValue, HyperFormula } from 'hyperformula';
import { evaluateDirect, planDirect } from './direct-mkt';
import { buildWorkbookEngine, cellKey, readWorkbookFile, type FormulaCell, type Withheld, type WorkbookInput } from './workbook';

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
  /**
   * "computed" when the engine computed the cell; otherwise why not, the value then being an
   * error whose message says so: "beyond-engine" (a formula too deep, too long or over too large
   * a range), "unsupported-name" (a defined name the engine cannot express), "damaged".
   */
  status: CellStatus;
}

export type CellStatus = 'computed' | Withheld['status'];

const STRING_LITERALS = /"(?:[^"]|"")*"/g;
const MKT_CALL = /(^|[^A-Za-z0-9_.])MKT\.[A-Za-z_][A-Za-z0-9_]*\s*\(/i;

/**
 * Whether a formula calls an MKT function (a mention inside a text literal does not count). The
 * one place check-workbook recognises MKT formulas: the shared reader (src/formula/) replaces it.
 */
export function isMktFormula(formula: string): boolean {
  return MKT_CALL.test(formula.replace(STRING_LITERALS, '""'));
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

function reportOf(engine: HyperFormula, f: FormulaCell, withheld: Withheld | undefined): MktCellReport {
  const formula = `=${f.formula}`;
  if (withheld) return { sheet: f.sheet, cell: f.cell, formula, value: { error: '#VALUE!', message: withheld.message }, status: withheld.status };
  return { sheet: f.sheet, cell: f.cell, formula, value: formulaOutput(engine, f), status: 'computed' };
}

/** Every formula computed; MKT cells listed in sheet order, then row by row. */
export function recompute(input: WorkbookInput): Recomputed {
  const { engine, withheld } = buildWorkbookEngine(input);
  const order = new Map(input.sheetNames.map((name, i) => [name, i]));
  const mktCells = input.formulas
    .filter((f) => isMktFormula(f.formula))
    .sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)! || a.row - b.row || a.col - b.col)
    .map((f) => reportOf(engine, f, withheld.get(cellKey(f))));
  return { input, engine, mktCells };
}

/**
 * The MKT cells of a workbook, as recompute() gives them, at less cost: an MKT cell that is one
 * call over literals and stored values, read by no other formula, is computed without the engine
 * (direct-mkt.ts); the engine is built for the other formulas only, and not at all when none is left.
 */
export function recomputeMktCells(input: WorkbookInput): MktCellReport[] {
  const isMkt = (f: FormulaCell) => isMktFormula(f.formula);
  const plan = planDirect(input, isMkt);
  const built = plan.count < input.formulas.length ? buildWorkbookEngine(plan.count === 0 ? input : withoutDirect(input, plan.direct)) : undefined;
  const order = new Map(input.sheetNames.map((name, i) => [name, i]));
  const mkt: number[] = [];
  input.formulas.forEach((f, i) => {
    if (isMkt(f)) mkt.push(i);
  });
  const at = (i: number) => input.formulas[i];
  mkt.sort((a, b) => order.get(at(a).sheet)! - order.get(at(b).sheet)! || at(a).row - at(b).row || at(a).col - at(b).col);
  return mkt.map((i) => {
    const f = at(i);
    if (plan.direct[i]) return { sheet: f.sheet, cell: f.cell, formula: `=${f.formula}`, value: evaluateDirect(f, plan), status: 'computed' as const };
    return reportOf(built!.engine, f, built!.withheld.get(cellKey(f)));
  });
}

/** The workbook less the formula cells computed directly (their cells left out for the engine). */
function withoutDirect(input: WorkbookInput, direct: Uint8Array): WorkbookInput {
  const left = new Map<string, Set<number>>();
  input.formulas.forEach((f, i) => {
    if (!direct[i]) return;
    let keys = left.get(f.sheet);
    if (!keys) left.set(f.sheet, (keys = new Set()));
    keys.add(f.row * 16_384 + f.col);
  });
  const contents: WorkbookInput['contents'] = {};
  for (const sheet of input.sheetNames) {
    const keys = left.get(sheet);
    contents[sheet] = keys ? input.contents[sheet].filter((c) => !keys.has(c.row * 16_384 + c.col)) : input.contents[sheet];
  }
  return { ...input, contents, formulas: input.formulas.filter((_, i) => !direct[i]) };
}

/** Reads an .xlsx file within LIMITS and recomputes its MKT cells. Throws WorkbookReadError for an unreadable file. */
export async function checkWorkbook(path: string): Promise<MktCellReport[]> {
  return recomputeMktCells(await readWorkbookFile(path));
}
