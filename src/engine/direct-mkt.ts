/**
 * MKT cells computed without the engine, when that gives the engine's own answer: the formula is
 * one MKT call whose arguments are literals or references to stored values (no formula, no blank
 * a spill could fill), and no formula left to the engine reads the cell. A sheet of a million
 * such rows then costs the cells, not the engine's graph (about 1 KB a formula).
 *
 * The call is recognised by the shared reader of MKT calls (src/formula/mkt-calls.ts), so every
 * stored form (`_xldudf_MKT_ID(`, `MKT.ID(`, French names, `[1]!…`) takes this path as the engine's.
 */
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { findMktCalls } from '../formula/mkt-calls';
import { MKT_FUNCTIONS, callMktOutsideEngine, excelErrorCode } from './mkt-plugin';
import type { CellOutput } from './cell-output';
import type { FormulaCell, SheetCell, WorkbookInput } from './workbook';

type Argument =
  | { kind: 'empty' }
  | { kind: 'value'; value: number | string | boolean }
  | { kind: 'range'; sheet: string; top: number; left: number; bottom: number; right: number; single: boolean };

interface DirectCall {
  id: string;
  args: Argument[];
}

const MAX_COL = 16_384;
const MAX_DIRECT_RANGE = 10_000;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function cellOf(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  let col = 0;
  for (const letter of m[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 && row <= 1_048_576 && col >= 1 && col <= MAX_COL ? { row: row - 1, col: col - 1 } : undefined;
}

/**
 * The MKT call a formula is, when it is nothing but one call (in any stored form, read by the
 * shared reader) with simple arguments; undefined otherwise (then the engine computes it).
 */
export function directCall(formula: string, sheetOf: (name: string) => string | undefined, here: string): DirectCall | undefined {
  const calls = findMktCalls(formula);
  if (calls.length !== 1) return undefined;
  const [call] = calls;
  const body = formula.startsWith('=') ? 1 : 0;
  if (!call.closed || formula.slice(body, call.span.start).trim() !== '' || formula.slice(call.span.end).trim() !== '') return undefined;
  const id = call.id;
  const fn = call.known ? MKT_FUNCTIONS[id] : undefined;
  if (!fn || fn.spills) return undefined;
  const texts = call.args;
  const required = fn.params.filter((k) => !k.endsWith('?')).length;
  if (texts.length < required || texts.length > fn.params.length) return undefined;
  const args: Argument[] = [];
  for (const raw of texts) {
    const text = raw.trim();
    if (text === '') args.push({ kind: 'empty' });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(text)) args.push({ kind: 'value', value: Number(text) });
    else if (/^"(?:[^"]|"")*"$/.test(text)) args.push({ kind: 'value', value: text.slice(1, -1).replace(/""/g, '"') });
    else if (/^(TRUE|FALSE)$/i.test(text)) args.push({ kind: 'value', value: text.toUpperCase() === 'TRUE' });
    else {
      const ref = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?$/.exec(text);
      if (!ref) return undefined;
      const sheetName = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2];
      const sheet = sheetName === undefined ? here : sheetOf(sheetName);
      const a = cellOf(ref[3]);
      const b = ref[4] === undefined ? a : cellOf(ref[4]);
      if (!sheet || !a || !b) return undefined;
      const area = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
      if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_DIRECT_RANGE) return undefined;
      args.push({ kind: 'range', sheet, ...area, single: ref[4] === undefined });
    }
  }
  return { id, args };
}

/** What a stored cell is worth to a function, as the engine gives it. */
function storedValue(content: RawCellContent | undefined): unknown {
  if (content === undefined || content === null) return EmptyValue;
  if (typeof content === 'string') return content.startsWith("'") ? content.slice(1) : content;
  return content;
}

/** A sheet's stored cells, found by binary search: 8 bytes a cell, where a Map would take ~50. */
export class SheetIndex {
  private readonly keys: Float64Array;
  private readonly contents: RawCellContent[];

  constructor(cells: SheetCell[]) {
    let sorted = true;
    for (let i = 1; i < cells.length && sorted; i++) sorted = keyOf(cells[i - 1]) < keyOf(cells[i]);
    const order = sorted ? undefined : cells.map((_, i) => i).sort((a, b) => keyOf(cells[a]) - keyOf(cells[b]));
    this.keys = new Float64Array(cells.length);
    this.contents = new Array(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[order ? order[i] : i];
      this.keys[i] = keyOf(cell);
      this.contents[i] = cell.content;
    }
  }

