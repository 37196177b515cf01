/**
 * The hiring-cost sheet (RULES.md §8) on the recording Excel fake: the live loaded salary and its
 * name, the pane's defaults as input cells, the crossover month (named, in words), the spilled
 * COST_PATHS table and its line chart; a re-run asks first and never overwrites a user's cell;
 * the internalisation sheet's Signal 2 reads MKT_LOADED_SALARY only when the owner left it to the
 * hiring block.
 */
import { CROSSOVER_NAME, HIRING_CHART, LOADED_SALARY_NAME, writeHiringCost, writeInternalisation } from '../../src/excel';
import type { HiringInput, InternalisationInput, WorkbookProfile } from '../../src/excel';
import { HIRING_ROWS, hiringPlan } from '../../src/excel/sheets/hiring';
import { FakeWorkbook, installFake } from '../support/excel-fake';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };
const QC: WorkbookProfile = { lang: 'fr', region: 'QC' };
const EN: WorkbookProfile = { lang: 'en', region: 'QC' };

function hiring(profile: WorkbookProfile = FR, over: Partial<HiringInput> = {}): HiringInput {
  return {
    profile,
    gross: { value: 3500 },
    grossPeriod: 'monthly',
    year: 2026,
    france: { headcount: { value: 4 }, cadre: true, atRate: { value: 0.0208 } },
    quebec: { cnesstRate: { value: 0.0154 }, benefitsRate: { value: 0 } },
    toolsMonth: { value: profile.region === 'QC' ? 300 : 250 },
    managementHours: { value: 2 },
    hourlyValue: { value: 80 },
    outsourceMonthly: { value: 8000 },
    recruitingRate: { value: profile.region === 'QC' ? 0.15 : 0.2 },
    monthsToHire: { value: 3 },
    rampMonths: { value: 3 },
    rampStart: { value: 0.25 },
    horizon: 36,
    ...over,
  };
}

const INTERNAL: Omit<InternalisationInput, 'loadedSalary'> = {
  profile: FR,
  weeklyHours: { value: 30 },
  externalFees: { value: 60000 },
  dataNeed: { value: true },
  monthlyBudget: { value: 5000 },
};

function fresh(): FakeWorkbook {
  const workbook = new FakeWorkbook();
  workbook.addSheet('Feuil1');
  installFake(workbook);
  return workbook;
}

const B = (row: number) => `B${row}`;

