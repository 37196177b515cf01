import { explainCall, explainFormula } from '../../src/excel/explain/explain';
import { explainMarginalCall } from '../../src/excel/explain/marginal';

const SIX = [1000, 1200, 1400, 1600, 1800, 2000];
const curve = (a: number, b: number, spends: number[]) => spends.map((s) => a * Math.pow(s, b));
const call = (id: string) => ({ id, args: [] });

describe('explaining RESPONSE_FIT', () => {
  it('says what b means: each doubling of spend multiplies revenue by 2^b', () => {
    const e = explainCall(call('RESPONSE_FIT'), [[SIX], [curve(40, 0.5, SIX)]], undefined, 'en')!;
    expect(e.summary).toBe('Diminishing-returns curve: revenue = 40 × spend^0.5; each doubling of spend multiplies revenue by 2^b = 2^0.5 = 1.41.');
    expect(e.lines).toContain('6 months kept (spend and revenue above 0); r² of the log fit: 1.');
    const fr = explainCall(call('RESPONSE_FIT'), [[SIX], [curve(40, 0.5, SIX)]], undefined, 'fr')!;
    expect(fr.summary).toContain('chaque doublement de la dépense multiplie le revenu par 2^b = 2^0,5 = 1,41');
  });
  it('says why a fit fell back to LINEAR: too few months, too little variation, a slope not diminishing', () => {
    const few = explainCall(call('RESPONSE_FIT'), [[SIX.slice(0, 4)], [curve(40, 0.5, SIX.slice(0, 4))]], undefined, 'en')!;
    expect(few.summary).toMatch(/^Constant return: /);
    expect(few.lines[0]).toBe('No curve: 4 months with spend and revenue above 0; at least 6 are needed.');
    const flat = [1000, 1100, 1200, 1000, 1100, 1200];
    expect(explainCall(call('RESPONSE_FIT'), [[flat], [curve(40, 0.5, flat)]], undefined, 'en')!.lines[0]).toBe(
      'No curve: spend varies too little (the largest month is 1.2 × the smallest; at least 1.5 × is needed).',
    );
    const steep = explainCall(call('RESPONSE_FIT'), [[SIX], [curve(0.5, 1.2, SIX)]], undefined, 'fr')!;
    expect(steep.lines[0]).toBe('Pas de courbe : la pente b = 1,2 n’est pas décroissante (il faut 0 < b < 1) ; le ratio moyen est la réponse honnête.');
  });
  it('never rounds a spread just under 1.5 up to the 1.5 it says is needed', () => {
    const under = [1000, 1100, 1200, 1300, 1400, 1499.99];
    expect(explainCall(call('RESPONSE_FIT'), [[under], [curve(40, 0.5, under)]], undefined, 'fr')!.lines[0]).toBe(
      'Pas de courbe : les dépenses varient trop peu (le plus gros mois vaut 1,49 × le plus petit ; il faut au moins 1,5 ×).',
    );
  });
  it('gives the message of the error, as the function does', () => {
    expect(explainCall(call('RESPONSE_FIT'), [[[0, 0]], [[1, 1]]], undefined, 'en')!.summary).toBe('Error: no month with both spend and revenue above 0.');
  });
});

describe('explaining MARGINAL_ROAS, OPTIMAL_SPEND and BREAKEVEN_ROAS', () => {
  it('gives the marginal return at a spend, and the formula behind it', () => {
    const e = explainCall(call('MARGINAL_ROAS'), [[[40, 0.5, 1, 'CURVE']], 1600], undefined, 'en')!;
    expect(e.summary).toBe('At 1,600 a month, one more unit of spend brings back 0.5 of revenue.');
    expect(e.lines[0]).toBe('Marginal ROAS = a × b × spend^(b − 1) = 40 × 0.5 × 1,600^(0.5 − 1).');
  });
  it('gives the optimal spend and why spending more loses money', () => {
    const e = explainCall(call('OPTIMAL_SPEND'), [[[40, 0.5]], 0.4], undefined, 'en')!;
    expect(e.summary).toBe('Optimal monthly spend: 64. Beyond it, one more unit returns less than its cost in gross margin (40%).');
    expect(e.lines).toEqual(['At that spend the marginal ROAS is 2.5:1 = 1 ÷ margin: the break-even point.']);
  });
  it('gives the break-even ROI ratio at a margin', () => {
    expect(explainCall(call('BREAKEVEN_ROAS'), [0.25], undefined, 'fr')!.summary).toBe(
      'À 25\u00a0% de marge brute, le marketing se paie à partir d’un ratio de 4:1 ; en dessous, il coûte plus qu’il ne rapporte.',
    );
  });
});

describe('explaining ALLOCATE_MARGINAL', () => {
  it('says why each channel got its amount: the common marginal return, its ceiling, a LINEAR ratio below it', () => {
    const small = [100, 120, 140, 160, 180, 200];
    const e = explainMarginalCall(
      call('ALLOCATE_MARGINAL'),
      [[[2000]], [small, SIX, [100, 100]], [curve(400, 0.5, small), curve(40, 0.5, SIX), [40, 40]], null],
      'en',
    )!;
    expect(e.summary).toMatch(/^2,000 shared where the next unit returns the most: the free channels end at the same marginal return, 0\.\d+\.$/);
    expect(e.lines[0]).toMatch(/^Channel 1: 300, its ceiling \(1\.5 × its best month, 200\); its marginal return there is still 11\.5\d*/);
    expect(e.lines[1]).toMatch(/^Channel 2: 1,700, where its marginal return falls to 0\.\d+\.$/);
    expect(e.lines[2]).toMatch(/^Channel 3: 0; its first unit returns 0\.4, less than 0\.\d+\.$/);
    expect(e.lines[3]).toBe('Channel 3 — No curve: 2 months with spend and revenue above 0; at least 6 are needed.');
  });
  it('names LINEAR channels sharing at an equal return', () => {
    const e = explainMarginalCall(call('ALLOCATE_MARGINAL'), [[[300]], [[100, 50], [300, 200]], [[300, 150], [900, 600]], null], 'en')!;
    expect(e.lines[0]).toMatch(/^Channel 1: 75, a constant return of 3/);
    expect(e.lines[2]).toMatch(/^Channel 2: 225, a constant return of 3/);
  });
  it('explains a formula through the cells it reads', () => {
    const e = explainFormula(
      { address: 'H24', formula: '=MKT.ALLOCATE_MARGINAL(B4,B8:M9,B16:M17)', value: 1000, inputs: { B4: 1000, 'B8:M9': [SIX, SIX], 'B16:M17': [curve(40, 0.5, SIX), curve(20, 0.6, SIX)] } } as never,
      'fr',
    )!;
    expect(e.summary).toMatch(/^1\u202f000 répartis là où la prochaine unité rapporte le plus/);
  });
});
