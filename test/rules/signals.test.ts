import {
  assessInternalisation,
  breakevenFees,
  criticalMassZone,
  feesToSalary,
  internaliseCode,
  RuleError,
} from '../../src/rules';

const base = { weeklyHours: 10, externalFees: 10_000, loadedSalary: 100_000, dataNeed: false };

function assess(overrides: Partial<typeof base>) {
  const result = assessInternalisation({ ...base, ...overrides });
  if (result instanceof RuleError) throw new Error(`unexpected ${result.kind} ${result.key}`);
  return result;
}

describe('S1 complexity: 40 hours a week', () => {
  it('is off at 39.99 hours', () => expect(assess({ weeklyHours: 39.99 }).complexity).toBe(false));
  it('is on at exactly 40 hours', () => expect(assess({ weeklyHours: 40 }).complexity).toBe(true));
  it('accepts 0 and 168 hours', () => {
    expect(assess({ weeklyHours: 0 }).complexity).toBe(false);
    expect(assess({ weeklyHours: 168 }).complexity).toBe(true);
  });
  it('rejects more than 168 hours a week with #VALUE!', () => {
    expect(assessInternalisation({ ...base, weeklyHours: 168.01 })).toEqual(
      new RuleError('VALUE', 'hoursRange', { arg: 'weekly_hours', max: 168 }),
    );
  });
  it('rejects negative hours with #VALUE!', () => {
    expect((assessInternalisation({ ...base, weeklyHours: -1 }) as RuleError).kind).toBe('VALUE');
  });
});

describe('S2 budget critical mass: fees at 60 % of a loaded salary', () => {
  it('is off at a ratio of 0.5999', () => expect(assess({ externalFees: 59_990 }).criticalMass).toBe(false));
  it('is on at exactly 0.60', () => expect(assess({ externalFees: 60_000 }).criticalMass).toBe(true));
  it('calls 0.60 to 0.70 the tipping zone and 0.70 and above strong', () => {
    expect(criticalMassZone(0.5999)).toBe('OFF');
    expect(criticalMassZone(0.6)).toBe('TIPPING');
    expect(criticalMassZone(0.6999)).toBe('TIPPING');
    expect(criticalMassZone(0.7)).toBe('STRONG');
    expect(criticalMassZone(3)).toBe('STRONG');
  });
  it('gives #DIV/0! when the loaded salary is 0', () => {
    expect(assessInternalisation({ ...base, loadedSalary: 0 })).toEqual(new RuleError('DIV0', 'divisionByZero', { arg: 'loaded_salary' }));
  });
  it('rejects negative fees and salaries with #VALUE!', () => {
    expect(feesToSalary(-1, 10)).toEqual(new RuleError('VALUE', 'negative', { arg: 'external_fees' }));
    expect(feesToSalary(1, -10)).toEqual(new RuleError('VALUE', 'negative', { arg: 'loaded_salary' }));
  });
  it('computes fees ÷ salary', () => expect(feesToSalary(65_000, 100_000)).toBeCloseTo(0.65, 12));
});

describe('S3 data culture', () => {
  it('follows data_need', () => {
    expect(assess({ dataNeed: true }).dataCulture).toBe(true);
    expect(assess({ dataNeed: false }).dataCulture).toBe(false);
  });
});

describe('decision from the number of signals', () => {
  it('outsources with no signal', () => expect(assess({}).code).toBe('OUTSOURCE'));
  it('prepares the transition with one signal', () => {
    expect(assess({ weeklyHours: 40 }).code).toBe('PREPARE');
    expect(assess({ externalFees: 60_000 }).code).toBe('PREPARE');
    expect(assess({ dataNeed: true }).code).toBe('PREPARE');
  });
  it('internalises with two or three signals', () => {
    expect(assess({ weeklyHours: 45, dataNeed: true }).code).toBe('INTERNALISE');
    const all = assess({ weeklyHours: 45, externalFees: 80_000, dataNeed: true });
    expect(all.score).toBe(3);
    expect(all.code).toBe('INTERNALISE');
  });
  it('maps every score to its code', () => {
    expect([0, 1, 2, 3].map(internaliseCode)).toEqual(['OUTSOURCE', 'PREPARE', 'INTERNALISE', 'INTERNALISE']);
  });
});

