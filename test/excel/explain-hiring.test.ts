/**
 * Explain on the §8 cells: a loaded salary line by line (the rules' lines), INHOUSE_MONTHLY's three
 * parts, CROSSOVER_MONTH in words, and a month of COST_PATHS — from a formula, and from a cell the
 * table spilled into on the pane's hiring sheet (the recording fake).
 */
import { explainFormula, writeHiringCost, readCellForExplain } from '../../src/excel';
import { costPathsCellOf, HIRING_ROWS } from '../../src/excel/sheets/hiring';
import { costPaths, loadedSalaryQcLines } from '../../src/rules';
import { FakeWorkbook, installFake, parseRect } from '../support/excel-fake';

const cell = (formula: string, inputs: Record<string, unknown> = {}, spillRow?: number) => ({ address: 'S!B2', formula, value: 0, inputs, ...(spillRow ? { spillRow } : {}) });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the loaded salary, line by line', () => {
  it('Québec, 65 000 $: one line per contribution, each base × rate = amount, the total of the contract', () => {
    const e = explainFormula(cell('=MKT.LOADED_SALARY_QC(65000)'), 'en')!;
    expect(e.summary).toBe('Loaded salary: 72,561.30 a year for a gross of 65,000.00 (+11.633%).');
    const lines = loadedSalaryQcLines({ grossAnnual: 65000 });
    if (!('lines' in lines)) throw new Error('rule failed');
    expect(e.lines).toContain('Québec Pension Plan (RRQ): 6.3% × 61,500.00 = 3,874.50');
    expect(e.lines).toContain('Employment insurance: 1.82% × 65,000.00 = 1,183.00');
    // Every non-zero line of the rules is there, and what is left out is said.
    expect(e.lines.length).toBe(lines.lines.filter((l) => l.amount !== 0 || l.key !== 'benefits').length + 1);
    expect(e.lines[e.lines.length - 1]).toContain('Not included');
  });

  it('France, in French: the réduction générale is taken off, the lines read from the cells', () => {
    const e = explainFormula(cell('=MKT.LOADED_SALARY_FR(B7,B8,B9,B10,B11)', { B7: [[24000]], B8: [[4]], B9: [['non']], B10: [[0.0208]], B11: [[2026]] }), 'fr')!;
    expect(plain(e.summary)).toMatch(/^Salaire chargé : .* par an pour un brut de 24 000,00/);
    expect(e.lines.some((l) => plain(l).startsWith('Maladie : 13 % × 24 000,00 = 3 120,00'))).toBe(true);
    expect(e.lines.some((l) => plain(l).startsWith('Réduction générale : −'))).toBe(true);
    expect(plain(e.lines[e.lines.length - 1])).toContain('versement mobilité');
  });

  it('bad input: the rules’ message (an AT/MP rate typed as 2, a year MKT does not know)', () => {
    expect(explainFormula(cell('=MKT.LOADED_SALARY_FR(30000,4,FALSE,2)'), 'en')!.summary).toContain('2%');
    expect(explainFormula(cell('=MKT.LOADED_SALARY_FR(30000,4,FALSE,0.02,2031)'), 'en')!.summary).toContain('2025, 2026');
  });
});

describe('INHOUSE_MONTHLY, CROSSOVER_MONTH, COST_PATHS', () => {
  it('INHOUSE_MONTHLY: salary ÷ 12, tools, the owner’s time', () => {
    const e = explainFormula(cell('=MKT.INHOUSE_MONTHLY(72000,250,2,60)'), 'en')!;
    expect(e.summary).toBe('Monthly cost in-house: 6,770.00.');
    expect(e.lines).toEqual([
      'Loaded salary ÷ 12: 72,000.00 ÷ 12 = 6,000.00',
      'Tools and software: 250.00 a month',
      'Your management time: 2 h a week × 52 ÷ 12 × 60.00 = 520.00',
    ]);
  });

  it('CROSSOVER_MONTH in words, with the contract’s example: month 18, D(17) = 1 024.40, D(18) = −306.00', () => {
    const fr = explainFormula(cell('=MKT.CROSSOVER_MONTH(8000,6669.6,10650,3,4,0.25)'), 'fr')!;
    expect(fr.summary).toBe('Le recrutement devient moins cher au 18e mois.');
    expect(plain(fr.lines[2])).toBe('Écart cumulé (recruter − externaliser) : 1 024,40 à la fin du mois 17, -306,00 à la fin du mois 18.');
    const en = explainFormula(cell('=MKT.CROSSOVER_MONTH(8000,6669.6,10650,3,4,0.25)'), 'en')!;
    expect(en.summary).toBe('Hiring becomes cheaper in month 18.');
    expect(explainFormula(cell('=MKT.CROSSOVER_MONTH(6500,6669.6,10650)'), 'en')!.summary).toBe('In-house costs as much as or more than outsourcing every month.');
  });

  it('a month of COST_PATHS: its two cumulative costs, and how hiring’s is made', () => {
    const e = explainFormula(cell('=MKT.COST_PATHS(8000,6669.6,10650,3,4,0.25)', {}, 7), 'en')!;
    const rows = costPaths({ outsourceMonthly: 8000, inhouseMonthly: 6669.6, oneOff: 10650, monthsToHire: 3, rampMonths: 4, rampStart: 0.25 });
    if (!Array.isArray(rows)) throw new Error('rule failed');
    const [, o, h] = rows[6];
    expect(o).toBe(56000);
    expect(e.summary).toBe(`Month 7: outsourcing has cost 56,000.00 in total, hiring ${h.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}.`);
    expect(e.lines[0]).toBe('Outsourcing: 7 × 8,000.00 = 56,000.00');
    expect(e.lines[1]).toMatch(/^Hiring: 10,650.00 one-off, 3 months still outsourced, 4 months of ramp-up, 0 months in place = /);
    // D(7) = 14 328.40 in the contract: hiring is dearer by that at month 7.
    expect(e.lines[2]).toBe('Outsourcing is cheaper by 14,328.40 at that month.');
  });
});

