/**
 * A differential fuzz (issue 22): random MKT formulas in Excel's stored forms (`_xldudf_MKT_ID(`,
 * plain and array formulas, nested calls, wrappers, names, whole columns, sheets named in any
 * letters), each workbook's portable copy recalculated by LibreOffice and compared with
 * check-workbook's value for the input. Fixed seed, bounded size: a failure prints the formula.
 *
 * Left out on purpose, as documented limits (README, "Limits"): TRUE/FALSE inside summed ranges
 * (LibreOffice counts them), French or space-grouped numeric text in cells given to number
 * arguments (read by VALUE in the opening application's language), values within 1e-15 of a threshold.
 */
import { xmlText } from '../support/hostile-corpus';
import { judgeInLibreOffice, SOFFICE_AVAILABLE, type Judged } from '../support/libreoffice-judge';
import { variant } from '../support/package-variants';
import { mulberry32 } from '../../bench/lib/prng';

jest.setTimeout(300_000);

const SEED = 22_022;
const WORKBOOKS = 3;
const CELLS_PER_WORKBOOK = 60;

/** The bench's seeded generator (mulberry32): every run draws the same workbooks. */
const random = mulberry32;

type Pick = <T>(items: readonly T[]) => T;

/** The data sheet's cells: amounts in A1:A6 and B1:B6, numbers in C, choices in D, yes/no in E, rates in F. */
function dataRows(pick: Pick, rnd: () => number): string {
  const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
  const str = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(t)}</t></is></c>`;
  const amount = (ref: string) => (rnd() < 0.85 ? num(ref, Math.round(rnd() * 5000) / 4) : rnd() < 0.5 ? str(ref, pick(['abc', '1500', ''])) : '');
  const number = (ref: string) => (rnd() < 0.7 ? num(ref, pick([0, 1, 2.5, 3, 4, 4.5, 5, 6, 40, 50, -1])) : str(ref, pick([' 4 ', '5', 'abc', '0.8'])));
  const choice = (ref: string) => str(ref, pick(['standard', ' high_margin\u00a0', '\tclickable\n', 'local_low_margin', 'luxe', 'TARGET', ' below ', 'fr', 'EN', 'FULL']));
  const yesNo = (ref: string) => (rnd() < 0.5 ? str(ref, pick(['oui\u00a0', ' NON', 'yes', '\tfaux', 'maybe', '1'])) : num(ref, pick([0, 1, 2])));
  const rate = (ref: string) => num(ref, pick([0, 0.1, 0.5, 0.8, 0.95, 1, 1.2]));
  let rows = '';
  for (let r = 1; r <= 6; r++) rows += `<row r="${r}">${amount(`A${r}`)}${amount(`B${r}`)}${number(`C${r}`)}${choice(`D${r}`)}${yesNo(`E${r}`)}${rate(`F${r}`)}</row>`;
  return rows;
}

/** A random MKT call in Excel's stored form, its arguments references, ranges, names and literals. */
function call(pick: Pick, rnd: () => number, depth = 0): string {
  const sheet = pick(['', '', 'Données!', "'O''Brien & Co'!"]);
  const row = () => 1 + Math.floor(rnd() * 6);
  const amount = () =>
    pick([
      () => `${sheet}A${row()}`,
      () => `${sheet}A1:A${row()}`,
      () => `${sheet}B1:B6`,
      () => 'Montants',
      () => `${sheet}A:A`,
      () => String(Math.round(rnd() * 9000)),
      () => `${sheet}A${row()}*2`,
      () => `IF(${sheet}C1>0,${sheet}B1:B3,0)`,
    ])();
  const number = () =>
    pick([() => `${sheet}C${row()}`, () => String(pick([0, 1, 3, 4.5, 40, 1e20])).toUpperCase().replace('E+', 'E+'), () => '"4,5"', () => '"12 34"', () => 'Taux'])();
  const rate = () => pick([() => `${sheet}F${row()}`, () => String(pick([0, 0.1, 0.8, 1]))])();
  const choice = () => pick([() => `${sheet}D${row()}`, () => '" high_margin "', () => '"fr"'])();
  const yesNo = () => pick([() => `${sheet}E${row()}`, () => 'TRUE', () => '"oui"'])();
  const nested = () => (depth < 1 && rnd() < 0.3 ? call(pick, rnd, depth + 1) : number());
  const calls: Array<() => string> = [
    () => `_xldudf_MKT_ROI_RATIO(${amount()},${amount()})`,
    () => `_xldudf_MKT_FEES_TO_SALARY(${amount()},${amount()})`,
    () => `_xldudf_MKT_BREAKEVEN_FEES(${amount()},${rnd() < 0.5 ? rate() : ''})`,
    () => `_xldudf_MKT_ROI_BAND(${nested()}${rnd() < 0.3 ? `,${number()},${number()}` : ''})`,
    () => `_xldudf_MKT_LTV(${amount()},${rate()}${rnd() < 0.5 ? `,${rate()}` : ''})`,
    () => `_xldudf_MKT_RETENTION_LEVER(${amount()},${rate()},${amount()})`,
    () => `_xldudf_MKT_BUDGET_TIER(${amount()}${rnd() < 0.7 ? `,${choice()}` : ''})`,
    () => `_xldudf_MKT_PILOT_VERDICT(${number()},${rate()}${rnd() < 0.5 ? `,${number()}` : ''}${rnd() < 0.5 ? `,${yesNo()}` : ''})`,
    () => `_xldudf_MKT_INTERNALISE_SCORE(${number()},${amount()},${amount()}${rnd() < 0.6 ? `,${yesNo()}` : ''})`,
    () => `_xldudf_MKT_INTERNALISE_SIGNAL(${number()},${amount()},${amount()}${rnd() < 0.6 ? `,${yesNo()}` : ''})`,
    () => `_xldudf_MKT_LABEL(${rnd() < 0.5 ? choice() : `_xldudf_MKT_ROI_BAND(${number()})`}${rnd() < 0.5 ? `,${choice()}` : ''})`,
    () => `_xldudf_MKT_BREAKEVEN_ROAS(${rate()})`,
  ];
  return pick(calls)();
}

function workbook(seed: number): Buffer {
  const rnd = random(seed);
  const pick: Pick = (items) => items[Math.floor(rnd() * items.length)];
  const data = dataRows(pick, rnd);
  let formulas = '';
  for (let i = 0; i < CELLS_PER_WORKBOOK; i++) {
    const r = 10 + i;
    let f = call(pick, rnd);
    const wrap = rnd();
    if (wrap < 0.15) f = `SUM(${f},1)`;
    else if (wrap < 0.25) f = `IFERROR(${f},"err")`;
    const array = rnd() < 0.4 ? ` t="array" ref="H${r}"` : '';
    formulas += `<row r="${r}"><c r="H${r}"><f${array}>${xmlText(f)}</f></c></row>`;
  }
  const sameData = data;
  return variant({
    sheets: [
      { name: 'S', rows: data + formulas },
      { name: 'Données', rows: sameData },
      { name: "O'Brien & Co", rows: sameData },
    ],
    names: '<{p}definedName name="Montants">S!$B$1:$B$4</{p}definedName><{p}definedName name="Taux">S!$C$2</{p}definedName>',
  });
}

(SOFFICE_AVAILABLE ? describe : describe.skip)(`the differential fuzz (seed ${SEED}, ${WORKBOOKS} workbooks × ${CELLS_PER_WORKBOOK} MKT cells)`, () => {
  let judged: Judged[];
  beforeAll(async () => {
    judged = await judgeInLibreOffice(Array.from({ length: WORKBOOKS }, (_, i) => ({ name: `fuzz-${i}.xlsx`, bytes: workbook(SEED + i) })));
  });

  it("gives every translated cell check-workbook's value in LibreOffice", () => {
    expect(judged.flatMap((j) => j.mismatches)).toEqual([]);
  });

  it('translates most calls and compares them all', () => {
    const items = judged.flatMap((j) => j.items);
    const translated = items.filter((i) => i.action === 'translated').length;
    expect(translated).toBeGreaterThan(WORKBOOKS * CELLS_PER_WORKBOOK * 0.6);
    expect(judged.reduce((n, j) => n + j.checked, 0)).toBeGreaterThanOrEqual(translated);
  });
});
