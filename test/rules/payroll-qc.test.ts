import fc from 'fast-check';
import type { LoadedSalaryBreakdown } from '../../src/rules';
import { fssRate, loadedSalaryQc, loadedSalaryQcLines, RuleError } from '../../src/rules';
import { QC_2026 } from '../../src/rules/rates/qc-2026';

const cost = (grossAnnual: number, more: Partial<Parameters<typeof loadedSalaryQc>[0]> = {}) =>
  loadedSalaryQc({ grossAnnual, ...more }) as number;
const line = (grossAnnual: number, key: string, more: Partial<Parameters<typeof loadedSalaryQc>[0]> = {}) =>
  (loadedSalaryQcLines({ grossAnnual, ...more }) as LoadedSalaryBreakdown).lines.find(
    (l) => l.key === key,
  )!;

describe('LOADED_SALARY_QC, RULES.md §8 examples (2026)', () => {
  it('gives 72 561.30 $ for 65 000 $', () => expect(cost(65_000)).toBeCloseTo(72_561.3, 6));
  it('gives 99 616.08 $ for 90 000 $', () => expect(cost(90_000)).toBeCloseTo(99_616.08, 6));
  it('adds the group insurance as a share of the gross', () => expect(cost(90_000, { benefitsRate: 0.02 }) - cost(90_000)).toBeCloseTo(1800, 6));
});

describe('LOADED_SALARY_QC at every ceiling', () => {
  it('charges no RRQ up to the 3 500 $ exemption, 6.30 % above', () => {
    expect(line(3500, 'rrq').amount).toBe(0);
    expect(line(3600, 'rrq').amount).toBeCloseTo(6.3, 10);
  });
  it('caps the RRQ at 74 600 $ and starts the RRQ2 there, capped at 85 000 $', () => {
    expect(line(74_600, 'rrq').amount).toBeCloseTo(0.063 * 71_100, 8);
    expect(line(80_000, 'rrq').amount).toBeCloseTo(0.063 * 71_100, 8);
    expect(line(74_600, 'rrq2').amount).toBe(0);
    expect(line(85_000, 'rrq2').amount).toBeCloseTo(0.04 * 10_400, 8);
    expect(line(95_000, 'rrq2').amount).toBeCloseTo(0.04 * 10_400, 8);
  });
  it('caps EI at 68 900 $ (1.82 %)', () => {
    expect(line(68_900, 'ei').amount).toBeCloseTo(0.0182 * 68_900, 8);
    expect(line(70_000, 'ei').amount).toBeCloseTo(0.0182 * 68_900, 8);
  });
  it('caps RQAP, CNESST and CNT at 103 000 $', () => {
    for (const [key, rate] of [['rqap', 0.00602], ['cnesst', 0.0154], ['cnt', 0.0006]] as const) {
      expect(line(103_000, key).amount).toBeCloseTo(rate * 103_000, 8);
      expect(line(150_000, key).amount).toBeCloseTo(rate * 103_000, 8);
    }
  });
  it('charges the FSS at 1.65 % up to a 1 M$ payroll, 4.26 % from 7.8 M$, on the line between', () => {
    expect(fssRate(QC_2026, 1_000_000)).toBe(0.0165);
    expect(fssRate(QC_2026, 7_800_000)).toBe(0.0426);
    expect(fssRate(QC_2026, 4_400_000)).toBeCloseTo((0.0165 + 0.0426) / 2, 12);
    expect(line(60_000, 'fss', { totalPayroll: 1_000_000 }).rate).toBe(0.0165);
    expect(line(60_000, 'fss', { totalPayroll: 9_000_000 }).rate).toBe(0.0426);
    expect(line(60_000, 'fss').rate).toBe(0.0165); // omitted: the employee's own gross
  });
  it('is continuous at every ceiling and rises with the gross', () => {
    fc.assert(
      fc.property(fc.constantFrom(3500, 68_900, 74_600, 85_000, 103_000), (ceiling) => {
        const jump = cost(ceiling + 0.5) - cost(ceiling - 0.5);
        expect(jump).toBeGreaterThan(1);
        expect(jump).toBeLessThan(1.2);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500_000, noNaN: true }), fc.double({ min: 0.01, max: 10_000, noNaN: true }), (g, step) => {
        expect(cost(g + step)).toBeGreaterThan(cost(g));
      }),
    );
  });
  it('is continuous in the payroll at 1 M$ and 7.8 M$', () => {
    for (const payroll of [1_000_000, 7_800_000]) {
      expect(Math.abs(cost(60_000, { totalPayroll: payroll + 1 }) - cost(60_000, { totalPayroll: payroll - 1 }))).toBeLessThan(0.01);
    }
  });
  it('lists every line, and they sum with the gross to the total', () => {
    const b = loadedSalaryQcLines({ grossAnnual: 90_000, benefitsRate: 0.01 }) as LoadedSalaryBreakdown;
    expect(b.lines.map((l) => l.key)).toEqual(['rrq', 'rrq2', 'rqap', 'ei', 'fss', 'cnesst', 'cnt', 'benefits']);
    expect(b.lines.reduce((s, l) => s + l.amount, b.gross)).toBe(b.total);
    expect(b.total).toBe(cost(90_000, { benefitsRate: 0.01 }));
  });
});

describe('LOADED_SALARY_QC, bad input', () => {
  it('names the known years', () =>
    expect(loadedSalaryQc({ grossAnnual: 1, year: 2025 })).toEqual(new RuleError('VALUE', 'unknownYear', { arg: 'year', year: 2025, years: '2026' })));
  it('reads a CNESST rate of 2 as a percent typed as a number', () =>
    expect((loadedSalaryQc({ grossAnnual: 1, cnesstRate: 2 }) as RuleError).key).toBe('rateAsPercent'));
  it('refuses negative amounts', () => {
    expect(loadedSalaryQc({ grossAnnual: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'gross_annual' }));
    expect(loadedSalaryQc({ grossAnnual: 1, totalPayroll: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'total_payroll' }));
  });
});
