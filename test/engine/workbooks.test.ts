/**
 * Real workbooks through the engine: every formula evaluated, every MKT cell compared with the
 * rules called directly on the cells' values (helpers/oracle.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as rules from '../../src/rules';
import { recompute } from '../../src/engine/recompute';
import { readXlsxFile, toWorkbookInput, WorkbookReadError } from '../../src/engine/workbook';
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
    expect(formulas.some((f) => f.startsWith('_xldudf_MKT_ALLOCATE('))).toBe(true);
  });
});

it('the Québec example uses the internalisation, lifetime value, allocation and pilot functions', async () => {
  const formulas = toWorkbookInput(await readXlsxFile(join(EXAMPLES, 'budget-pme-qc.xlsx'))).formulas.map((f) => f.formula);
  for (const id of ['INTERNALISE_SIGNAL', 'FEES_TO_SALARY', 'LTV', 'RETENTION_LEVER', 'ALLOCATE', 'PILOT_VERDICT']) {
    expect(formulas.some((f) => f.includes(`_xldudf_MKT_${id}(`))).toBe(true);
  }
});

it('the Québec example holds a marginal arbitrage block: fits, marginal returns, optimal spends and the allocation', async () => {
  const workbook = await readXlsxFile(join(EXAMPLES, 'budget-pme-qc.xlsx'));
  const formulas = toWorkbookInput(workbook).formulas.filter((f) => f.sheet === 'Arbitrage marginal').map((f) => f.formula);
  for (const id of ['RESPONSE_FIT', 'MARGINAL_ROAS', 'OPTIMAL_SPEND', 'BREAKEVEN_ROAS', 'ALLOCATE_MARGINAL']) {
    expect(formulas.some((f) => f.includes(`_xldudf_MKT_${id}(`))).toBe(true);
  }
  // Its cells agree with the rules (the comparison above covers every sheet); here, what the block shows.
  const { input, engine } = recompute(toWorkbookInput(workbook));
  const sheet = engine.getSheetId('Arbitrage marginal')!;
  const anchor = input.formulas.find((f) => f.sheet === 'Arbitrage marginal' && f.formula.startsWith('_xldudf_MKT_ALLOCATE_MARGINAL('))!;
  const amounts = Array.from({ length: 6 }, (_, i) => engine.getCellValue({ sheet, row: anchor.row + i, col: anchor.col }) as number);
  expect(amounts.reduce((a, b) => a + b, 0)).toBeCloseTo(13000, 6);
  const codes = Array.from({ length: 6 }, (_, i) => engine.getCellValue({ sheet, row: anchor.row + i, col: 4 }));
  expect(codes).toEqual(['CURVE', 'CURVE', 'LINEAR', 'CURVE', 'CURVE', 'LINEAR']);
  expect(amounts[3]).toBe(1.5 * 1900); // Contenu et SEO stops at its ceiling
});

it('the French example uses the tier, ROI, allocation and label functions', async () => {
  const formulas = toWorkbookInput(await readXlsxFile(join(EXAMPLES, 'budget-tpe-fr.xlsx'))).formulas.map((f) => f.formula);
  for (const id of ['BUDGET_TIER', 'ROI_RATIO', 'ROI_BAND', 'ALLOCATE', 'LABEL']) {
    expect(formulas.some((f) => f.includes(`_xldudf_MKT_${id}(`))).toBe(true);
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

describe('reading .xlsx files', () => {
  it('resolves the workbook\'s defined names in MKT formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Données');
    sheet.addRows([
      [100, 400],
      [200, 300],
    ]);
    workbook.definedNames.add("'Données'!$A$1:$A$2", 'depenses');
    workbook.definedNames.add("'Données'!$B$1:$B$2", 'revenus');
    sheet.getCell('D1').value = { formula: 'MKT.ROI_RATIO(revenus,depenses)' };
    const { mktCells } = recompute(toWorkbookInput(await roundTrip(workbook, 'names.xlsx')));
    expect(mktCells.map((c) => c.value)).toEqual([rules.roiRatio(400 + 300, 100 + 200)]);
  });

  it('reads functions stored with the file format\'s _xlfn. prefix', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').getCell('A1').value = { formula: '_xlfn.IFS(TRUE,MKT.ROI_RATIO(8,2))' };
    const { mktCells } = recompute(toWorkbookInput(await roundTrip(workbook, 'xlfn.xlsx')));
    expect(mktCells).toEqual([
      { sheet: 'S', cell: 'A1', formula: '=IFS(TRUE,MKT.ROI_RATIO(8,2))', value: rules.roiRatio(8, 2), storage: 'typed-without-mkt', status: 'computed' },
    ]);
  });

  it('refuses an old .xls or encrypted file with what to do', async () => {
    const path = join(dir, 'old.xls');
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(readXlsxFile(path)).rejects.toThrow(WorkbookReadError);
    await expect(readXlsxFile(path)).rejects.toThrow(/save it unprotected as "Excel Workbook \(\.xlsx\)"/);
  });
});
