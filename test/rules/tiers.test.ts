import { budgetTier, parseProfile, profileFor, RuleError, tierThresholds, BudgetProfile } from '../../src/rules';

const cases: Array<[BudgetProfile, number]> = [
  ['standard', 1],
  ['high_margin', 0.75],
  ['clickable', 0.75],
  ['local_low_margin', 1.25],
];

describe.each(cases)('BUDGET_TIER for the %s profile (factor %d)', (profile, factor) => {
  const at = (euros: number) => budgetTier(euros * factor, profile);
  it('is IN_HOUSE just under 500 × factor', () => expect(at(499.99)).toBe('IN_HOUSE'));
  it('is PARTIAL at exactly 500 × factor', () => expect(at(500)).toBe('PARTIAL'));
  it('is PARTIAL just under 1 500 × factor', () => expect(at(1499.99)).toBe('PARTIAL'));
  it('is REGULAR at exactly 1 500 × factor', () => expect(at(1500)).toBe('REGULAR'));
  it('is still REGULAR at exactly 4 000 × factor', () => expect(at(4000)).toBe('REGULAR'));
  it('is FULL just above 4 000 × factor', () => expect(at(4000.01)).toBe('FULL'));
  it('is IN_HOUSE at 0', () => expect(budgetTier(0, profile)).toBe('IN_HOUSE'));
});

describe('BUDGET_TIER with the seed figures', () => {
  it.each([
    [499.99, 'IN_HOUSE'],
    [500, 'PARTIAL'],
    [1499.99, 'PARTIAL'],
    [1500, 'REGULAR'],
    [4000, 'REGULAR'],
    [4000.01, 'FULL'],
  ])('standard: %d € a month is %s', (budget, tier) => expect(budgetTier(budget)).toBe(tier));
  it('lets a high-margin business outsource earlier: 400 € is PARTIAL', () => {
    expect(budgetTier(400, 'high_margin')).toBe('PARTIAL');
    expect(budgetTier(400, 'standard')).toBe('IN_HOUSE');
  });
  it('keeps a local low-margin business prudent: 600 € is still IN_HOUSE', () => {
    expect(budgetTier(600, 'local_low_margin')).toBe('IN_HOUSE');
  });
  it('scales the three thresholds', () => {
    expect(tierThresholds('local_low_margin')).toEqual({ partial: 625, regular: 1875, full: 5000 });
    expect(tierThresholds('clickable')).toEqual({ partial: 375, regular: 1125, full: 3000 });
  });
  it('rejects a negative budget', () => expect(budgetTier(-1)).toEqual(new RuleError('VALUE', 'negative', { arg: 'monthly_budget' })));
});

describe('profile names', () => {
  it('reads English and French names, trimmed and in any case', () => {
    expect(parseProfile(' Forte_Marge ')).toBe('high_margin');
    expect(parseProfile('CLIQUABLE')).toBe('clickable');
    expect(parseProfile('local_faible_marge')).toBe('local_low_margin');
    expect(parseProfile('Standard')).toBe('standard');
    expect(parseProfile('high_margin')).toBe('high_margin');
  });
  it('does not take object keys for profiles', () => {
    expect((parseProfile('constructor') as RuleError).key).toBe('unknownProfile');
    expect((parseProfile('__proto__') as RuleError).key).toBe('unknownProfile');
  });
  it('lists the valid profiles for an unknown one', () => {
    const error = parseProfile('premium') as RuleError;
    expect(error.kind).toBe('VALUE');
    expect(error.key).toBe('unknownProfile');
    expect(String(error.params.valid)).toContain('local_faible_marge');
    expect(String(error.params.valid)).toContain('high_margin');
  });
});

describe('profile of a business', () => {
  it('maps business model and margin to a BUDGET_TIER profile', () => {
    expect(profileFor('local_service', 'high')).toBe('high_margin');
    expect(profileFor('ecommerce', 'high')).toBe('high_margin');
    expect(profileFor('ecommerce', 'normal')).toBe('clickable');
    expect(profileFor('ecommerce', 'low')).toBe('clickable');
    expect(profileFor('local_service', 'low')).toBe('local_low_margin');
    expect(profileFor('local_service', 'normal')).toBe('standard');
    expect(profileFor('b2b_service', 'low')).toBe('standard');
  });
});

describe('BUDGET_TIER scale (another market or currency)', () => {
  it('multiplies the three thresholds after the profile', () => {
    expect(budgetTier(499, 'standard', 1)).toBe('IN_HOUSE');
    expect(budgetTier(700, 'standard', 1.5)).toBe('IN_HOUSE');
    expect(budgetTier(750, 'standard', 1.5)).toBe('PARTIAL');
    expect(budgetTier(6000, 'standard', 1.5)).toBe('REGULAR');
    expect(budgetTier(6000.01, 'standard', 1.5)).toBe('FULL');
    // high margin × 0.75, then × 2: PARTIAL from 750
    expect(budgetTier(749, 'high_margin', 2)).toBe('IN_HOUSE');
    expect(budgetTier(750, 'high_margin', 2)).toBe('PARTIAL');
  });
  it('gives the old results when left at 1', () => {
    for (const b of [0, 499, 500, 1499, 1500, 4000, 4001]) expect(budgetTier(b, 'standard', 1)).toBe(budgetTier(b));
  });
  it('rejects a scale of 0 or below with #VALUE!', () => {
    expect(budgetTier(100, 'standard', 0)).toEqual(new RuleError('VALUE', 'notPositive', { arg: 'scale' }));
    expect(budgetTier(100, 'standard', -1)).toEqual(new RuleError('VALUE', 'notPositive', { arg: 'scale' }));
  });
});
