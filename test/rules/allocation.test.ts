import fc from 'fast-check';
import { allocate, RuleError } from '../../src/rules';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('ALLOCATE', () => {
  it('gives 0 to channels under the floor and shares the rest in proportion to their ratio', () => {
    // ratios 2 (under), 4 and 6
    const amounts = allocate(10_000, [1000, 1000, 500], [2000, 4000, 3000]) as number[];
    expect(amounts[0]).toBe(0);
    expect(amounts[1]).toBeCloseTo(4000, 9);
    expect(amounts[2]).toBeCloseTo(6000, 9);
  });
  it('keeps a channel exactly at the floor', () => {
    const amounts = allocate(100, [10, 10], [30, 29.99]) as number[];
    expect(amounts).toEqual([100, 0]);
  });
  it('gives 0 to a channel with no spend', () => {
    const amounts = allocate(100, [0, 10], [500, 50]) as number[];
    expect(amounts).toEqual([0, 100]);
  });
  it('sums exactly to the budget', () => {
    const amounts = allocate(1000, [3, 7, 11, 13], [10, 29, 47, 71]) as number[];
    expect(sum(amounts)).toBe(1000);
  });
  it('gives #N/A naming the floor when no channel reaches it', () => {
    expect(allocate(100, [10, 10], [20, 29])).toEqual(new RuleError('NA', 'noChannelAtFloor', { floor: 3 }));
    expect((allocate(100, [10], [20], 2.5) as RuleError).params).toEqual({ floor: 2.5 });
  });
  it('tells apart no channel at a floor of 0 from channels that returned nothing', () => {
    expect(allocate(100, [10], [0], 0)).toEqual(new RuleError('NA', 'noReturnToShare', { floor: 0 }));
    expect(allocate(100, [0], [0], 0)).toEqual(new RuleError('NA', 'noChannelAtFloor', { floor: 0 }));
    expect(allocate(100, [10, 10], [0, 5], 0)).toEqual([0, 100]);
  });
  it('gives #VALUE! for ranges of different sizes', () => {
    expect(allocate(100, [1, 2], [3])).toEqual(new RuleError('VALUE', 'rangeSizes', { spendCells: 2, revenueCells: 1 }));
  });
  it('rejects negative spend, revenue, budget or floor', () => {
    expect((allocate(100, [-1], [3]) as RuleError).params).toEqual({ arg: 'spend_range' });
    expect((allocate(100, [1], [-3]) as RuleError).params).toEqual({ arg: 'revenue_range' });
    expect((allocate(-100, [1], [3]) as RuleError).params).toEqual({ arg: 'total_budget' });
    expect((allocate(100, [1], [3], -1) as RuleError).params).toEqual({ arg: 'floor' });
  });
  it('takes another floor', () => {
    const amounts = allocate(100, [10, 10], [20, 40], 2) as number[];
    expect(amounts[0]).toBeCloseTo(100 / 3, 9);
    expect(amounts[1]).toBeCloseTo(200 / 3, 9);
  });
  it('does not change its inputs', () => {
    const spend = [1, 2, 3];
    const revenue = [9, 9, 9];
    allocate(60, spend, revenue);
    expect(spend).toEqual([1, 2, 3]);
    expect(revenue).toEqual([9, 9, 9]);
  });
});

