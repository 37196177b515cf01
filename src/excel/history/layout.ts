/**
 * The adapter from a history to the `DetectedLayout` the write plans take: one row per channel
 * over the same columns gives the live-reference template of before (filled down, any number of
 * rows); any other form gives each channel's cells (`cells`). Pure.
 */
import type { ChannelCells, DetectedLayout, LayoutIssue } from '../types';
import type { History } from './types';
import { totalOf } from './words';

const span = (columns: number[] | undefined) =>
  columns && columns.length > 0 && columns.every((c, i) => c === columns[0] + i) ? { first: columns[0], count: columns.length } : undefined;

function issuesOf(history: History): LayoutIssue[] {
  const issues = new Set<LayoutIssue>();
  for (const q of history.questions) {
    if (q.reason === 'noHeader') issues.add('noHeaderRow');
    else if (q.reason === 'noSpend') issues.add('noSpendColumn');
    else if (q.reason === 'noRevenue') issues.add('noRevenueColumn');
    else if (q.reason === 'noChannels') issues.add('noChannelColumn');
    else if (q.reason === 'spendAmbiguous' || q.reason === 'revenueAmbiguous') issues.add('guessedByPosition');
  }
  if (history.warnings.some((w) => w.code === 'textAmounts')) issues.add('numbersAsText');
  if (history.leftOut.some((l) => l.kind === 'row' && (l.reason === 'total' || l.reason === 'subtotal'))) issues.add('totalRowExcluded');
  return [...issues];
}

/**
 * @param history the read
 * @param rowCount rows of the whole source (more than the grid read when it was cut short)
 * @param gridRows rows of the grid read
 * @param lastRow the source's last row, when the grid does not reach it (a total row there is left out)
 */
export function layoutOfHistory(history: History, rowCount: number, gridRows: number, lastRow?: readonly unknown[]): DetectedLayout {
  const channels = history.channels;
  const spend = span(history.used.spend?.columns);
  const revenue = span(history.used.revenue?.columns);
  const first = channels[0]?.nameCell[0] ?? history.headerRow + 1;
  const oneRowEach =
    channels.length > 0 &&
    (history.form === 'columns' || history.form === 'monthsAcross') &&
    spend !== undefined &&
    revenue !== undefined &&
    channels.every((c, i) => c.nameCell[0] === first + i && c.nameCell[1] === channels[0].nameCell[1] && c.textAmounts === 0);
  const base = {
    headerRow: history.headerRow,
    confidence: history.confident ? 1 : 0.5,
    confident: history.confident,
    issues: issuesOf(history),
  };
  if (oneRowEach) {
    let last = first + channels.length - 1;
    // Cut short: the live references run to the source's end, its total row left out.
    if (gridRows < rowCount && last === gridRows - 1) {
      last = rowCount - 1;
      const name = lastRow?.[channels[0].nameCell[1]];
      if (typeof name === 'string' && totalOf(name)) last--;
    }
    return { ...base, kind: spend.count > 1 && revenue.count > 1 ? 'monthly' : 'single', channelColumn: channels[0].nameCell[1], spend, revenue, firstDataRow: first, lastDataRow: last };
  }
  const cells: ChannelCells[] = channels.map((c) => ({
    name: c.nameCell,
    spend: c.spendCells,
    revenue: c.revenueCells,
    sums: { spend: c.spend, revenue: c.revenue },
    ...(c.textAmounts > 0 ? { asValues: true } : {}),
  }));
  const rows = channels.flatMap((c) => [c.nameCell[0], ...c.spendCells.map((x) => x[0]), ...c.revenueCells.map((x) => x[0])]);
  return {
    ...base,
    kind: 'single',
    channelColumn: channels[0]?.nameCell[1] ?? -1,
    spend: { first: channels[0]?.spendCells[0]?.[1] ?? -1, count: 1 },
    revenue: { first: channels[0]?.revenueCells[0]?.[1] ?? -1, count: 1 },
    firstDataRow: rows.length ? Math.min(...rows) : first,
    lastDataRow: rows.length ? Math.max(...rows) : first - 1,
    cells,
  };
}
