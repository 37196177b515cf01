/**
 * The Arbitrage step by marginal return on the recording Excel fake: the live formulas per
 * channel, the x/y chart of one channel, the warnings in plain words, the gross margin read from
 * the named assumption MKT_GROSS_MARGIN (margin-assumption.test.ts), and a sync count that does not grow with the channels.
 */
import { readSource, writeArbitrage } from '../../src/excel';
import type { SourceData, WorkbookProfile } from '../../src/excel';
import { marginalWarnings } from '../../src/excel/sheets/arbitrage-marginal';
import { FakeSheet, FakeWorkbook, installFake } from '../support/excel-fake';
import { CHANNELS_12, monthlyBudget } from './fixtures';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };
const EN: WorkbookProfile = { lang: 'en', region: 'QC' };
const formula = (sheet: FakeSheet | undefined, a1: string) => sheet?.get(a1)?.formula;
const value = (sheet: FakeSheet | undefined, a1: string) => sheet?.get(a1)?.value;

async function source(workbook: FakeWorkbook, profile: WorkbookProfile = FR): Promise<SourceData> {
  installFake(workbook);
  const read = await readSource({ selection: true }, profile);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  return read.value;
}

const marginal = (data: SourceData, profile: WorkbookProfile = FR, budget = 2000) =>
  writeArbitrage({ source: data.source, layout: data.layout, profile, totalBudget: { value: budget }, method: 'marginal', grossMargin: { value: 0.45 } });

