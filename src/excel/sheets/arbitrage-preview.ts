/**
 * The Arbitrage step's preview, before anything is written: per channel today's monthly spend
 * and the proposed monthly amount, and what the proposal is expected to bring back — computed by
 * the rules (src/rules) from the Diagnostic's preview of the user's history, as the sheet's
 * formulas will compute it. Pure: no Office.js.
 *
 * Today's monthly spend has one definition (docs/RULES.md, the method section), here and on the
 * sheet: the channel's total spend over the history ÷ the number of months of the history,
 * months with no spend counted.
 */
import {
  allocate,
  ALLOCATION_CAP,
  ALLOCATION_FLOOR,
  allocateMarginal,
  breakevenRoas,
  contribution,
  CURVE_MIN_MONTHS,
  isRuleError,
  MARGINAL_CAP,
  type MonthValue,
  type RuleError,
} from '../../rules';
import type { DetectedLayout, SourceData } from '../types';

export type ArbitrageMethod = 'average' | 'marginal';

export interface ChannelPreview {
  name: string;
  /** Total spend ÷ months of history. */
  todayMonthly: number;
  proposedMonthly: number;
  /** Revenue expected a month at the proposed amount (constant ratio, or the fitted curve). */
  expectedRevenue: number;
}

export interface ArbitragePreview {
  method: ArbitrageMethod;
  /** The ceiling applied: × today's spend (average), × the best month (marginal). */
  cap: number;
  months: number;
  channels: ChannelPreview[];
  todayTotal: number;
  proposedTotal: number;
  expectedRevenue: number;
  /** The gross margin the contribution is computed at. */
  margin?: number;
  /** expected revenue × margin − budget, when a margin is given. */
  contribution?: number;
  /** 1 ÷ margin: the ROAS at which a euro of spend pays for itself. */
  breakevenRoas?: number;
}

const cell = (v: unknown): MonthValue => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The history, one row per channel, as numbers (blank or text: null). Pure. */
export function historyOf(data: SourceData, layout: DetectedLayout = data.layout): { names: string[]; spend: MonthValue[][]; revenue: MonthValue[][] } {
  const names: string[] = [];
  const spend: MonthValue[][] = [];
  const revenue: MonthValue[][] = [];
  for (let row = layout.firstDataRow; row <= layout.lastDataRow && row < data.preview.length; row++) {
    const values = data.preview[row] ?? [];
    names.push(String(values[layout.channelColumn] ?? ''));
    spend.push(Array.from({ length: layout.spend.count }, (_, m) => cell(values[layout.spend.first + m])));
    revenue.push(Array.from({ length: layout.revenue.count }, (_, m) => cell(values[layout.revenue.first + m])));
  }
  return { names, spend, revenue };
}

/** Months of the history where some channel has both spend and revenue above 0. Pure. */
export function usableMonths(data: SourceData, layout: DetectedLayout = data.layout): number {
  if (layout.spend.count < 2 || layout.spend.count !== layout.revenue.count) return 0;
  const { spend, revenue } = historyOf(data, layout);
  let months = 0;
  for (let m = 0; m < layout.spend.count; m++) if (spend.some((row, i) => (row[m] ?? 0) > 0 && (revenue[i][m] ?? 0) > 0)) months++;
  return months;
}

/** The marginal method is the default when the history has CURVE_MIN_MONTHS usable months. */
export function defaultMethod(data: SourceData | undefined, layout?: DetectedLayout): ArbitrageMethod {
  return data && usableMonths(data, layout ?? data.layout) >= CURVE_MIN_MONTHS ? 'marginal' : 'average';
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const total = (row: readonly MonthValue[]) => sum(row.map((v) => v ?? 0));

/**
 * @param months the history's months: the monthly columns, or what the user says a one-column history covers
 * @param margin the gross margin (0–1), for the contribution and the break-even ROAS
 */
export function arbitragePreview(
  data: SourceData,
  layout: DetectedLayout,
  options: { budget: number; method: ArbitrageMethod; months: number; margin?: number },
): ArbitragePreview | RuleError {
  const { budget, method, months, margin } = options;
  const { names, spend, revenue } = historyOf(data, layout);
  const todaySpend = spend.map((row) => total(row) / months);
  const todayRevenue = revenue.map((row) => total(row) / months);
  let proposed: number[];
  let expected: number[];
  let cap: number;
  if (method === 'marginal') {
    cap = MARGINAL_CAP;
    const result = allocateMarginal(budget, spend, revenue, cap);
    if (isRuleError(result)) return result;
    proposed = result.amounts;
    expected = proposed.map((x, i) => {
      const fit = result.fits[i];
      return fit && x > 0 ? fit.a * x ** fit.b : 0;
    });
  } else {
    cap = ALLOCATION_CAP;
    const result = allocate(budget, todaySpend, todayRevenue, ALLOCATION_FLOOR, cap);
    if (isRuleError(result)) return result;
    proposed = result;
    expected = proposed.map((x, i) => (todaySpend[i] > 0 ? (x * todayRevenue[i]) / todaySpend[i] : 0));
  }
  const expectedRevenue = sum(expected);
  const preview: ArbitragePreview = {
    method,
    cap,
    months,
    channels: names.map((name, i) => ({ name, todayMonthly: todaySpend[i], proposedMonthly: proposed[i], expectedRevenue: expected[i] })),
    todayTotal: sum(todaySpend),
    proposedTotal: sum(proposed),
    expectedRevenue,
  };
  if (margin !== undefined) {
    const c = contribution(expectedRevenue, budget, margin);
    const b = breakevenRoas(margin);
    preview.margin = margin;
    if (!isRuleError(c)) preview.contribution = c;
    if (!isRuleError(b)) preview.breakevenRoas = b;
  }
  return preview;
}
