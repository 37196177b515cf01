import { decide, decisionReason, parseSignalCode, parseTierCode, RuleError } from '../../src/rules';
import type { BudgetTier, InternaliseCode } from '../../src/rules';

const TIERS: BudgetTier[] = ['IN_HOUSE', 'PARTIAL', 'REGULAR', 'FULL'];

describe('DECISION (RULES.md §9)', () => {
  it('OUTSOURCE gives the tier code, whatever the crossover', () => {
    for (const tier of TIERS) {
      expect(decide({ signal: 'OUTSOURCE', tier })).toBe(tier);
      expect(decide({ signal: 'OUTSOURCE', tier, crossoverMonth: 5 })).toBe(tier);
    }
  });
  it('PREPARE gives PREPARE at every tier', () => {
    for (const tier of TIERS) expect(decide({ signal: 'PREPARE', tier, crossoverMonth: 5 })).toBe('PREPARE');
  });
  it('INTERNALISE without the cost of hiring: HIRE, or HIRE_LEAD at the FULL tier', () => {
    expect(decide({ signal: 'INTERNALISE', tier: 'REGULAR' })).toBe('HIRE');
    expect(decide({ signal: 'INTERNALISE', tier: 'IN_HOUSE' })).toBe('HIRE');
    expect(decide({ signal: 'INTERNALISE', tier: 'FULL' })).toBe('HIRE_LEAD');
  });
  it('INTERNALISE with a hire that never pays back (crossover 0): PREPARE', () => {
    expect(decide({ signal: 'INTERNALISE', tier: 'FULL', crossoverMonth: 0 })).toBe('PREPARE');
    expect(decisionReason({ signal: 'INTERNALISE', tier: 'FULL', crossoverMonth: 0 })).toBe('neverPaysBack');
  });
  it('INTERNALISE: PREPARE above the payback limit, a hire at it', () => {
    expect(decide({ signal: 'INTERNALISE', tier: 'PARTIAL', crossoverMonth: 36 })).toBe('HIRE');
    expect(decide({ signal: 'INTERNALISE', tier: 'PARTIAL', crossoverMonth: 37 })).toBe('PREPARE');
    expect(decide({ signal: 'INTERNALISE', tier: 'FULL', crossoverMonth: 18 })).toBe('HIRE_LEAD');
    expect(decide({ signal: 'INTERNALISE', tier: 'FULL', crossoverMonth: 18, paybackLimit: 12 })).toBe('PREPARE');
    expect(decisionReason({ signal: 'INTERNALISE', tier: 'FULL', crossoverMonth: 18, paybackLimit: 12 })).toBe('paysBackTooLate');
  });
  it('reads codes trimmed and in any case, and refuses unknown ones naming the argument', () => {
    expect(parseSignalCode(' internalise ')).toBe('INTERNALISE');
    expect(parseTierCode('full')).toBe('FULL');
    expect(parseSignalCode('HIRE')).toEqual(new RuleError('VALUE', 'unknownCode', { arg: 'signal_code', value: 'HIRE' }));
    expect(parseTierCode('TARGET')).toEqual(new RuleError('VALUE', 'unknownCode', { arg: 'tier_code', value: 'TARGET' }));
    expect((parseTierCode('constructor') as RuleError).key).toBe('unknownCode');
  });
  it('refuses a negative crossover month and a payback limit under 1', () => {
    expect(decide({ signal: 'INTERNALISE', tier: 'FULL', crossoverMonth: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'crossover_month' }));
    expect(decide({ signal: 'OUTSOURCE', tier: 'FULL', paybackLimit: 0 })).toEqual(new RuleError('VALUE', 'numberAtLeast', { arg: 'payback_limit', min: 1 }));
  });
  it('always gives one of the seven codes', () => {
    const signals: InternaliseCode[] = ['INTERNALISE', 'PREPARE', 'OUTSOURCE'];
    for (const signal of signals) for (const tier of TIERS) for (const crossoverMonth of [undefined, 0, 1, 36, 37]) {
      expect(['HIRE', 'HIRE_LEAD', 'PREPARE', ...TIERS]).toContain(decide({ signal, tier, crossoverMonth }));
    }
  });
});
