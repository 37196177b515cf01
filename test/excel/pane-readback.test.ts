/**
 * What the pane reads back and previews (src/excel/write/readback.ts, sheets/arbitrage-preview.ts), and the DECISION
 * row it writes, on the recording fake.
 */
import { arbitragePreview, defaultMethod, readPaneSheets, readSource, trackerOf, usableMonths, writeArbitrage, writeInternalisation, writePilot } from '../../src/excel';
import type { SourceData, WorkbookProfile } from '../../src/excel';
import { isRuleError } from '../../src/rules';
import { FakeWorkbook, installFake } from '../support/excel-fake';
import { monthlyBudget } from './fixtures';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };
const QC: WorkbookProfile = { lang: 'fr', region: 'QC' };
const internalisation = (profile: WorkbookProfile, crossover?: boolean) => ({
  profile,
  weeklyHours: { value: 45 },
  externalFees: { value: 40000 },
  loadedSalary: { value: 60000 },
  dataNeed: { value: false },
  monthlyBudget: { value: 1200 },
  ...(crossover === undefined ? {} : { crossover }),
});

describe('the Décision row', () => {
  test('one live MKT.DECISION of the signals and the tier, in words by MKT.LABEL (fr-CA for Québec)', async () => {
    const workbook = new FakeWorkbook();
    installFake(workbook);
    expect((await writeInternalisation(internalisation(QC))).status).toBe('ok');
    const sheet = workbook.sheets.find((s) => s.get('B14')?.formula?.includes('DECISION'))!;
    expect(sheet.get('B14')?.formula).toBe('=MKT.DECISION(B9,B13)');
    expect(sheet.get('C14')?.formula).toBe('=MKT.LABEL(B14,"fr-CA")');
  });

  test('reads the hiring cost’s crossover month when the workbook has MKT_CROSSOVER_MONTH (0 when it never pays)', async () => {
    const workbook = new FakeWorkbook();
    installFake(workbook);
    expect((await writeInternalisation(internalisation(FR, true))).status).toBe('ok');
    const sheet = workbook.sheets.find((s) => s.get('B14')?.formula?.includes('DECISION'))!;
    expect(sheet.get('B14')?.formula).toBe('=MKT.DECISION(B9,B13,IFERROR(MKT_CROSSOVER_MONTH,0))');
  });
});

describe('readPaneSheets', () => {
  test('a workbook MKT never wrote to: no sheet, no tracker, no crossover', async () => {
    installFake(new FakeWorkbook());
    expect(await readPaneSheets('fr')).toEqual({ status: 'ok', value: { kinds: [] } });
  });

  test('the pilot tracker as the user filled it: KPI, targets, actuals, reporting, ROAS', async () => {
    const workbook = new FakeWorkbook();
    installFake(workbook);
    expect((await writePilot({ profile: FR, kpiName: 'Prospects', monthlyTargets: [20, 25, 30] })).status).toBe('ok');
    const pilot = workbook.sheets.find((s) => s.name.startsWith('Pilote'))!;
    pilot.put('C5', [[18]]);
    pilot.put('C6', [[24]]);
    pilot.put('E6', [['non']]);
    pilot.put('F5', [[3.5]]);
    const read = await readPaneSheets('fr');
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.value.kinds).toEqual(expect.arrayContaining(['pilot', 'assumptions']));
    expect(read.value.pilot).toEqual({
      kpiName: 'Prospects',
      targets: [20, 25, 30],
      actuals: [18, 24, undefined],
      monthsElapsed: 2,
      achievement: 42 / 45,
      reportingOk: false,
      roi: [3.5],
    });
  });

  test('MKT_CROSSOVER_MONTH’s value, when a sheet holds it', async () => {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet('Coût');
    sheet.put('B4', [[18]]);
    workbook.names.push({ name: 'MKT_CROSSOVER_MONTH', sheet, rect: { row: 3, column: 1, rows: 1, columns: 1 } });
    installFake(workbook);
    expect(await readPaneSheets('fr')).toEqual({ status: 'ok', value: { kinds: [], crossoverMonth: 18 } });
  });

  test('trackerOf refuses a block without three targets', () => {
    expect(trackerOf([['Pilote'], ['KPI', 'x'], [], [], [1, 'a'], [2, 3], [3, 4]])).toBeUndefined();
  });
});

