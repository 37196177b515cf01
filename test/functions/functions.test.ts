import * as f from '../../src/functions/functions';

type Thrown = { code: string; message: string };

function excelError(call: () => unknown): Thrown {
  try {
    call();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error as unknown as Thrown;
    throw error;
  }
  throw new Error('expected a CustomFunctions.Error');
}

const cell = (value: unknown) => [[value]];

describe('INTERNALISE_SIGNAL and INTERNALISE_SCORE', () => {
  it('answers from cells and ranges as Excel sends them', () => {
    expect(f.internaliseSignal(45, [[40_000, 25_000]], cell(100_000), 'oui')).toBe('INTERNALISE');
    expect(f.internaliseScore(45, [[40_000, 25_000]], cell(100_000), 'oui')).toBe(3);
  });
  it('prepares with one signal at the 40-hour boundary, outsources at 39.99', () => {
    expect(f.internaliseSignal(40, cell(0), cell(100_000), null)).toBe('PREPARE');
    expect(f.internaliseSignal(39.99, cell(0), cell(100_000), null)).toBe('OUTSOURCE');
  });
  it('turns S2 on at a fee ratio of 0.60 and not at 0.5999', () => {
    expect(f.internaliseScore(0, cell(60_000), cell(100_000), null)).toBe(1);
    expect(f.internaliseScore(0, cell(59_990), cell(100_000), null)).toBe(0);
  });
  it('gives #DIV/0! for a zero salary', () => expect(excelError(() => f.internaliseSignal(10, cell(1), cell(0))).code).toBe('#DIV/0!'));
  it('gives #VALUE! with a message for 170 hours', () => {
    expect(excelError(() => f.internaliseScore(170, cell(1), cell(1)))).toMatchObject({
      code: '#VALUE!',
      message: 'heures_hebdo : entre 0 et 168 heures par semaine',
    });
  });
  it('gives #VALUE! with a message for a data need that is not yes/no', () => {
    expect(excelError(() => f.internaliseSignal(10, cell(1), cell(1), 'peut-être')).message).toContain('besoin_données');
  });
});

describe('FEES_TO_SALARY and BREAKEVEN_FEES', () => {
  it('divides fees by salary', () => expect(f.feesToSalary(cell(65_000), cell(100_000))).toBeCloseTo(0.65, 12));
  it('uses 0.60 when the ratio is omitted', () => expect(f.breakevenFees(cell(120_000), null)).toBeCloseTo(72_000, 6));
  it('tells a ratio typed as 60 to be entered as 60% or 0.6', () => {
    expect(excelError(() => f.breakevenFees(cell(120_000), 60)).message).toBe('ratio : saisissez 60 % ou 0,6, pas 60');
  });
});

describe('ROI_RATIO and ROI_BAND', () => {
  it('sums twelve monthly cells of revenue and spend', () => {
    const revenue = [[300, 320, 310, 330, 340, 350, 360, 370, 380, 390, 400, 410]];
    const spend = [[100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]];
    expect(f.roiRatio(revenue, spend)).toBeCloseTo(4260 / 1200, 12);
  });
  it('gives #DIV/0! when spend sums to 0, blank cells included', () => {
    expect(excelError(() => f.roiRatio(cell(100), [[null, '']])).code).toBe('#DIV/0!');
  });
  it('gives #VALUE! with a message for a negative spend', () => {
    expect(excelError(() => f.roiRatio(cell(100), cell(-5)))).toMatchObject({ code: '#VALUE!', message: 'dépenses : une valeur positive ou nulle est attendue' });
  });
  it('bands 3 and 5 as TARGET with the default bounds', () => {
    expect(f.roiBand(3, null, null)).toBe('TARGET');
    expect(f.roiBand(5, null, null)).toBe('TARGET');
    expect(f.roiBand(2.99, null, null)).toBe('BELOW');
    expect(f.roiBand(5.01, null, null)).toBe('ABOVE');
  });
  it('reads a ratio from numeric text', () => expect(f.roiBand(' 4 ', null, null)).toBe('TARGET'));
  it('gives #VALUE! with a message for low above high', () => {
    expect(excelError(() => f.roiBand(4, 6, 5)).message).toBe('bas (6) doit être inférieur ou égal à haut (5)');
  });
});

describe('LTV and RETENTION_LEVER', () => {
  it('computes margin / churn', () => expect(f.ltv(cell(100), 0.8, null)).toBeCloseTo(500, 9));
  it('reads "80%" typed as text', () => expect(f.ltv(cell(100), '80%', null)).toBeCloseTo(500, 9));
  it('gives #NUM! for r = 1 undiscounted', () => expect(excelError(() => f.ltv(cell(100), 1, null)).code).toBe('#NUM!'));
  it('tells a retention typed as 80 to be entered as 80% or 0.8', () => {
    expect(excelError(() => f.ltv(cell(100), 80, null)).message).toBe('taux_rétention : saisissez 80 % ou 0,8, pas 80');
  });
  it('picks retention at 0.8 and acquisition at 0.3', () => {
    expect(f.retentionLever(cell(100), 0.8, cell(50), null, null)).toBe('RETENTION');
    expect(f.retentionLever(cell(100), 0.3, cell(50), null, null)).toBe('ACQUISITION');
  });
  it('gives #DIV/0! for a zero acquisition cost', () => expect(excelError(() => f.retentionLever(cell(100), 0.5, cell(0))).code).toBe('#DIV/0!'));
});

