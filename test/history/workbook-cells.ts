/**
 * Test helpers: a saved .xlsx as grids of values (through the bounded package reader, as the
 * command line reads it) and as the Excel fake's sheets (as the pane reads it).
 */
import { readFileSync } from 'node:fs';
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';
import { FakeWorkbook, type CellValue } from '../support/excel-fake';

/** Each sheet's cells as `range.values` gives them (a formula's saved value, text without its mark). */
export function sheetValues(path: string): Map<string, Map<string, CellValue>> {
  const input = readWorkbookPackage(readFileSync(path));
  const cached = new Map(input.formulas.map((f) => [`${f.sheet}!${f.row}:${f.col}`, f.cached]));
  const out = new Map<string, Map<string, CellValue>>();
  for (const sheet of input.sheetNames) {
    const cells = new Map<string, CellValue>();
    for (const c of input.contents[sheet]) {
      let v: unknown = c.content;
      if (typeof v === 'string' && v.startsWith('=')) v = cached.get(`${sheet}!${c.row}:${c.col}`) ?? '';
      if (typeof v === 'string' && v.startsWith("'")) v = v.slice(1);
      if (typeof v === 'string' && v.startsWith('=#')) v = v.slice(1);
      cells.set(`${c.row}:${c.col}`, (v ?? null) as CellValue);
    }
    out.set(sheet, cells);
  }
  return out;
}

/** The grid of one sheet's rectangle (0-based, inclusive), blanks as ''. */
export function gridOf(path: string, sheet: string, top: number, left: number, bottom: number, right: number): CellValue[][] {
  const cells = sheetValues(path).get(sheet)!;
  return Array.from({ length: bottom - top + 1 }, (_, r) => Array.from({ length: right - left + 1 }, (_, c) => cells.get(`${top + r}:${left + c}`) ?? ''));
}

/** The workbook as the Excel fake, every sheet's values in place. */
export function fakeOf(path: string): FakeWorkbook {
  const workbook = new FakeWorkbook();
  for (const [name, cells] of sheetValues(path)) {
    const sheet = workbook.addSheet(name);
    for (const [key, value] of cells) {
      const [r, c] = key.split(':').map(Number);
      sheet.ensure(r, c).value = value;
    }
  }
  return workbook;
}

/** The value of `=SUM('S'!$A$1:$B$2,…)` (or `=S!$A$1&""`) written by the pane, computed on the fake's cells. */
export function evaluateRefs(workbook: FakeWorkbook, formula: string): number | string {
  const text = /^=(.*)&""$/.exec(formula);
  const refs = (text ? text[1] : /^=SUM\((.*)\)$/.exec(formula)?.[1] ?? '').split(',');
  let total = 0;
  for (const ref of refs) {
    const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref.trim());
    if (!m) throw new Error(`not a reference: ${ref}`);
    const sheet = workbook.sheet(m[1].replace(/''/g, "'"))!;
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const [c1, r1, c2, r2] = [col(m[2]), +m[3] - 1, col(m[4] ?? m[2]), +(m[5] ?? m[3]) - 1];
    if (text) return String(sheet.cell(r1, c1)?.value ?? '');
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) {
      const v = sheet.cell(r, c)?.value;
      if (typeof v === 'number') total += v;
    }
  }
  return total;
}
