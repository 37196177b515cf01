import fc from 'fast-check';
import type { LoadedSalaryBreakdown } from '../../src/rules';
import { FR_LINE_KEYS, loadedSalaryFr, loadedSalaryFrLines, loadedSalaryFrMonth, RuleError } from '../../src/rules';
import { FR_2026 } from '../../src/rules/rates/fr-2026';

const cost = (grossAnnual: number, more: Partial<Parameters<typeof loadedSalaryFr>[0]> = {}) =>
  loadedSalaryFr({ grossAnnual, ...more }) as number;
const PASS_2026 = 48_060;

describe('LOADED_SALARY_FR, RULES.md §8 examples (2026, 4 employees, AT/MP 2.08 %)', () => {
  const june = (monthlyGross: number) => loadedSalaryFrMonth({ grossAnnual: 12 * monthlyGross, atRate: 0.0208 }, 6) as number;
  it('gives 2 209 € a month for 2 000 € gross from June', () => expect(june(2000)).toBeCloseTo(2208.72, 2));
  it('gives 5 565 € for 4 000 €', () => expect(june(4000)).toBeCloseTo(5565.44, 2));
  it('gives 14 325 € for 10 000 €', () => expect(june(10_000)).toBeCloseTo(14325.2045, 3));
  it('makes the year the sum of its 12 months', () => {
    let sum = 0;
    for (let month = 1; month <= 12; month++) sum += loadedSalaryFrMonth({ grossAnnual: 24_000 }, month) as number;
    expect(cost(24_000)).toBeCloseTo(sum, 8);
    expect(loadedSalaryFrMonth({ grossAnnual: 24_000 }, 13)).toBeInstanceOf(RuleError);
  });
  it('defaults to 4 employees, not cadre, the year average AT/MP and 2026', () =>
    expect(cost(48_000)).toBe(cost(48_000, { headcount: 4, cadre: false, atRate: 0.0208, year: 2026 })));
});

describe('LOADED_SALARY_FR lines', () => {
  it('sum, with the gross, to the total; the total is LOADED_SALARY_FR', () => {
    for (const [gross, headcount, cadre] of [[30_000, 4, false], [80_000, 60, true], [500_000, 300, true]] as const) {
      const b = loadedSalaryFrLines({ grossAnnual: gross, headcount, cadre });
      if (b instanceof RuleError) throw b;
      expect(b.total).toBe(cost(gross, { headcount, cadre }));
      expect(b.lines.reduce((s, l) => s + l.amount, b.gross)).toBeCloseTo(b.total, 6);
      for (const l of b.lines) expect(l.amount).toBeCloseTo(l.base * l.rate, 6);
      for (const l of b.lines) expect(FR_LINE_KEYS).toContain(l.key);
    }
  });
  it('bases the capped lines on the PASS and the bands from 1 to 8 PASS', () => {
    const b = loadedSalaryFrLines({ grossAnnual: 10 * PASS_2026 }) as Exclude<ReturnType<typeof loadedSalaryFrLines>, RuleError>;
    const line = (key: string) => b.lines.find((l) => l.key === key)!;
    expect(line('vieillesse_plafonnee').base).toBeCloseTo(PASS_2026, 6);
    expect(line('chomage').base).toBeCloseTo(4 * PASS_2026, 6);
    expect(line('retraite_complementaire_t2').base).toBeCloseTo(7 * PASS_2026, 6);
    expect(line('cet').base).toBeCloseTo(8 * PASS_2026, 6);
    expect(line('maladie')).toMatchObject({ rate: 0.13 });
    expect(b.lines.find((l) => l.key === 'reduction_generale')).toBeUndefined();
  });
  it('takes off the réduction générale at the SMIC: 0.3981 of the gross under 50 employees, 0.4021 from 50', () => {
    const smicJanuary = 12.02 * ((35 * 52) / 12) * 12; // at or below the SMIC the coefficient is capped at Tmin + Tdelta
    const rate = (headcount: number) =>
      (loadedSalaryFrLines({ grossAnnual: smicJanuary, headcount }) as LoadedSalaryBreakdown).lines.find((l) => l.key === 'reduction_generale')!.rate;
    expect(rate(4)).toBeCloseTo(-0.3981, 10);
    expect(rate(50)).toBeCloseTo(-0.4021, 10);
  });
  it('adds APEC and the cadre prévoyance for a cadre, and forfait social on the health and prévoyance payments from 11', () => {
    const keys = (headcount: number, cadre: boolean) =>
      (loadedSalaryFrLines({ grossAnnual: 60_000, headcount, cadre }) as LoadedSalaryBreakdown).lines.map((l) => l.key);
    expect(keys(4, true)).toEqual(expect.arrayContaining(['apec', 'prevoyance_cadre']));
    expect(keys(4, false)).not.toContain('apec');
    expect(keys(10, true)).not.toContain('forfait_social');
    expect(keys(11, true)).toContain('forfait_social');
    expect(keys(49, false)).not.toContain('peec');
    expect(keys(50, false)).toContain('peec');
    expect(keys(249, false)).not.toContain('contribution_supplementaire_apprentissage');
    expect(keys(250, false)).toContain('contribution_supplementaire_apprentissage');
  });
});

