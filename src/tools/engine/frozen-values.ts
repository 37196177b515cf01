/**
 * The engine bridge for the portable copy: values for the MKT cells the copy freezes but whose
 * file saved no value (a workbook written by a library, never opened in Excel), computed as
 * check-workbook computes them, so that a frozen cell never comes out blank. A spilling call
 * stored as a plain formula shows its first value, as Excel's implicit intersection does; a cell
 * computed only beyond the engine gets no value (the copy's report says it is empty).
 */
import type { FrozenValue } from '../../portable/portable-copy';
import { recomputeMktCells, type CellOutput } from './recompute';
import { readWorkbookPackage } from './xlsx-reader';

function frozenValue(value: CellOutput): FrozenValue | undefined {
  const first = Array.isArray(value) ? value[0]?.[0] : value;
  if (first === null || first === undefined || Array.isArray(first)) return undefined;
  if (typeof first === 'object') return { error: first.error };
  return first;
}

/** Values by "Sheet!A1" for the cells asked for (keys in that form). */
export function computeFrozenValues(bytes: Uint8Array, wanted: ReadonlySet<string>): Map<string, FrozenValue> {
  const found = new Map<string, FrozenValue>();
  if (wanted.size === 0) return found;
  let reports;
  try {
    reports = recomputeMktCells(readWorkbookPackage(Buffer.from(bytes)));
  } catch {
    return found; // past check-workbook's limits: the cells stay empty, and the report says so
  }
  for (const report of reports) {
    const key = `${report.sheet}!${report.cell}`;
    if (!wanted.has(key) || report.status !== 'computed') continue;
    const value = frozenValue(report.value);
    if (value !== undefined) found.set(key, value);
  }
  return found;
}
