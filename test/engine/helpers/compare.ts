/**
 * Evaluates a workbook in the engine and compares every MKT cell with the oracle (src/rules
 * called directly on the cells' values). Differences are reported with sheet and cell address.
 */
import ExcelJS from 'exceljs';
import { toDottedForm } from '../../../src/formula/mkt-calls';
import { formulaOutput, isMktFormula, outputOf, recompute, type CellOutput } from '../../../src/engine/recompute';
import { a1, cellsOfRange, parseA1, toWorkbookInput } from '../../../src/engine/workbook';
import { expectedValue, type Expected, type Scalar } from './oracle';

const EXCEL_EPOCH_OFFSET_DAYS = 25569;

/** A stored cell's value as Excel sees it, read straight from ExcelJS, not through the bridge. */
function storedValue(cell: ExcelJS.Cell): Scalar {
  if (cell.type === ExcelJS.ValueType.Merge) return null; // only the top-left cell of a merge holds a value
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + EXCEL_EPOCH_OFFSET_DAYS;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  throw new Error(`unexpected stored value at ${cell.address}: ${JSON.stringify(value)}`);
}

function same(actual: CellOutput, expected: Expected): boolean {
  if (Array.isArray(actual) || Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      Array.isArray(expected) &&
      actual.length === expected.length &&
      actual.every((row, i) => row.length === expected[i].length && row.every((v, j) => same(v, expected[i][j])))
    );
  }
  if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) {
    return actual.error === expected.error && actual.message === expected.message;
  }
  return Object.is(actual, expected);
}

export interface Comparison {
  /** MKT cells compared. */
  checked: number;
  /** One line per difference: "Sheet!A1 =formula: engine … ≠ rules …". */
  differences: string[];
  /** Formula cells (MKT or not) whose value is an error, as "Sheet!A1 #ERR". */
  errors: string[];
}

/** `except`: cells ("Sheet!A1") the oracle cannot read (a nested call), checked by the test itself. */
export function compareWithRules(workbook: ExcelJS.Workbook, options: { except?: string[] } = {}): Comparison {
  const { input, engine } = recompute(toWorkbookInput(workbook));
  const formulaAt = new Set(input.formulas.map((f) => `${f.sheet}!${f.cell}`));
  const differences: string[] = [];
  const errors: string[] = [];
  let checked = 0;

  const valueAt = (sheetName: string, row: number, col: number): Scalar => {
    const sheet = engine.getSheetId(sheetName);
    if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
    const address = { sheet, row, col };
    if (formulaAt.has(`${sheetName}!${a1(row, col)}`) || engine.isCellPartOfArray(address)) {
      return outputOf(engine.getCellValue(address)) as Scalar;
    }
    return storedValue(workbook.getWorksheet(sheetName)!.getCell(row + 1, col + 1));
  };

  for (const f of input.formulas) {
    const where = `${f.sheet}!${f.cell}`;
    const actual = formulaOutput(engine, f);
    if (actual !== null && typeof actual === 'object' && !Array.isArray(actual)) errors.push(`${where} ${actual.error}`);
    if (!isMktFormula(f.formula) || options.except?.includes(where)) continue;
    checked++;
    // The oracle reads MKT.ID( calls: every stored form is the same call (the shared reader).
    const expected = expectedValue(toDottedForm(f.formula), (sheet, from, to) => {
      const name = sheet ?? f.sheet;
      if (to === undefined) {
        const { row, col } = parseA1(from);
        return valueAt(name, row, col);
      }
      const cells = cellsOfRange(`${from}:${to}`);
      const rows = new Map<number, Scalar[]>();
      for (const { row, col } of cells) {
        if (!rows.has(row)) rows.set(row, []);
        rows.get(row)!.push(valueAt(name, row, col));
      }
      return [...rows.values()];
    });
    if (!same(actual, expected)) {
      differences.push(`${where} =${f.formula}: engine ${JSON.stringify(actual)} ≠ rules ${JSON.stringify(expected)}`);
      continue;
    }
    if (Array.isArray(expected)) {
      // The array must really spill into the cells below the anchor.
      const sheet = engine.getSheetId(f.sheet)!;
      expected.forEach((row, i) =>
        row.forEach((v, j) => {
          const shown = outputOf(engine.getCellValue({ sheet, row: f.row + i, col: f.col + j }));
          if (!same(shown, v)) differences.push(`${f.sheet}!${a1(f.row + i, f.col + j)} (spilled from ${f.cell}): ${JSON.stringify(shown)} ≠ ${JSON.stringify(v)}`);
        }),
      );
    }
  }
  return { checked, differences, errors };
}
