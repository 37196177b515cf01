/**
 * The engine bridge for the portable copy: values for the MKT cells the copy freezes but whose
 * file saved no value (a workbook written by a library, never opened in Excel), computed as
 * check-workbook computes them, so that a frozen cell never comes out blank. A spilling call
 * stored as a plain formula shows its first value, as Excel's implicit intersection does, and so
 * does a plain formula given several values where MKT reads one (the cell on its row, a range's
 * or array's value as Excel intersects it); a cell computed only beyond the engine otherwise gets
 * no value (the copy's report says it is empty).
 */
import { mapMktCalls, toDottedForm } from '../formula/mkt-calls';
import type { FrozenValue } from '../portable/portable-copy';
import { NATIVE } from '../portable/translate';
import { toEngineText } from './formula-text';
import { beyondEngine, outputOf, recomputeMktCells, type CellOutput } from './recompute';
import { buildWorkbookEngine, type WorkbookInput } from './workbook';
import { readWorkbookPackage } from './xlsx-reader';

function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function colOf(text: string): number {
  return [...text.replace('$', '').toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * One value of several, as Excel's implicit intersection takes it in a plain formula at `row`,
 * `col` (1-based): the cell of a column range on the formula's row, of a row range in its column,
 * an array constant's first value; #VALUE! when there is none. Undefined when `text` holds one value.
 */
function intersect(text: string, row: number, col: number): string | undefined {
  const t = text.trim();
  if (t.startsWith('{')) return /^\{\s*("(?:[^"]|"")*"|[^,;}]*)/.exec(t)?.[1].trim() || '#VALUE!';
  const m = /^((?:'(?:[^']|'')+'|[\p{L}\p{N}_.\\]+)!)?(?:(\$?[A-Za-z]{1,3})(\$?\d{1,7})?:(\$?[A-Za-z]{1,3})(\$?\d{1,7})?|(\$?\d{1,7}):(\$?\d{1,7}))$/u.exec(t);
  if (!m) return undefined;
  const sheet = m[1] ?? '';
  if (m[6] !== undefined) {
    const [top, bottom] = [Number(m[6].replace('$', '')), Number(m[7].replace('$', ''))].sort((a, b) => a - b);
    return top === bottom ? `${sheet}${letters(col)}${top}` : '#VALUE!';
  }
  if ((m[3] === undefined) !== (m[5] === undefined)) return undefined;
  const [left, right] = [colOf(m[2]), colOf(m[4])].sort((a, b) => a - b);
  const [top, bottom] = m[3] === undefined ? [1, 1_048_576] : [Number(m[3].replace('$', '')), Number(m[5].replace('$', ''))].sort((a, b) => a - b);
  if (left === right && top <= row && row <= bottom) return top === bottom ? `${sheet}${letters(left)}${top}` : `${sheet}${letters(left)}${row}`;
  if (top === bottom && left <= col && col <= right) return `${sheet}${letters(col)}${top}`;
  return left === right && top === bottom ? undefined : '#VALUE!';
}

/** The formula with each one-value argument that holds several values intersected, or undefined when none does. */
function intersectedFormula(formula: string, row: number, col: number): string | undefined {
  let changed = false;
  const out = mapMktCalls(formula, (site, args) => {
    const params = NATIVE[site.id]?.params ?? [];
    const next = args.map((arg, i) => {
      const kind = params[i]?.kind;
      if (kind !== 'number' && kind !== 'yesno' && kind !== 'text') return arg;
      const one = intersect(arg, row, col);
      if (one === undefined) return arg;
      changed = true;
      return one;
    });
    return `${site.written}(${next.join(',')}${site.closed ? ')' : ''}`;
  });
  return changed ? out : undefined;
}

/** Values of the plain formulas Excel computes by implicit intersection, which the engine does not. */
function intersectedValues(input: WorkbookInput, keys: ReadonlySet<string>): Map<string, CellOutput> {
  const found = new Map<string, CellOutput>();
  const todo = input.formulas
    .filter((f) => keys.has(`${f.sheet}!${f.cell}`) && !f.arrayRef && !f.problem)
    .map((f) => ({ f, text: intersectedFormula(f.formula, f.row + 1, f.col + 1) }))
    .filter((t) => t.text !== undefined);
  if (todo.length === 0) return found;
  const { engine } = buildWorkbookEngine(input);
  for (const { f, text } of todo) {
    try {
      const value = engine.calculateFormula(`=${toEngineText(toDottedForm(text!))}`, engine.getSheetId(f.sheet)!);
      const output = Array.isArray(value) ? outputOf(value[0][0]) : outputOf(value);
      if (!beyondEngine(output)) found.set(`${f.sheet}!${f.cell}`, output);
    } catch {
      // not a formula the engine reads: no value
    }
  }
  return found;
}

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
  let input: WorkbookInput;
  try {
    input = readWorkbookPackage(Buffer.from(bytes));
    reports = recomputeMktCells(input);
  } catch {
    return found; // past check-workbook's limits: the cells stay empty, and the report says so
  }
  const beyond = new Set<string>();
  for (const report of reports) {
    const key = `${report.sheet}!${report.cell}`;
    if (!wanted.has(key)) continue;
    if (report.status !== 'computed') {
      beyond.add(key);
      continue;
    }
    const value = frozenValue(report.value);
    if (value !== undefined) found.set(key, value);
  }
  // Several values where MKT reads one, in a plain formula: Excel intersects them.
  if (beyond.size > 0) {
    for (const [key, output] of intersectedValues(input, beyond)) {
      const value = frozenValue(output);
      if (value !== undefined) found.set(key, value);
    }
  }
  return found;
}
