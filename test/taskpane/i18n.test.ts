/**
 * The pane's string tables: Québec words and no euro for a Québec (CAD) business, French
 * typography, plurals, and every ratio named as a ROAS.
 */
import { en, type StringKey } from '../../src/taskpane/i18n/en';
import { fr } from '../../src/taskpane/i18n/fr';
import { qc } from '../../src/taskpane/i18n/qc';
import { formatsFor, translate } from '../../src/taskpane/i18n';

const KEYS = Object.keys(en) as StringKey[];
// Shown only when the market is France (the Québec table is not used then).
const FRANCE_ONLY: ReadonlySet<StringKey> = new Set(['profile.currency.EUR']);

describe('Québec (fr-CA, Canadian dollars)', () => {
  test('no string the pane shows for a Québec business says euro or €', () => {
    const offending = KEYS.filter((k) => !FRANCE_ONLY.has(k)).filter((k) => /euro|€/i.test(translate('fr', 'QC', k)));
    expect(offending).toEqual([]);
    expect(formatsFor('fr', 'QC').amount(12000)).not.toMatch(/€/);
  });

  test('says impartition, fournisseur, pigistes where France says externalisation, prestataire, freelances', () => {
    const all = KEYS.map((k) => translate('fr', 'QC', k)).join('\n');
    expect(all).not.toMatch(/externalis|prestataire|freelance|\bTPE\b|reporting/i);
    expect(translate('fr', 'QC', 'pilot.reportingOk')).toContain('fournisseur');
    expect(translate('fr', 'QC', 'internalise.fees.hint')).toContain('pigistes');
    expect(translate('fr', 'QC', 'decision.next.outsource')).toContain('fournisseur');
    expect(translate('fr', 'FR', 'decision.reason.outsource', { signals: 'x', budget: 'y', tier: 'z' })).toContain('externalise');
    expect(translate('fr', 'QC', 'decision.reason.outsource', { signals: 'x', budget: 'y', tier: 'z' })).toContain('impartit');
  });

  test('every Québec string is a French key, and differs from France’s', () => {
    for (const [key, text] of Object.entries(qc)) {
      expect(Object.keys(fr)).toContain(key);
      expect(text).not.toBe(fr[key as StringKey]);
    }
  });
});

describe('French typography', () => {
  const tables = { fr, qc } as Record<string, Partial<Record<StringKey, string>>>;
  test.each(Object.keys(tables))('%s: a non-breaking space before : ; ? ! %% and inside « »', (name) => {
    const bad: string[] = [];
    for (const [key, text] of Object.entries(tables[name])) {
      if (/ [:;?!]/.test(text!)) bad.push(`${key}: space before punctuation`);
      if (/\d %/.test(text!)) bad.push(`${key}: a number and its % apart`);
      if (/«(?![\u00a0\u202f])/.test(text!) || /(?<![\u00a0\u202f])»/.test(text!)) bad.push(`${key}: « » without non-breaking spaces`);
    }
    expect(bad).toEqual([]);
  });

  test('plurals follow the number (French: singular below 2; English: for 1 only)', () => {
    const done = (language: 'fr' | 'en', n: number) => translate(language, 'FR', 'share.done', { translated: n, frozen: n, sheet: 'S' });
    expect(done('fr', 0)).toContain('0 formule traduite, 0 figée');
    expect(done('fr', 1)).toContain('1 formule traduite, 1 figée');
    expect(done('fr', 2)).toContain('2 formules traduites, 2 figées');
    expect(done('en', 0)).toContain('0 formulas translated');
    expect(done('en', 1)).toContain('1 formula translated');
    expect(translate('fr', 'FR', 'decision.signals.some', { count: 2, list: 'a, b' })).toBe('2 signaux allumés sur 3 (a, b)');
    expect(translate('fr', 'FR', 'decision.signals.some', { count: 1, list: 'a' })).toBe('1 signal allumé sur 3 (a)');
    expect(translate('fr', 'FR', 'remove.done', { sheets: 3, names: 1 })).toBe('Retiré\u00a0: 3 feuilles et 1 nom.');
  });
});

describe('ratios in words', () => {
  test('a ratio is called a ROAS with what it divides, never an ROI', () => {
    for (const table of [en, fr, qc] as Array<Partial<Record<StringKey, string>>>) {
      for (const text of Object.values(table)) expect(text).not.toMatch(/\bROI\b/);
    }
    expect(fr['diagnostic.channelTotals']).toContain('ROAS (CA ÷ dépense)');
    expect(en['diagnostic.channelTotals']).toContain('ROAS (revenue ÷ spend)');
  });
});
