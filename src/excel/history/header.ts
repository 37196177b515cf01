/**
 * Step 1 — find the header: the rows that name months across (one per block) or name the
 * measures (spend, revenue) of columns. Pure.
 */
import { isBlank, toAmount } from './amounts';
import { measureOf, monthOf, normalise, totalOf, wordOf, type MonthOf } from './words';

export type Grid = readonly (readonly unknown[])[];

/** Rows scanned for a measures header (a months header is looked for everywhere: blocks run down the sheet). */
const HEADER_SCAN_ROWS = 30;

export interface MonthCell extends MonthOf {
  column: number;
}

/** The months a row names across, when it names at least two (text months, or dates in a row of dates). */
export function monthsAcross(row: readonly unknown[]): MonthCell[] {
  const named: MonthCell[] = [];
  let numbers = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'number') numbers++;
    const m = monthOf(v, { dates: true });
    if (m) named.push({ ...m, column: c });
  }
  const texts = named.filter((m) => typeof row[m.column] === 'string');
  // Dates count only in a row of dates (a header typed as dates), never in a row of amounts.
  const dates = named.filter((m) => typeof row[m.column] === 'number');
  // …and only as a run of consecutive months (2025-01, 2025-02…): amounts are never that regular.
  const consecutive = dates.every((m, i) => i === 0 || m.key === dates[i - 1].key + 1);
  const usable = dates.length >= 2 && dates.length === numbers && consecutive ? named : texts;
  return usable.length >= 2 ? usable : [];
}

/**
 * Rows that are a months header, top to bottom. Months typed as dates count only without any
 * header of month names, and only once (amounts can look like dates; names cannot).
 */
export function monthHeaderRows(grid: Grid): Array<{ row: number; months: MonthCell[] }> {
  const found = monthRows(grid);
  const named = found.filter((f) => f.months.some((m) => typeof grid[f.row][m.column] === 'string'));
  if (named.length) return named;
  // A header of dates tops the table: no amount nor measure word above it.
  const first = found[0];
  if (!first) return [];
  for (let r = 0; r < first.row; r++)
    if (grid[r].some((v) => typeof v === 'number' || toAmount(v) !== undefined || measureOf(wordOf(v)) || splitPair(v))) return [];
  return [first];
}

function monthRows(grid: Grid): Array<{ row: number; months: MonthCell[] }> {
  const found: Array<{ row: number; months: MonthCell[] }> = [];
  for (let r = 0; r < grid.length; r++) {
    // A total row of amounts that happen to read as dates is no header, nor is the last row.
    const first = grid[r].find((v) => !isBlank(v));
    if (r === grid.length - 1 || (typeof first === 'string' && totalOf(first))) continue;
    const months = monthsAcross(grid[r]);
    if (months.length >= 2) found.push({ row: r, months });
  }
  return found;
}

/**
 * The row naming the measures of columns (Canal | Dépenses | CA), or -1: the first of the top rows
 * with a spend, revenue or plan word and almost no amounts, preferring more recognised words.
 */
export function measuresHeaderRow(grid: Grid): number {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, grid.length); r++) {
    const row = grid[r];
    let measures = 0;
    let others = 0;
    let amounts = 0;
    let filled = 0;
    for (const v of row) {
      if (isBlank(v)) continue;
      filled++;
      if (typeof v === 'number' || toAmount(v)) {
        // A year in a header ("2025") is a label, not an amount.
        if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100)) amounts++;
        continue;
      }
      const w = wordOf(v);
      if (measureOf(w) || splitPair(v)) measures++;
      else if (w === 'channel' || w === 'month' || w === 'ratio' || w === 'total') others++;
    }
    if (measures === 0 || amounts > 0 || filled < 2) continue;
    const score = measures * 2 + others;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** "Google Ads - dépense" → { channel: 'Google Ads', measure: 'spend' }; undefined when not such a pair header. */
export function splitPair(value: unknown): { channel: string; measure: 'spend' | 'revenue' } | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value
    .split(/\s[-–—:|/]\s|\s*[()[\]]\s*|\s*[|:]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length !== 2) return undefined;
  for (const [i, part] of parts.entries()) {
    const measure = measureOf(wordOf(part));
    const other = parts[1 - i];
    // The other part names a channel: letters, not a unit ("Coût (€)", "CA (k$)", "Dépenses (HT)").
    const name = normalise(other);
    const unit = /^(k|m)?(eur|euros?|cad|usd|ht|ttc|k|m)?$/.test(name.replace(/ /g, ''));
    if ((measure === 'spend' || measure === 'revenue') && wordOf(other) === 'other' && !monthOf(other) && /[a-z]{2}/.test(name) && !unit) return { channel: other, measure };
  }
  return undefined;
}

/**
 * A header without measure words ("Canal | Montant 1 | Montant 2"): the first top row of words
 * only, followed by a row holding amounts. Its columns get no role: the user must say which.
 */
export function wordsHeaderRow(grid: Grid): number {
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, grid.length - 1); r++) {
    const filled = grid[r].filter((v) => !isBlank(v));
    if (filled.length < 2 || !filled.every((v) => typeof v === 'string' && toAmount(v) === undefined)) continue;
    const next = grid.slice(r + 1).find((row) => row.some((v) => !isBlank(v)));
    if (next && next.some((v) => typeof v === 'number' || (typeof v === 'string' && toAmount(v) !== undefined))) return r;
  }
  return -1;
}
