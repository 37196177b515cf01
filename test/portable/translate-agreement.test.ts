/**
 * The copy agrees with the add-in on the inputs issue 22 measured apart, in Excel's stored forms
 * (`_xldudf_MKT_ID(`), plain formulas and array formulas alike, LibreOffice judging: defined names,
 * expressions and whole columns in amounts; sheets named with letters outside ASCII or with any
 * quoting; no-break spaces, tabs and line breaks around choices; numeric text; fees ÷ salary past
 * the largest double. Where there is no faithful native form (several values where MKT reads one)
 * the call is frozen, keeping the value Excel saved.
 */
import { translateFormula } from '../../src/portable/translate';
import { xmlText } from '../support/hostile-corpus';
import { judgeInLibreOffice, SOFFICE_AVAILABLE, type Judged } from '../support/libreoffice-judge';
import { variant } from '../support/package-variants';

jest.setTimeout(300_000);

const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
const str = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(t)}</t></is></c>`;
/** A formula cell as Excel stores it; `saved` the value Excel saved (text as t="str"). */
const fx = (ref: string, formula: string, saved?: number | string, extra = '') =>
  `<c r="${ref}"${typeof saved === 'string' ? ' t="str"' : ''}><f${extra}>${xmlText(formula)}</f>${saved === undefined ? '' : `<v>${xmlText(String(saved))}</v>`}</c>`;
const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;

const DATA =
  row(1, num('A1', 2), num('B1', 100), num('C1', 1), num('D1', 10), str('E1', '\u00a0high_margin\t'), str('F1', 'oui\u00a0')) +
  row(2, num('A2', 3), num('B2', 200), num('C2', 2), str('E2', '\nclickable\r\n'), num('F2', 0)) +
  row(3, num('B3', 300), str('E3', '12 34'));

const CELLS = [
  // Amounts as defined names over several cells, expressions, whole columns.
  fx('H1', '_xldudf_MKT_ROI_RATIO(MKT_RW_REVENUE,A1:A2)', 120),
  fx('H2', 'SUM(_xldudf_MKT_FEES_TO_SALARY(Fees,D1),1)', 1.3),
  fx('H3', '_xldudf_MKT_ROI_RATIO(B:B,D1)', 60),
  fx('H4', '_xldudf_MKT_ROI_RATIO(IF(D1>0,B1:B3,0),D1)', 60),
  fx('H5', '_xldudf_MKT_ROI_RATIO(B1:B3*2,D1)', 120),
  fx('H6', '_xldudf_MKT_ROI_RATIO({100,200},D1)', 30),
  // Sheets with letters outside ASCII, and with doubled quotes and an ampersand.
  fx('H7', '_xldudf_MKT_ROI_RATIO(Données!B2:B6,Données!C2:C6)', 5),
  fx('H8', "_xldudf_MKT_ROI_RATIO('O''Brien & Co'!B2:B7,'O''Brien & Co'!A2:A7)", 1),
  // Text choices and yes/no with no-break spaces, tabs, line breaks; 0 for an optional choice.
  fx('H9', '_xldudf_MKT_BUDGET_TIER(1000,E1)', 'PARTIAL'),
  fx('H10', '_xldudf_MKT_BUDGET_TIER(1000,E2)', 'PARTIAL'),
  fx('H11', '_xldudf_MKT_BUDGET_TIER(1000,F2)', 'PARTIAL'),
  fx('H12', '_xldudf_MKT_INTERNALISE_SCORE(50,1000,2000,F1)', 2),
  fx('H13', '_xldudf_MKT_LABEL("TARGET",F2)', 'Dans la cible'),
  // Numeric text written in the formula: read by MKT's reader ("12 34" refused, "4,5" is 4.5).
  fx('H14', '_xldudf_MKT_ROI_BAND("12 34")', '#VALUE!'),
  fx('H15', '_xldudf_MKT_ROI_BAND("4,5")', 'TARGET'),
  // Fees ÷ salary past the largest double: a decision in MKT.
  fx('H16', '_xldudf_MKT_INTERNALISE_SCORE(10,1E+308,0.5)', 1),
  // Several values where MKT reads one: frozen to what Excel saved.
  fx('H17', '_xldudf_MKT_ROI_BAND(B1:B3)', 'ABOVE'),
  fx('H18', '_xldudf_MKT_ROI_BAND(Data!A:A)', 'BELOW'),
  fx('H19', '_xldudf_MKT_ROI_BAND({1,2})', 'BELOW'),
  fx('H20', '_xldudf_MKT_ROI_BAND(Fees)', 'BELOW'),
  // The same in array formulas, as dynamic-array Excel stores them.
  fx('J1', '_xldudf_MKT_ROI_RATIO(MKT_RW_REVENUE,A1:A2)', 120, ' t="array" ref="J1"'),
  fx('J2', 'SUM(_xldudf_MKT_FEES_TO_SALARY(Fees,D1),1)', 1.3, ' t="array" ref="J2"'),
  fx('J3', '_xldudf_MKT_ROI_RATIO(B:B,D1)', 60, ' t="array" ref="J3"'),
  fx('J4', '_xldudf_MKT_BUDGET_TIER(1000,E1)', 'PARTIAL', ' t="array" ref="J4"'),
];

// Spend in A and C, revenue in B and D (a diminishing curve), and RESPONSE_FIT over them as Excel stores it.
const SPEND = [1200, 1800, 2500, 3100, 4000, 5200];
const fit = (r: number) =>
  row(r, num(`A${r}`, 1000 * r), num(`B${r}`, 1000 * r), num(`C${r}`, SPEND[r - 2]), num(`D${r}`, Math.round(40 * Math.pow(SPEND[r - 2], 0.7) * (1 + ((r % 3) - 1) * 0.03))));
const FIT_CALL = row(10, fx('E10', "_xldudf_MKT_RESPONSE_FIT('O''Brien & Co'!C2:C7,'O''Brien & Co'!D2:D7)", undefined, ' t="array" ref="E10:H10"'));

/** The cells put on sheet S, rows 1 to 20 (each formula on its own row, past the data). */
function workbook(): Buffer {
  const rowsOf = new Map<number, string[]>();
  for (const cell of CELLS) {
    const r = Number(/r="[A-Z]+(\d+)"/.exec(cell)![1]) + 10;
    const moved = cell.replace(/r="([A-Z]+)(\d+)"/, (_, c: string, n: string) => `r="${c}${Number(n) + 10}"`).replace(/ref="([A-Z]+)(\d+)"/, (_, c: string, n: string) => `ref="${c}${Number(n) + 10}"`);
    rowsOf.set(r, [...(rowsOf.get(r) ?? []), moved]);
  }
  const formulaRows = [...rowsOf.entries()].sort((a, b) => a[0] - b[0]).map(([r, cells]) => row(r, ...cells)).join('');
  return variant({
    sheets: [
      { name: 'S', rows: DATA + formulaRows },
      { name: 'Données', rows: row(2, num('B2', 50), num('C2', 10)) + row(3, num('B3', 50), num('C3', 10)) },
      { name: "O'Brien & Co", rows: [2, 3, 4, 5, 6, 7].map(fit).join('') + FIT_CALL },
      { name: 'Data', rows: row(1, num('A1', 1)) + row(2, num('A2', 2)) },
    ],
    names: '<{p}definedName name="MKT_RW_REVENUE">S!$B$1:$B$3</{p}definedName><{p}definedName name="Fees">S!$C$1:$C$2</{p}definedName>',
  });
}

describe('the translator, on its own', () => {
  it('takes an unquoted sheet name with letters outside ASCII as a range', () => {
    expect(translateFormula('=MKT.ROI_BAND(Données!B2:B6)').frozen?.reason).toBe('manyValues');
    expect(translateFormula('=MKT.ROI_BAND(Übersicht!B2:B6)').frozen?.reason).toBe('manyValues');
    expect(translateFormula('=MKT.ALLOCATE(100,Données!B2:B4,Données!C2:C4)', { arrayFormula: true, spill: { rows: 3, cols: 1 } }).formula).toBeDefined();
  });

  it('freezes several values where MKT reads one: a range, a whole column, an array constant, a name over several cells', () => {
    for (const f of ['=MKT.ROI_BAND(B1:B3)', '=MKT.ROI_BAND(Data!A:A)', '=MKT.ROI_BAND({1,2})', '=MKT.ROI_BAND(3:3)']) {
      expect(translateFormula(f).frozen?.reason).toBe('manyValues');
    }
    expect(translateFormula('=MKT.ROI_BAND(Fees)', { multiCellNames: new Set(['FEES']) }).frozen?.reason).toBe('manyValues');
    expect(translateFormula('=MKT.ROI_BAND(Fees)').formula).toBeDefined();
  });

  it('never puts a one-value guard on an amount that may hold many values', () => {
    for (const amount of ['Fees', 'B:B', 'IF(D1>0,B1:B3,0)', 'Table1[Spend]', '{1,2}']) {
      const native = translateFormula(`=MKT.FEES_TO_SALARY(${amount},D1)`).formula!;
      expect(native).not.toContain(`ISERROR(${amount})`);
      expect(native).not.toContain(`ISERROR((${amount}))`);
    }
    expect(translateFormula('=MKT.FEES_TO_SALARY(B:B,D1)').formula).not.toContain('SUMPRODUCT(ISNUMBER(B:B)');
  });
});

(SOFFICE_AVAILABLE ? describe : describe.skip)('the copy, recalculated by LibreOffice', () => {
  let judged: Judged;
  beforeAll(async () => {
    [judged] = await judgeInLibreOffice([{ name: 'agreement.xlsx', bytes: workbook() }]);
  });

  it('gives every former MKT cell the add-in\'s value (frozen ones the value Excel saved)', () => {
    expect(judged.mismatches).toEqual([]);
    expect(judged.checked).toBeGreaterThanOrEqual(CELLS.length + 4);
    // RESPONSE_FIT over a sheet whose name has a doubled quote and an ampersand: translated, its four values compared.
    expect(judged.items.find((i) => i.sheet === "O'Brien & Co" && i.cell === 'E10')?.action).toBe('translated');
  });

  it('freezes exactly the calls given several values where one is read', () => {
    expect(judged.items.filter((i) => i.action === 'frozen').map((i) => [i.cell, i.reason])).toEqual([
      ['H27', 'manyValues'], ['H28', 'manyValues'], ['H29', 'manyValues'], ['H30', 'manyValues'],
    ]);
  });
});
