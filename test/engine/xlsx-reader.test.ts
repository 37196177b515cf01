/**
 * The bounded reader (src/engine/xlsx-reader.ts) against ExcelJS on trusted files: the
 * same cells, formulas and MKT values; and the pieces it is built of.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { isMktFormula, recompute, recomputeMktCells } from '../../src/engine/recompute';
import { directCall, planDirect } from '../../src/engine/direct-mkt';
import { HOSTILE_CASES, f, n, row, s, xlsx } from '../support/hostile-corpus';
import { readXlsxFile, toWorkbookInput } from '../../src/engine/workbook';
import { decodeCellText, readWorkbookPackage, toArea } from '../../src/engine/xlsx-reader';
import { formulaBeyondEngine, identifiersOf, isUnion, shiftFormula } from '../../src/engine/formula-text';
import { escapeForTerminal, jsonForTerminal } from '../../src/engine/terminal-text';
import { buildMessyWorkbook } from './helpers/messy-workbooks';

const EXAMPLES = join(__dirname, '..', '..', 'assets', 'examples');

const sorted = <T extends { row: number; col: number }>(cells: T[]) => [...cells].sort((a, b) => a.row - b.row || a.col - b.col);

describe.each(['budget-pme-qc.xlsx', 'budget-tpe-fr.xlsx'])('%s read without ExcelJS', (name) => {
  it('gives the cells, formulas and MKT values ExcelJS gives', async () => {
    const path = join(EXAMPLES, name);
    const viaExcelJs = toWorkbookInput(await readXlsxFile(path));
    const bounded = readWorkbookPackage(readFileSync(path));
    expect(bounded.sheetNames).toEqual(viaExcelJs.sheetNames);
    for (const sheet of bounded.sheetNames) expect(sorted(bounded.contents[sheet])).toEqual(sorted(viaExcelJs.contents[sheet]));
    expect(bounded.formulas.map((f) => [f.sheet, f.cell, f.formula, f.arrayRef])).toEqual(viaExcelJs.formulas.map((f) => [f.sheet, f.cell, f.formula, f.arrayRef]));
    expect(recompute(bounded).mktCells).toEqual(recompute(viaExcelJs).mktCells);
  });
});

it('reads the messy workbook (merges, text numbers, errors, blanks) as ExcelJS does', async () => {
  const bytes = Buffer.from(await buildMessyWorkbook().xlsx.writeBuffer());
  const viaExcelJs = toWorkbookInput(await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer));
  const bounded = readWorkbookPackage(bytes);
  for (const sheet of bounded.sheetNames) expect(sorted(bounded.contents[sheet])).toEqual(sorted(viaExcelJs.contents[sheet]));
  expect(recompute(bounded).mktCells).toEqual(recompute(viaExcelJs).mktCells);
});

describe('shiftFormula', () => {
  it('moves relative references and keeps absolute ones, as Excel fills a shared formula', () => {
    expect(shiftFormula('MKT.ROI_RATIO(A1,$C$1)+B$2+$D3', 2, 1)).toBe('MKT.ROI_RATIO(B3,$C$1)+C$2+$D5');
  });
  it('moves ranges, whole columns and whole rows, and leaves text and function names alone', () => {
    expect(shiftFormula('SUM(A1:B2)+SUM(C:C)+SUM(3:4)&"A1"&LOG10(1)', 1, 1)).toBe('SUM(B2:C3)+SUM(D:D)+SUM(4:5)&"A1"&LOG10(1)');
  });
  it('moves references on other sheets and gives #REF! off the sheet', () => {
    expect(shiftFormula("'My sheet'!A1+Data!B2", 1, 0)).toBe("'My sheet'!A2+Data!B3");
    expect(shiftFormula('XFD1+A1048576', 1, 1)).toBe('#REF!+#REF!');
  });
});

describe('formulaBeyondEngine', () => {
  it('accepts ordinary formulas, whole columns included', () => {
    expect(formulaBeyondEngine('MKT.ROI_RATIO(SUM(B:B),SUM(C2:C400))')).toBeUndefined();
  });
  it('names what is too much: length, depth, operators, range size', () => {
    expect(formulaBeyondEngine('1+'.repeat(4200) + '1')).toMatch(/longer than Excel's 8 192/);
    expect(formulaBeyondEngine(`${'('.repeat(300)}1${')'.repeat(300)}`)).toMatch(/nested 300 levels/);
    expect(formulaBeyondEngine(`${'1+'.repeat(3100)}1`)).toMatch(/3 100 operators/);
    expect(formulaBeyondEngine('SUM(A1:XFD1048576)')).toMatch(/range of 17 179 869 184 cells/);
    expect(formulaBeyondEngine('SUM(1:1048576)')).toMatch(/range of/);
  });
  it('does not count brackets or operators inside text', () => {
    expect(formulaBeyondEngine(`"${'('.repeat(300)}"`)).toBeUndefined();
  });
});

describe('names and text', () => {
  it('finds the names a formula uses, not its functions, sheets or text', () => {
    expect([...identifiersOf('MKT.LTV(Marge,Taux)+\'Budget 2025\'!B2+Data!Rate&"Other"')].sort()).toEqual(['B2', 'MARGE', 'TAUX']);
  });
  it('tells a union from a function call with commas', () => {
    expect(isUnion('S!$A$1,S!$B$1')).toBe(true);
    expect(isUnion('SUM(S!$A$1,S!$B$1)')).toBe(false);
    expect(isUnion('{1,2}')).toBe(false);
  });
  it('resolves the _xHHHH_ escapes of the file format, as Excel shows the text', () => {
    expect(decodeCellText('a_x001B_b_x005F_x0041_')).toBe('a\u001bb_x0041_');
  });
  it('reads an area, refusing one that is not ("D1:Q")', () => {
    expect(toArea('B2:A1')).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(toArea('D1:Q')).toBeUndefined();
  });
  it('escapes what would drive a terminal, in the table and in JSON, keeping JSON valid', () => {
    const text = 'a\u001b[2Jb\u009bc\u202ed\u2066e\nf';
    expect(escapeForTerminal(text)).toBe('a\\u001B[2Jb\\u009Bc\\u202Ed\\u2066e\\u000Af');
    const json = jsonForTerminal({ text }, 2);
    expect(json).not.toMatch(/[\u001b\u009b\u202e\u2066]/);
    expect(JSON.parse(json)).toEqual({ text });
  });
});

describe('MKT cells computed without the engine (direct-mkt.ts)', () => {
  const inputs = async () => {
    const messy = Buffer.from(await buildMessyWorkbook().xlsx.writeBuffer());
    return [
      ['budget-pme-qc.xlsx', readWorkbookPackage(readFileSync(join(EXAMPLES, 'budget-pme-qc.xlsx')))],
      ['budget-tpe-fr.xlsx', readWorkbookPackage(readFileSync(join(EXAMPLES, 'budget-tpe-fr.xlsx')))],
      ['messy', readWorkbookPackage(messy)],
      ...HOSTILE_CASES.filter((c) => c.expected.code !== 1 && !['far-cells-every-row.xlsx', 'long-formula.xlsx', 'deep-nesting.xlsx'].includes(c.name)).map((c) => [c.name, readWorkbookPackage(c.bytes())] as const),
      ['direct-only', readWorkbookPackage(directOnly(false))],
      ['direct-and-engine', readWorkbookPackage(directOnly(true))],
    ] as const;
  };

  it('give exactly what the engine gives, cell by cell', async () => {
    for (const [name, input] of await inputs()) {
      expect({ name, cells: recomputeMktCells(input) }).toEqual({ name, cells: recompute(input).mktCells });
    }
  });

  it('recognise a call in every stored form through the shared reader, and nothing more than one call', () => {
    const sheetOf = (name: string) => (name === 'S' ? 'S' : undefined);
    const args = [{ kind: 'range', sheet: 'S', top: 0, left: 0, bottom: 0, right: 0, single: true }, { kind: 'value', value: 2 }];
    for (const formula of ['_xldudf_MKT_ROI_RATIO(A1,2)', 'MKT.ROI_RATIO(A1,2)', 'mkt.ratio_roi(A1, 2)', '_xludf.MKT.ROI_RATIO(A1,2)', '[1]!_xldudf_MKT_ROI_RATIO(S!A1,2)']) {
      expect({ formula, call: directCall(formula, sheetOf, 'S') }).toEqual({ formula, call: { id: 'ROI_RATIO', args } });
    }
    for (const formula of ['_xldudf_MKT_ROI_RATIO(A1,2)*2', 'ROUND(MKT.ROI_RATIO(A1,2),1)', 'MKT.ROI_BAND(MKT.ROI_RATIO(A1,2))', 'MKT.NOPE(A1)', '"MKT.ROI_RATIO(A1,2)"', 'MKT.ROI_RATIO(A1,2']) {
      expect({ formula, call: directCall(formula, sheetOf, 'S') }).toEqual({ formula, call: undefined });
    }
  });

  it('are used for a sheet of plain MKT rows, so that no engine is built', () => {
    const input = readWorkbookPackage(directOnly(false));
    const plan = planDirect(input, (f) => isMktFormula(f.formula));
    expect(plan.count).toBe(input.formulas.length);
  });
});

/** Every MKT function over literals and stored values: numbers, text numbers, blanks, booleans, omitted and empty arguments. */
function directOnly(wrongCounts: boolean): Buffer {
  const values = row(1, n('A1', 1200), s('B1', '300'), n('C1', 0.8), s('D1', 'oui'), '<c r="E1" t="b"><v>1</v></c>', n('F1', 80), s('G1', 'FULL'), n('H1', 0));
  const formulas = [
    'MKT.ROI_RATIO(A1,B1)', 'MKT.ROI_RATIO(A1,H1)', 'MKT.ROI_RATIO(A1:B1,300)', 'MKT.ROI_BAND(4)', 'MKT.ROI_BAND(A1,,)', 'MKT.LTV(100,C1)', 'MKT.LTV(100,F1)',
    'MKT.LTV(100,I1)', 'MKT.RETENTION_LEVER(40,0.8,100)', 'MKT.BUDGET_TIER(A1)', 'MKT.BUDGET_TIER(A1,"cliquable")', 'MKT.LABEL(G1)', 'MKT.LABEL(G1,"en")',
    'MKT.LABEL("nope")', 'MKT.PILOT_VERDICT(10,8)', 'MKT.FEES_TO_SALARY(A1:H1,40000)', 'MKT.BREAKEVEN_FEES(40000)', 'MKT.INTERNALISE_SIGNAL(E1,A1:B1,40000,D1)',
    'MKT.INTERNALISE_SCORE(TRUE,A1,40000)',
    // The engine's: a wrong count of arguments (#N/A from the engine).
    ...(wrongCounts ? ['MKT.ROI_RATIO(A1)', 'MKT.ROI_RATIO(A1,B1,C1)'] : []),
  ];
  return xlsx({ sheets: [{ name: 'S', rows: values + row(2, ...formulas.map((text, i) => f(`${String.fromCharCode(65 + i)}2`, text))) }] });
}
