import fc from 'fast-check';
import { costPaths, crossoverMonth, inhouseMonthly, RuleError } from '../../src/rules';

const example = { outsourceMonthly: 8000, inhouseMonthly: 6669.6, oneOff: 10_650, monthsToHire: 3, rampMonths: 4, rampStart: 0.25 };
/** D(t) from COST_PATHS: hiring's cumulative cost − outsourcing's. */
const difference = (inputs: Parameters<typeof costPaths>[0], t: number) => {
  const rows = costPaths({ ...inputs, horizon: Math.max(t, 1) }) as (readonly [number, number, number])[];
  return rows[t - 1][2] - rows[t - 1][1];
};

describe('INHOUSE_MONTHLY', () => {
  it('adds the salary a month, the tools and the management time', () =>
    expect(inhouseMonthly({ loadedSalary: 72_000, toolsMonth: 250, managementHoursWeek: 2, hourlyValue: 60 })).toBeCloseTo(6000 + 250 + (2 * 52 * 60) / 12, 10));
  it('defaults the tools and the time to 0', () => expect(inhouseMonthly({ loadedSalary: 12_000 })).toBe(1000));
  it('refuses hours above 168 and negative amounts', () => {
    expect(inhouseMonthly({ loadedSalary: 1, managementHoursWeek: 169 })).toEqual(new RuleError('VALUE', 'hoursRange', { arg: 'management_hours_week', max: 168 }));
    expect((inhouseMonthly({ loadedSalary: 1, managementHoursWeek: -1 }) as RuleError).key).toBe('hoursRange');
    expect(inhouseMonthly({ loadedSalary: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'loaded_salary' }));
    expect(inhouseMonthly({ loadedSalary: 1, hourlyValue: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'hourly_value' }));
  });
});

describe('CROSSOVER_MONTH, RULES.md §8 example', () => {
  it('is month 18', () => expect(crossoverMonth(example)).toBe(18));
  it('follows D(7) = 14 328.40, D(17) = 1 024.40, D(18) = −306.00', () => {
    expect(difference(example, 7)).toBeCloseTo(14_328.4, 6);
    expect(difference(example, 17)).toBeCloseTo(1024.4, 6);
    expect(difference(example, 18)).toBeCloseTo(-306, 6);
  });
  it('gives #N/A when in-house costs as much or more every month (O = 6 500)', () =>
    expect(crossoverMonth({ ...example, outsourceMonthly: 6500 })).toEqual(new RuleError('NA', 'inhouseNotCheaper')));
  it('gives #N/A naming the horizon when the month comes after it', () =>
    expect(crossoverMonth({ ...example, horizon: 17 })).toEqual(new RuleError('NA', 'noCrossover', { horizon: 17 })));
  it('finds it at the horizon itself', () => expect(crossoverMonth({ ...example, horizon: 18 })).toBe(18));
  it('with no one-off, no wait and no ramp, is month 1 as soon as M < O', () =>
    expect(crossoverMonth({ outsourceMonthly: 100, inhouseMonthly: 99, oneOff: 0, monthsToHire: 0, rampMonths: 0 })).toBe(1));
});

describe('CROSSOVER_MONTH and COST_PATHS, arguments', () => {
  it('uses the defaults 3, 3, 0.25 and a 60-month horizon (36 rows for COST_PATHS)', () => {
    const base = { outsourceMonthly: 8000, inhouseMonthly: 6669.6, oneOff: 10_650 };
    expect(crossoverMonth(base)).toBe(crossoverMonth({ ...base, monthsToHire: 3, rampMonths: 3, rampStart: 0.25, horizon: 60 }));
    expect((costPaths(base) as unknown[]).length).toBe(36);
  });
  it('truncates whole-number arguments as Excel does', () => {
    expect(crossoverMonth({ ...example, monthsToHire: 3.9, rampMonths: 4.99 })).toBe(18);
    expect((costPaths({ ...example, horizon: 12.7 }) as unknown[]).length).toBe(12);
  });
  it('refuses arguments out of bounds with the bounds in the message', () => {
    expect(crossoverMonth({ ...example, monthsToHire: 121 })).toEqual(new RuleError('VALUE', 'wholeNumberRange', { arg: 'months_to_hire', min: 0, max: 120 }));
    expect(crossoverMonth({ ...example, rampMonths: -1 })).toEqual(new RuleError('VALUE', 'wholeNumberRange', { arg: 'ramp_months', min: 0, max: 60 }));
    expect(costPaths({ ...example, horizon: 0.5 })).toEqual(new RuleError('VALUE', 'wholeNumberRange', { arg: 'horizon', min: 1, max: 600 }));
    expect(costPaths({ ...example, horizon: 601 })).toBeInstanceOf(RuleError);
    expect((crossoverMonth({ ...example, rampStart: 25 }) as RuleError).key).toBe('rateAsPercent');
    expect(crossoverMonth({ ...example, oneOff: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'one_off' }));
  });
});

describe('COST_PATHS', () => {
  it('gives the month, t × O and one_off + the months of hiring', () => {
    const rows = costPaths({ ...example, horizon: 8 }) as (readonly [number, number, number])[];
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[2]).toEqual([3, 24_000, 10_650 + 24_000]);
    // Month 4 is the first of the ramp: the hire delivers 0.25 + 0.75 / 4 = 43.75 %.
    expect(rows[3][2] - rows[2][2]).toBeCloseTo(6669.6 + (1 - 0.4375) * 8000, 8);
    expect(rows[7][2] - rows[6][2]).toBeCloseTo(6669.6, 8);
  });
  it('agrees with CROSSOVER_MONTH: the first row where hiring costs less', () => {
    fc.assert(
      fc.property(
        fc.record({
          outsourceMonthly: fc.integer({ min: 1000, max: 20_000 }),
          inhouseMonthly: fc.integer({ min: 500, max: 20_000 }),
          oneOff: fc.integer({ min: 0, max: 30_000 }),
          monthsToHire: fc.integer({ min: 0, max: 6 }),
          rampMonths: fc.integer({ min: 0, max: 6 }),
          rampStart: fc.double({ min: 0, max: 1, noNaN: true }),
          horizon: fc.integer({ min: 1, max: 120 }),
        }),
        (inputs) => {
          const rows = costPaths(inputs) as (readonly [number, number, number])[];
          // The two sum the same terms in another order: they may differ only where D is within a rounding of 0.
          const nearZero = rows.some((r) => Math.abs(r[2] - r[1]) < 1e-6);
          const first = rows.find((r) => r[2] - r[1] < 0);
          const month = crossoverMonth(inputs);
          if (nearZero) return;
          if (first && inputs.inhouseMonthly < inputs.outsourceMonthly) expect(month).toBe(first[0]);
          else expect(month).toBeInstanceOf(RuleError);
        },
      ),
    );
  });
});