describe('the hiring-cost sheet', () => {
  it('France: the loaded salary is a live LOADED_SALARY_FR on the yearly gross, named MKT_LOADED_SALARY', async () => {
    const workbook = fresh();
    const result = await writeHiringCost(hiring());
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Coût d’un recrutement', replaced: false } });
    const s = workbook.sheet('Coût d’un recrutement')!;
    expect(s.get(B(HIRING_ROWS.gross))?.value).toBe(3500);
    expect(s.get(B(HIRING_ROWS.period))?.value).toBe('mensuel');
    expect(s.get(B(HIRING_ROWS.period))?.numberFormat).toBe('@');
    expect(s.get(B(HIRING_ROWS.grossYearly))?.formula).toBe('=IF(OR(B6="mensuel",B6="monthly"),B5*12,B5)');
    expect(s.get(B(HIRING_ROWS.market2))?.value).toBe('oui');
    expect(s.get(B(HIRING_ROWS.loaded))?.formula).toBe('=MKT.LOADED_SALARY_FR(B7,B8,B9,B10,B11)');
    const name = workbook.names.find((n) => n.name === LOADED_SALARY_NAME)!;
    expect(name.sheet.name).toBe('Coût d’un recrutement');
    expect(name.rect).toEqual({ row: HIRING_ROWS.loaded - 1, column: 1, rows: 1, columns: 1 });
    expect(workbook.syncs).toBe(2);
  });

  it('Québec: LOADED_SALARY_QC, the payroll left to the employee’s own gross (live), Québec words', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring(QC, { grossPeriod: 'yearly', gross: { value: 90000 } }));
    const s = workbook.sheet('Coût d’un recrutement')!;
    expect(s.get('A1')?.value).toBe('Coût d’une embauche\u00a0: salaire chargé et mois de bascule');
    expect(s.get(B(HIRING_ROWS.period))?.value).toBe('annuel');
    expect(s.get(B(HIRING_ROWS.market2))?.formula).toBe('=B7');
    expect(s.get(B(HIRING_ROWS.loaded))?.formula).toBe('=MKT.LOADED_SALARY_QC(B7,B8,B9,B10,B11)');
    expect(s.get(`A${HIRING_ROWS.outsource}`)?.value).toContain('impartition');
    expect(s.get(B(HIRING_ROWS.tools))?.value).toBe(300);
    expect(s.get(B(HIRING_ROWS.recruitingRate))?.value).toBe(0.15);
  });

  it('writes INHOUSE_MONTHLY, the one-off from the recruiting rate, and the crossover month named for MKT.DECISION', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring());
    const s = workbook.sheet('Coût d’un recrutement')!;
    expect(s.get(B(HIRING_ROWS.inhouse))?.formula).toBe('=MKT.INHOUSE_MONTHLY(B12,B16,B17,B18)');
    expect(s.get(B(HIRING_ROWS.oneOff))?.formula).toBe('=B23*B7');
    expect(s.get(B(HIRING_ROWS.crossover))?.formula).toBe('=IFERROR(MKT.CROSSOVER_MONTH(B22,B19,B24,B25,B26,B27),0)');
    expect(workbook.names.find((n) => n.name === CROSSOVER_NAME)?.rect).toEqual({ row: HIRING_ROWS.crossover - 1, column: 1, rows: 1, columns: 1 });
    const words = String(s.get(B(HIRING_ROWS.words))?.formula);
    expect(words).toContain('"Le recrutement devient moins cher au "&IF(B29=1,"1er mois",B29&"e mois")');
    // The defaults are input cells the owner can change (yellow), not constants inside formulas.
    for (const row of [HIRING_ROWS.tools, HIRING_ROWS.managementHours, HIRING_ROWS.monthsToHire, HIRING_ROWS.rampMonths, HIRING_ROWS.rampStart]) {
      expect(typeof s.get(B(row))?.value).toBe('number');
    }
  });

  it('spills COST_PATHS from one cell and charts its two cumulative columns as lines', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring({ ...FR }, { horizon: 48 }));
    const s = workbook.sheet('Coût d’un recrutement')!;
    const first = HIRING_ROWS.paths;
    expect(s.get(`A${first}`)?.formula).toBe('=MKT.COST_PATHS(B22,B19,B24,B25,B26,B27,B28)');
    expect(s.get(B(HIRING_ROWS.horizon))?.value).toBe(48);
    // Nothing written where the table spills (formats only).
    for (const a1 of [`B${first}`, `C${first}`, `A${first + 1}`, `C${first + 47}`]) expect(s.isEmpty(s.get(a1))).toBe(true);
    expect(s.get(`C${first + 47}`)?.numberFormat).toContain('€');
    const chart = s.charts.find((c) => c.name === HIRING_CHART)!;
    expect(chart.type).toBe('Line');
    expect(chart.series.map((x) => x.values)).toEqual([`B${first}:B${first + 47}`, `C${first}:C${first + 47}`]);
    expect(chart.series.every((x) => x.xValues === `A${first}:A${first + 47}`)).toBe(true);
  });

  it('English: words and yes/no in English', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring({ lang: 'en', region: 'FR' }, { france: { headcount: { value: 12 }, cadre: false, atRate: { value: 0.0208 } } }));
    const s = workbook.sheet('Hiring cost')!;
    expect(s.get(B(HIRING_ROWS.market2))?.value).toBe('no');
    expect(s.get(B(HIRING_ROWS.period))?.value).toBe('monthly');
    expect(String(s.get(B(HIRING_ROWS.words))?.formula)).toContain('"Hiring becomes cheaper in month "');
  });

  it('a re-run asks first, then rewrites only its own cells; a user’s note beside the block stays', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring(EN));
    const s = workbook.sheet('Hiring cost')!;
    s.put('D5', [['my note']]);
    const again = await writeHiringCost(hiring(EN, { gross: { value: 95000 }, grossPeriod: 'yearly' }));
    expect(again.status).toBe('needsConfirmation');
    expect(s.get(B(HIRING_ROWS.gross))?.value).toBe(3500);
    const replaced = await writeHiringCost(hiring(EN, { gross: { value: 95000 }, grossPeriod: 'yearly' }), { replace: true });
    expect(replaced).toMatchObject({ status: 'ok', value: { replaced: true } });
    expect(s.get(B(HIRING_ROWS.gross))?.value).toBe(95000);
    expect(s.get('D5')?.value).toBe('my note');
    expect(s.charts.filter((c) => c.name === HIRING_CHART && !c.deleted)).toHaveLength(1);
  });

  it('a user’s value where the new block would write sends the block to a new sheet', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring(EN, { horizon: 12 }));
    const s = workbook.sheet('Hiring cost')!;
    // Row 50 is outside the 12-month table: the user's figure there stays, the new block goes elsewhere.
    s.put(`B${HIRING_ROWS.paths + 20}`, [[123]]);
    const longer = await writeHiringCost(hiring(EN, { horizon: 36 }), { replace: true });
    expect(longer).toMatchObject({ status: 'ok', value: { sheetName: 'Hiring cost (2)' } });
    expect(s.get(`B${HIRING_ROWS.paths + 20}`)?.value).toBe(123);
  });

  it('refuses a horizon outside 1..600 and writes nothing (1 sync: the read)', async () => {
    const workbook = fresh();
    const result = await writeHiringCost(hiring(FR, { horizon: 0 }));
    expect(result.status).toBe('error');
    expect(workbook.syncs).toBe(1);
    expect(workbook.sheets.map((x) => x.name)).toEqual(['Feuil1']);
    expect(() => hiringPlan(hiring(FR, { horizon: 601 }))).toThrow();
  });
});