describe('a cell of the spilled table on the hiring sheet', () => {
  it('knows the table’s anchor and the row from the record of the hiring sheet', () => {
    const names = [{ name: 'MKT_SHEET_HIRING', formula: "='Hiring cost'!$A$1:$C$68" }];
    expect(costPathsCellOf("'Hiring cost'!B40", names)).toEqual({ sheet: 'Hiring cost', anchor: `A${HIRING_ROWS.paths}`, row: 40 - HIRING_ROWS.paths + 1 });
    expect(costPathsCellOf("'Hiring cost'!D40", names)).toBeUndefined();
    expect(costPathsCellOf("'Other'!B40", names)).toBeUndefined();
    expect(costPathsCellOf("'Hiring cost'!B12", names)).toBeUndefined();
  });

  it('readCellForExplain on a spilled cell reads the anchor’s formula and its inputs (3 syncs)', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('Sheet1');
    installFake(workbook);
    const written = await writeHiringCost({
      profile: { lang: 'en', region: 'QC' },
      gross: { value: 90000 },
      grossPeriod: 'yearly',
      year: 2026,
      quebec: { cnesstRate: { value: 0.0154 }, benefitsRate: { value: 0 } },
      toolsMonth: { value: 300 },
      managementHours: { value: 2 },
      hourlyValue: { value: 80 },
      outsourceMonthly: { value: 12000 },
      recruitingRate: { value: 0.15 },
      monthsToHire: { value: 3 },
      rampMonths: { value: 3 },
      rampStart: { value: 0.25 },
      horizon: 36,
    });
    expect(written.status).toBe('ok');
    const sheet = workbook.sheet('Hiring cost')!;
    // The fake does not compute: give the inputs the values Excel would show.
    for (const [row, v] of [[HIRING_ROWS.outsource, 12000], [HIRING_ROWS.inhouse, 9500], [HIRING_ROWS.oneOff, 13500], [HIRING_ROWS.monthsToHire, 3], [HIRING_ROWS.rampMonths, 3], [HIRING_ROWS.rampStart, 0.25], [HIRING_ROWS.horizon, 36]] as const) {
      sheet.ensure(row - 1, 1).value = v;
    }
    workbook.select(sheet, `C${HIRING_ROWS.paths + 9}`);
    const syncs = workbook.syncs;
    const read = await readCellForExplain('en');
    expect(workbook.syncs - syncs).toBe(3);
    if (read.status !== 'ok') throw new Error(JSON.stringify(read));
    expect(read.value.spillRow).toBe(10);
    expect(read.value.formula).toBe('=MKT.COST_PATHS(B22,B19,B24,B25,B26,B27,B28)');
    const e = explainFormula(read.value, 'en')!;
    expect(e.summary).toMatch(/^Month 10: outsourcing has cost 120,000.00 in total, hiring /);
    expect(parseRect('A1')).toEqual({ row: 0, column: 0, rows: 1, columns: 1 });
  });
});

describe('Québec wording', () => {
  it('CROSSOVER_MONTH and a month of COST_PATHS say embauche and impartition for a Québec profile', () => {
    const words = explainFormula(cell('=MKT.CROSSOVER_MONTH(8000,6669.6,10650,3,4,0.25)'), 'fr', 'zero', 'QC')!;
    expect(words.summary).toBe('L’embauche devient moins chère au 18e mois.');
    const month = explainFormula(cell('=MKT.COST_PATHS(8000,6669.6,10650,3,4,0.25)', {}, 20), 'fr', 'zero', 'QC')!;
    expect(plain(month.summary)).toMatch(/^Mois 20 : l’impartition a coûté 160 000,00 en tout, l’embauche /);
    expect(month.lines.some((l) => l.startsWith('L’embauche est moins chère'))).toBe(true);
  });
});
