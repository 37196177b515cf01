/**
 * Real workbooks through the engine: every formula evaluated, every MKT cell compared with the
 * rules called directly on the cells' values (helpers/oracle.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { readXlsxFile, toWorkbookInput } from '../../src/tools/engine/workbook';
import { compareWithRules } from './helpers/compare';
import { buildEmptyDataWorkbook, buildMessyWorkbook } from './helpers/messy-workbooks';

const EXAMPLES = join(__dirname, '..', '..', 'assets', 'examples');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mkt-workbooks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Through a real .xlsx file, as check-workbook reads it. */
async function roundTrip(workbook: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return readXlsxFile(path);
}

describe.each(['budget-tpe-fr.xlsx', 'budget-pme-qc.xlsx'])('example %s', (name) => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readXlsxFile(join(EXAMPLES, name));
  });

  it('shows in every MKT cell what the rules give for the cells it reads', () => {
    const { checked, differences } = compareWithRules(workbook);
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('computes every formula without an error', () => {
    expect(compareWithRules(workbook).errors).toEqual([]);
  });

  it('opens on the "À lire" sheet', () => {
    expect(workbook.worksheets[0].name).toBe('À lire');
    expect(workbook.worksheets[0].getCell('A1').text).toMatch(/^Exemple MKT/);
  });

  it('stores formulas in English with commas, as .xlsx files do', () => {
    const formulas = toWorkbookInput(workbook).formulas.map((f) => f.formula.replace(/"[^"]*"/g, '""'));
    expect(formulas.filter((f) => f.includes(';'))).toEqual([]);
    expect(formulas.some((f) => f.startsWith('MKT.ALLOCATE('))).toBe(true);
  });
});

it('the Québec example uses the internalisation, lifetime value, allocation and pilot functions', async () => {
  const formulas = toWorkbookInput(await readXlsxFile(join(EXAMPLES, 'budget-pme-qc.xlsx'))).formulas.map((f) => f.formula);
  for (const id of ['INTERNALISE_SIGNAL', 'FEES_TO_SALARY', 'LTV', 'RETENTION_LEVER', 'ALLOCATE', 'PILOT_VERDICT']) {
    expect(formulas.some((f) => f.includes(`MKT.${id}(`))).toBe(true);
  }
});

it('the French example uses the tier, ROI, allocation and label functions', async () => {
  const formulas = toWorkbookInput(await readXlsxFile(join(EXAMPLES, 'budget-tpe-fr.xlsx'))).formulas.map((f) => f.formula);
  for (const id of ['BUDGET_TIER', 'ROI_RATIO', 'ROI_BAND', 'ALLOCATE', 'LABEL']) {
    expect(formulas.some((f) => f.includes(`MKT.${id}(`))).toBe(true);
  }
});

describe('messy workbooks', () => {
  it('agree with the rules despite blanks, "n/a", text numbers, merges, a missing column and empty ranges', async () => {
    const { checked, differences } = compareWithRules(await roundTrip(buildMessyWorkbook(), 'messy.xlsx'));
    expect(differences).toEqual([]);
    expect(checked).toBe(35); // 29 formulas in column B, 6 filled-down copies in column D
  });

  it('agree with the rules when the data sheet is entirely empty', async () => {
    const { checked, differences } = compareWithRules(await roundTrip(buildEmptyDataWorkbook(), 'empty.xlsx'));
    expect(differences).toEqual([]);
    expect(checked).toBe(4);
  });
});
