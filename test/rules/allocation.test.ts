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