describe('ALLOCATE with a cap (RULES.md §5)', () => {
  it('gives the issue’s newsletter at most 1.5 × its spend, the rest to the others by ratio', () => {
    // newsletter 490 spent for 14 700 (30:1), ads 5 000 for 20 000 (4:1), events 4 000 for 16 000 (4:1)
    const spend = [490, 5000, 4000];
    const revenue = [14_700, 20_000, 16_000];
    const uncapped = allocate(12_000, spend, revenue) as number[];
    expect(uncapped[0]).toBeGreaterThan(9000);
    const capped = allocate(12_000, spend, revenue, 3, 1.5) as number[];
    expect(capped[0]).toBeCloseTo(735, 9);
    expect(capped[1]).toBeCloseTo((12_000 - 735) / 2, 9);
    expect(capped[2]).toBeCloseTo((12_000 - 735) / 2, 9);
    expect(sum(capped)).toBe(12_000);
    // With events at 2 000 the three ceilings (735 + 7 500 + 3 000) are under the budget: #N/A.
    expect((allocate(12_000, [490, 5000, 2000], [14_700, 20_000, 8000], 3, 1.5) as RuleError).key).toBe('budgetAboveCaps');
  });
  it('iterates: a channel pushed over its ceiling by another’s surplus is capped too', () => {
    // ratios 10, 5, 1 (spend 100, 100, 1000); budget 1 200, cap 2: ceilings 200, 200, 2 000
    const amounts = allocate(1200, [100, 100, 1000], [1000, 500, 1000], 1, 2) as number[];
    expect(amounts[0]).toBe(200);
    expect(amounts[1]).toBe(200);
    expect(amounts[2]).toBeCloseTo(800, 9);
  });
  it('is the proportional rule when no channel reaches its ceiling', () => {
    expect(allocate(1000, [1000, 1000], [4000, 6000], 3, 1.5)).toEqual(allocate(1000, [1000, 1000], [4000, 6000]));
  });
  it('gives #N/A when the budget is above cap × what the kept channels spent', () => {
    expect(allocate(3001, [1000, 1000, 1000], [4000, 1000, 5000], 3, 1.5)).toEqual(
      new RuleError('NA', 'budgetAboveCaps', { budget: 3001, cap: 1.5, ceilings: 3000 }),
    );
    const full = allocate(3000, [1000, 1000, 1000], [4000, 1000, 5000], 3, 1.5) as number[];
    expect(full).toEqual([1500, 0, 1500]);
  });
  it('refuses a cap under 1 with #VALUE!', () => {
    expect(allocate(100, [10], [50], 3, 0.99)).toEqual(new RuleError('VALUE', 'allocateCapBelowOne', { arg: 'cap', cap: 0.99 }));
    expect((allocate(100, [10], [50], 3, 0) as RuleError).kind).toBe('VALUE');
    expect(allocate(10, [10], [50], 3, 1)).toEqual([10]);
  });

  const channel = fc.record({ spend: fc.integer({ min: 0, max: 100_000 }), revenue: fc.integer({ min: 0, max: 1_000_000 }) });
  const cases = fc.record({
    channels: fc.array(channel, { minLength: 1, maxLength: 12 }),
    cap: fc.double({ min: 1, max: 5, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('property: the amounts sum to the budget, none above cap × spend, proportional among the uncapped', () => {
    fc.assert(
      fc.property(cases, ({ channels, cap, share }) => {
        const spend = channels.map((c) => c.spend);
        const revenue = channels.map((c) => c.revenue);
        const kept = channels.map((c) => c.spend > 0 && c.revenue / c.spend >= 3);
        const ceilingSum = channels.reduce((a, c, i) => a + (kept[i] ? cap * c.spend : 0), 0);
        const budget = Math.round(ceilingSum * share);
        const amounts = allocate(budget, spend, revenue, 3, cap);
        if (amounts instanceof RuleError) {
          // Only when nothing reaches the floor (the cases keep the budget within the ceilings).
          return kept.every((k) => !k) || budget > ceilingSum;
        }
        const tolerance = 1e-9 * Math.max(1, budget);
        expect(Math.abs(sum(amounts) - budget)).toBeLessThanOrEqual(tolerance);
        const uncapped: number[] = [];
        amounts.forEach((a, i) => {
          expect(a).toBeGreaterThanOrEqual(-tolerance);
          if (!kept[i]) expect(a).toBe(0);
          else {
            expect(a).toBeLessThanOrEqual(cap * spend[i] + tolerance);
            if (a < cap * spend[i] - tolerance) uncapped.push(i);
          }
        });
        // Among the channels below their ceiling, amount ÷ ratio is one and the same.
        const perRatio = uncapped.map((i) => amounts[i] / (revenue[i] / spend[i]));
        for (const x of perRatio) expect(Math.abs(x - perRatio[0])).toBeLessThanOrEqual(1e-6 * Math.max(1, perRatio[0]));
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
