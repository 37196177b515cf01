/**
 * The new optional trailing arguments of issue 17 (RULES.md §1–6, §9): the calls older workbooks
 * hold still give what they gave; a threshold given moves the result; a blank threshold reads as
 * its host passes it (0 on Windows and Mac, which is outside every threshold's range but roi_floor's
 * and gives #VALUE!; null on the web, the default).
 */
import * as f from '../../src/functions/functions';

type Thrown = { code: string; message: string };

function shown(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) {
      const e = error as unknown as Thrown;
      return { code: e.code, message: e.message };
    }
    throw error;
  }
}

const cell = (value: unknown) => [[value]];

describe('older workbooks: the call forms without the new arguments', () => {
  it('INTERNALISE_SIGNAL / SCORE with 3 and 4 arguments', () => {
    expect(f.internaliseSignal(45, cell(65_000), cell(100_000))).toBe('INTERNALISE');
    expect(f.internaliseSignal(45, cell(65_000), cell(100_000), 'non')).toBe('INTERNALISE');
    expect(f.internaliseScore(45, cell(65_000), cell(100_000), true)).toBe(3);
  });
  it('BUDGET_TIER with 1 and 2 arguments', () => {
    expect(f.budgetTier(cell(1500))).toBe('REGULAR');
    expect(f.budgetTier(cell(400), 'forte_marge')).toBe('PARTIAL');
  });
  it('PILOT_VERDICT with 2, 3 and 4 arguments, and the empty third of the pane (,,)', () => {
    expect(f.pilotVerdict(3, 1)).toBe('EXPAND');
    expect(f.pilotVerdict(3, 1, 2.5)).toBe('EXTEND');
    expect(f.pilotVerdict(3, 0.85, null, true)).toBe('EXTEND');
    expect(f.pilotVerdict(2, 2, null, true)).toBe('TOO_EARLY');
  });
  it('ALLOCATE with 3 and 4 arguments keeps the proportional rule', () => {
    expect(f.allocate(cell(10_000), [[1000], [1000], [500]], [[2000], [4000], [3000]])).toEqual([[0], [4000], [6000]]);
    expect(f.allocate(cell(12_000), [[490], [5000]], [[14_700], [20_000]], 3)[0][0]).toBeGreaterThan(9000);
  });
  it('LABEL with fr, en and a locale tag', () => {
    expect(f.label('FULL')).toBe('Externalisation complète');
    expect(f.label('FULL', 'fr-FR')).toBe('Externalisation complète');
    expect(f.label('FULL', 'en')).toBe('Full outsourcing');
  });
});

describe('the new arguments move the results', () => {
  it('INTERNALISE_SIGNAL: hours_threshold and fees_ratio', () => {
    expect(f.internaliseScore(30, cell(50_000), cell(100_000), false)).toBe(0);
    expect(f.internaliseScore(30, cell(50_000), cell(100_000), false, 30, 0.5)).toBe(2);
    expect(f.internaliseSignal(30, cell(50_000), cell(100_000), false, 30, 0.5)).toBe('INTERNALISE');
    expect(f.internaliseSignal(30, cell(50_000), cell(100_000), false, '30', '50 %')).toBe('INTERNALISE');
  });
  it('BUDGET_TIER: scale', () => {
    expect(f.budgetTier(cell(1500), null, 1.5)).toBe('PARTIAL');
    expect(f.budgetTier(cell(1500), 'standard', 0.5)).toBe('REGULAR');
    expect(f.budgetTier(cell(2001), 'standard', 0.5)).toBe('FULL');
  });
  it('PILOT_VERDICT: its four thresholds', () => {
    expect(f.pilotVerdict(3, 1, null, true, 6)).toBe('TOO_EARLY');
    expect(f.pilotVerdict(3, 1, null, true, 3, 1.2)).toBe('EXTEND');
    expect(f.pilotVerdict(3, 0.75, null, true, 3, 1, 0.7)).toBe('EXTEND');
    expect(f.pilotVerdict(3, 1, 2.5, true, 3, 1, 0.8, 2)).toBe('EXPAND');
  });
  it('ALLOCATE: cap spills amounts no channel gets above cap × its spend', () => {
    const amounts = f.allocate(cell(12_000), [[490], [5000], [4000]], [[14_700], [20_000], [16_000]], 3, 1.5);
    expect(amounts[0][0]).toBeCloseTo(735, 9);
    expect(amounts.reduce((a, [x]) => a + x, 0)).toBeCloseTo(12_000, 9);
  });
  it('ALLOCATE: a budget above cap × the kept channels gives #N/A with the message', () => {
    expect(shown(() => f.allocate(cell(5000), [[1000], [1000]], [[4000], [1000]], 3, 1.5))).toEqual({
      code: '#N/A',
      message: 'le budget (5000) dépasse 1,5 × les dépenses des canaux retenus (1500 au total)',
    });
  });
  it('LABEL: fr-CA and qc give the Québec words', () => {
    expect(f.label('FULL', 'fr-CA')).toBe('Impartition complète');
    expect(f.label('OUTSOURCE', 'qc')).toBe('Impartir');
    expect(f.label('HIRE_LEAD', 'fr-CA')).toBe('Recruter un responsable, garder des spécialistes externes');
    expect(shown(() => f.label('FULL', 'de'))).toMatchObject({ code: '#VALUE!', message: 'langue : langue inconnue ; langues valides : fr, fr-CA, qc, en' });
  });
});

