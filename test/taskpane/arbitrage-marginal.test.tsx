/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import type { SourceData } from '../../src/excel';
import { describedBy, renderPane } from './render';

jest.mock('../../src/excel', () => ({
  ...jest.requireActual('./excel-mock').excelMock(),
  isUsableLayout: jest.requireActual('../../src/excel/history/usable').isUsableLayout,
  marginalWarnings: jest.requireActual('../../src/excel/sheets/arbitrage-marginal').marginalWarnings,
}));
const excel = jest.requireMock('../../src/excel') as Record<string, jest.Mock>;

// Two busy cores: typing takes longer than jest's 5 s default.
jest.setTimeout(30_000);
beforeEach(() => jest.clearAllMocks());

const SPEND = [1000, 1200, 1400, 1600, 1800, 2000, 1100, 1300, 1500, 1700, 1900, 2100];

/** Two channels × 12 months: a curve (b = 0.5) and a channel with only 3 months (LINEAR). */
function monthlySource(): SourceData {
  const curve = SPEND.map((s) => Math.round(40 * Math.sqrt(s)));
  const few = [300, 320, 310, null, null, null, null, null, null, null, null, null];
  const fewRevenue = few.map((s) => (s === null ? null : s * 4));
  return {
    source: { sheetName: 'Ventes', address: "'Ventes'!A1:Y3", rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 25 },
    layout: {
      kind: 'monthly',
      headerRow: 0,
      channelColumn: 0,
      spend: { first: 1, count: 12 },
      revenue: { first: 13, count: 12 },
      firstDataRow: 1,
      lastDataRow: 2,
      confidence: 0.9,
      confident: true,
      issues: [],
    },
    preview: [
      ['Canal', ...Array.from({ length: 24 }, (_, i) => `M${(i % 12) + 1}`)],
      ['Google Ads', ...SPEND, ...curve],
      ['Infolettre', ...few, ...fewRevenue],
    ],
    complete: true,
    channels: [
      { name: 'Google Ads', spend: SPEND.reduce((a, b) => a + b, 0), revenue: curve.reduce((a, b) => a + b, 0) },
      { name: 'Infolettre', spend: 930, revenue: 3720 },
    ],
  };
}

async function toArbitrage(source: SourceData) {
  excel.readSource.mockResolvedValue({ status: 'ok', value: source });
  excel.writeArbitrage.mockResolvedValue({ status: 'ok', value: { sheetName: 'Arbitrage', anchor: 'Arbitrage!B2', names: ['MKT_GROSS_MARGIN'], replaced: false } });
  const rendered = renderPane({ language: 'en' });
  await rendered.user.click(screen.getByRole('button', { name: 'Detect the layout' }));
  await screen.findByTestId('channels');
  await rendered.user.click(screen.getByRole('button', { name: /^3\. Arbitrage/ }));
  return rendered;
}