describe('BUDGET_TIER', () => {
  it('takes the budget from one cell or a range', () => {
    expect(f.budgetTier(cell(1500), null)).toBe('REGULAR');
    expect(f.budgetTier([[1000], [600]], null)).toBe('REGULAR');
  });
  it('reads French profile names', () => expect(f.budgetTier(cell(400), 'Forte_Marge')).toBe('PARTIAL'));
  it('gives #VALUE! listing the profiles for an unknown one', () => {
    const error = excelError(() => f.budgetTier(cell(400), 'premium'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('standard, high_margin, clickable, local_low_margin, forte_marge');
  });
});

describe('PILOT_VERDICT', () => {
  it('defaults reporting_ok to TRUE when omitted', () => expect(f.pilotVerdict(3, 1, null, null)).toBe('EXPAND'));
  it('reads a blank reporting cell as no', () => expect(f.pilotVerdict(3, 1, null, '')).toBe('STOP'));
  it('reads non as no', () => expect(f.pilotVerdict(3, 1, 4, 'non')).toBe('STOP'));
  it('reads a blank ROI cell as 0, so the pilot is extended rather than expanded', () => {
    expect(f.pilotVerdict(3, 1, '', true)).toBe('EXTEND');
    expect(f.pilotVerdict(3, 1, null, true)).toBe('EXPAND');
  });
  it('rejects a blank ratio cell in BREAKEVEN_FEES rather than taking the default', () => {
    expect(excelError(() => f.breakevenFees(cell(100_000), '')).code).toBe('#VALUE!');
  });
  it('tells a KPI typed as 85 to be entered as 85% or 0.85', () => {
    expect(excelError(() => f.pilotVerdict(3, 85)).message).toBe('atteinte_kpi : saisissez 85 % ou 0,85, pas 85');
  });
});

describe('ALLOCATE', () => {
  it('spills a column, one amount per channel, summing to the budget', () => {
    const amounts = f.allocate(cell(10_000), [[1000], [1000], [500]], [[2000], [4000], [3000]], null);
    expect(amounts.map((row) => row.length)).toEqual([1, 1, 1]);
    expect(amounts[0][0]).toBe(0);
    expect(amounts[1][0]).toBeCloseTo(4000, 9);
    expect(amounts[1][0] + amounts[2][0]).toBeCloseTo(10_000, 9);
  });
  it('spills a column even from a row of channels', () => {
    expect(f.allocate(cell(100), [[10, 10]], [[40, 60]], null)).toHaveLength(2);
  });
  it('counts a text or blank cell as 0 for its channel', () => {
    expect(f.allocate(cell(100), [['n/a'], [10]], [[500], [50]], null)).toEqual([[0], [100]]);
  });
  it('gives #N/A with a message naming the floor', () => {
    expect(excelError(() => f.allocate(cell(100), [[10]], [[20]], null))).toMatchObject({
      code: '#N/A',
      message: "aucun canal n'atteint le plancher de ROI de 3:1",
    });
  });
  it('gives #VALUE! for ranges of different sizes', () => {
    expect(excelError(() => f.allocate(cell(100), [[10], [10]], [[20]], null)).message).toContain('plage_dépenses (2 cellules)');
  });
});

describe('LABEL', () => {
  it('says a code in French by default and English on request', () => {
    expect(f.label('REGULAR', null)).toBe('Externalisation régulière');
    expect(f.label('regular', 'en')).toBe('Regular outsourcing');
  });
  it('gives #VALUE! for an unknown code or language', () => {
    expect(excelError(() => f.label('NOPE', null)).message).toBe('code : code inconnu « NOPE »');
    expect(excelError(() => f.label('FULL', 'de')).message).toContain('lang');
  });
});

describe('messages follow Office display language', () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  it('speaks English when Office is in English', () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'en-US' } };
    expect(excelError(() => f.ltv(cell(100), 80, null)).message).toBe('retention_rate: enter 80% or 0.8, not 80');
  });
  it('speaks French, with the French argument names, when Office is in fr-CA', () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'fr-CA' } };
    expect(excelError(() => f.ltv(cell(100), 80, null)).message).toBe('taux_rétention : saisissez 80 % ou 0,8, pas 80');
  });
});

describe('messages for rates and bounds', () => {
  it('says which end of 0..1 a rate may not take', () => {
    expect(excelError(() => f.retentionLever(cell(100), 0.5, cell(50), null, 1)).message).toBe(
      'baisse_coût : un taux de 0 à moins de 1 est attendu (10 % = 0,1)',
    );
    expect(excelError(() => f.breakevenFees(cell(100), 0)).message).toBe(
      'ratio : un taux supérieur à 0 et au plus 1 est attendu (60 % = 0,6)',
    );
  });
  it('does not take 1.5 for a percent', () => {
    expect(excelError(() => f.ltv(cell(100), 1.5, null)).message).toBe('taux_rétention : un taux de 0 à 1 est attendu (80 % = 0,8)');
  });
  it('says 0 or more for a negative count', () => {
    expect(excelError(() => f.pilotVerdict(-1, 1)).message).toBe('mois_écoulés : une valeur positive ou nulle est attendue');
  });
});

describe('incoming Excel errors', () => {
  it('are passed on unchanged', () => {
    const incoming = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, 'from the sheet');
    expect(excelError(() => f.roiRatio([[1, incoming]], cell(1)))).toBe(incoming);
    expect(excelError(() => f.roiBand(incoming, null, null))).toBe(incoming);
  });
});
