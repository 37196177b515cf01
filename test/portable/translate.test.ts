/**
 * The translator on its own: forms of call, nesting, what is frozen and why, and that the
 * argument expressions are kept as written.
 */
import { createEngine } from '../../src/engine/engine';
import { findMktCalls } from '../../src/formula/mkt-calls';
import { MAX_FORMULA_LENGTH, translateFormula } from '../../src/portable/translate';

const engine = createEngine({ S: [[1200, 300, 'TARGET', 0.8, "'abc"]] });
const value = (formula: string) => engine.calculateFormula(formula, 0);

describe('translateFormula', () => {
  it.each([
    ['=MKT.ROI_RATIO(A1,B1)'],
    ['=_xldudf_MKT_ROI_RATIO(A1,B1)'],
    ['=MKT.RATIO_ROI(A1,B1)'],
    ['=mkt.roi_ratio(A1,B1)'],
    ["=[1]!MKT.ROI_RATIO(A1,B1)"],
  ])('reads %s and computes 4 with native functions only', (formula) => {
    const t = translateFormula(formula);
    expect(t.formula).toBeDefined();
    expect(findMktCalls(t.formula!)).toEqual([]);
    expect(value(t.formula!)).toBe(4);
  });

  it('keeps the text around the call and the arguments as written, nested calls translated first', () => {
    const t = translateFormula('=ROUND(MKT.ROI_RATIO(A1*2,B1),1)&" "&MKT.LABEL(MKT.ROI_BAND(MKT.ROI_RATIO(A1,B1)),"en")');
    expect(t.formula!.startsWith('=ROUND(')).toBe(true);
    expect(t.formula).toContain('A1*2');
    expect(t.calls.map((c) => [c.id, c.translated])).toEqual([
      ['ROI_RATIO', true], ['ROI_RATIO', true], ['ROI_BAND', true], ['LABEL', true],
    ]);
    expect(value(t.formula!)).toBe('8 On target');
  });

  it('keeps a formula without MKT as it is', () => {
    expect(translateFormula('=SUM(A1:B1)')).toEqual({ formula: '=SUM(A1:B1)', calls: [] });
  });

  it('freezes a multi-cell range where one value is expected: Excel lifts the call over it or intersects it, no native form does both', () => {
    expect(translateFormula('=MKT.ROI_BAND(A1:B1)').frozen?.reason).toBe('manyValues');
  });

  it.each([
    ['=MKT.NOT_A_FUNCTION(A1)', 'unknownFunction'],
    ['=MKT.ROI_RATIO(A1', 'unclosed'],
    ['=MKT.ROI_RATIO(A1,B1,C1)', 'arity'],
    ['=MKT.ALLOCATE(100,A1:A3,B1:B3)', 'notArrayFormula'],
    ['=MKT.ALLOCATE(100,A1:B3,C1:D3)', 'channelShape'],
  ])('freezes %s (%s)', (formula, reason) => {
    expect(translateFormula(formula, formula.includes('ALLOCATE(100,A1:B3') ? { arrayFormula: true } : {}).frozen?.reason).toBe(reason);
  });

  it('freezes ALLOCATE given a cap (its fixed point has no native form within the length limit), not ALLOCATE without one', () => {
    expect(translateFormula('=MKT.ALLOCATE(100,A1:A3,B1:B3,3,1.5)', { arrayFormula: true }).frozen?.reason).toBe('noNativeForm');
    expect(translateFormula('=MKT.ALLOCATE(100,A1:A3,B1:B3,3,MKT_CAP)', { arrayFormula: true }).frozen?.reason).toBe('noNativeForm');
    expect(translateFormula('=MKT.ALLOCATE(100,A1:A3,B1:B3,3,)', { arrayFormula: true }).formula).toBeDefined();
    expect(translateFormula('=MKT.ALLOCATE(100,A1:A3,B1:B3,3)', { arrayFormula: true }).formula).toBeDefined();
  });

  it('translates the older call forms as before: no threshold check when the thresholds are left out', () => {
    const old = translateFormula('=MKT.INTERNALISE_SIGNAL(A1,B1,C1,D1)').formula!;
    expect(old).toContain('>=40');
    expect(old).not.toContain('<1,');
    expect(translateFormula('=MKT.INTERNALISE_SIGNAL(A1,B1,C1,D1,40,0.6)').formula).toBe(old);
    expect(translateFormula('=MKT.PILOT_VERDICT(A1,B1,,D1)').formula).toBe(translateFormula('=MKT.PILOT_VERDICT(A1,B1,,D1,3,1,0.8,3)').formula);
    expect(translateFormula('=MKT.BUDGET_TIER(A1,B1)').formula).toBe(translateFormula('=MKT.BUDGET_TIER(A1,B1,1)').formula);
  });

  it('gives DECISION and CONTRIBUTION a native form, and LABEL its Québec words', () => {
    expect(value(translateFormula('=MKT.DECISION("INTERNALISE","FULL",18)').formula!)).toBe('HIRE_LEAD');
    expect(value(translateFormula('=MKT.DECISION("outsource"," partial ")').formula!)).toBe('PARTIAL');
    expect(value(translateFormula('=MKT.LABEL("FULL","fr-CA")').formula!)).toBe('Impartition complète');
    expect(value(translateFormula('=MKT.LABEL(MKT.DECISION("OUTSOURCE","REGULAR"),"qc")').formula!)).toBe('Impartition régulière');
    expect(value(translateFormula('=MKT.CONTRIBUTION(A1,B1,0.3)').formula!)).toBeCloseTo(1200 * 0.3 - 300, 9);
  });

  it("freezes a translation longer than Excel's limit", () => {
    let formula = 'A1';
    for (let i = 0; i < 6; i++) formula = `MKT.LTV(${formula},0.5)`;
    const t = translateFormula(`=${formula}`);
    expect(t.frozen?.reason).toBe('tooLong');
    expect(MAX_FORMULA_LENGTH).toBe(8192);
  });

  it('stops at the first call too long in a hostile nesting, in bounded time and memory', () => {
    let formula = 'A1';
    for (let i = 0; i < 5000; i++) formula = `MKT.ROI_BAND(${formula})`;
    const started = Date.now();
    const t = translateFormula(`=${formula}`);
    expect(t.frozen?.reason).toBe('tooLong');
    expect(t.calls).toHaveLength(5000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('the marginal functions (RULES.md §7)', () => {
  // Row 1: a fit as a 2×2 block (a, b / r2, code) and as a row with text before it.
  const fits = createEngine({ S: [[120, 0.5, 1000, "'fit:", 120, 0.5], [0.9, "'CURVE"]] });
  const at = (formula: string) => fits.calculateFormula(formula, 0);

  it('reads a fit in reading order from a block or a row, text skipped, with no array entry', () => {
    for (const call of ['=MKT.MARGINAL_ROAS(A1:B2,C1)', '=MKT.MARGINAL_ROAS(D1:F1,C1)']) {
      const t = translateFormula(call);
      expect(t.formula).toBeDefined();
      expect(at(t.formula!)).toBeCloseTo(120 * 0.5 * Math.pow(1000, -0.5), 12);
    }
    expect(at(translateFormula('=MKT.OPTIMAL_SPEND(A1:B2,0.4)').formula!)).toBeCloseTo(Math.pow(120 * 0.5 * 0.4, 2), 9);
    expect(at(translateFormula('=MKT.BREAKEVEN_ROAS(0.25)').formula!)).toBe(4);
  });

  it('freezes RESPONSE_FIT outside an array formula or over another area than its row of four', () => {
    const call = '=MKT.RESPONSE_FIT(B2:M2,B3:M3)';
    expect(translateFormula(call).frozen?.reason).toBe('notArrayFormula');
    expect(translateFormula(call, { arrayFormula: true, spill: { rows: 1, cols: 1 } }).frozen?.reason).toBe('channelShape');
    expect(translateFormula(call, { arrayFormula: true, spill: { rows: 1, cols: 4 } }).formula).toBeDefined();
    expect(translateFormula('=MKT.RESPONSE_FIT(Spend,B3:M3)', { arrayFormula: true }).frozen?.reason).toBe('channelShape');
    // Two blocks of the same count but different shapes cannot be paired cell by cell.
    expect(translateFormula('=MKT.RESPONSE_FIT(B2:G3,B5:E7)', { arrayFormula: true }).frozen?.reason).toBe('channelShape');
  });

  it('freezes MARGINAL_ROAS and OPTIMAL_SPEND whose fit is not a range reference', () => {
    expect(translateFormula('=MKT.MARGINAL_ROAS(Fit,B1)').frozen?.reason).toBe('channelShape');
    expect(translateFormula('=MKT.OPTIMAL_SPEND(MKT.RESPONSE_FIT(B2:M2,B3:M3),0.4)', { arrayFormula: true }).frozen?.reason).toBe('channelShape');
  });

  it('keeps ALLOCATE_MARGINAL frozen: an iterative solver', () => {
    expect(translateFormula('=MKT.ALLOCATE_MARGINAL(B4,B8:M13,B16:M21,B5)', { arrayFormula: true }).frozen?.reason).toBe('noNativeForm');
  });
});