describe('arbitragePreview', () => {
  async function source(): Promise<SourceData> {
    const { workbook } = monthlyBudget();
    installFake(workbook);
    const read = await readSource({ selection: true }, FR);
    if (read.status !== 'ok') throw new Error('no source');
    return read.value;
  }

  test('today’s monthly spend is the total ÷ the months of the history, a month without spend counted', async () => {
    const data = await source();
    // Google Ads (row 5): 100..111, blank in March.
    data.preview[4][3] = '';
    const preview = arbitragePreview(data, data.layout, { budget: 2000, method: 'average', months: 12 });
    if (isRuleError(preview)) throw new Error(preview.key);
    const spend = Array.from({ length: 12 }, (_, m) => 100 + m).filter((_, m) => m !== 2);
    expect(preview.channels[0].todayMonthly).toBeCloseTo(spend.reduce((a, b) => a + b, 0) / 12, 10);
    expect(preview.proposedTotal).toBeCloseTo(2000, 8);
  });

  test('the average method caps every channel at 1.5 × its monthly spend today, as MKT.ALLOCATE with cap', async () => {
    const data = await source();
    const preview = arbitragePreview(data, data.layout, { budget: 1500, method: 'average', months: 12 });
    if (isRuleError(preview)) throw new Error(preview.key);
    for (const c of preview.channels) expect(c.proposedMonthly).toBeLessThanOrEqual(1.5 * c.todayMonthly + 1e-9);
  });

  test('a budget beyond the ceilings is an error the pane shows, not a split', async () => {
    const data = await source();
    const preview = arbitragePreview(data, data.layout, { budget: 1e7, method: 'average', months: 12 });
    expect(isRuleError(preview) && preview.kind).toBe('NA');
  });

  test('with a margin: contribution = expected revenue × margin − budget, and the break-even ROAS 1 ÷ margin', async () => {
    const data = await source();
    const preview = arbitragePreview(data, data.layout, { budget: 2000, method: 'marginal', months: 12, margin: 0.4 });
    if (isRuleError(preview)) throw new Error(preview.key);
    expect(preview.contribution).toBeCloseTo(preview.expectedRevenue * 0.4 - 2000, 6);
    expect(preview.breakevenRoas).toBe(2.5);
  });

  test('the marginal method is the default from 6 usable months', async () => {
    const data = await source();
    expect(usableMonths(data)).toBe(12);
    expect(defaultMethod(data)).toBe('marginal');
    const five = { ...data, preview: data.preview.map((row, r) => (r >= data.layout.firstDataRow ? row.map((v, c) => (c >= 6 && c <= 12 ? '' : v)) : row)) };
    expect(usableMonths(five)).toBe(5);
    expect(defaultMethod(five)).toBe('average');
  });

  test('the Arbitrage sheet writes the same definition for a one-column history: total ÷ the months given', async () => {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet('Ventes');
    sheet.put('A1', [['Canal', 'Dépense', 'CA'], ['Google Ads', 9600, 38400], ['Newsletter', 490, 14700]]);
    workbook.select(sheet, 'A1:C3');
    installFake(workbook);
    const read = await readSource({ selection: true }, FR);
    if (read.status !== 'ok') throw new Error('no source');
    expect((await writeArbitrage({ source: read.value.source, layout: read.value.layout, profile: FR, totalBudget: { value: 1000 }, months: 6 })).status).toBe('ok');
    const a = workbook.sheet('Arbitrage')!;
    expect(a.get('B5')?.formula).toBe("=SUM(Ventes!$B2)/6");
    expect(a.get('C5')?.formula).toBe("=SUM(Ventes!$C2)/6");
  });
});
