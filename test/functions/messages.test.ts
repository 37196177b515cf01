import { FRENCH_ARGUMENT_NAMES } from '../../src/i18n/argument-names';
import { formatMessage, MESSAGE_KEYS } from '../../src/i18n/messages';
import metadataFr from '../../src/functions/metadata-fr.json';

describe('messages', () => {
  it('name every argument in French as French Excel shows it (metadata-fr.json)', () => {
    const fromMetadata: Record<string, string> = {};
    for (const fn of Object.values(metadataFr.functions)) {
      for (const [english, param] of Object.entries(fn.parameters as Record<string, { name: string }>)) fromMetadata[english] = param.name;
    }
    expect(FRENCH_ARGUMENT_NAMES).toEqual(fromMetadata);
  });
  it('exist in French and English for every key, and differ', () => {
    const params = { arg: 'floor', typed: 80, asRate: 0.8, bounds: 'closed', max: 168, low: 6, high: 5, spendCells: 2, revenueCells: 1, floor: 3, valid: 'fr, en', value: 'X', text: '1,500', thousands: 1500, decimal: 1.5, spendShape: '2×12', revenueShape: '2×11', cap: 0.5, budget: 9000, ceilings: 7500, year: 2027, years: '2025, 2026', min: 0, horizon: 60 };
    for (const key of MESSAGE_KEYS) {
      const fr = formatMessage(key, params, 'fr');
      const en = formatMessage(key, params, 'en');
      expect(fr).not.toMatch(/undefined|NaN/);
      expect(en).not.toMatch(/undefined|NaN/);
      expect(fr).not.toBe(en);
    }
  });
  it('write French decimals with a comma', () => {
    expect(formatMessage('noChannelAtFloor', { floor: 2.5 }, 'fr')).toBe("aucun canal n'atteint le plancher de ROI de 2,5:1");
    expect(formatMessage('noChannelAtFloor', { floor: 2.5 }, 'en')).toBe('no channel reaches the ROI floor of 2.5:1');
  });
});
