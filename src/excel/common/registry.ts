/**
 * The record of what the pane wrote: which sheet, and exactly which cells. Pure: no Office.js.
 *
 * A record is a set of workbook names, each referring to ONE area, so no list separator is ever
 * involved (a `,`-joined multi-area name formula is refused where the separator is `;` — French
 * Windows, fr-FR, fr-CA: office-js issue 2891):
 * - `MKT_SHEET_<KIND>`: the bounding box of the block. It says which sheet; Excel keeps it right
 *   when the sheet is renamed or rows are inserted;
 * - `MKT_SHEET_<KIND>_1` … `_N` (hidden): the areas the pane wrote, one name each.
 *
 * Records of earlier versions still read: one name holding every area (`=S!$A$1,S!$A$2:$B$2`, also
 * rendered localized with `;`, issue 2834), and, oldest, one rectangle whose cells are not known
 * (none is then taken to be the pane's).
 */
import type { SheetKind } from '../words/sheets';
import { parseAddress, quoteSheetName, rangeAddress, Rect, unquoteSheetName } from './sheet-utils';

export interface SheetInfo {
  name: string;
  protected: boolean;
}

export interface RegistryEntry {
  sheet: string;
  /** Bounding box of what the pane wrote. */
  rect: Rect;
  /** The cells the pane wrote, or undefined for the oldest record (one rectangle, cells not known). */
  areas?: Rect[];
}

/** One name to add, or to re-point when it exists. */
export interface RecordName {
  name: string;
  formula: string;
  comment: string;
  hidden?: boolean;
}

export const RECORD_COMMENT = 'MKT task pane';

/** Prefix of the workbook-scoped names that record which sheet (and region) the pane wrote. */
export const REGISTRY_PREFIX = 'MKT_SHEET_';
export const registryName = (kind: SheetKind | 'transfer'): string => REGISTRY_PREFIX + kind.toUpperCase();

// A sheet kind may hold letters, digits and underscores, but must not end in `_<digits>`: that
// suffix marks an area name.
const AREA = new RegExp(`^(${REGISTRY_PREFIX}[A-Z][A-Z0-9_]*?)_(\\d+)$`);
const isBase = (name: string) => name.startsWith(REGISTRY_PREFIX) && /^[A-Z][A-Z0-9_]*$/.test(name.slice(REGISTRY_PREFIX.length)) && !AREA.test(name);

/** `MKT_SHEET_DIAGNOSTIC_3` → the record it belongs to and its index; undefined for any other name. */
export function recordAreaOf(name: string): { base: string; index: number } | undefined {
  const m = AREA.exec(name.toUpperCase());
  return m ? { base: m[1], index: Number(m[2]) } : undefined;
}

/** A single-area reference for a name: `=Diagnostic!$A$1:$B$2`. */
export function areaFormula(sheet: string, r: Rect): string {
  return `=${quoteSheetName(sheet)}!${rangeAddress(r.row, r.column, r.rows, r.columns, true)}`;
}

export function boundingBox(rects: readonly Rect[]): Rect {
  const row = Math.min(...rects.map((r) => r.row));
  const column = Math.min(...rects.map((r) => r.column));
  return {
    row,
    column,
    rows: Math.max(...rects.map((r) => r.row + r.rows)) - row,
    columns: Math.max(...rects.map((r) => r.column + r.columns)) - column,
  };
}

/** The names that record `areas` of `sheet` under `key`: the bounding box, then one hidden name per area. */
export function recordNames(key: string, sheet: string, areas: readonly Rect[]): RecordName[] {
  return [
    { name: key, formula: areaFormula(sheet, boundingBox(areas)), comment: RECORD_COMMENT },
    ...areas.map((r, i) => ({ name: `${key}_${i + 1}`, formula: areaFormula(sheet, r), comment: RECORD_COMMENT, hidden: true })),
  ];
}

