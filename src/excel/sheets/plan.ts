/**
 * What each action writes, as plain data (`SheetPlan`): the cells, formulas, formats, names,
 * highlights and charts of one sheet, and the small builders every sheet uses. Pure: no Office.js.
 * `write/apply.ts` applies a plan in one batch.
 *
 * Sizes: a plan's payload does not grow with the number of channels. Per-channel rows are one
 * template row filled down with `copyFrom` (relative references shift, as when a user drags the
 * fill handle), highlights and charts take addresses. So a 100 000-row source gives the same
 * request size as a 10-row one, far under Excel on the web's 5 MB limit.
 */
import { mergeRects, parseAddress, rangeAddress, Rect, TEXT_FORMAT, toSafeReference, toTextCell } from '../common/sheet-utils';
import type { SheetKind } from '../words/sheets';
import type { InputCell } from '../types';

export type CellData = string | number | boolean;
export type CellStyle = 'title' | 'header' | 'input' | 'total' | 'note';

/** One rectangular write. Text blocks get the "@" format before their values. */
export interface CellWrite {
  /** A1 address on the plan's sheet. */
  address: string;
  /** `formats`: number formats only (cells a spill fills), no value written. */
  kind: 'text' | 'formulas' | 'values' | 'formats';
  data: CellData[][];
  /** Number formats, same shape as data (text blocks: "@" everywhere). */
  numberFormat?: string[][];
  style?: CellStyle;
}

/** Copy a template block (formulas and formats) over a larger block: Excel shifts relative references. */
export interface FillDown {
  from: string;
  to: string;
  /** Default `all` (formulas and formats). */
  copy?: 'all' | 'formats';
}

export interface NameWrite {
  name: string;
  /** A1 address on the plan's sheet. */
  address: string;
  comment: string;
}

export interface Highlight {
  address: string;
  /** Invariant formula relative to the top-left cell of `address`. */
  formula: string;
  fill: string;
  fontColor: string;
}

export interface ChartSeriesPlan {
  name: string;
  values: string;
  /** Draw as a line (a threshold) rather than columns; on a scatter chart, a line without markers. */
  line?: boolean;
  /** Scatter charts: the series' own x values. */
  x?: string;
}

export interface ChartPlan {
  /** Chart name; the pane's charts start with "MKT". */
  name: string;
  title: string;
  /** X-axis categories (the channels); on a scatter chart, each series has its own x. */
  categories: string;
  /** Default columns; scatter: x/y points, lines where a series asks for one; line: every series a line over the categories. */
  type?: 'columns' | 'scatter' | 'line';
  series: ChartSeriesPlan[];
  /** Top-left and bottom-right cells. */
  position: [string, string];
}

export interface Validation {
  address: string;
  /** Comma-separated list, e.g. "oui,non". */
  list: string;
}

export interface SheetPlan {
  kind: SheetKind;
  writes: CellWrite[];
  fills: FillDown[];
  names: NameWrite[];
  highlights: Highlight[];
  charts: ChartPlan[];
  validations: Validation[];
  /** Column widths in points, by column letter. */
  widths: Record<string, number>;
  /** Everything the plan writes lies inside this rectangle (0-based). */
  region: Rect;
  /** The cell to select afterwards. */
  anchor: string;
  /** References the user picked, for the action to check against the workbook (sheet exists, not inside this block). */
  picks?: Array<{ ref: string; sheet: string; rect: Rect }>;
}

/**
 * The cells a plan writes (values, formulas, formats of its writes and fills), as few rectangles.
 * Cells of its region outside these — a gap in the header rows, a column left for the user's ticks
 * or actuals — are never written by the pane, so a re-run never clears them.
 */
export function writtenAreas(plan: SheetPlan): Rect[] {
  const addresses = [...plan.writes.map((w) => w.address), ...plan.fills.map((f) => f.to)];
  return mergeRects(addresses.map((a) => parseAddress(a)!.rect));
}

/** Thrown by a plan builder when an input cannot be written; the action turns it into a message. */
export class PlanInputError extends Error {
  constructor(
    readonly key: 'badReference' | 'badNumber' | 'noLayout' | 'noHiringBlock',
    readonly params: Record<string, string>,
  ) {
    super(key);
  }
}

export const fill = <T>(rows: number, cols: number, value: T): T[][] => Array.from({ length: rows }, () => Array<T>(cols).fill(value));

function text(address: string, rows: unknown[][], style?: CellStyle): CellWrite {
  const data = rows.map((row) => row.map(toTextCell));
  return { address, kind: 'text', data, numberFormat: fill(data.length, data[0].length, TEXT_FORMAT), style };
}

export function textAt(row: number, column: number, rows: unknown[][], style?: CellStyle): CellWrite {
  return text(rangeAddress(row, column, rows.length, rows[0].length), rows, style);
}

export function formulasAt(row: number, column: number, data: CellData[][], formats?: string[][], style?: CellStyle): CellWrite {
  return { address: rangeAddress(row, column, data.length, data[0].length), kind: 'formulas', data, numberFormat: formats, style };
}

/** An input cell: a number or yes/no typed in the pane, or a formula pointing at the user's cell. */
export function inputFormula(field: string, input: InputCell, { singleCell = true, picks }: { singleCell?: boolean; picks?: SheetPlan['picks'] } = {}): CellData {
  if ('ref' in input) {
    const ref = toSafeReference(input.ref, { singleCell });
    if (!ref) throw new PlanInputError('badReference', { ref: String(input.ref).slice(0, 60) });
    const parsed = parseAddress(ref)!;
    picks?.push({ ref: String(input.ref).slice(0, 60), sheet: parsed.sheet!, rect: parsed.rect });
    // A range in one cell would spill in dynamic-array Excel (the functions would read its first
    // cell only): an amount over several cells is their SUM, as the functions sum amounts.
    return ref.includes(':') ? `=SUM(${ref})` : `=${ref}`;
  }
  if (typeof input.value === 'boolean') return input.value;
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) throw new PlanInputError('badNumber', { field });
  return input.value;
}

/** Invariant string literal for a formula: "fr". */
export const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;
