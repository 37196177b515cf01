/** Recognising where channels, spend and revenue are. Pure: no Office.js. */
import type { DetectedLayout } from './types';

/** At or above this confidence the UI may go on without asking. */
export const LAYOUT_CONFIDENT = 0.75;

/**
 * Detects the layout of a grid of cell values (the source's first rows).
 * @param grid rows of values, as `range.values` returns them
 * @param totalRows rows in the whole source (default: grid.length)
 * @param lastRow the source's last row, when the grid does not reach it
 * @returns the layout, or undefined when no numeric column is found
 */
export function detectLayout(_grid: readonly (readonly unknown[])[], _totalRows?: number, _lastRow?: readonly unknown[]): DetectedLayout | undefined {
  return undefined;
}