describe('Arbitrage by marginal return', () => {
  it('writes per channel the fit, today and proposed monthly spend, marginal ROAS at both, the optimal spend and a warning', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    const result = await marginal(data);
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Arbitrage', names: expect.arrayContaining(['MKT_GROSS_MARGIN']) } });
    const a = workbook.sheet('Arbitrage')!;
    expect(value(a, 'B2')).toBe(2000);
    expect(formula(a, 'D2')).toBe('=MKT_GROSS_MARGIN'); // shown here, kept on the assumptions sheet
    expect(formula(a, 'F2')).toBe('=MKT.BREAKEVEN_ROAS(MKT_GROSS_MARGIN)');
    expect(value(a, 'D3')).toBe(1.5);
    // Row 5 is the template; row 16 is the last channel, filled down with relative references.
    expect(formula(a, 'B5')).toBe("=MKT.RESPONSE_FIT('Budget 2025'!$B5:$M5,'Budget 2025'!$N5:$Y5)");
    expect(formula(a, 'B16')).toBe("=MKT.RESPONSE_FIT('Budget 2025'!$B16:$M16,'Budget 2025'!$N16:$Y16)");
    expect(formula(a, 'C5')).toBeUndefined(); // the fit spills across B:E
    expect(formula(a, 'F16')).toBe("=SUM('Budget 2025'!$B16:$M16)/COLUMNS('Budget 2025'!$B16:$M16)");
    expect(formula(a, 'G5')).toBe("=MKT.ALLOCATE_MARGINAL($B$2,'Budget 2025'!$B$5:$M$16,'Budget 2025'!$N$5:$Y$16,$D$3)");
    expect(formula(a, 'G6')).toBeUndefined(); // the proposed column spills
    expect(formula(a, 'H16')).toBe('=MKT.MARGINAL_ROAS(B16:E16,F16)');
    expect(formula(a, 'I16')).toBe('=IF(AND(G16=0,C16<1),"",MKT.MARGINAL_ROAS(B16:E16,G16))');
    expect(formula(a, 'J16')).toBe('=IF(E16="CURVE",MKT.OPTIMAL_SPEND(B16:E16,MKT_GROSS_MARGIN),"")');
    const warning = formula(a, 'K16')!;
    expect(warning).toMatch(/^=IF\(E16="LINEAR",IF\(SUMPRODUCT\(ISNUMBER\('Budget 2025'!\$B16:\$M16\)\*/);
    expect(warning).toContain('<6,"Rendement constant\u00a0: moins de 6 mois');
    expect(warning).toContain('<1.5*MIN(IF(');
    expect(warning).toContain('"Plafond atteint');
    expect(formula(a, 'F3')).toBe('=SUM(F5:F16)');
    expect(formula(a, 'G3')).toBe('=SUM(G5:G16)');
    // The gross margin is a workbook name the formulas read, pointing at its row of the assumptions sheet.
    const name = workbook.names.find((n) => n.name === 'MKT_GROSS_MARGIN')!;
    expect([name.sheet.name, name.rect]).toEqual(['Hypothèses', { row: 22, column: 1, rows: 1, columns: 1 }]);
    expect(value(workbook.sheet('Hypothèses'), 'B23')).toBe(0.45);
    expect(a.conditionalFormats[0]).toMatchObject({ formula: '=$K5<>""' });
  });

  it('draws one x/y chart: the months as points, the fitted curve, the part beyond the history, today and proposed', async () => {
    const { workbook } = monthlyBudget();
    const result = await marginal(await source(workbook, EN), EN);
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    const a = workbook.sheet(result.value.sheetName)!;
    expect(a.charts).toHaveLength(1);
    const chart = a.charts[0];
    expect(chart).toMatchObject({ name: 'MKT_ARBITRAGE_CURVE', type: 'XYScatter' });
    expect(chart.series.map((s) => [s.name, s.xValues, s.values, s.chartType])).toEqual([
      ['Months of the history', 'M5:M16', 'N5:N16', undefined],
      ['Fitted curve', 'O5:O25', 'P5:P25', 'XYScatterLinesNoMarkers'],
      ['Beyond the history (extrapolated)', 'O5:O25', 'Q5:Q25', 'XYScatterLinesNoMarkers'],
      ['Today’s spend', 'R5', 'S5', undefined],
      ['Proposed spend', 'T5', 'U5', undefined],
    ]);
    // The chart's data follow the channel number in B3, live.
    expect(formula(a, 'M16')).toBe("=INDEX('Budget 2025'!$B$5:$M$16,$B$3,ROWS(M$5:M16))");
    expect(formula(a, 'O25')).toBe("=(ROWS(O$5:O25)-1)/20*$D$3*MAX(INDEX('Budget 2025'!$B$5:$M$16,$B$3,0))");
    expect(formula(a, 'P25')).toBe("=IF(O25<=MAX(INDEX('Budget 2025'!$B$5:$M$16,$B$3,0)),INDEX($B$5:$B$16,$B$3)*O25^INDEX($C$5:$C$16,$B$3),NA())");
    expect(formula(a, 'Q25')).toContain('=IF(O25>=MAX(');
    expect(formula(a, 'R5')).toBe('=INDEX($F$5:$F$16,$B$3)');
    expect(formula(a, 'T5')).toBe('=INDEX($G$5:$G$16,$B$3)');
  });

  it('keeps the sync count of a write, whatever the number of channels', async () => {
    const counts: number[] = [];
    for (const n of [3, 12]) {
      const { workbook } = monthlyBudget(new FakeWorkbook(), CHANNELS_12.slice(0, n));
      const data = await source(workbook);
      const before = workbook.syncs;
      await marginal(data);
      counts.push(workbook.syncs - before);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(2);
  });

  it('refuses a gross margin that is not a number, writing nothing', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    const result = await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 2000 }, method: 'marginal' });
    expect(result.status).toBe('error');
    expect(workbook.sheet('Arbitrage')).toBeUndefined();
  });

  it('leaves the average-return sheet as it was when no method is given', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 30000 } });
    expect(formula(workbook.sheet('Arbitrage'), 'E5')).toBe('=MKT.ALLOCATE($B$2,B5:B16,C5:C16,MKT_FLOOR,MKT_CAP)');
  });
});

describe('the warnings the pane shows before writing', () => {
  it('names a channel that falls back to LINEAR and why, and a ceiling that binds', async () => {
    // The fixture's revenue is a constant multiple of spend: every channel is LINEAR (b = 1).
    const { workbook } = monthlyBudget(new FakeWorkbook(), CHANNELS_12.slice(0, 2));
    const data = await source(workbook);
    const warnings = marginalWarnings(data, 300, 'en');
    expect(warnings.filter((w) => w.kind === 'linear').map((w) => [w.channel, w.name])).toEqual([
      [1, 'Google Ads'],
      [2, 'Meta Ads'],
    ]);
    expect(warnings[0].text).toBe('No curve: spend varies too little (the largest month is 1.11 × the smallest; at least 1.5 × is needed).');
    // Meta Ads returns 2:1, Google Ads 1:1: Meta Ads is filled to its ceiling first (1.5 × 121), Google Ads takes the rest.
    expect(warnings.filter((w) => w.kind === 'ceiling').map((w) => w.name)).toEqual(['Meta Ads']);
    expect(marginalWarnings(data, 1e6, 'fr').some((w) => w.text.startsWith('Le budget dépasse'))).toBe(true);
  });
});