describe('BREAKEVEN_FEES', () => {
  it('is the loaded salary × 0.60 by default', () => expect(breakevenFees(100_000)).toBeCloseTo(60_000, 6));
  it('takes another ratio', () => expect(breakevenFees(100_000, 0.7)).toBeCloseTo(70_000, 6));
  it('tells a ratio typed as a percent to be entered as a rate', () => {
    expect(breakevenFees(100_000, 60)).toEqual(new RuleError('VALUE', 'rateAsPercent', { arg: 'ratio', typed: 60, asRate: 0.6 }));
  });
  it('rejects a ratio of 0 or a negative one', () => {
    expect((breakevenFees(100_000, 0) as RuleError).key).toBe('rateRange');
    expect((breakevenFees(100_000, -0.1) as RuleError).key).toBe('rateRange');
  });
  it('rejects a negative salary', () => expect((breakevenFees(-1) as RuleError).key).toBe('negative'));
  it('never rounds below where S2 turns on, for any salary', () => {
    for (let salary = 1000; salary <= 300_000; salary += 7) {
      for (const ratio of [0.6, 0.7, 0.65]) {
        const fees = breakevenFees(salary, ratio) as number;
        expect(fees / salary).toBeGreaterThanOrEqual(ratio);
        expect(fees - salary * ratio).toBeLessThanOrEqual(salary * ratio * 1e-15);
      }
    }
    expect(assess({ loadedSalary: 1709, externalFees: breakevenFees(1709) as number }).criticalMass).toBe(true);
  });
  it('is where S2 turns on', () => {
    const fees = breakevenFees(123_456) as number;
    expect(assess({ loadedSalary: 123_456, externalFees: fees }).criticalMass).toBe(true);
    expect(assess({ loadedSalary: 123_456, externalFees: fees - 0.01 }).criticalMass).toBe(false);
  });
});

describe('the signals with thresholds of the user (hours_threshold, fees_ratio)', () => {
  it('uses the seed figures when none is given, and says which were applied', () => {
    const a = assess({});
    expect([a.hoursThreshold, a.feesRatio]).toEqual([40, 0.6]);
  });
  it('moves S1 with hours_threshold', () => {
    expect(assessInternalisation({ ...base, weeklyHours: 30, hoursThreshold: 30 })).toMatchObject({ complexity: true, score: 1 });
    expect(assessInternalisation({ ...base, weeklyHours: 29.9, hoursThreshold: 30 })).toMatchObject({ complexity: false });
    expect(assessInternalisation({ ...base, weeklyHours: 45, hoursThreshold: 50 })).toMatchObject({ complexity: false });
  });
  it('moves S2 and its tipping zone with fees_ratio: on from the ratio, strong from the ratio + 0.10', () => {
    const at = (fees: number) => assessInternalisation({ ...base, externalFees: fees, feesRatio: 0.5 });
    expect(at(49_999)).toMatchObject({ criticalMass: false, criticalMassZone: 'OFF' });
    expect(at(50_000)).toMatchObject({ criticalMass: true, criticalMassZone: 'TIPPING' });
    expect(at(59_999)).toMatchObject({ criticalMassZone: 'TIPPING' });
    expect(at(60_000)).toMatchObject({ criticalMassZone: 'STRONG' });
    expect(criticalMassZone(0.7)).toBe('STRONG');
    expect(criticalMassZone(0.85, 0.8)).toBe('TIPPING');
    expect(criticalMassZone(0.9, 0.8)).toBe('STRONG');
  });
  it('gives the same results with the defaults given explicitly as when left out', () => {
    for (const weeklyHours of [0, 39, 40, 80]) {
      for (const externalFees of [0, 59_999, 60_000, 70_000, 90_000]) {
        const left = assessInternalisation({ ...base, weeklyHours, externalFees });
        const given = assessInternalisation({ ...base, weeklyHours, externalFees, hoursThreshold: 40, feesRatio: 0.6 });
        expect(given).toEqual(left);
      }
    }
  });
  it('rejects hours_threshold outside 1..168 and fees_ratio outside the rate rules, with #VALUE!', () => {
    expect(assessInternalisation({ ...base, hoursThreshold: 0 })).toEqual(new RuleError('VALUE', 'numberRange', { arg: 'hours_threshold', min: 1, max: 168 }));
    expect(assessInternalisation({ ...base, hoursThreshold: 169 })).toEqual(new RuleError('VALUE', 'numberRange', { arg: 'hours_threshold', min: 1, max: 168 }));
    expect((assessInternalisation({ ...base, feesRatio: 0 }) as RuleError).key).toBe('rateRange');
    expect(assessInternalisation({ ...base, feesRatio: 60 })).toEqual(new RuleError('VALUE', 'rateAsPercent', { arg: 'fees_ratio', typed: 60, asRate: 0.6 }));
    expect(assessInternalisation({ ...base, externalFees: 100_000, feesRatio: 1 })).toMatchObject({ criticalMass: true, criticalMassZone: 'TIPPING' });
  });
});
