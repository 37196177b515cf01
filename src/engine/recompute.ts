/**
 * Recomputing a workbook's formulas outside Excel and reporting its MKT cells.
 */
import { DetailedCellError } from 'hyperformula';
import type { CellValue, HyperFormula } from 'hyperformula';
import { findMktCalls, hasMktCall, toDottedForm, type MktCallSite } from '../formula/mkt-calls';
import type { CellOutput } from './cell-output';
import { evaluateDirect, planDirect } from './direct-mkt';
import { toEngineText } from './formula-text';
import { keepMktPrecedents } from './precedents';
import { buildWorkbookEngine, cellKey, type FormulaCell, type Withheld, type WorkbookInput } from './workbook';
import { readWorkbookFile } from './workbook-file';

export type { CellOutput, ErrorOutput } from './cell-output';

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
  /** How it is stored, which says whether Excel calculates it (issue 8's storage status). */
  storage: StorageStatus;
  /**
   * Whether MKT could compute the value here: "computed"; otherwise why not, the value then being
   * a #VALUE! whose message says so: "beyond-engine" (a formula too deep, too long or over too
   * large a range), "unsupported-name" (a defined name the engine cannot express), "damaged".
   */
  status: CellStatus;
  /** The error the file saved for the cell (`#NAME?` for one Excel had not bound), when MKT computes something else. */
  savedError?: string;
}

export type CellStatus = 'computed' | Withheld['status'];

/** The error code a formula's saved value holds, if it is an error (`{ error }` from ExcelJS, `=#X` from the bounded reader). */
function savedErrorOf(cached: unknown): string | undefined {
  if (typeof cached === 'string') return cached.startsWith('=#') ? cached.slice(1) : undefined;
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
  const whole = engine.calculateFormula(`=${toEngineText(toDottedForm(formula.formula))}`, sheet);
  return Array.isArray(whole) ? whole.map((row) => row.map(outputOf)) : outputOf(whole);
}

export interface Recomputed {
  input: WorkbookInput;
  engine: HyperFormula;
  mktCells: MktCellReport[];
}

/** A cell's report from the value MKT gives it (or why it could not), its storage and saved error. */
function reportWith(f: FormulaCell, value: CellOutput, status: CellStatus): MktCellReport {
  const report: MktCellReport = { sheet: f.sheet, cell: f.cell, formula: `=${f.formula}`, value, storage: storageStatusOf(findMktCalls(f.formula)), status };
  const saved = savedErrorOf(f.cached);
  const computed = value !== null && typeof value === 'object' && !Array.isArray(value) ? value.error : undefined;
  if (saved && (status !== 'computed' || saved !== computed)) report.savedError = saved;
  return report;
}

function reportOf(engine: HyperFormula, f: FormulaCell, withheld: Withheld | undefined): MktCellReport {
  if (withheld) return reportWith(f, { error: '#VALUE!', message: withheld.message }, withheld.status);
  const value = formulaOutput(engine, f);
  const beyond = beyondEngine(value);
  return beyond ? reportWith(f, { error: '#VALUE!', message: beyond }, 'beyond-engine') : reportWith(f, value, 'computed');
}

/**
 * Why a value the engine gave is not Excel's, or undefined when it is: the engine could not parse
 * the formula or one it reads (`#ERROR!`: a structured reference, `A1#`, a 3-D reference, LAMBDA),
 * has no such function (INDIRECT, LET), or was handed several values where MKT reads one, which
 * Excel lifts the call over (a dynamic-array formula) or intersects (a plain one).
 */
export function beyondEngine(value: CellOutput): string | undefined {
  const errors = Array.isArray(value) ? value.flat() : [value];
  for (const v of errors) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    if (v.error === '#ERROR!') return `not computed: the engine cannot read this formula or one it uses (${v.message.split('\n')[0].slice(0, 80)}); Excel's value is not known here`;
    const missing = /^Function name (.+) not recognized\.?$/.exec(v.message);
    if (v.error === '#NAME?' && missing) return `not computed: the engine has no function ${missing[1]}; Excel's value is not known here`;
    if (/une seule valeur est attendue, pas une plage|one value is expected, not a range/.test(v.message)) {
      return "not computed: several values where MKT reads one; Excel computes the call for each (a dynamic-array formula) or takes the value on the formula's row (a plain one); Excel's value is not known here";
    }
  }
  return undefined;
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
 * The MKT cells of a workbook, as recompute() gives them, at less cost: only the MKT cells and
 * the formulas they read are computed (precedents.ts), none when there is no MKT cell; an MKT cell that is one
 * call over literals and stored values, read by no other formula, is computed without the engine
 * (direct-mkt.ts); the engine is built for the other formulas only, and not at all when none is left.
 */
export function recomputeMktCells(whole: WorkbookInput): MktCellReport[] {
  const isMkt = (f: FormulaCell) => isMktFormula(f.formula);
  // No MKT formula: nothing to compute, and no engine to build.
  if (!whole.formulas.some(isMkt)) return [];
  // Only the MKT cells and the formulas they read; the others hold their saved values.
  const input = keepMktPrecedents(whole, isMkt);
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
    if (plan.direct[i]) {
      const value = evaluateDirect(f, plan);
      const beyond = beyondEngine(value);
      return beyond ? reportWith(f, { error: '#VALUE!', message: beyond }, 'beyond-engine') : reportWith(f, value, 'computed');
    }
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
