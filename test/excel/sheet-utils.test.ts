import {
  columnLetters,
  currencyFormat,
  parseAddress,
  quoteSheetName,
  toSafeReference,
  toTextCell,
  uniqueSheetName,
} from '../../src/excel/common/sheet-utils';

describe('uniqueSheetName', () => {
  it('keeps the name when it is free', () => {
    expect(uniqueSheetName('Diagnostic', ['Feuil1'])).toBe('Diagnostic');
  });
  it('numbers it on a clash, ignoring case as Excel does', () => {
    expect(uniqueSheetName('Diagnostic', ['diagnostic'])).toBe('Diagnostic (2)');
    expect(uniqueSheetName('Diagnostic', ['Diagnostic', 'Diagnostic (2)'])).toBe('Diagnostic (3)');
  });
  it('stays within 31 characters', () => {
    const long = 'x'.repeat(40);
    expect(uniqueSheetName(long, [])).toHaveLength(31);
    expect(uniqueSheetName(long, ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
  });
});

describe('quoteSheetName', () => {
  it('leaves plain names bare and quotes the others', () => {
    expect(quoteSheetName('Diagnostic')).toBe('Diagnostic');
    expect(quoteSheetName('Ventes 2025')).toBe("'Ventes 2025'");
    expect(quoteSheetName('Hypothèses')).toBe("'Hypothèses'");
    expect(quoteSheetName("L'été")).toBe("'L''été'");
    expect(quoteSheetName('Q1')).toBe("'Q1'");
  });
});

describe('toSafeReference', () => {
  it('accepts a sheet-qualified cell or range and makes it absolute', () => {
    expect(toSafeReference('Feuil1!B3')).toBe('Feuil1!$B$3');
    expect(toSafeReference("'Mes données'!b3:b5")).toBe("'Mes données'!$B$3:$B$5");
  });
  it('refuses anything that is not a plain reference, so no formula can be smuggled in', () => {
    expect(toSafeReference('B3')).toBeUndefined();
    expect(toSafeReference('Feuil1!B3)+HYPERLINK("http://x")')).toBeUndefined();
    // A sheet may be named "=Feuil1": quoted, it stays a reference.
    expect(toSafeReference('=Feuil1!B3')).toBe("'=Feuil1'!$B$3");
    expect(toSafeReference('Feuil1!B3:B5', { singleCell: true })).toBeUndefined();
  });
});

describe('parseAddress', () => {
  it('splits sheet and rectangle', () => {
    expect(parseAddress("'Budget 2025'!$A$1:$Y$17")).toEqual({ sheet: 'Budget 2025', rect: { row: 0, column: 0, rows: 17, columns: 25 } });
    expect(parseAddress('#REF!$A$1')).toBeUndefined();
  });
});

describe('toTextCell', () => {
  it('keeps the text as typed, formula-looking or not', () => {
    expect(toTextCell('=HYPERLINK("http://x";"y")')).toBe('=HYPERLINK("http://x";"y")');
    expect(toTextCell(undefined)).toBe('');
    expect(toTextCell('x'.repeat(40000))).toHaveLength(32767);
  });
});

describe('currencyFormat', () => {
  it('uses euros for France and Canadian dollars for Québec', () => {
    expect(currencyFormat({ lang: 'fr', region: 'FR' })).toContain('€');
    expect(currencyFormat({ lang: 'fr', region: 'QC' })).toBe('#,##0 [$$-C0C]');
    expect(currencyFormat({ lang: 'en', region: 'QC' })).toBe('[$$-1009]#,##0');
  });
});

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (i, letters) => expect(columnLetters(i)).toBe(letters));
});

describe('rectangles of written cells', () => {
  it('subtracts and merges without depending on the rectangles’ size', () => {
    const { subtractRects } = jest.requireActual('../../src/excel/common/sheet-utils');
    const { recordNames, parseRecordFormula } = jest.requireActual('../../src/excel/common/registry');
    const block = { row: 0, column: 0, rows: 100000, columns: 8 };
    const header = { row: 0, column: 0, rows: 1, columns: 1 };
    const body = { row: 3, column: 0, rows: 99997, columns: 8 };
    expect(subtractRects([block], [header, body])).toEqual([
      { row: 0, column: 1, rows: 3, columns: 7 },
      { row: 1, column: 0, rows: 2, columns: 1 },
    ]);
    const names = recordNames('MKT_SHEET_DIAGNOSTIC', 'Ventes 2025', [header, body]);
    expect(names.map((n: { name: string; formula: string }) => [n.name, n.formula])).toEqual([
      ['MKT_SHEET_DIAGNOSTIC', "='Ventes 2025'!$A$1:$H$100000"],
      ['MKT_SHEET_DIAGNOSTIC_1', "='Ventes 2025'!$A$1"],
      ['MKT_SHEET_DIAGNOSTIC_2', "='Ventes 2025'!$A$4:$H$100000"],
    ]);
    expect(parseRecordFormula(names[2].formula)).toEqual({ sheet: 'Ventes 2025', rects: [body] });
    expect(parseRecordFormula('=#REF!')).toBeUndefined();
  });
});