describe('the Arbitrage step by marginal return', () => {
  test('offers the choice, asks for a monthly budget and the gross margin, and sends the marginal method', async () => {
    const { user } = await toArbitrage(monthlySource());
    // 12 usable months: the marginal method is the default, and the pane says why.
    expect(screen.getByRole('radio', { name: /By marginal return/ })).toBeChecked();
    expect(screen.getByTestId('arbitrage-method-default')).toHaveTextContent('Your history has 12 usable months');
    await user.click(screen.getByRole('radio', { name: 'By average return (MKT.ALLOCATE)' }));
    await user.click(screen.getByRole('radio', { name: /By marginal return/ }));
    expect(screen.getByText(/at most 1.5 × its best month/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Monthly budget to share/ }), '3000');
    const margin = screen.getByRole('textbox', { name: /Gross margin/ });
    await user.type(margin, '45');
    // A rate typed as a whole number gets the functions' own message.
    await waitFor(() => expect(describedBy(margin)).toContain('enter 45% or 0.45, not 45'));
    await user.clear(margin);
    await user.type(margin, '45 %');
    await user.click(screen.getByRole('button', { name: 'Write the Arbitrage sheet' }));
    await waitFor(() => expect(excel.writeArbitrage).toHaveBeenCalledTimes(1));
    expect(excel.writeArbitrage.mock.calls[0][0]).toMatchObject({ method: 'marginal', totalBudget: { value: 3000 }, grossMargin: { value: 0.45 } });
  });

  test('shows in plain words which channel falls back to a constant return and why, and a ceiling that binds', async () => {
    const { user } = await toArbitrage(monthlySource());
    await user.click(screen.getByRole('radio', { name: /By marginal return/ }));
    await user.type(screen.getByRole('textbox', { name: /Monthly budget to share/ }), '3000');
    const warnings = await screen.findByTestId('marginal-warnings');
    const items = within(warnings).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('Channel 2 (Infolettre): No curve: 3 months with spend and revenue above 0; at least 6 are needed.');
    // Infolettre returns 4:1 at every spend: it is filled to its ceiling (1.5 × 320) first.
    expect(items).toContain(
      'Channel 2 (Infolettre): Ceiling reached: the channel gets the ceiling (D3) × its best month; the curve is not trusted beyond it.',
    );
  });

  test('needs a monthly history: with one column each, the write is disabled and the pane says why', async () => {
    const single = monthlySource();
    single.layout = { ...single.layout, kind: 'single', spend: { first: 1, count: 1 }, revenue: { first: 13, count: 1 } };
    const { user } = await toArbitrage(single);
    await user.click(screen.getByRole('radio', { name: /By marginal return/ }));
    expect(screen.getByText(/needs a monthly history/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Write the Arbitrage sheet' })).toBeDisabled();
  });

  test('keeps the average method when chosen: no margin sent, the margin field optional', async () => {
    const { user } = await toArbitrage(monthlySource());
    await user.click(screen.getByRole('radio', { name: 'By average return (MKT.ALLOCATE)' }));
    await user.type(screen.getByRole('textbox', { name: /Monthly budget to share/ }), '3000');
    expect(screen.getByRole('textbox', { name: /Gross margin \(optional\)/ })).not.toBeRequired();
    await user.click(screen.getByRole('button', { name: 'Write the Arbitrage sheet' }));
    await waitFor(() => expect(excel.writeArbitrage).toHaveBeenCalledTimes(1));
    expect(excel.writeArbitrage.mock.calls[0][0].method).toBeUndefined();
    expect(excel.writeArbitrage.mock.calls[0][0].grossMargin).toBeUndefined();
    expect(excel.writeArbitrage.mock.calls[0][0].months).toBe(12);
  });
});

/**
 * One total per channel over 12 months (the issue's case): Google Ads 9 600 → 38 400 (4:1), a
 * newsletter 490 → 14 700 (30:1), trade fairs 2 400 → 3 600 (1.5:1, below the floor).
 */
function yearlySource(): SourceData {
  const rows: Array<[string, number, number]> = [['Google Ads', 9600, 38400], ['Newsletter', 490, 14700], ['Salons', 2400, 3600]];
  return {
    source: { sheetName: 'Ventes', address: "'Ventes'!A1:C4", rowIndex: 0, columnIndex: 0, rowCount: 4, columnCount: 3 },
    layout: { kind: 'single', headerRow: 0, channelColumn: 0, spend: { first: 1, count: 1 }, revenue: { first: 2, count: 1 }, firstDataRow: 1, lastDataRow: 3, confidence: 1, confident: true, issues: [] },
    preview: [['Canal', 'Dépense', 'CA'], ...rows],
    complete: true,
    channels: rows.map(([name, spend, revenue]) => ({ name, spend, revenue })),
  };
}

describe('the Arbitrage preview, before anything is written', () => {
  const rows = (table: HTMLElement) => within(table).getAllByRole('row').map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));

  test('per channel today’s monthly spend (total ÷ 12 months) against the proposal; the newsletter capped at 1.5 ×, before any write', async () => {
    const { user } = await toArbitrage(yearlySource());
    // A one-column history: the average method by default, said in words.
    expect(screen.getByRole('radio', { name: 'By average return (MKT.ALLOCATE)' })).toBeChecked();
    expect(screen.getByTestId('arbitrage-method-default')).toHaveTextContent('fewer than 6 usable months');
    expect(screen.getByTestId('arbitrage-method-default')).toHaveTextContent('at most 1.5 ×');
    await user.type(screen.getByRole('textbox', { name: /Monthly budget to share/ }), '1000');
    const table = await screen.findByTestId('arbitrage-preview');
    // Today: 9 600 ÷ 12 = 800; 490 ÷ 12 = 40.83; 2 400 ÷ 12 = 200. The newsletter's 30:1 would take
    // 882 of 1 000 by ratio alone; its ceiling is 1.5 × 40.83 = 61.25, the rest goes to Google Ads.
    expect(rows(table).slice(1)).toEqual([
      ['Google Ads', '€800', '€939'],
      ['Newsletter', '€41', '€61'],
      ['Salons', '€200', '€0'],
      ['Total', '€1,041', '€1,000'],
    ]);
    expect(screen.getByTestId('split-chart')).toBeInTheDocument();
    // 938.75 × 4 + 61.25 × 30 = 5 592.50 a month.
    expect(screen.getByTestId('arbitrage-expected')).toHaveTextContent('Expected revenue: €5,593 a month for €1,000, a ROAS (revenue ÷ spend) of 5.6:1.');
    expect(excel.writeArbitrage).not.toHaveBeenCalled();
  });

  test('with a margin: the contribution and the break-even ROAS, and a warning when the split loses money', async () => {
    const { user } = await toArbitrage(yearlySource());
    await user.type(screen.getByRole('textbox', { name: /Monthly budget to share/ }), '1000');
    await user.type(screen.getByRole('textbox', { name: /Gross margin/ }), '30 %');
    // 5 592.50 × 0.30 − 1 000 = 677.75.
    expect(await screen.findByTestId('arbitrage-contribution')).toHaveTextContent('Contribution at a 30% margin: €678 a month; break-even ROAS 3.3:1.');
    await user.clear(screen.getByRole('textbox', { name: /Gross margin/ }));
    await user.type(screen.getByRole('textbox', { name: /Gross margin/ }), '15 %');
    expect(await screen.findByText(/the split loses money/)).toBeInTheDocument();
  });

  test('the months a one-column history covers change today’s monthly spend, and are sent to the sheet', async () => {
    const { user } = await toArbitrage(yearlySource());
    await user.type(screen.getByRole('textbox', { name: /Months your history covers/ }), '6');
    await user.type(screen.getByRole('textbox', { name: /Monthly budget to share/ }), '1000');
    expect(rows(await screen.findByTestId('arbitrage-preview'))[1][1]).toBe('€1,600');
    await user.click(screen.getByRole('button', { name: 'Write the Arbitrage sheet' }));
    await waitFor(() => expect(excel.writeArbitrage).toHaveBeenCalledTimes(1));
    expect(excel.writeArbitrage.mock.calls[0][0]).toMatchObject({ months: 6, totalBudget: { value: 1000 } });
  });
});
