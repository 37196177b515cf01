/** Where the sheets read the user's history: the source's rows as references, a row per channel. Pure. */
import { cellAddress, quoteSheetName, Rect } from '../common/sheet-utils';
import { CellData, PlanInputError } from './plan';
import type { DetectedLayout, SourceRef } from '../types';

export interface SourceRows {
  /** Sheet row (0-based) of the first channel. */
  firstRow: number;
  count: number;
  sheet: string;
  channelColumn: number;
  spend: [number, number];
  revenue: [number, number];
}

export function sourceRows(source: SourceRef, layout: DetectedLayout): SourceRows {
  // Channels with their own cells have no row pattern to fill down.
  if (layout.cells) throw new PlanInputError('noLayout', {});
  const count = layout.lastDataRow - layout.firstDataRow + 1;
  if (
    count < 1 ||
    layout.channelColumn < 0 ||
    layout.spend.count < 1 ||
    layout.revenue.count < 1 ||
    layout.spend.first < 0 ||
    layout.revenue.first < 0 ||
    Math.max(layout.channelColumn, layout.spend.first + layout.spend.count - 1, layout.revenue.first + layout.revenue.count - 1) >= source.columnCount ||
    layout.lastDataRow >= source.rowCount
  ) {
    throw new PlanInputError('noLayout', {});
  }
  const col = (c: number) => source.columnIndex + c;
  return {
    firstRow: source.rowIndex + layout.firstDataRow,
    count,
    sheet: quoteSheetName(source.sheetName),
    channelColumn: col(layout.channelColumn),
    spend: [col(layout.spend.first), col(layout.spend.first + layout.spend.count - 1)],
    revenue: [col(layout.revenue.first), col(layout.revenue.first + layout.revenue.count - 1)],
  };
}

/** Excel's limit on a formula's length; a longer SUM of scattered cells is written as its value. */
const FORMULA_CHARS = 8000;

/** Cells as few absolute rectangles: runs along a row, then runs of identical rows down. */
function cellRects(cells: ReadonlyArray<readonly [number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) byRow.set(r, [...(byRow.get(r) ?? []), c]);
  const runs: Rect[] = [];
  for (const [row, columns] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(columns)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      runs.push({ row, column: start, rows: 1, columns: sorted[i - 1] - start + 1 });
      start = sorted[i];
    }
  }
  const merged: Rect[] = [];
  for (const run of runs) {
    const above = merged.find((m) => m.column === run.column && m.columns === run.columns && m.row + m.rows === run.row);
    if (above) above.rows++;
    else merged.push({ ...run });
  }
  return merged;
}

/** One channel's row when each channel has its own cells (several rows, a journal, blocks). */
export interface ExplicitRow {
  name: CellData;
  spend: CellData;
  revenue: CellData;
}

/**
 * Each channel's name and sums, referencing its own cells: `='Budget'!$A$5&""`,
 * `=SUM('Budget'!$C$6:$N$6)`. Amounts read from text (SUM skips them) are written as the values read.
 */
export function explicitRows(source: SourceRef, layout: DetectedLayout): ExplicitRow[] {
  const cells = layout.cells;
  if (!cells || cells.length === 0) throw new PlanInputError('noLayout', {});
  const sheet = quoteSheetName(source.sheetName);
  const abs = (r: number, c: number) => cellAddress(source.rowIndex + r, source.columnIndex + c, true);
  const sum = (list: ReadonlyArray<readonly [number, number]>, value: number, asValue: boolean): CellData => {
    if (asValue || list.length === 0) return value;
    const refs = cellRects(list).map((rect) => {
      const from = abs(rect.row, rect.column);
      return rect.rows === 1 && rect.columns === 1 ? `${sheet}!${from}` : `${sheet}!${from}:${abs(rect.row + rect.rows - 1, rect.column + rect.columns - 1)}`;
    });
    const formula = `=SUM(${refs.join(',')})`;
    if (formula.length <= FORMULA_CHARS) return formula;
    // Too many scattered cells for one formula: the sum itself.
    return value;
  };
  return cells.map((c) => {
    if (c.name[0] < 0 || c.name[0] >= source.rowCount || c.name[1] < 0 || c.name[1] >= source.columnCount) throw new PlanInputError('noLayout', {});
    return { name: `=${sheet}!${abs(c.name[0], c.name[1])}&""`, spend: sum(c.spend, c.sums.spend, !!c.asValues), revenue: sum(c.revenue, c.sums.revenue, !!c.asValues) };
  });
}

/** `'Ventes'!$B2:$M2`: columns fixed, row relative, so that filling down walks the channels. */
export function rowRef(src: SourceRows, [c1, c2]: [number, number]): string {
  const a = `$${cellAddress(src.firstRow, c1).replace(/\d+$/, '')}${src.firstRow + 1}`;
  if (c1 === c2) return `${src.sheet}!${a}`;
  return `${src.sheet}!${a}:$${cellAddress(src.firstRow, c2).replace(/\d+$/, '')}${src.firstRow + 1}`;
}

/** Row (0-based) of the column headers on the Diagnostic and Arbitrage sheets (A4); totals sit above (A3), channels below (A5…). */
export const TABLE_HEADER_ROW = 3;
export const FIRST = TABLE_HEADER_ROW + 1;
