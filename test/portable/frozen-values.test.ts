/**
 * A frozen cell always carries a value (issue 22, item 8): a file written by a library saves no
 * value for its formulas, and a call the copy must freeze (ALLOCATE stored as a plain formula, a
 * range where one value is read) then gets the value MKT computes, through the engine bridge of
 * `npm run portable`, never a blank.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/tools/portable';
import { readWorkbookPackage } from '../../src/tools/engine/xlsx-reader';
import { variant } from '../support/package-variants';

const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
const fx = (ref: string, formula: string) => `<c r="${ref}"><f>${formula}</f></c>`;

describe('npm run portable on a workbook with no saved values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mkt-frozen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes the value MKT computes in every frozen cell', async () => {
    const rows =
      `<row r="1">${num('A1', 100)}${num('B1', 500)}${fx('D1', '_xldudf_MKT_ALLOCATE(1000,A1:A3,B1:B3)')}${fx('E1', '_xldudf_MKT_ROI_BAND(B1:B3)')}</row>` +
      `<row r="2">${num('A2', 200)}${num('B2', 800)}${fx('E2', '_xldudf_MKT_ROI_RATIO(B1:B3,A1:A3)')}</row>` +
      `<row r="3">${num('A3', 300)}${num('B3', 300)}</row>`;
    const input = join(dir, 'library.xlsx');
    writeFileSync(input, variant({ sheets: [{ name: 'S', rows }] }));
    expect(await main([input, join(dir, 'copy.xlsx')])).toBe(0);
    const copy = readWorkbookPackage(readFileSync(join(dir, 'copy.xlsx')));
    const cell = (ref: string) => copy.contents.S.find((c) => c.row === Number(ref.slice(1)) - 1 && c.col === ref.charCodeAt(0) - 65)?.content;
    // ALLOCATE stored as a plain formula: Excel shows its first value (implicit intersection).
    expect(typeof cell('D1')).toBe('number');
    expect(cell('D1') as number).toBeGreaterThan(0);
    // A range where one value is read: MKT's value here is beyond the engine, so no guessed value.
    expect(cell('E1')).toBeUndefined();
    // The translated cell stays a formula.
    expect(copy.formulas.map((f) => f.cell)).toContain('E2');
  });
});
