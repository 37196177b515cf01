/**
 * check-workbook computes only the MKT cells and the formulas they read (issue 22, item 10), and
 * answers a workbook without MKT formulas without building the engine. The figures on a large
 * file are the bench's (npm run bench -- --only=checkworkbook), not a timed test.
 */
import * as workbookModule from '../../src/engine/workbook';
import { mktPrecedents } from '../../src/engine/precedents';
import { isMktFormula, recompute, recomputeMktCells } from '../../src/engine/recompute';
import { readWorkbookPackage } from '../../src/engine/xlsx-reader';
import { xmlText } from '../support/hostile-corpus';
import { variant } from '../support/package-variants';

const fx = (ref: string, formula: string, saved?: number) => `<c r="${ref}"><f>${xmlText(formula)}</f>${saved === undefined ? '' : `<v>${saved}</v>`}</c>`;
const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

function book(rows: string, other = '') {
  return readWorkbookPackage(
    variant({
      sheets: [{ name: 'S', rows }, { name: 'T', rows: other }],
      names: '<{p}definedName name="Spend">S!$D$1</{p}definedName>',
    }),
  );
}

afterEach(() => jest.restoreAllMocks());

describe('the MKT cells and their precedents', () => {
  const input = book(
    `<row r="1">${num('A1', 100)}${fx('B1', 'A1*2', 200)}${fx('C1', 'B1+T!A1', 205)}${fx('D1', 'A1/10', 10)}` +
      `${fx('E1', '_xldudf_MKT_ROI_RATIO(C1:C2,Spend)', 20.5)}${fx('F1', 'INDIRECT("A"&1)', 100)}${fx('G1', 'E1*F1', 2050)}</row>`,
    `<row r="1">${fx('A1', '5', 5)}${fx('B1', 'NOW()', 1)}</row>`,
  );

  it('are the formulas an MKT cell reads, through cells, other sheets and names; not those reading it', () => {
    const needed = mktPrecedents(input, (f) => isMktFormula(f.formula))!;
    expect([...needed].map((i) => `${input.formulas[i].sheet}!${input.formulas[i].cell}`).sort()).toEqual(['S!B1', 'S!C1', 'S!D1', 'S!E1', 'T!A1']);
  });

  it('give the values the whole workbook gives', () => {
    expect(recomputeMktCells(input)).toEqual(recompute(input).mktCells);
    expect(recomputeMktCells(input)[0].value).toBe(20.5);
  });

  it('are every formula when one of them reads cells its text does not name', () => {
    const dynamic = book(`<row r="1">${num('A1', 100)}${fx('B1', 'INDIRECT("A1")', 100)}${fx('E1', '_xldudf_MKT_ROI_RATIO(B1,1)', 100)}</row>`);
    expect(mktPrecedents(dynamic, (f) => isMktFormula(f.formula))).toBeUndefined();
  });
});

describe('a workbook without MKT formulas', () => {
  it('is answered without building the engine', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}">${num(`A${i + 1}`, i)}${fx(`B${i + 1}`, `INDIRECT("A${i + 1}")*2`, 2 * i)}</row>`).join('');
    const input = book(rows);
    const build = jest.spyOn(workbookModule, 'buildWorkbookEngine');
    expect(recomputeMktCells(input)).toEqual([]);
    expect(build).not.toHaveBeenCalled();
  });
});