describe('Signal 2 reads the hiring block', () => {
  it('left to the hiring block, the internalisation sheet reads =MKT_LOADED_SALARY (live)', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring());
    const result = await writeInternalisation({ ...INTERNAL, loadedSalary: { hiring: true } });
    expect(result.status).toBe('ok');
    expect(workbook.sheet('Internalisation')?.get('B5')?.formula).toBe('=MKT_LOADED_SALARY');
  });

  it('the owner’s own value or cell is kept: never replaced by the computed one', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring());
    workbook.sheet('Feuil1')!.put('C3', [[99000]]);
    await writeInternalisation({ ...INTERNAL, loadedSalary: { value: 95000 } });
    expect(workbook.sheet('Internalisation')?.get('B5')?.value).toBe(95000);
    await writeInternalisation({ ...INTERNAL, loadedSalary: { ref: 'Feuil1!C3' } }, { replace: true });
    expect(workbook.sheet('Internalisation')?.get('B5')?.formula).toBe('=Feuil1!$C$3');
  });

  it('without a hiring block, says how to get the loaded salary and writes nothing', async () => {
    const workbook = fresh();
    const result = await writeInternalisation({ ...INTERNAL, loadedSalary: { hiring: true } });
    expect(result).toMatchObject({ status: 'error', code: 'invalidInput' });
    expect(result.status === 'error' && result.message).toContain('MKT_LOADED_SALARY');
    expect(workbook.sheet('Internalisation')).toBeUndefined();
  });

  it('a deleted hiring sheet (#REF! name) counts as no hiring block', async () => {
    const workbook = fresh();
    await writeHiringCost(hiring());
    workbook.sheets = workbook.sheets.filter((x) => x.name !== 'Coût d’un recrutement');
    const result = await writeInternalisation({ ...INTERNAL, loadedSalary: { hiring: true } });
    expect(result.status).toBe('error');
  });
});
