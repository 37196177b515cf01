/**
 * Only what the MKT cells need: the formula cells an MKT cell reads, directly or through other
 * formulas and defined names, found from the formulas' text. Every other formula cell is handed to
 * the engine as the value the file saved, so that a workbook of thousands of formulas around a
 * few MKT cells costs the few. A formula that reads cells its text does not name (INDIRECT,
 * OFFSET) makes every formula a precedent, as before.
 */
import type { RawCellContent } from 'hyperformula';
import { identifiersOf } from './formula-text';
import type { FormulaCell, WorkbookInput } from './workbook';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([\p{L}\p{N}_.\\]+))!`;
const PART = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}|\$?[A-Za-z]{1,3}|\$?\d{1,7}`;
const REFERENCE = new RegExp(String.raw`(?<![\p{L}\p{N}_.\\$])(?:${SHEET})?(${PART})(?::(${PART}))?(?![\p{L}\p{N}_(])`, 'gu');
// INDIRECT and OFFSET read cells their text does not name; a structured reference (Table[Col]) names them through a table.
const DYNAMIC = /\b(INDIRECT|OFFSET)\s*\(|[\w.]\[/i;

function colOf(letters: string): number {
  let col = 0;
  for (const letter of letters.toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return col - 1;
}

/** 0-based row and column bounds of one side of a reference ("B2", "B", "2"), undefined when it is none. */
function side(text: string): { rows: [number, number]; cols: [number, number] } | undefined {
  const plain = text.replace(/\$/g, '');
  let m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(plain);
  if (m) return { rows: [Number(m[2]) - 1, Number(m[2]) - 1], cols: [colOf(m[1]), colOf(m[1])] };
  m = /^([A-Za-z]{1,3})$/.exec(plain);
  if (m) return { rows: [0, MAX_ROW - 1], cols: [colOf(m[1]), colOf(m[1])] };
  m = /^(\d{1,7})$/.exec(plain);
  if (m) return { rows: [Number(m[1]) - 1, Number(m[1]) - 1], cols: [0, MAX_COL - 1] };
  return undefined;
}

/** The areas a formula's text names (text literals left out), on `here` unless a sheet is given. */
function areasOf(formula: string, here: string, sheetOf: (name: string) => string | undefined): Area[] {
  const areas: Area[] = [];
  for (const m of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(REFERENCE)) {
    const named = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const sheet = named !== undefined ? sheetOf(named) : here;
    const a = side(m[3]);
    const b = m[4] === undefined ? a : side(m[4]);
    // A lone column letters or row number is a name or a number, not a reference.
    if (!sheet || !a || !b || (m[4] === undefined && !/^\$?[A-Za-z]{1,3}\$?\d/.test(m[3]))) continue;
    areas.push({ sheet, top: Math.min(a.rows[0], b.rows[0]), bottom: Math.max(a.rows[1], b.rows[1]), left: Math.min(a.cols[0], b.cols[0]), right: Math.max(a.cols[1], b.cols[1]) });
  }
  return areas;
}

/**
 * The indexes of input.formulas that the MKT cells need (themselves included), or undefined when
 * every formula may be needed (a dynamic reference among them).
 */
export function mktPrecedents(input: WorkbookInput, isMkt: (f: FormulaCell) => boolean): Set<number> | undefined {
  const byLower = new Map(input.sheetNames.map((n) => [n.toLowerCase(), n]));
  const sheetOf = (name: string) => byLower.get(name.toLowerCase());
  // Formula cells by sheet and column, rows sorted; array formulas by their areas.
  const columns = new Map<string, Map<number, Array<{ row: number; index: number }>>>();
  const arrays: Array<Area & { index: number }> = [];
  input.formulas.forEach((f, index) => {
    let sheet = columns.get(f.sheet);
    if (!sheet) columns.set(f.sheet, (sheet = new Map()));
    let column = sheet.get(f.col);
    if (!column) sheet.set(f.col, (column = []));
    column.push({ row: f.row, index });
    if (f.arrayRef?.includes(':')) {
      const [from, to] = f.arrayRef.split(':').map(side);
      if (from && to) arrays.push({ sheet: f.sheet, top: from.rows[0], bottom: to.rows[1], left: from.cols[0], right: to.cols[1], index });
    }
  });
  for (const sheet of columns.values()) for (const column of sheet.values()) column.sort((a, b) => a.row - b.row);
  const names = new Map<string, string[]>();
  for (const n of input.names) names.set(n.name.toUpperCase(), [...(names.get(n.name.toUpperCase()) ?? []), n.formula]);

  const needed = new Set<number>();
  const work: number[] = [];
  const add = (index: number) => {
    if (!needed.has(index)) {
      needed.add(index);
      work.push(index);
    }
  };
  input.formulas.forEach((f, i) => {
    if (isMkt(f)) add(i);
  });
  const seenNames = new Set<string>();
  const visitText = (text: string, here: string, pending: string[]): boolean => {
    if (DYNAMIC.test(text)) return false;
    for (const area of areasOf(text, here, sheetOf)) {
      const sheet = columns.get(area.sheet);
      if (sheet) {
        for (const [col, rows] of sheet) {
          if (col < area.left || col > area.right) continue;
          // First row at or below the area's top, by binary search.
          let lo = 0;
          let hi = rows.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (rows[mid].row < area.top) lo = mid + 1;
            else hi = mid;
          }
          for (let k = lo; k < rows.length && rows[k].row <= area.bottom; k++) add(rows[k].index);
        }
      }
      for (const a of arrays) {
        if (a.sheet === area.sheet && a.top <= area.bottom && a.bottom >= area.top && a.left <= area.right && a.right >= area.left) add(a.index);
      }
    }
    for (const id of identifiersOf(text)) if (names.has(id) && !seenNames.has(id)) pending.push(id);
    return true;
  };
  while (work.length > 0) {
    const f = input.formulas[work.pop()!];
    const pending: string[] = [];
    if (!visitText(f.formula, f.sheet, pending)) return undefined;
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seenNames.has(id)) continue;
      seenNames.add(id);
      for (const text of names.get(id)!) if (!visitText(text, f.sheet, pending)) return undefined;
    }
  }
  return needed;
}

/**
 * The workbook with only the formulas the MKT cells need: every other formula cell holds the value
 * the file saved (blank when it saved none). The same workbook when every formula may be needed.
 */
export function keepMktPrecedents(input: WorkbookInput, isMkt: (f: FormulaCell) => boolean): WorkbookInput {
  const needed = mktPrecedents(input, isMkt);
  if (!needed || needed.size === input.formulas.length) return input;
  const saved = new Map<string, Map<number, RawCellContent>>();
  input.formulas.forEach((f, i) => {
    if (needed.has(i)) return;
    let sheet = saved.get(f.sheet);
    if (!sheet) saved.set(f.sheet, (sheet = new Map()));
    sheet.set(f.row * MAX_COL + f.col, (f.cached ?? null) as RawCellContent);
  });
  const contents: WorkbookInput['contents'] = {};
  for (const sheet of input.sheetNames) {
    const replaced = saved.get(sheet);
    contents[sheet] = replaced
      ? input.contents[sheet].flatMap((c) => {
          const key = c.row * MAX_COL + c.col;
          if (!replaced.has(key)) return [c];
          const value = replaced.get(key);
          return value === null || value === undefined ? [] : [{ ...c, content: value }];
        })
      : input.contents[sheet];
  }
  return { ...input, contents, formulas: input.formulas.filter((_, i) => needed.has(i)) };
}