describe('CONTRIBUTION and DECISION', () => {
  it('CONTRIBUTION sums its ranges: a 3:1 channel at a 30 % margin loses 300', () => {
    expect(f.contribution([[4000], [5000]], [[1000], [2000]], 0.3)).toBeCloseTo(-300, 9);
    expect(f.contribution(cell(9000), cell(3000), '50 %')).toBe(1500);
    expect(shown(() => f.contribution(cell(1), cell(1), 30))).toMatchObject({ code: '#VALUE!', message: 'taux_marge : saisissez 30 % ou 0,3, pas 30' });
  });
  it('DECISION follows §9', () => {
    expect(f.decision('OUTSOURCE', 'PARTIAL')).toBe('PARTIAL');
    expect(f.decision('prepare', 'FULL', 12)).toBe('PREPARE');
    expect(f.decision('INTERNALISE', 'FULL', 18)).toBe('HIRE_LEAD');
    expect(f.decision('INTERNALISE', 'REGULAR', 18)).toBe('HIRE');
    expect(f.decision('INTERNALISE', 'REGULAR', 0)).toBe('PREPARE');
    expect(f.decision('INTERNALISE', 'REGULAR', 40)).toBe('PREPARE');
    expect(f.decision('INTERNALISE', 'REGULAR', 40, 48)).toBe('HIRE');
  });
  it('DECISION names a bad code', () => {
    expect(shown(() => f.decision('HIRE', 'FULL'))).toEqual({ code: '#VALUE!', message: 'code_signal : code inconnu « HIRE »' });
    expect(shown(() => f.decision('OUTSOURCE', 'TARGET'))).toEqual({ code: '#VALUE!', message: 'code_palier : code inconnu « TARGET »' });
  });
});

describe('a blank threshold cell, on each host', () => {
  const desktop = 0;
  const web = null;
  it('INTERNALISE_SIGNAL hours_threshold: #VALUE! on Windows and Mac (0 is below 1), the default on the web', () => {
    expect(shown(() => f.internaliseSignal(45, cell(65_000), cell(100_000), false, desktop))).toMatchObject({ code: '#VALUE!', message: 'seuil_heures : un nombre de 1 à 168 est attendu' });
    expect(f.internaliseSignal(45, cell(65_000), cell(100_000), false, web)).toBe('INTERNALISE');
    expect(shown(() => f.internaliseSignal(45, cell(65_000), cell(100_000), false, ''))).toMatchObject({ code: '#VALUE!' });
  });
  it('INTERNALISE_SIGNAL fees_ratio: #VALUE! on Windows and Mac, the default on the web', () => {
    expect(shown(() => f.internaliseSignal(45, cell(65_000), cell(100_000), false, 40, desktop))).toMatchObject({ code: '#VALUE!' });
    expect(f.internaliseSignal(45, cell(65_000), cell(100_000), false, 40, web)).toBe('INTERNALISE');
  });
  it('BUDGET_TIER scale: #VALUE! on Windows and Mac, the default on the web', () => {
    expect(shown(() => f.budgetTier(cell(1500), 'standard', desktop))).toMatchObject({ code: '#VALUE!', message: 'échelle : un nombre supérieur à 0 est attendu (1 = les seuils de l\'article)' });
    expect(f.budgetTier(cell(1500), 'standard', web)).toBe('REGULAR');
  });
  it('PILOT_VERDICT: a blank pilot_months, expand_at or extend_at is #VALUE! on the desktop; a blank roi_floor is 0 there (any ROI expands)', () => {
    expect(shown(() => f.pilotVerdict(3, 1, null, true, desktop))).toMatchObject({ code: '#VALUE!' });
    expect(shown(() => f.pilotVerdict(3, 1, null, true, 3, desktop))).toMatchObject({ code: '#VALUE!' });
    expect(shown(() => f.pilotVerdict(3, 1, null, true, 3, 1, desktop))).toMatchObject({ code: '#VALUE!' });
    expect(f.pilotVerdict(3, 1, 0.5, true, 3, 1, 0.8, desktop)).toBe('EXPAND');
    expect(f.pilotVerdict(3, 1, 0.5, true, web, web, web, web)).toBe('EXTEND');
  });
  it('ALLOCATE cap: #VALUE! on the desktop (0 is below 1), no ceiling on the web', () => {
    expect(shown(() => f.allocate(cell(100), [[10]], [[50]], 3, desktop))).toMatchObject({ code: '#VALUE!' });
    expect(f.allocate(cell(100), [[10]], [[50]], 3, web)).toEqual([[100]]);
  });
  it('DECISION crossover_month: 0 (never) on the desktop, not computed on the web', () => {
    expect(f.decision('INTERNALISE', 'FULL', desktop)).toBe('PREPARE');
    expect(f.decision('INTERNALISE', 'FULL', web)).toBe('HIRE_LEAD');
    expect(shown(() => f.decision('INTERNALISE', 'FULL', 18, desktop))).toMatchObject({ code: '#VALUE!' });
  });
});
