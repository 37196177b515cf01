/**
 * A range over the spill of an MKT array formula that gave an error (RESPONSE_FIT with no usable
 * month, ALLOCATE_MARGINAL with no history): HyperFormula 3.5 threw "Unknown array" for the whole
 * workbook when the range is exactly the spill's area. The reader gets the error instead, and an
 * MKT function passes it on as its adapter does for an error before the numbers it reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import type { HyperFormula, RawCellContent } from 'hyperformula';
import { createEngine } from '../../src/engine/engine';
import { checkWorkbook } from '../../src/engine/recompute';

const MONTHS = 12;
const zeros = (): number[] => Array.from({ length: MONTHS }, () => 0);
const fit = (o2: string): RawCellContent[][] => [
  ['', ...Array.from({ length: MONTHS }, (_, i) => i + 1)],
  // O2: a fit with no month where spend and revenue are both above 0 (#N/A), then its readers.
  ['spend', ...zeros(), null, o2, null, null, null, '=MKT.MARGINAL_ROAS(O2:R2,1000)', '=MKT.OPTIMAL_SPEND(O2:R2,0.4)', '=SUM(O2:R2)'],
  ['revenue', ...zeros()],
];

const at = (engine: HyperFormula, address: string) => engine.getCellValue(engine.simpleCellAddressFromString(address, 0)!);
const errorOf = (value: unknown) => {
  expect(value).toBeInstanceOf(DetailedCellError);
  const { value: code, message } = value as DetailedCellError;
  return { code, message };
};

describe('a range covering the spill of an errored MKT array formula', () => {
  it('RESPONSE_FIT #N/A read by MARGINAL_ROAS, OPTIMAL_SPEND and SUM gives the error passed on, not an engine exception', () => {
    const engine = createEngine({ S: fit('=MKT.RESPONSE_FIT(B2:M2,B3:M3)') });
    const fitError = errorOf(at(engine, 'O2'));
    expect(fitError.code).toBe('#N/A');
    expect(errorOf(at(engine, 'S2'))).toEqual(fitError);
    expect(errorOf(at(engine, 'T2'))).toEqual(fitError);
    expect(errorOf(at(engine, 'U2'))).toEqual(fitError);
  });

  it('a range over part of the errored spill, or larger than it, gives the error too', () => {
    const rows = fit('=MKT.RESPONSE_FIT(B2:M2,B3:M3)');
    rows[1][18] = '=MKT.MARGINAL_ROAS(O2:P2,1000)';
    rows[1][19] = '=MKT.MARGINAL_ROAS(N2:R2,1000)';
    const engine = createEngine({ S: rows });
    expect(errorOf(at(engine, 'S2')).code).toBe('#N/A');
    // N2 is blank: the adapter reads the leading blank as not a number.
    expect(errorOf(at(engine, 'T2')).code).toMatch(/^#/);
  });

  it('a fit that gives numbers is still read as numbers', () => {
    const rows = fit('=MKT.RESPONSE_FIT(B2:M2,B3:M3)');
    rows[1] = ['spend', ...Array.from({ length: MONTHS }, (_, i) => 1000 * (i + 1)), ...rows[1].slice(MONTHS + 1)];
    rows[2] = ['revenue', ...Array.from({ length: MONTHS }, (_, i) => 3000 * Math.sqrt(i + 1))];
    const engine = createEngine({ S: rows });
    expect(typeof at(engine, 'O2')).toBe('number');
    expect(typeof at(engine, 'S2')).toBe('number');
  });

  it('ALLOCATE and ROI_RATIO over an errored ALLOCATE_MARGINAL spill give its error', () => {
    // Two channels with no history: ALLOCATE_MARGINAL gives an error sized as its column of two.
    const engine = createEngine({
      S: [
        [1000, 'a', 0, 0, 0, null, '=MKT.ALLOCATE_MARGINAL(A1,C1:E2,C3:E4)', '=MKT.ALLOCATE(A1,G1:G2,C1:C2)', '=MKT.ROI_RATIO(G1:G2,C1:C2)', '=SUM(G1:G2)'],
        [null, 'b', 0, 0, 0],
        [null, null, 0, 0, 0],
        [null, null, 0, 0, 0],
      ],
    });
    const spillError = errorOf(at(engine, 'G1'));
    expect(errorOf(at(engine, 'H1'))).toEqual(spillError);
    expect(errorOf(at(engine, 'I1'))).toEqual(spillError);
    expect(errorOf(at(engine, 'J1'))).toEqual(spillError);
  });

  it('ALLOCATE over an errored ALLOCATE spill gives its error', () => {
    const engine = createEngine({
      S: [
        ['x', 0, 0, '=MKT.ALLOCATE(A1,B1:B2,C1:C2)', '=MKT.ALLOCATE(1000,D1:D2,B1:B2)'],
        ['y', 0, 0],
      ],
    });
    const spillError = errorOf(at(engine, 'D1'));
    expect(errorOf(at(engine, 'E1'))).toEqual(spillError);
  });
});

describe('check-workbook on such a workbook', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mkt-errored-spill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the fit and its reader with their Excel errors and does not crash', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Fit');
    for (let m = 0; m < MONTHS; m += 1) {
      sheet.getCell(2, m + 2).value = 0;
      sheet.getCell(3, m + 2).value = 0;
    }
    sheet.getCell('O2').value = { formula: '_xldudf_MKT_RESPONSE_FIT(B2:M2,B3:M3)', shareType: 'array', ref: 'O2:R2' } as never;
    sheet.getCell('S2').value = { formula: '_xldudf_MKT_MARGINAL_ROAS(O2:R2,1000)' };
    const path = join(dir, 'errored-fit.xlsx');
    await workbook.xlsx.writeFile(path);
    const cells = await checkWorkbook(path);
    const byCell = Object.fromEntries(cells.map((c) => [c.cell, c]));
    expect(Object.keys(byCell).sort()).toEqual(['O2', 'S2']);
    expect(byCell.O2.value).toMatchObject({ error: '#N/A' });
    expect(byCell.S2.value).toMatchObject({ error: '#N/A' });
  });
});
