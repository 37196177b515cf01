/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import type { SourceData } from '../../src/excel';
import { describedBy, renderPane } from './render';

jest.mock('../../src/excel', () => ({
  ...jest.requireActual('./excel-mock').excelMock(),
  isUsableLayout: jest.requireActual('../../src/excel/layout').isUsableLayout,
  marginalWarnings: jest.requireActual('../../src/excel/plans-marginal').marginalWarnings,
}));
const excel = jest.requireMock('../../src/excel') as Record<string, jest.Mock>;

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
  await rendered.user.click(screen.getByRole('button', { name: '3. Arbitrage' }));
  return rendered;
}

describe('the Arbitrage step by marginal return', () => {
  test('offers the choice, asks for a monthly budget and the gross margin, and sends the marginal method', async () => {
    const { user } = await toArbitrage(monthlySource());
    expect(screen.getByRole('radio', { name: 'By average return (MKT.ALLOCATE)' })).toBeChecked();
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

  test('keeps the average method as it was', async () => {
    const { user } = await toArbitrage(monthlySource());
    await user.type(screen.getByRole('textbox', { name: /Total budget to share/ }), '30000');
    await user.click(screen.getByRole('button', { name: 'Write the Arbitrage sheet' }));
    await waitFor(() => expect(excel.writeArbitrage).toHaveBeenCalledTimes(1));
    expect(excel.writeArbitrage.mock.calls[0][0].method).toBeUndefined();
    expect(screen.queryByRole('textbox', { name: /Gross margin/ })).not.toBeInTheDocument();
  });
});
