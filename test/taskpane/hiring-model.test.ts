/**
 * The hiring-cost panel's model: the pane defaults of RULES.md §8, the loaded salary and its lines
 * from the rules (the contract's Québec examples), the crossover month and the paths, the input
 * sent to writeHiringCost, and the French typography of the panel's words.
 */
import { loadedSalaryFr } from '../../src/rules';
import { defaultHiringForm, hiringInput, hiringReady, hiringView, withLead, chartMonths, type HiringForm } from '../../src/taskpane/app/hiring-model';
import { hiringEn, hiringFr, hiringQc } from '../../src/taskpane/i18n/hiring';
import { breaksFrenchSpacing } from '../../src/i18n/typography';
import { hiringLabels } from '../../src/excel/words/hiring';

const withTexts = (form: HiringForm, texts: Partial<HiringForm['texts']>): HiringForm => ({ ...form, texts: { ...form.texts, ...texts } });

describe('defaults (project defaults, shown and editable)', () => {
  it('France: 250 € of tools, 2 hours, 20 % recruiting, 3 months to hire, 3 of ramp from 25 %, AT/MP at the 2026 average', () => {
    const f = defaultHiringForm('FR', 'fr');
    expect(f.texts).toMatchObject({ tools: '250', hours: '2', recruiting: '20\u00a0%', monthsToHire: '3', ramp: '3', rampStart: '25\u00a0%', atRate: '2,08\u00a0%', hourlyValue: '' });
    expect(f.year).toBe(2026);
  });

  it('Québec: 300 $ of tools, 15 % recruiting, CNESST at 1.54 %; today’s outsourcing from the yearly fees ÷ 12', () => {
    const f = defaultHiringForm('QC', 'en', 96000);
    expect(f.texts).toMatchObject({ tools: '300', recruiting: '15%', cnesstRate: '1.54%', outsource: '8000' });
  });

  it('a lead or strategy role takes 6 months of ramp; a ramp the owner typed stays', () => {
    const f = defaultHiringForm('FR', 'en');
    expect(withLead(f, true).texts.ramp).toBe('6');
    expect(withLead(withLead(f, true), false).texts.ramp).toBe('3');
    expect(withLead(withTexts(f, { ramp: '4' }), true).texts.ramp).toBe('4');
  });

  it('the hourly value is asked, never guessed: the form is not ready without it', () => {
    const f = withTexts(defaultHiringForm('FR', 'en', 96000), { gross: '3500' });
    expect(hiringReady(f, 'FR', 'en')).toBe(false);
    expect(hiringView(f, 'FR', 'en', true).issues.hourlyValue).toEqual({ from: 'pane', key: 'field.required' });
    expect(hiringReady(withTexts(f, { hourlyValue: '80' }), 'FR', 'en')).toBe(true);
  });
});

describe('what the panel computes, from the rules', () => {
  it('Québec: 65 000 $ a year gives the contract’s 72 561.30 $, with its eight lines', () => {
    const f: HiringForm = { ...withTexts(defaultHiringForm('QC', 'en'), { gross: '65000' }), period: 'yearly' };
    const v = hiringView(f, 'QC', 'en');
    expect(v.breakdown?.total).toBeCloseTo(72561.3, 2);
    expect(v.breakdown?.lines.map((l) => l.key)).toEqual(['rrq', 'rrq2', 'rqap', 'ei', 'fss', 'cnesst', 'cnt', 'benefits']);
    const sum = v.breakdown!.lines.reduce((s, l) => s + l.amount, v.breakdown!.gross);
    expect(sum).toBeCloseTo(v.breakdown!.total, 6);
  });

  it('a monthly gross is made yearly (× 12) before the rules see it', () => {
    const f = withTexts(defaultHiringForm('FR', 'en'), { gross: '4000' });
    const v = hiringView(f, 'FR', 'en');
    expect(v.grossAnnual).toBe(48000);
    expect(v.breakdown?.total).toBe(loadedSalaryFr({ grossAnnual: 48000, headcount: 4, cadre: false, atRate: 0.0208, year: 2026 }));
  });

  it('the monthly cost in-house has three parts, and the crossover month comes from the rules', () => {
    const f = withTexts(defaultHiringForm('QC', 'en'), { gross: '90000', hourlyValue: '100', outsource: '12000' });
    const v = hiringView({ ...f, period: 'yearly' }, 'QC', 'en');
    const i = v.inhouse!;
    expect(i.salary).toBeCloseTo(v.breakdown!.total / 12, 9);
    expect(i.tools).toBe(300);
    expect(i.management).toBeCloseTo(2 * (52 / 12) * 100, 9);
    expect(i.total).toBeCloseTo(i.salary + i.tools + i.management, 9);
    expect(v.crossover?.kind).toBe('month');
    const month = v.crossover?.kind === 'month' ? v.crossover.month : 0;
    // The paths cross where the crossover month says: hiring's total below outsourcing's from that month.
    const [, o, h] = v.paths![month - 1];
    expect(h).toBeLessThan(o);
    const [, o1, h1] = v.paths![month - 2];
    expect(h1).toBeGreaterThanOrEqual(o1);
    expect(v.paths).toHaveLength(chartMonths(v.crossover));
  });

  it('in-house dearer than outsourcing every month: says so instead of a month', () => {
    const f = withTexts(defaultHiringForm('FR', 'en'), { gross: '5000', hourlyValue: '50', outsource: '2000' });
    expect(hiringView(f, 'FR', 'en').crossover).toEqual({ kind: 'notCheaper' });
  });

  it('bad input gets the rules’ own message: a headcount below 1, an AT/MP rate typed as 2', () => {
    const f = withTexts(defaultHiringForm('FR', 'en'), { gross: '3000', headcount: '0' });
    expect(hiringView(f, 'FR', 'en').loadedIssue).toMatchObject({ from: 'rule', key: 'headcountBelowOne' });
    expect(hiringView(withTexts(f, { headcount: '4', atRate: '2' }), 'FR', 'en').issues.atRate).toMatchObject({ key: 'rateAsPercent' });
  });

  it('the input written: the market’s arguments, the gross as typed, the horizon drawn', () => {
    const f = withTexts(defaultHiringForm('FR', 'fr'), { gross: '3 500', hourlyValue: '80', outsource: '8 000' });
    const input = hiringInput({ ...f, cadre: true }, 'FR', 'fr', { lang: 'fr', region: 'FR' });
    expect(input).toMatchObject({
      gross: { value: 3500 },
      grossPeriod: 'monthly',
      year: 2026,
      france: { headcount: { value: 4 }, cadre: true, atRate: { value: 0.0208 } },
      toolsMonth: { value: 250 },
      recruitingRate: { value: 0.2 },
      outsourceMonthly: { value: 8000 },
    });
    expect(input.quebec).toBeUndefined();
    expect(input.horizon).toBeGreaterThanOrEqual(36);
  });
});

describe('words', () => {
  it('French and Québec strings use non-breaking spaces before : ; ? ! and inside « »', () => {
    for (const table of [hiringFr, hiringQc, hiringLabels('fr', 'FR'), hiringLabels('fr', 'QC')]) {
      for (const [key, text] of Object.entries(table)) expect([key, breaksFrenchSpacing(String(text))]).toEqual([key, false]);
    }
  });

  it('every key has its French string; Québec says embauche and impartition', () => {
    expect(Object.keys(hiringFr).sort()).toEqual(Object.keys(hiringEn).sort());
    expect(hiringQc['hiring.crossover.month']).toContain('embauche');
    expect(hiringQc['hiring.outsource']).toContain('impartition');
  });
});
