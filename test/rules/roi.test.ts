import { compareLevers, contribution, lifetimeValue, roiBand, roiRatio, RuleError } from '../../src/rules';

describe('ROI_RATIO', () => {
  it('is revenue ÷ spend: 4 means 4 back for 1 spent', () => expect(roiRatio(4000, 1000)).toBe(4));
  it('gives #DIV/0! when spend is 0', () => expect(roiRatio(100, 0)).toEqual(new RuleError('DIV0', 'divisionByZero', { arg: 'spend' })));
  it('rejects negative revenue or spend with #VALUE!', () => {
    expect(roiRatio(-1, 10)).toEqual(new RuleError('VALUE', 'negative', { arg: 'revenue' }));
    expect(roiRatio(1, -10)).toEqual(new RuleError('VALUE', 'negative', { arg: 'spend' }));
  });
  it('is 0 with no revenue', () => expect(roiRatio(0, 10)).toBe(0));
});

describe('ROI_BAND against 3:1 to 5:1', () => {
  it('is BELOW just under 3', () => expect(roiBand(2.999)).toBe('BELOW'));
  it('is TARGET at exactly 3', () => expect(roiBand(3)).toBe('TARGET'));
  it('is TARGET at exactly 5', () => expect(roiBand(5)).toBe('TARGET'));
  it('is ABOVE just over 5', () => expect(roiBand(5.001)).toBe('ABOVE'));
  it('takes other bounds', () => {
    expect(roiBand(2, 2, 4)).toBe('TARGET');
    expect(roiBand(4.5, 2, 4)).toBe('ABOVE');
    expect(roiBand(3, 3, 3)).toBe('TARGET');
  });
  it('rejects low above high', () => expect(roiBand(4, 5, 3)).toEqual(new RuleError('VALUE', 'lowAboveHigh', { low: 5, high: 3 })));
  it('rejects a negative ratio', () => expect(roiBand(-0.1)).toEqual(new RuleError('VALUE', 'negative', { arg: 'ratio' })));
});

describe('LTV', () => {
  it('is margin ÷ churn without discounting', () => expect(lifetimeValue(100, 0.8)).toBeCloseTo(500, 9));
  it('discounts: margin × (1 + d) ÷ (1 + d − r)', () => expect(lifetimeValue(100, 0.8, 0.1)).toBeCloseTo((100 * 1.1) / 0.3, 9));
  it('is one period of margin when nobody stays', () => expect(lifetimeValue(100, 0)).toBe(100));
  it('gives #NUM! for a customer kept forever undiscounted', () => {
    expect(lifetimeValue(100, 1)).toEqual(new RuleError('NUM', 'infiniteLifetime', { arg: 'retention_rate' }));
  });
  it('is finite at r = 1 when discounted', () => expect(lifetimeValue(100, 1, 0.1)).toBeCloseTo(1100, 9));
  it('tells a retention rate typed as 80 to be entered as 80% or 0.8', () => {
    expect(lifetimeValue(100, 80)).toEqual(new RuleError('VALUE', 'rateAsPercent', { arg: 'retention_rate', typed: 80, asRate: 0.8 }));
  });
  it('rejects rates outside 0..1', () => {
    expect((lifetimeValue(100, -0.1) as RuleError).key).toBe('rateRange');
    expect((lifetimeValue(100, 0.5, 1.5) as RuleError).kind).toBe('VALUE');
    expect((lifetimeValue(100, 0.5, 150) as RuleError).key).toBe('rateRange');
  });
  it('rejects a negative margin', () => expect((lifetimeValue(-1, 0.5) as RuleError).key).toBe('negative'));
});

describe('RETENTION_LEVER', () => {
  const lever = (r: number, ...rest: number[]) => {
    const result = compareLevers(100, r, 50, ...rest);
    return result instanceof RuleError ? result : result.lever;
  };
  it('picks retention at r = 0.8, as the seed says it often wins', () => expect(lever(0.8)).toBe('RETENTION'));
  it('picks acquisition at r = 0.3', () => expect(lever(0.3)).toBe('ACQUISITION'));
  it('gives a tie (r = 0.5 with 10 % and 10 %) to retention', () => {
    const result = compareLevers(100, 0.5, 50) as Exclude<ReturnType<typeof compareLevers>, RuleError>;
    expect(result.retentionLtvToCac).toBeCloseTo(result.acquisitionLtvToCac, 9);
    expect(result.lever).toBe('RETENTION');
  });
  it('gives #NUM! when the raised retention reaches 1', () => {
    expect((compareLevers(100, 0.95, 50) as RuleError).kind).toBe('NUM');
    expect((compareLevers(100, 0.5, 50, 1) as RuleError).kind).toBe('NUM');
  });
  it('gives #NUM! when a ratio overflows to infinity (RETENTION_LEVER(40; 0.8; 1E-307)), never a lever', () => {
    const result = compareLevers(40, 0.8, 1e-307) as RuleError;
    expect(result).toBeInstanceOf(RuleError);
    expect([result.kind, result.key]).toEqual(['NUM', 'notFinite']);
    expect(lever(0.8, 0.1, 0.1)).toBe('RETENTION'); // an ordinary cac still compares
  });
  it('gives #DIV/0! when the acquisition cost is 0', () => expect((compareLevers(100, 0.5, 0) as RuleError).kind).toBe('DIV0'));
  it('rejects a cut of 100 % or more', () => expect((compareLevers(100, 0.5, 50, 0.1, 1) as RuleError).kind).toBe('VALUE'));
  it('weighs other uplifts and cuts', () => {
    expect(lever(0.3, 0.5, 0.1)).toBe('RETENTION');
    expect(lever(0.8, 0.01, 0.5)).toBe('ACQUISITION');
  });
  it('computes both LTV:CAC', () => {
    const result = compareLevers(100, 0.8, 50) as Exclude<ReturnType<typeof compareLevers>, RuleError>;
    expect(result.retentionLtvToCac).toBeCloseTo(100 / (1 - 0.88) / 50, 9);
    expect(result.acquisitionLtvToCac).toBeCloseTo(500 / 45, 9);
  });
});

describe('CONTRIBUTION', () => {
  it('is revenue × margin − spend: a 3:1 channel at a 30 % margin loses money', () => {
    expect(contribution(3000, 1000, 0.3)).toBeCloseTo(-100, 9);
    expect(contribution(3000, 1000, 0.5)).toBe(500);
  });
  it('is minus the spend at a 0 margin, and the profit at 1', () => {
    expect(contribution(3000, 1000, 0)).toBe(-1000);
    expect(contribution(3000, 1000, 1)).toBe(2000);
  });
  it('refuses a negative amount and a margin outside the rate rules', () => {
    expect(contribution(-1, 1, 0.3)).toEqual(new RuleError('VALUE', 'negative', { arg: 'revenue' }));
    expect(contribution(1, -1, 0.3)).toEqual(new RuleError('VALUE', 'negative', { arg: 'spend' }));
    expect(contribution(1, 1, 30)).toEqual(new RuleError('VALUE', 'rateAsPercent', { arg: 'margin', typed: 30, asRate: 0.3 }));
    expect((contribution(1, 1, 1.5) as RuleError).key).toBe('rateRange');
  });
});
