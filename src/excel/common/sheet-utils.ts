/** Small pure helpers for sheet names, addresses, text cells and number formats. No Office.js. */
import type { WorkbookProfile } from '../types';

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/**
 * `base`, or `base (2)`, `base (3)`… — the first name no existing sheet uses (Excel compares sheet
 * names case-insensitively), shortened to 31 characters.
 * @example uniqueSheetName('Diagnostic', ['diagnostic']) //=> 'Diagnostic (2)'
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase()));
  const trimmed = base.slice(0, MAX_SHEET_NAME);
  if (!taken.has(trimmed.toLocaleLowerCase())) return trimmed;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/**
 * A sheet name as it appears in a formula: bare when it is a plain identifier that cannot be read
 * as a cell reference, quoted otherwise (quotes doubled).
 * @example quoteSheetName('Ventes 2025') //=> "'Ventes 2025'"
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[Rr]([0-9]*)[Cc]([0-9]*)$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The sheet name out of a possibly quoted one: `'L''été'` → `L'été`. */
export function unquoteSheetName(text: string): string {
  return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text;
}

/** Excel's limit on the characters of a cell. */
const MAX_CELL_TEXT = 32767;

/**
 * A value to write as text. The caller writes it to a cell whose number format is "@" (set in
 * the same batch, before the value), so Excel keeps `=HYPERLINK(…)` as the text typed: it is never
 * read as a formula. Null and undefined become "", the text is cut to Excel's 32 767 characters.
 */
export function toTextCell(text: unknown): string {
  return String(text ?? '').slice(0, MAX_CELL_TEXT);
}

/** The text number format: what is written in such a cell stays text. */
export const TEXT_FORMAT = '@';

/**
 * The currency number format of a profile (euros for France, Canadian dollars for Québec). The
 * locale tag fixes the symbol and its place; separators follow the user's Excel.
 */
export function currencyFormat(profile: WorkbookProfile): string {
  if (profile.region === 'FR') return '#,##0 [$€-40C]';
  return profile.lang === 'fr' ? '#,##0 [$$-C0C]' : '[$$-1009]#,##0';
}

/** ROI ratios shown as "4.2:1". */
export const RATIO_FORMAT = '0.0":1"';
export const PERCENT_FORMAT = '0%';
export const INTEGER_FORMAT = '0';

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index of column letters: A → 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based cell; `absolute` adds the dollars. */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

/** A1 address of a block of cells (a single cell when 1 × 1). */
export function rangeAddress(row: number, column: number, rows = 1, columns = 1, absolute = false): string {
  const start = cellAddress(row, column, absolute);
  return rows === 1 && columns === 1 ? start : `${start}:${cellAddress(row + rows - 1, column + columns - 1, absolute)}`;
}

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A sheet-qualified address split: `'Ventes 2025'!$A$1:$C$13` → sheet and 0-based rectangle. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | undefined {
  const m = /^(?:('(?:[^']|'')+'|[^'!]+)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(address.trim());
  if (!m || /^#REF$/i.test(m[1] ?? '')) return undefined;
  const c1 = columnIndex(m[2]);
  const r1 = +m[3] - 1;
  const c2 = m[4] ? columnIndex(m[4]) : c1;
  const r2 = m[5] ? +m[5] - 1 : r1;
  if (r1 < 0 || r2 < 0) return undefined;
  return {
    sheet: m[1] === undefined ? undefined : unquoteSheetName(m[1]),
    rect: { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 },
  };
}

/** True when `inner` lies inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}

/**
 * A reference the user picked, made safe to put in a formula: it must be a sheet-qualified cell
 * or range (`Feuil1!B3`, `'Mes données'!$B$3:$B$5`); anything else is refused (undefined), so a
 * reference can never smuggle a formula in.
 */
export function toSafeReference(ref: string, { singleCell = false }: { singleCell?: boolean } = {}): string | undefined {
  const parsed = parseAddress(ref);
  if (!parsed || parsed.sheet === undefined) return undefined;
  if (/[\[\]:\\/?*]/.test(parsed.sheet) || parsed.sheet.length === 0 || parsed.sheet.length > MAX_SHEET_NAME) return undefined;
  if (singleCell && (parsed.rect.rows !== 1 || parsed.rect.columns !== 1)) return undefined;
  const { row, column, rows, columns } = parsed.rect;
  return `${quoteSheetName(parsed.sheet)}!${rangeAddress(row, column, rows, columns, true)}`;
}

/** True when the two rectangles share a cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

/**
 * Merges rectangles that together form a rectangle (same columns and touching rows, or same rows
 * and touching columns), so a record of written cells stays short. Pure; the count is small.
 */
export function mergeRects(rects: readonly Rect[]): Rect[] {
  const out = rects.map((r) => ({ ...r }));
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = 0; j < out.length && !merged; j++) {
        if (i === j) continue;
        const a = out[i];
        const b = out[j];
        if (a.column === b.column && a.columns === b.columns && a.row + a.rows === b.row) a.rows += b.rows;
        else if (a.row === b.row && a.rows === b.rows && a.column + a.columns === b.column) a.columns += b.columns;
        else continue;
        out.splice(j, 1);
        merged = true;
      }
    }
  }
  return out;
}

/**
 * The cells of `from` that lie in none of `minus`, as rectangles. Coordinate compression over the
 * rectangles' edges: the result's size depends on the number of rectangles, never on their size.
 */
export function subtractRects(from: readonly Rect[], minus: readonly Rect[]): Rect[] {
  const all = [...from, ...minus];
  const rows = [...new Set(all.flatMap((r) => [r.row, r.row + r.rows]))].sort((a, b) => a - b);
  const cols = [...new Set(all.flatMap((r) => [r.column, r.column + r.columns]))].sort((a, b) => a - b);
  const inside = (set: readonly Rect[], row: number, column: number) =>
    set.some((r) => row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns);
  const out: Rect[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    for (let j = 0; j + 1 < cols.length; j++) {
      if (inside(from, rows[i], cols[j]) && !inside(minus, rows[i], cols[j])) {
        out.push({ row: rows[i], column: cols[j], rows: rows[i + 1] - rows[i], columns: cols[j + 1] - cols[j] });
      }
    }
  }
  return mergeRects(out);
}
