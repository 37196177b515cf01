/**
 * What the Diagnostic step shows of a history read, as plain data: left-out rows and columns
 * grouped by label and reason, with the sheet's own row numbers and column letters. Pure.
 */
import type { HistoryRead, LeftOut, SourceData, SourceRef } from '../../../excel';

export interface LeftOutLine {
  kind: LeftOut['kind'];
  /** Sheet rows ("5, 8, 11") or column letters ("O, P"). */
  where: string;
  label: string;
  reason: LeftOut['reason'];
}

function letters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A1 of a cell of the source's grid. */
export function cellName(source: SourceRef, [row, column]: readonly [number, number]): string {
  return `${letters(source.columnIndex + column)}${source.rowIndex + row + 1}`;
}

/** The left-out rows and columns, one line per label and reason ("Rows 5, 8, 11 “Prévu”"). */
export function leftOutLines(history: HistoryRead, source: SourceRef): LeftOutLine[] {
  const lines = new Map<string, { line: LeftOutLine; places: string[] }>();
  for (const l of history.leftOut) {
    const key = `${l.kind}\u0000${l.label}\u0000${l.reason}`;
    const place = l.kind === 'row' ? String(source.rowIndex + l.index + 1) : letters(source.columnIndex + l.index);
    const found = lines.get(key);
    if (found) found.places.push(place);
    else lines.set(key, { line: { kind: l.kind, where: '', label: l.label, reason: l.reason }, places: [place] });
  }
  return [...lines.values()].map(({ line, places }) => ({ ...line, where: places.join(', ') }));
}

/** True when the pane may write from this source: a sure read, or one the user confirmed. */
export function isSureRead(data: SourceData | undefined): boolean {
  if (!data) return false;
  return data.history ? data.history.confident : data.layout.confident;
}
