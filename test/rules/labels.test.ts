import { CODE_LABELS, DECISION_CODES, labelOf, parseLanguage, RuleError } from '../../src/rules';

describe('LABEL', () => {
  it('says every code in French by default and in English on request', () => {
    expect(labelOf('TARGET')).toBe('Dans la cible');
    expect(labelOf('TARGET', 'en')).toBe('On target');
    expect(labelOf('TAKE_BACK', 'en')).toBe('Take back in-house');
    expect(labelOf('EXPAND')).toBe('Étendre');
    expect(labelOf('CURVE')).toBe('Courbe à rendement décroissant');
    expect(labelOf('linear', 'en')).toBe('Constant return (average ratio)');
  });
  it('covers the codes of every function, and nothing else', () => {
    expect(DECISION_CODES.sort()).toEqual(
      ['INTERNALISE', 'PREPARE', 'OUTSOURCE', 'BELOW', 'TARGET', 'ABOVE', 'IN_HOUSE', 'PARTIAL', 'REGULAR', 'FULL',
        'RETENTION', 'ACQUISITION', 'TOO_EARLY', 'STOP', 'EXPAND', 'EXTEND', 'TAKE_BACK', 'CURVE', 'LINEAR'].sort(),
    );
    for (const code of DECISION_CODES) {
      expect(CODE_LABELS[code].fr).not.toBe('');
      expect(CODE_LABELS[code].en).not.toBe('');
    }
  });
  it('reads codes trimmed and in any case', () => expect(labelOf('  in_house ', 'en')).toBe('In-house'));
  it('rejects an unknown code', () => expect(labelOf('MAYBE')).toEqual(new RuleError('VALUE', 'unknownCode', { arg: 'code', value: 'MAYBE' })));
  it('reads languages and locale tags', () => {
    expect(parseLanguage(' EN ')).toBe('en');
    expect(parseLanguage('fr-CA')).toBe('fr');
    expect(parseLanguage('en_US')).toBe('en');
    expect((parseLanguage('de') as RuleError).key).toBe('unknownLanguage');
  });
  it('does not treat object keys as codes', () => expect((labelOf('constructor') as RuleError).key).toBe('unknownCode'));
});
