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
        'RETENTION', 'ACQUISITION', 'TOO_EARLY', 'STOP', 'EXPAND', 'EXTEND', 'TAKE_BACK', 'CURVE', 'LINEAR',
        'HIRE', 'HIRE_LEAD'].sort(),
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
    expect(parseLanguage('fr-FR')).toBe('fr');
    expect(parseLanguage('fr-CA')).toBe('fr-CA');
    expect(parseLanguage(' QC ')).toBe('fr-CA');
    expect(parseLanguage('fr_ca')).toBe('fr-CA');
    expect(parseLanguage('en_US')).toBe('en');
    expect((parseLanguage('de') as RuleError).key).toBe('unknownLanguage');
  });
  it('says HIRE and HIRE_LEAD in French and English', () => {
    expect(labelOf('HIRE')).toBe('Recruter en interne');
    expect(labelOf('HIRE_LEAD', 'en')).toBe('Hire a lead, keep outside specialists');
  });
  it('uses Québec words in fr-CA where they differ, French elsewhere', () => {
    expect(labelOf('OUTSOURCE', 'fr-CA')).toBe('Impartir');
    expect(labelOf('PARTIAL', 'fr-CA')).toBe('Impartition partielle');
    expect(labelOf('REGULAR', 'fr-CA')).toBe('Impartition régulière');
    expect(labelOf('FULL', 'fr-CA')).toBe('Impartition complète');
    expect(labelOf('TARGET', 'fr-CA')).toBe('Dans la cible');
    expect(labelOf('HIRE_LEAD', 'fr-CA')).toBe(labelOf('HIRE_LEAD', 'fr'));
    for (const code of DECISION_CODES) expect(labelOf(code, 'fr-CA')).not.toMatch(/externalis/i);
  });
  it('names the valid languages when one is unknown', () => {
    expect((parseLanguage('de') as RuleError).params).toEqual({ arg: 'lang', valid: 'fr, fr-CA, qc, en' });
  });
  it('does not treat object keys as codes', () => expect((labelOf('constructor') as RuleError).key).toBe('unknownCode'));
});
