import fc from 'fast-check';
import * as f from '../../src/functions/functions';
import { callSafely, excelArgument, isExcelShowable } from '../support/excel-arbitraries';

const functions: Array<[string, (...args: any[]) => unknown, number]> = [
  ['INTERNALISE_SIGNAL', f.internaliseSignal, 4],
  ['INTERNALISE_SCORE', f.internaliseScore, 4],
  ['FEES_TO_SALARY', f.feesToSalary, 2],
  ['BREAKEVEN_FEES', f.breakevenFees, 2],
  ['ROI_RATIO', f.roiRatio, 2],
  ['ROI_BAND', f.roiBand, 3],
  ['LTV', f.ltv, 3],
  ['RETENTION_LEVER', f.retentionLever, 5],
  ['BUDGET_TIER', f.budgetTier, 2],
  ['PILOT_VERDICT', f.pilotVerdict, 4],
  ['ALLOCATE', f.allocate, 4],
  ['RESPONSE_FIT', f.responseFit, 2],
  ['MARGINAL_ROAS', f.marginalRoas, 2],
  ['OPTIMAL_SPEND', f.optimalSpend, 2],
  ['BREAKEVEN_ROAS', f.breakevenRoas, 1],
  ['ALLOCATE_MARGINAL', f.allocateMarginal, 4],
  ['LABEL', f.label, 2],
];

describe.each(functions)('%s with arbitrary Excel-like arguments', (_id, fn, arity) => {
  it('returns a finite number, a code, a 2-D array of those, or a CustomFunctions.Error', () => {
    fc.assert(
      fc.property(fc.array(excelArgument, { minLength: arity, maxLength: arity }), (args) => {
        const outcome = callSafely(fn, args);
        if (!isExcelShowable(outcome)) {
          throw new Error(`not showable: ${JSON.stringify(outcome, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ALLOCATE as a property', () => {
  it('shares the whole budget among channels at or above the floor', () => {
    const channel = fc.record({ spend: fc.double({ min: 0.01, max: 1e6, noNaN: true }), revenue: fc.double({ min: 0, max: 1e7, noNaN: true }) });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.array(channel, { minLength: 1, maxLength: 30 }), (budget, channels) => {
        const spend = channels.map((c) => [c.spend]);
        const revenue = channels.map((c) => [c.revenue]);
        const outcome = callSafely(f.allocate as (...a: unknown[]) => unknown, [[[budget]], spend, revenue, null]);
        const eligible = channels.map((c) => c.revenue / c.spend >= 3);
        if (!eligible.some(Boolean)) return 'error' in outcome && (outcome.error as { code: string }).code === '#N/A';
        const amounts = (outcome.value as number[][]).map((row) => row[0]);
        const total = amounts.reduce((a, b) => a + b, 0);
        return (
          Math.abs(total - budget) <= 1e-9 * Math.max(1, budget) &&
          amounts.every((amount, i) => (eligible[i] ? amount >= 0 : amount === 0))
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the §7 functions on numeric histories, extreme values included', () => {
  const month = fc.oneof(
    fc.double({ min: 0, max: 1e308, noNaN: true }),
    fc.double({ min: 0, max: 1e4, noNaN: true }),
    fc.constantFrom(0, 5e-324, 1e-300, 1, 1e300, 1.7976931348623157e308, null, '', 'n/a', true),
  );
  const history = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 14 }))
    .chain(([rows, cols]) =>
      fc.tuple(
        fc.array(fc.array(month, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        fc.array(fc.array(month, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      ),
    );
  const budget = fc.oneof(fc.double({ min: 0, max: 1e308, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }));
  const showable = (fn: (...args: any[]) => unknown, args: unknown[]) => {
    const outcome = callSafely(fn, args);
    if (!isExcelShowable(outcome)) throw new Error(`not showable: ${String('error' in outcome ? outcome.error : JSON.stringify(outcome.value))}`);
    return outcome;
  };

  it('RESPONSE_FIT, MARGINAL_ROAS and OPTIMAL_SPEND give a showable result or an Excel error', () => {
    fc.assert(
      fc.property(history, fc.double({ min: 0, max: 1e308, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ([spend, revenue], at, margin) => {
        const fit = showable(f.responseFit, [[spend.flat()], [revenue.flat()]]);
        if ('value' in fit) {
          const row = fit.value as unknown[][];
          expect(row).toHaveLength(1);
          expect(row[0]).toHaveLength(4);
          showable(f.marginalRoas, [row, at]);
          showable(f.optimalSpend, [row, margin]);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('ALLOCATE_MARGINAL gives a column of one amount per channel summing to the budget, or an Excel error', () => {
    fc.assert(
      fc.property(history, budget, fc.oneof(fc.constant(null), fc.double({ min: 1, max: 1e6, noNaN: true })), ([spend, revenue], b, cap) => {
        const outcome = showable(f.allocateMarginal, [[[b]], spend, revenue, cap]);
        if ('value' in outcome) {
          const column = outcome.value as number[][];
          expect(column).toHaveLength(spend.length);
          const total = column.reduce((sum, [x]) => sum + x, 0);
          expect(Math.abs(total - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, b));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the showable check itself', () => {
  it('rejects NaN, Infinity, undefined, empty arrays and stray exceptions', () => {
    expect(isExcelShowable({ value: NaN })).toBe(false);
    expect(isExcelShowable({ value: Infinity })).toBe(false);
    expect(isExcelShowable({ value: undefined })).toBe(false);
    expect(isExcelShowable({ value: [] })).toBe(false);
    expect(isExcelShowable({ value: [[1, NaN]] })).toBe(false);
    expect(isExcelShowable({ error: new TypeError('x') })).toBe(false);
    expect(isExcelShowable({ value: [[1], [2]] })).toBe(true);
    expect(isExcelShowable({ error: new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, 'm') })).toBe(true);
  });
});