describe('LOADED_SALARY_FR, bad input (RULES.md §8 and Conventions)', () => {
  it('names the known years for a year MKT does not know', () =>
    expect(loadedSalaryFr({ grossAnnual: 30_000, year: 2024 })).toEqual(new RuleError('VALUE', 'unknownYear', { arg: 'year', year: 2024, years: '2025, 2026' })));
  it('reads an AT/MP rate of 2 as a percent typed as a number', () =>
    expect(loadedSalaryFr({ grossAnnual: 30_000, atRate: 2 })).toEqual(new RuleError('VALUE', 'rateAsPercent', { arg: 'at_rate', typed: 2, asRate: 0.02 })));
  it('refuses a headcount below 1 and a negative gross', () => {
    expect(loadedSalaryFr({ grossAnnual: 30_000, headcount: 0.5 })).toEqual(new RuleError('VALUE', 'headcountBelowOne', { arg: 'headcount' }));
    expect(loadedSalaryFr({ grossAnnual: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'gross_annual' }));
  });
  it('raises an AT/MP rate below the floor to the floor, as the model does', () =>
    expect(cost(40_000, { atRate: 0.001 })).toBe(cost(40_000, { atRate: FR_2026.atMinimum[0].value })));
});

describe('LOADED_SALARY_FR properties', () => {
  const situation = fc.record({
    headcount: fc.constantFrom(1, 4, 10, 11, 49, 50, 51, 250, 2000),
    cadre: fc.boolean(),
    atRate: fc.double({ min: 0.005, max: 0.1, noNaN: true }),
    year: fc.constantFrom(2025, 2026),
  });
  it('rises with the gross (the réduction falls by less than the contributions rise)', () => {
    fc.assert(
      fc.property(situation, fc.double({ min: 20_000, max: 600_000, noNaN: true }), fc.double({ min: 1, max: 5_000, noNaN: true }), (s, gross, step) => {
        expect(cost(gross + step, s)).toBeGreaterThan(cost(gross, s));
      }),
    );
  });
  it('is continuous at the 4 PASS and 8 PASS ceilings (a 1 € step changes the cost by under 2 €)', () => {
    fc.assert(
      fc.property(situation, fc.constantFrom(4 * PASS_2026, 8 * PASS_2026), (s, ceiling) => {
        const s2026 = { ...s, year: 2026 };
        const jump = cost(ceiling + 0.5, s2026) - cost(ceiling - 0.5, s2026);
        expect(jump).toBeGreaterThan(0);
        expect(jump).toBeLessThan(2);
      }),
    );
  });
  it('jumps at 3 SMIC by Tmin (2 %) of the gross of the months at that SMIC: the réduction stops there, as the law has it', () => {
    const smic3June = 3 * 12.31 * ((35 * 52) / 12) * 12; // 3 SMIC from June to December
    const jump = cost(smic3June + 0.01) - cost(smic3June - 0.01);
    expect(jump).toBeCloseTo(0.02 * (smic3June / 12) * 7, 0);
  });
  it('jumps at the PASS by the CET on the whole gross (0.21 % × PASS), as the law and the model have it', () => {
    const jump = cost(PASS_2026 + 0.01) - cost(PASS_2026);
    expect(jump).toBeCloseTo(0.0021 * PASS_2026, 0);
  });
  it('is pure: the same arguments give the same result, lines or not', () => {
    fc.assert(
      fc.property(situation, fc.double({ min: 0, max: 600_000, noNaN: true }), (s, gross) => {
        const first = cost(gross, s);
        loadedSalaryFrLines({ grossAnnual: gross * 2, ...s });
        expect(cost(gross, s)).toBe(first);
        expect((loadedSalaryFrLines({ grossAnnual: gross, ...s }) as { total: number }).total).toBe(first);
      }),
    );
  });
});
