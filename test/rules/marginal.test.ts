import fc from 'fast-check';
import {
  allocateMarginal,
  breakevenRoas,
  MarginalAllocation,
  marginalRoas,
  optimalSpend,
  responseFit,
  ResponseFit,
  RuleError,
} from '../../src/rules';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** Months whose revenue is exactly a × spend^b. */
const onCurve = (a: number, b: number, spends: number[]) => spends.map((s) => a * Math.pow(s, b));
const SIX = [1000, 1200, 1400, 1600, 1800, 2000];

describe('RESPONSE_FIT', () => {
  it('fits the curve revenue = a × spend^b by least squares on the logs', () => {
    const fit = responseFit(SIX, onCurve(40, 0.5, SIX)) as ResponseFit;
    expect(fit.code).toBe('CURVE');
    expect(fit.a).toBeCloseTo(40, 9);
    expect(fit.b).toBeCloseTo(0.5, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });
  it('gives r2 below 1 when the months scatter around the curve', () => {
    const revenue = onCurve(40, 0.5, SIX).map((r, i) => r * (i % 2 ? 1.1 : 0.9));
    const fit = responseFit(SIX, revenue) as ResponseFit;
    expect(fit.r2).toBeGreaterThan(0);
    expect(fit.r2).toBeLessThan(1);
    // r2 = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², computed here independently.
    const x = SIX.map(Math.log);
    const y = revenue.map(Math.log);
    const yHat = x.map((xi) => Math.log(fit.a) + fit.b * xi);
    const meanY = sum(y) / y.length;
    const expected = 1 - sum(y.map((yi, i) => (yi - yHat[i]) ** 2)) / sum(y.map((yi) => (yi - meanY) ** 2));
    expect(fit.r2).toBeCloseTo(expected, 12);
  });
  it('is CURVE at 6 months that count and LINEAR at 5, with the average ratio', () => {
    expect((responseFit(SIX, onCurve(40, 0.5, SIX)) as ResponseFit).code).toBe('CURVE');
    const five = SIX.slice(0, 5);
    const revenue = onCurve(40, 0.5, five);
    const fit = responseFit(five, revenue) as ResponseFit;
    expect(fit).toMatchObject({ code: 'LINEAR', b: 1, reason: 'fewMonths', months: 5 });
    expect(fit.a).toBeCloseTo(sum(revenue) / sum(five), 12);
    expect(fit.r2).toBeCloseTo(1, 12); // the log fit's r2, where the log fit exists
  });
  it('is CURVE when the largest spend is exactly 1.5 × the smallest, LINEAR just under', () => {
    const atSpread = [1000, 1100, 1200, 1300, 1400, 1500];
    expect((responseFit(atSpread, onCurve(40, 0.5, atSpread)) as ResponseFit).code).toBe('CURVE');
    const under = [1000, 1100, 1200, 1300, 1400, 1499.99];
    expect(responseFit(under, onCurve(40, 0.5, under))).toMatchObject({ code: 'LINEAR', reason: 'littleVariation' });
  });
  it('is LINEAR when the slope is not diminishing: b = 0, b < 0, b = 1, b > 1', () => {
    expect(responseFit(SIX, SIX.map(() => 5000))).toMatchObject({ code: 'LINEAR', logSlope: 0, r2: 0, reason: 'notDiminishing' });
    expect(responseFit(SIX, onCurve(1e6, -0.3, SIX))).toMatchObject({ code: 'LINEAR', reason: 'notDiminishing' });
    const constant = responseFit(SIX, SIX.slice()) as ResponseFit; // revenue = spend: b exactly 1
    expect(constant).toMatchObject({ code: 'LINEAR', logSlope: 1, a: 1, b: 1 });
    expect(responseFit(SIX, onCurve(0.5, 1.2, SIX))).toMatchObject({ code: 'LINEAR', reason: 'notDiminishing' });
  });
  it('leaves out months with a blank, text, TRUE/FALSE (null here) or 0, in either range', () => {
    const spend = [null, ...SIX.slice(0, 3), 0, 700, ...SIX.slice(3)];
    const revenue = [900, ...onCurve(40, 0.5, SIX.slice(0, 3)), 800, 0, ...onCurve(40, 0.5, SIX.slice(3))];
    expect(responseFit(spend, revenue)).toEqual(responseFit(SIX, onCurve(40, 0.5, SIX)));
    expect((responseFit(spend, revenue) as ResponseFit).months).toBe(6);
  });
  it('gives r2 = 0 when there is no log fit: one month, or spends all equal', () => {
    expect(responseFit([100], [400])).toMatchObject({ code: 'LINEAR', a: 4, b: 1, r2: 0, months: 1 });
    expect(responseFit([100, 100, 100, 100, 100, 100, 100], [300, 400, 500, 300, 400, 500, 400])).toMatchObject({
      code: 'LINEAR',
      a: 4,
      r2: 0,
      reason: 'littleVariation',
    });
  });
  it('gives #N/A when no month has both spend and revenue above 0', () => {
    expect(responseFit([0, null, 100], [50, 60, 0])).toEqual(new RuleError('NA', 'noMonthCounted'));
    expect(responseFit([null], [null])).toEqual(new RuleError('NA', 'noMonthCounted'));
  });
  it('gives #VALUE! for ranges of different counts and for a negative month', () => {
    expect(responseFit([1, 2], [1])).toEqual(new RuleError('VALUE', 'monthCounts', { spendCells: 2, revenueCells: 1 }));
    expect(responseFit([1, -2], [1, 1])).toEqual(new RuleError('VALUE', 'negative', { arg: 'spend' }));
    expect(responseFit([1, 2], [1, -1])).toEqual(new RuleError('VALUE', 'negative', { arg: 'revenue' }));
  });
  it('does not change its inputs', () => {
    const spend = [...SIX];
    const revenue = onCurve(40, 0.5, SIX);
    const copy = [...revenue];
    responseFit(spend, revenue);
    expect(spend).toEqual(SIX);
    expect(revenue).toEqual(copy);
  });
});

describe('MARGINAL_ROAS', () => {
  it('is a × b × spend^(b − 1)', () => {
    expect(marginalRoas([40, 0.5, 1, 'CURVE'] as never, 1600)).toBeCloseTo(0.5, 12);
    expect(marginalRoas([4, 1], 1600)).toBe(4);
  });
  it('at spend 0: a when b = 1, #NUM! when b < 1', () => {
    expect(marginalRoas([4, 1], 0)).toBe(4);
    expect((marginalRoas([4, 0.5], 0) as RuleError).kind).toBe('NUM');
  });
  it('gives #VALUE! for a fit with fewer than two numbers or outside a ≥ 0, 0 < b ≤ 1, and for a negative spend', () => {
    expect(marginalRoas([4], 10)).toEqual(new RuleError('VALUE', 'fitNumbers', { arg: 'fit' }));
    expect(marginalRoas([-1, 0.5], 10)).toEqual(new RuleError('VALUE', 'fitBounds', { arg: 'fit' }));
    expect((marginalRoas([4, 0], 10) as RuleError).key).toBe('fitBounds');
    expect((marginalRoas([4, 1.01], 10) as RuleError).key).toBe('fitBounds');
    expect(marginalRoas([0, 1], 10)).toBe(0);
    expect(marginalRoas([4, 0.5], -1)).toEqual(new RuleError('VALUE', 'negative', { arg: 'monthly_spend' }));
  });
});

describe('OPTIMAL_SPEND', () => {
  it('is (a × b × margin)^(1 / (1 − b)), where margin × MARGINAL_ROAS = 1', () => {
    const spend = optimalSpend([40, 0.5], 0.4) as number;
    expect(spend).toBeCloseTo(64, 9);
    expect(0.4 * (marginalRoas([40, 0.5], spend) as number)).toBeCloseTo(1, 12);
  });
  it('gives #NUM! at b = 1, 0 at margin 0, #VALUE! for a margin outside 0..1 with the percent message', () => {
    expect(optimalSpend([4, 1], 0.4)).toEqual(new RuleError('NUM', 'constantReturns', { arg: 'fit' }));
    expect(optimalSpend([40, 0.5], 0)).toBe(0);
    expect(optimalSpend([40, 0.5], 40)).toEqual(new RuleError('VALUE', 'rateAsPercent', { arg: 'margin', typed: 40, asRate: 0.4 }));
    expect((optimalSpend([40, 0.5], -0.1) as RuleError).key).toBe('rateRange');
  });
});

describe('BREAKEVEN_ROAS', () => {
  it('is 1 / margin: at 25 %, 4:1 only breaks even', () => expect(breakevenRoas(0.25)).toBe(4));
  it('gives #DIV/0! at 0 and #VALUE! outside 0..1', () => {
    expect(breakevenRoas(0)).toEqual(new RuleError('DIV0', 'divisionByZero', { arg: 'margin' }));
    expect((breakevenRoas(25) as RuleError).key).toBe('rateAsPercent');
    expect((breakevenRoas(1.5) as RuleError).key).toBe('rateRange');
  });
});

/** The marginal return of each channel at its amount. */
function marginals(result: MarginalAllocation): number[] {
  return result.amounts.map((x, i) => {
    const fit = result.fits[i]!;
    return fit.a * fit.b * Math.pow(x, fit.b - 1);
  });
}

describe('ALLOCATE_MARGINAL', () => {
  const curveA = onCurve(40, 0.5, SIX);
  const curveB = onCurve(20, 0.6, SIX);
  it('ends every channel inside its bounds at the same marginal return', () => {
    const result = allocateMarginal(3000, [SIX, SIX], [curveA, curveB]) as MarginalAllocation;
    expect(sum(result.amounts)).toBeCloseTo(3000, 9);
    const [m1, m2] = marginals(result);
    expect(m1).toBeCloseTo(m2, 10);
    expect(m1).toBeCloseTo(result.lambda!, 10);
    expect(result.ceilings).toEqual([3000, 3000]);
  });
  it('stops a channel at its ceiling, cap × its best month, and gives the rest to the others', () => {
    // A strong curve with a small history: its ceiling binds.
    const small = [100, 120, 140, 160, 180, 200];
    const result = allocateMarginal(3000, [small, SIX], [onCurve(400, 0.5, small), curveA]) as MarginalAllocation;
    expect(result.ceilings[0]).toBe(300);
    expect(result.amounts[0]).toBe(300);
    expect(result.amounts[1]).toBeCloseTo(2700, 9);
    expect(marginals(result)[0]).toBeGreaterThan(marginals(result)[1]);
    const wider = allocateMarginal(3000, [small, SIX], [onCurve(400, 0.5, small), curveA], 10) as MarginalAllocation;
    expect(wider.amounts[0]).toBeGreaterThan(300);
  });
  it('gives every channel its ceiling when the budget is exactly their sum, and #N/A above it', () => {
    const result = allocateMarginal(6000, [SIX, SIX], [curveA, curveB]) as MarginalAllocation;
    expect(result.amounts).toEqual([3000, 3000]);
    expect(allocateMarginal(6000.01, [SIX, SIX], [curveA, curveB])).toEqual(
      new RuleError('NA', 'budgetAboveCeilings', { budget: 6000.01, cap: 1.5, ceilings: 6000 }),
    );
  });
  it('shares by ceiling between LINEAR channels at equal return', () => {
    // Two LINEAR channels (too few months) with the same ratio, 3; ceilings 150 and 450.
    const result = allocateMarginal(300, [[100, 50], [300, 200]], [[300, 150], [900, 600]]) as MarginalAllocation;
    expect(result.fits.map((f) => f!.code)).toEqual(['LINEAR', 'LINEAR']);
    expect(result.amounts).toEqual([75, 225]);
  });
  it('fills the better LINEAR channel first, then the next', () => {
    const result = allocateMarginal(500, [[100], [300]], [[500], [900]]) as MarginalAllocation;
    expect(result.amounts).toEqual([150, 350]);
  });
  it('sets a LINEAR channel against a curve: the curve takes spend until its marginal return falls to the ratio', () => {
    // LINEAR at 2 with ceiling 1500; the curve 40·x^0.5 has marginal 2 at x = 100.
    const result = allocateMarginal(1000, [SIX, [1000]], [curveA, [2000]]) as MarginalAllocation;
    expect(result.amounts[0]).toBeCloseTo(100, 9);
    expect(result.amounts[1]).toBeCloseTo(900, 9);
    expect(result.lambda).toBe(2);
    // With more budget the LINEAR channel is full and the curve goes on below the ratio.
    const more = allocateMarginal(2500, [SIX, [1000]], [curveA, [2000]]) as MarginalAllocation;
    expect(more.amounts[1]).toBe(1500);
    expect(more.amounts[0]).toBeCloseTo(1000, 9);
  });
  it('gives 0 to a row with no month that counts, and a column of zeros for a budget of 0', () => {
    const result = allocateMarginal(1000, [SIX, [0, 0, 0, 0, 0, 0]], [curveA, [5, 5, 5, 5, 5, 5]]) as MarginalAllocation;
    expect(result.amounts).toEqual([1000, 0]);
    expect(result.fits[1]).toBeUndefined();
    expect((allocateMarginal(0, [SIX, SIX], [curveA, curveB]) as MarginalAllocation).amounts).toEqual([0, 0]);
  });
  it('accepts a cap of 1 and gives #VALUE! below', () => {
    expect((allocateMarginal(3000, [SIX, SIX], [curveA, curveB], 1) as MarginalAllocation).ceilings).toEqual([2000, 2000]);
    expect(allocateMarginal(3000, [SIX, SIX], [curveA, curveB], 0.99)).toEqual(new RuleError('VALUE', 'capBelowOne', { arg: 'cap', cap: 0.99 }));
  });
  it('gives #VALUE! for histories of different shapes and for a negative month', () => {
    expect(allocateMarginal(10, [SIX], [curveA, curveB])).toEqual(
      new RuleError('VALUE', 'historyShapes', { spendShape: '1×6', revenueShape: '2×6' }),
    );
    expect((allocateMarginal(10, [[1, 2]], [[1]]) as RuleError).key).toBe('historyShapes');
    expect(allocateMarginal(10, [[1, -2]], [[1, 1]])).toEqual(new RuleError('VALUE', 'negative', { arg: 'spend_history' }));
    expect(allocateMarginal(-1, [[1]], [[1]])).toEqual(new RuleError('VALUE', 'negative', { arg: 'monthly_budget' }));
  });
  it('gives #N/A when no channel has a month that counts and the budget is above 0', () => {
    expect((allocateMarginal(10, [[0]], [[5]]) as RuleError).key).toBe('budgetAboveCeilings');
  });
});

describe('ALLOCATE_MARGINAL, property', () => {
  const channel = fc.record({
    a: fc.double({ min: 0.5, max: 200, noNaN: true }),
    b: fc.double({ min: -0.5, max: 1.4, noNaN: true }),
    months: fc.array(fc.tuple(fc.double({ min: 50, max: 20_000, noNaN: true }), fc.double({ min: 0.7, max: 1.3, noNaN: true })), {
      minLength: 1,
      maxLength: 12,
    }),
  });
  const objective = (amounts: number[], fits: MarginalAllocation['fits']) =>
    amounts.reduce((total, x, i) => (fits[i] ? total + fits[i]!.a * Math.pow(x, fits[i]!.b) : total), 0);

  it('sums to the budget, stays within [0, ceiling], and no small transfer between two channels raises Σ a·x^b', () => {
    fc.assert(
      fc.property(fc.array(channel, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), (channels, permille) => {
        const spend = channels.map((c) => c.months.map(([s]) => s));
        const revenue = channels.map((c) => c.months.map(([s, noise]) => c.a * Math.pow(s, c.b) * noise));
        const probe = allocateMarginal(0, spend, revenue) as MarginalAllocation;
        const budget = (permille / 1000) * sum(probe.ceilings);
        const result = allocateMarginal(budget, spend, revenue) as MarginalAllocation;
        expect(result).not.toBeInstanceOf(RuleError);
        const { amounts, ceilings, fits } = result;
        expect(Math.abs(sum(amounts) - budget)).toBeLessThanOrEqual(1e-9 * Math.max(1, budget));
        amounts.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(ceilings[i]);
        });
        const best = objective(amounts, fits);
        for (const delta of [1e-3 * budget, 1e-6 * budget]) {
          if (!(delta > 0)) continue;
          for (let i = 0; i < amounts.length; i++) {
            for (let j = 0; j < amounts.length; j++) {
              if (i === j || amounts[j] < delta || amounts[i] + delta > ceilings[i]) continue;
              const moved = amounts.slice();
              moved[i] += delta;
              moved[j] -= delta;
              expect(objective(moved, fits)).toBeLessThanOrEqual(best * (1 + 1e-9));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('round-off at the boundaries of section 7 (review)', () => {
  it('is CURVE at exactly 1.5 × the smallest spend when the spends are decimals (0.2 and 0.3, 2.2 and 3.3)', () => {
    for (const [low, high] of [
      [0.2, 0.3],
      [2.2, 3.3],
      [0.1, 0.15],
    ]) {
      const spend = [low, high, low, high, low, high];
      expect(responseFit(spend, onCurve(40, 0.5, spend))).toMatchObject({ code: 'CURVE' });
    }
  });
  it('is LINEAR with b = 1 when revenue is exactly proportional to spend, whatever the spends', () => {
    const spend = [69.9, 207.4, 115.8, 1931, 2095, 48.7, 218, 161, 144.7, 171.9];
    const fit = responseFit(spend, spend.map((s) => 3 * s)) as ResponseFit;
    expect(fit).toMatchObject({ code: 'LINEAR', b: 1, logSlope: 1, reason: 'notDiminishing' });
    expect(fit.a).toBeCloseTo(3, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });
  it('is LINEAR with a log slope of 0 and r2 = 0 when every revenue is the same', () => {
    const spend = [100, 200, 300, 400, 500, 600, 700];
    const fit = responseFit(spend, spend.map(() => 777.7)) as ResponseFit;
    expect(fit).toMatchObject({ code: 'LINEAR', b: 1, logSlope: 0, r2: 0, reason: 'notDiminishing' });
  });
  it('shares by ceiling between LINEAR channels whose ratios are equal but for round-off (2.1 / 0.7 and 3 / 1)', () => {
    expect(2.1 / 0.7).not.toBe(3);
    const result = allocateMarginal(1, [[1], [0.7]], [[3], [2.1]]) as MarginalAllocation;
    expect(result.amounts[0]).toBeCloseTo(1.5 / 2.55, 12);
    expect(result.amounts[1]).toBeCloseTo(1.05 / 2.55, 12);
  });
  it('keeps the rule when the ceilings add up beyond the largest number (histories near 1e308)', () => {
    // Two LINEAR channels at the same ratio, ceilings 1e308 each: their sum overflows.
    const tie = allocateMarginal(1e308, [[1e308], [1e308]], [[1e308], [1e308]], 1) as MarginalAllocation;
    expect(tie.amounts).toEqual([5e307, 5e307]);
    expect(tie.ceilings).toEqual([1e308, 1e308]);
    // A curve and a LINEAR channel: every amount within its bounds, the sum the budget, λ where the curve ends.
    // The LINEAR channel (ratio 0.2) fills its ceiling; the curve, whose return there is far lower, takes the rest.
    const big = SIX.map((s) => s * 5e304);
    const mixed = allocateMarginal(1.5e308, [big, [1e308]], [onCurve(40, 0.5, big), [2e307]], 1) as MarginalAllocation;
    expect(mixed.fits.map((f) => f!.code)).toEqual(['CURVE', 'LINEAR']);
    expect(mixed.amounts[1]).toBe(1e308);
    expect(mixed.amounts[0] / 5e307).toBeCloseTo(1, 12);
    const [fit] = mixed.fits;
    expect((fit!.a * fit!.b * Math.pow(mixed.amounts[0], fit!.b - 1)) / mixed.lambda!).toBeCloseTo(1, 9);
  });
});
