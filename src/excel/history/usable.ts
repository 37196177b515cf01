/**
 * Whether a layout can be written. The layout itself comes from the history reader
 * (src/excel/history, adapted by layout.ts); `detectLayout`, which guessed by position, is gone.
 */
import type { ColumnSpan, DetectedLayout } from '../types';

/** At or above this confidence the UI may go on without asking. */
export const LAYOUT_CONFIDENT = 0.75;

/** True when a layout can be written: channel, spend and revenue cells and at least one channel. */
export function isUsableLayout(layout: DetectedLayout, columnCount: number): boolean {
  if (layout.cells) return layout.cells.length > 0 && layout.cells.every((c) => c.name[1] >= 0 && c.name[1] < columnCount);
  const inside = (s: ColumnSpan) => s.count >= 1 && s.first >= 0 && s.first + s.count <= columnCount;
  return (
    layout.channelColumn >= 0 &&
    layout.channelColumn < columnCount &&
    inside(layout.spend) &&
    inside(layout.revenue) &&
    layout.spend.count === layout.revenue.count &&
    layout.firstDataRow >= 0 &&
    layout.lastDataRow >= layout.firstDataRow
  );
}
