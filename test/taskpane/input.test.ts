import { readField, toNumber } from '../../src/taskpane/app/input';
import { en } from '../../src/taskpane/i18n/en';
import { fr } from '../../src/taskpane/i18n/fr';
import { qc } from '../../src/taskpane/i18n/qc';
import { toLanguage, toMarket, translate } from '../../src/taskpane/i18n';
import { isDarkOfficeTheme, luminanceOf } from '../../src/taskpane/app/theme';

describe('toNumber', () => {
  test.each([
    ['1 500', 'fr', 1500],
    ['1\u202f500,50', 'fr', 1500.5],
    ['1,5', 'fr', 1.5],
    ['1,500', 'en', 1500],
    ['1,5', 'en', 1.5],
    ['1.500,25', 'fr', 1500.25],
    ['1,500.25', 'en', 1500.25],
    ['2 000 €', 'fr', 2000],
    ['$2,000', 'en', 2000],
    ['2 000 $ CA', 'fr', 2000],
    ['-3', 'en', -3],
  ] as const)('reads %s (%s) as %d', (text, language, expected) => {
    expect(toNumber(text, language)).toBe(expected);
  });

  test.each(['', 'abc', '1e5', '12abc', '--1', '1,2,3.4.5'])('refuses %p', (text) => {
    expect(toNumber(text, 'fr')).toBeUndefined();
  });
});

describe('readField', () => {
  test('empty text is no value, not an error', () => {
    expect(readField('amount', '  ', 'fr')).toEqual({ ok: true, value: undefined });
  });
  test('a negative amount gives the functions’ negative message key', () => {
    expect(readField('amount', '-5', 'fr')).toEqual({ ok: false, issue: { from: 'rule', key: 'negative', params: {} } });
  });
  test('hours above 168 give hoursRange', () => {
    expect(readField('hours', '169', 'en')).toMatchObject({ ok: false, issue: { key: 'hoursRange', params: { max: 168 } } });
    expect(readField('hours', '168', 'en')).toEqual({ ok: true, value: 168 });
  });
  test('an achievement typed as 80 gives rateAsPercent; 80 % and 0.8 are read as 0.8', () => {
    expect(readField('achievement', '80', 'en')).toMatchObject({ ok: false, issue: { key: 'rateAsPercent', params: { typed: 80, asRate: 0.8 } } });
    expect(readField('achievement', '80 %', 'fr')).toEqual({ ok: true, value: 0.8 });
    expect(readField('achievement', '0,8', 'fr')).toEqual({ ok: true, value: 0.8 });
    expect(readField('achievement', '1.2', 'en')).toEqual({ ok: true, value: 1.2 });
  });
});

describe('i18n', () => {
  test('French has every English key, non-empty', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(fr[key]).toMatch(/\S/);
  });
  test('French and English templates use the same placeholders', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, names(fr[key])]).toEqual([key, names(en[key])]);
      if (qc[key]) expect([key, names(qc[key]!)]).toEqual([key, names(en[key])]);
    }
  });
  test('Québec wording applies only in French with the Québec market', () => {
    expect(translate('fr', 'QC', 'app.subtitle')).toContain('PME');
    expect(translate('fr', 'FR', 'app.subtitle')).not.toContain('PME');
    expect(translate('en', 'QC', 'app.subtitle')).toBe(en['app.subtitle']);
  });
  test('placeholders are filled once: a value that looks like a placeholder stays as typed', () => {
    expect(translate('en', 'FR', 'decision.cut', { channel: '{channel}<b>' })).toBe('Cut or rework the channel “{channel}<b>”: its return is below the floor.');
  });
  test('language and market from Office’s display language', () => {
    expect([toLanguage('fr-CA'), toMarket('fr-CA')]).toEqual(['fr', 'QC']);
    expect([toLanguage('fr-FR'), toMarket('fr-FR')]).toEqual(['fr', 'FR']);
    expect([toLanguage('en-CA'), toMarket('en-CA')]).toEqual(['en', 'QC']);
    expect([toLanguage('en-US'), toMarket('en-US')]).toEqual(['en', 'OTHER']);
    expect([toLanguage(undefined), toMarket(undefined)]).toEqual(['fr', 'FR']);
    expect([toLanguage('de-DE'), toMarket('de-DE')]).toEqual(['fr', 'OTHER']);
  });
});

describe('theme', () => {
  test('follows isDarkTheme, else the body background, else the browser preference', () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: '#ffffff' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkOfficeTheme(undefined, true)).toBe(true);
    expect(luminanceOf('nope')).toBeUndefined();
  });
});