/** Area names of an earlier, longer record under `key` that the new record no longer uses. */
export function staleRecordNames(key: string, areaCount: number, names: ReadonlyArray<{ name: string }>): string[] {
  return names.filter((n) => {
    const area = recordAreaOf(n.name);
    return area !== undefined && area.base === key.toUpperCase() && area.index > areaCount;
  }).map((n) => n.name);
}

const R1C1 = /^(?:('(?:[^']|'')+'|[^'!]+)!)?[RL]\$?(\d+)C\$?(\d+)(?::[RL]\$?(\d+)C\$?(\d+))?$/i;

/** One area as a name's formula may render it: A1 (`S!$A$1:$B$2`) or absolute R1C1, English or French (`S!L1C1:L2C2`). */
function parseArea(text: string): { sheet?: string; rect: Rect } | undefined {
  const a1 = parseAddress(text);
  if (a1) return a1;
  const m = R1C1.exec(text.trim());
  if (!m) return undefined;
  const [r1, c1] = [+m[2] - 1, +m[3] - 1];
  const [r2, c2] = m[4] ? [+m[4] - 1, +m[5] - 1] : [r1, c1];
  if (r1 < 0 || c1 < 0 || r2 < 0 || c2 < 0) return undefined;
  return {
    sheet: m[1] === undefined ? undefined : unquoteSheetName(m[1]),
    rect: { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 },
  };
}

/**
 * The areas of a name's formula: one sheet, any number of areas, joined by `,` or, as a host whose
 * list separator is `;` renders it, by `;`. Undefined for #REF!, several sheets or anything else.
 * @example parseRecordFormula('=Diagnostic!$A$1;Diagnostic!$A$2:$B$2') //=> { sheet: 'Diagnostic', rects: [A1, A2:B2] }
 */
export function parseRecordFormula(formula: string): { sheet: string; rects: Rect[] } | undefined {
  const text = String(formula ?? '').trim().replace(/^=/, '');
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const parsed = parts.map(parseArea);
  if (parsed.some((p) => !p?.sheet)) return undefined;
  const sheet = parsed[0]!.sheet!;
  if (parsed.some((p) => p!.sheet!.toLowerCase() !== sheet.toLowerCase())) return undefined;
  return { sheet, rects: parsed.map((p) => p!.rect) };
}

/**
 * Where the pane wrote before, from the MKT_SHEET_* names (any of the three record forms). Keyed by
 * the upper-case record name. Pure.
 */
export function readRegistry(names: ReadonlyArray<{ name: string; formula: string }>, sheets: readonly SheetInfo[]): Record<string, RegistryEntry> {
  const areasOf = new Map<string, Array<{ index: number; sheet: string; rect: Rect }>>();
  for (const { name, formula } of names) {
    const area = recordAreaOf(name);
    if (!area) continue;
    const parsed = parseRecordFormula(String(formula ?? ''));
    if (!parsed || parsed.rects.length !== 1) continue; // #REF!: those cells were deleted
    const list = areasOf.get(area.base) ?? [];
    list.push({ index: area.index, sheet: parsed.sheet, rect: parsed.rects[0] });
    areasOf.set(area.base, list);
  }
  const out: Record<string, RegistryEntry> = {};
  for (const { name, formula } of names) {
    const key = name.toUpperCase();
    if (!isBase(key)) continue;
    const parsed = parseRecordFormula(String(formula ?? ''));
    if (!parsed) continue; // #REF!: the sheet was deleted
    const sheet = sheets.find((s) => s.name.toLowerCase() === parsed.sheet.toLowerCase());
    if (!sheet) continue;
    const own = (areasOf.get(key) ?? []).filter((a) => a.sheet.toLowerCase() === parsed.sheet.toLowerCase()).sort((a, b) => a.index - b.index);
    if (own.length > 0) {
      const areas = own.map((a) => a.rect);
      out[key] = { sheet: sheet.name, rect: boundingBox(areas), areas };
    } else {
      out[key] = { sheet: sheet.name, rect: boundingBox(parsed.rects), areas: parsed.rects.length > 1 ? parsed.rects : undefined };
    }
  }
  return out;
}