  /** The content at a 0-based row and column; undefined for a cell that holds nothing. */
  get(row: number, col: number): RawCellContent | undefined {
    const key = row * MAX_COL + col;
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid];
      if (k === key) return this.contents[mid];
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

function keyOf(cell: { row: number; col: number }): number {
  return cell.row * MAX_COL + cell.col;
}

export interface DirectPlan {
  /** 1 for each formula of input.formulas computed outside the engine. */
  direct: Uint8Array;
  /** How many are. */
  count: number;
  sheetOf: (name: string) => string | undefined;
  cellsOf: (sheet: string) => SheetIndex;
}

const isFormulaContent = (content: RawCellContent | undefined) => typeof content === 'string' && content.startsWith('=');

/**
 * Which MKT cells can be computed directly. None when a formula left to the engine reads cells
 * in a way that cannot be seen from its text (INDIRECT, OFFSET) or reads many areas.
 */
export function planDirect(input: WorkbookInput, isMkt: (f: FormulaCell) => boolean): DirectPlan {
  const indexes = new Map<string, SheetIndex>();
  const cellsOf = (sheet: string) => {
    let index = indexes.get(sheet);
    if (!index) indexes.set(sheet, (index = new SheetIndex(input.contents[sheet] ?? [])));
    return index;
  };
  const byLower = new Map(input.sheetNames.map((n) => [n.toLowerCase(), n]));
  const sheetOf = (name: string) => byLower.get(name.toLowerCase());
  const direct = new Uint8Array(input.formulas.length);
  const none: DirectPlan = { direct: new Uint8Array(input.formulas.length), count: 0, sheetOf, cellsOf };
  // Each argument cell must be a stored value (a formula, even an MKT one, is the engine's); a
  // blank one only while the engine has no formula whose spill could fill it.
  const argumentsStored = (call: DirectCall, blankAllowed: boolean) =>
    call.args.every((arg) => {
      if (arg.kind !== 'range') return true;
      const index = cellsOf(arg.sheet);
      for (let r = arg.top; r <= arg.bottom; r++) {
        for (let c = arg.left; c <= arg.right; c++) {
          const content = index.get(r, c);
          if (isFormulaContent(content)) return false;
          if ((content === undefined || content === null) && !blankAllowed) return false;
        }
      }
      return true;
    });
  const engine: number[] = [];
  for (let i = 0; i < input.formulas.length; i++) {
    const f = input.formulas[i];
    const call = isMkt(f) && !f.arrayRef && !f.problem ? directCall(f.formula, sheetOf, f.sheet) : undefined;
    if (call && argumentsStored(call, true)) direct[i] = 1;
    else engine.push(i);
  }
  if (engine.length === input.formulas.length) return none;
  const drop = (keep: (f: FormulaCell) => boolean) => {
    for (let i = 0; i < direct.length; i++) {
      if (direct[i] && !keep(input.formulas[i])) {
        direct[i] = 0;
        engine.push(i);
      }
    }
  };
  const blanksSafe = (f: FormulaCell) => argumentsStored(directCall(f.formula, sheetOf, f.sheet)!, false);
  if (engine.length > 0) drop(blanksSafe);
  const engineTexts = () => engine.map((i) => ({ here: input.formulas[i].sheet, text: input.formulas[i].formula }));
  if (engineTexts().some((o) => /(INDIRECT|OFFSET)\s*\(/i.test(o.text))) return none;
  // Cells that formulas left to the engine may read: every reference in their text and in the names.
  const read = new Set<string>();
  const areas: Array<{ sheet?: string; top: number; left: number; bottom: number; right: number }> = [];
  const texts = [...engineTexts(), ...input.names.map((n) => ({ here: n.sheet ?? '', text: n.formula }))];
  const REF = /(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d{1,7}|\$?[A-Za-z]{1,3}|\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}|\$?[A-Za-z]{1,3}|\$?\d{1,7}))?/g;
  for (const { here, text } of texts) {
    for (const m of text.replace(/"(?:[^"]|"")*"/g, '""').matchAll(REF)) {
      const sheet = m[1] !== undefined || m[2] !== undefined ? sheetOf((m[1] ?? m[2]).replace(/''/g, "'")) : here || undefined;
      const a = cellOf(m[3]);
      const b = m[4] === undefined ? a : cellOf(m[4]);
      if (a && b && m[4] === undefined) read.add(`${sheet}!${a.row}:${a.col}`);
      else if (a && b) areas.push({ sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
      else if (m[4] !== undefined) {
        // A whole column or row (A:A, 3:3): taken as the whole sheet, to be safe.
        areas.push({ sheet, top: 0, left: 0, bottom: Number.MAX_SAFE_INTEGER, right: Number.MAX_SAFE_INTEGER });
      }
    }
    if (areas.length > 10_000) return none;
  }
  const before = engine.length;
  drop(
    (f) =>
      !read.has(`${f.sheet}!${f.row}:${f.col}`) &&
      !areas.some((a) => (a.sheet === undefined || a.sheet === f.sheet) && f.row >= a.top && f.row <= a.bottom && f.col >= a.left && f.col <= a.right),
  );
  if (before === 0 && engine.length > 0) drop(blanksSafe);
  let count = 0;
  for (const d of direct) count += d;
  return { direct, count, sheetOf, cellsOf };
}

/** The value of a direct MKT cell, as the engine would report it. */
export function evaluateDirect(f: FormulaCell, plan: DirectPlan): CellOutput {
  const call = directCall(f.formula, plan.sheetOf, f.sheet)!;
  const values: unknown[] = [];
  const empty: boolean[] = [];
  for (const arg of call.args) {
    if (arg.kind === 'empty') {
      values.push(undefined);
      empty.push(true);
      continue;
    }
    empty.push(false);
    if (arg.kind === 'value') values.push(arg.value);
    else {
      const index = plan.cellsOf(arg.sheet);
      const at = (r: number, c: number) => storedValue(index.get(r, c));
      if (arg.single) values.push(at(arg.top, arg.left));
      else {
        const data: unknown[][] = [];
        for (let r = arg.top; r <= arg.bottom; r++) {
          const row: unknown[] = [];
          for (let c = arg.left; c <= arg.right; c++) row.push(at(r, c));
          data.push(row);
        }
        values.push(SimpleRangeValue.onlyValues(data as never));
      }
    }
  }
  const result = callMktOutsideEngine(call.id, values, empty);
  if (result instanceof CellError) return { error: excelErrorCode(result.type), message: result.message ?? '' };
  if (typeof result === 'number' && !Number.isFinite(result)) return { error: excelErrorCode(ErrorType.NUM), message: '' };
  return result as CellOutput;
}
