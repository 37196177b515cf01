/**
 * The committed example files: the values cached in them are the values the add-in computes,
 * and they are what `npm run examples` writes today.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import ExcelJSRuntime from 'exceljs';
import { toDottedForm } from '../../src/formula/mkt-calls';
import { buildExampleFile, EXAMPLES } from '../../src/examples/build-examples';
import { recompute } from '../../src/engine/recompute';
import { a1, cellsOfRange, parseA1, readXlsxFile, toWorkbookInput } from '../../src/engine/workbook';

const EXAMPLES_DIR = join(__dirname, '..', '..', 'assets', 'examples');

/** A cached value as stored in the file: a number, text, boolean, or an error code. */
function cachedForm(value: unknown): unknown {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (typeof value === 'object' && value !== null && 'error' in value) return { error: (value as { error: string }).error };
  return value ?? null;
}

/** Every formula cell, and every cell an array formula covers, with its cached value. */
function cachedValues(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const cached = new Map<string, unknown>();
  for (const f of toWorkbookInput(workbook).formulas) {
    cached.set(`${f.sheet}!${f.cell}`, cachedForm(f.cached));
    for (const { row, col } of f.arrayRef ? cellsOfRange(f.arrayRef) : []) {
      if (row === f.row && col === f.col) continue;
      cached.set(`${f.sheet}!${a1(row, col)}`, cachedForm(workbook.getWorksheet(f.sheet)!.getCell(row + 1, col + 1).value));
    }
  }
  return cached;
}

describe.each(Object.keys(EXAMPLES))('%s', (name) => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readXlsxFile(join(EXAMPLES_DIR, name));
  });

  it('caches in each formula cell the value recomputed by the engine', () => {
    const cached = cachedValues(workbook);
    const { engine } = recompute(toWorkbookInput(workbook));
    const differences: string[] = [];
    for (const [where, value] of cached) {
      const [sheet, cell] = where.split('!');
      const address = { sheet: engine.getSheetId(sheet)!, ...parseA1(cell) };
      const recomputed = cachedForm(engine.getCellValue(address));
      if (!Object.is(JSON.stringify(recomputed), JSON.stringify(value))) {
        differences.push(`${where}: cached ${JSON.stringify(value)}, recomputed ${JSON.stringify(recomputed)}`);
      }
    }
    expect(differences).toEqual([]);
    expect(cached.size).toBeGreaterThan(30);
  });

  it('covers exactly the cells its array formulas spill into', () => {
    const { input, engine } = recompute(toWorkbookInput(workbook));
    const arrays = input.formulas.filter((f) => f.arrayRef);
    expect(arrays.length).toBeGreaterThan(0);
    for (const f of arrays) {
      const result = engine.calculateFormula(`=${toDottedForm(f.formula)}`, engine.getSheetId(f.sheet)!);
      // A one-cell result is a one-cell dynamic array (ref="B12"), as Excel stores a custom function.
      if (!Array.isArray(result)) {
        expect(`${f.sheet}!${f.arrayRef}`).toBe(`${f.sheet}!${f.cell}`);
        continue;
      }
      expect(`${f.sheet}!${f.arrayRef}`).toBe(`${f.sheet}!${f.cell}:${a1(f.row + result.length - 1, f.col + result[0].length - 1)}`);
    }
  });

  it('is what npm run examples generates from today’s rules (run it after changing them)', async () => {
    const committed = toWorkbookInput(workbook);
    const written = new ExcelJSRuntime.Workbook();
    await written.xlsx.load((await buildExampleFile(name)) as unknown as ExcelJS.Buffer);
    const generated = toWorkbookInput(written);
    expect(committed.contents).toEqual(generated.contents);
    expect(committed.formulas).toEqual(generated.formulas);
  });
});
