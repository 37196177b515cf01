/**
 * The history reader: cells in, a history out. Pure — the pane hands it `range.values`, the
 * command line the cells of a saved workbook. Small named steps:
 *
 *   1. find the header (header.ts): months across (one row per block), or measures in columns;
 *   2. classify the columns and rows (across.ts, down.ts): names, line words, months, totals, ratios;
 *   3. group the amounts per channel (names trimmed, case ignored);
 *   4. sum them for the measures chosen (judge.ts);
 *   5. judge the confidence: sure only when words (or the user's pick) name one spend and one revenue.
 */
import { readAcross } from './across';
import { readDown } from './down';
import { judge } from './judge';
import type { Grid } from './header';
import type { Candidate, History, ReadOptions } from './types';

export * from './types';
export { toAmount } from './amounts';
export { channelKey, monthOf, normalise, wordOf } from './words';

export type HistoryRead = History & { alternatives: { spend: Candidate[]; revenue: Candidate[] } };

/**
 * Reads a budget history from a grid of cell values (as `range.values` gives them).
 * @param grid rows of values: numbers, text, booleans, blanks ('' or null)
 * @param options the user's picks; whether the grid is only the first rows of the source
 * @returns the channels with their spend and revenue, the period, what was left out and why, and
 *   whether the read is sure (`confident`) or what it would take (`questions`)
 * @example
 * readHistory([['Canal', 'Dépenses', 'CA'], ['SEO', 100, 500]]).channels
 * //=> [{ name: 'SEO', spend: 100, revenue: 500, months: 0, … }]
 */
export function readHistory(grid: Grid, options: ReadOptions = {}): HistoryRead {
  const reading = readAcross(grid) ?? readDown(grid);
  return judge(reading, options);
}

/** Candidate ids that settle every open question with the reader's suggestion ("confirm"). */
export function suggestedPicks(history: History): NonNullable<ReadOptions['picks']> {
  const picks: NonNullable<ReadOptions['picks']> = {};
  if (history.used.spend) picks.spend = history.used.spend.id;
  if (history.used.revenue) picks.revenue = history.used.revenue.id;
  return picks;
}
