/**
 * What the pane reads from a source's cells, pure: the history (src/excel/history) and the layout
 * the sheets are written from. Apart from actions.ts so that the first step can read a source again
 * with the user's picks without loading the Office.js write code.
 */
import { readHistory, suggestedPicks } from '.';
import { layoutOfHistory } from './layout';
import type { ReadOptions } from '.';
import type { ChannelSummary, DetectedLayout, SourceData, SourceRef } from '../types';

/** The cells `readSource` reads: a journal of 40 channels over four years, bounded for a huge source. */
export const PREVIEW_ROWS = 2000;
export const PREVIEW_COLUMNS = 64;
/** Excel on the web refuses requests over 5 MB; the write pipeline stays under PAYLOAD_BUDGET (4.5 MB). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * The history read from a source's cells (src/excel/history), with the layout the sheets are
 * written from. Pure. Undefined when nothing in the cells looks like a history.
 * @param picks the user's choice of spend and revenue (candidate ids of the history's questions)
 */
export function sourceDataOf(source: SourceRef, grid: unknown[][], complete: boolean, lastRow?: unknown[], picks?: ReadOptions['picks']): SourceData | undefined {
  let history = readHistory(grid, { picks, incomplete: !complete });
  if (history.channels.length === 0 && !history.used.spend && !history.used.revenue) return undefined;
  let layout = layoutOfHistory(history, source.rowCount, grid.length, complete ? undefined : lastRow);
  // Cut short, a form whose channels have their own cells would miss the rows not read: ask.
  if (!complete && layout.cells) {
    history = { ...history, confident: false, questions: [...history.questions, { reason: 'incomplete', candidates: [] }] };
    layout = { ...layout, confident: false, confidence: 0.5 };
  }
  const channels = history.channels.map((c) => ({ name: c.name, spend: c.spend, revenue: c.revenue }));
  return { source, layout, preview: grid, complete, channels, history, ...(picks ? { picks } : {}), ...(lastRow && !complete ? { lastRow } : {}) };
}

/** The same source read again with the user's picks (or the reader's suggestions, confirmed). Pure. */
export function withPicks(data: SourceData, picks: NonNullable<ReadOptions['picks']>): SourceData {
  return sourceDataOf(data.source, data.preview, data.complete, data.lastRow, { ...data.picks, ...picks }) ?? data;
}

/** Channel names (as text, never interpreted) and totals for the rows of the grid. Pure. */
export function channelSummaries(grid: readonly (readonly unknown[])[], layout: DetectedLayout): ChannelSummary[] {
  const out: ChannelSummary[] = [];
  if (layout.channelColumn < 0) return out;
  const sum = (row: readonly unknown[], first: number, count: number) => {
    let total = 0;
    for (let c = first; c < first + count; c++) if (typeof row[c] === 'number' && Number.isFinite(row[c])) total += row[c] as number;
    return total;
  };
  for (let r = layout.firstDataRow; r <= Math.min(layout.lastDataRow, grid.length - 1); r++) {
    const row = grid[r];
    out.push({
      name: String(row[layout.channelColumn] ?? ''),
      spend: sum(row, layout.spend.first, layout.spend.count),
      revenue: sum(row, layout.revenue.first, layout.revenue.count),
    });
  }
  return out;
}

/** The same source read again with the reader's own suggestions, confirmed by the user. Pure. */
export function withSuggestedPicks(data: SourceData): SourceData {
  return data.history ? withPicks(data, suggestedPicks(data.history)) : data;
}
