import { argumentValue, explainCall, explainFormula, isReference, parseMktCalls, referencesOf } from '../../src/excel/explain';

describe('parseMktCalls', () => {
  it('finds a call and its arguments', () => {
    expect(parseMktCalls("=MKT.ROI_RATIO('Budget 2025'!$N5:$Y5,'Budget 2025'!$B5:$M5)")).toEqual([
      { id: 'ROI_RATIO', args: ["'Budget 2025'!$N5:$Y5", "'Budget 2025'!$B5:$M5"] },
    ]);
  });

  it('finds nested calls, outermost first', () => {
    const calls = parseMktCalls('=MKT.ROI_BAND(MKT.ROI_RATIO(B2:B13,C2:C13),MKT_ROI_LOW,MKT_ROI_HIGH)');
    expect(calls.map((c) => c.id)).toEqual(['ROI_BAND', 'ROI_RATIO']);
    expect(calls[0].args).toEqual(['MKT.ROI_RATIO(B2:B13,C2:C13)', 'MKT_ROI_LOW', 'MKT_ROI_HIGH']);
    expect(calls[1].args).toEqual(['B2:B13', 'C2:C13']);
  });

  it('keeps empty arguments (omitted optional ones)', () => {
    expect(parseMktCalls('=MKT.PILOT_VERDICT(B9,B10,,B11)')[0].args).toEqual(['B9', 'B10', '', 'B11']);
  });

  it('ignores MKT inside strings and quoted sheet names, and other functions', () => {
    expect(parseMktCalls('="MKT.ROI_RATIO(1,2)"')).toEqual([]);
    expect(parseMktCalls("=SUM('MKT.ROI_RATIO('!A1)")).toEqual([]);
    expect(parseMktCalls('=XMKT.ROI_RATIO(1,2)')).toEqual([]);
    expect(parseMktCalls('plain text')).toEqual([]);
  });

  it('reads the function id case-insensitively, and commas inside nested functions stay inside', () => {
    expect(parseMktCalls('=mkt.budget_tier(SUM(B1,B2),"standard")')).toEqual([{ id: 'BUDGET_TIER', args: ['SUM(B1,B2)', '"standard"'] }]);
  });
});

describe('references and argument values', () => {
  it('tells references and names from literals', () => {
    expect(isReference('B2:B13')).toBe(true);
    expect(isReference("'Budget 2025'!$B5:$M5")).toBe(true);
    expect(isReference('MKT_ROI_LOW')).toBe(true);
    expect(isReference('"fr"')).toBe(false);
    expect(isReference('3')).toBe(false);
    expect(isReference('TRUE')).toBe(false);
    expect(isReference('SUM(B1,B2)')).toBe(false);
  });

  it('collects distinct references', () => {
    expect(referencesOf(parseMktCalls('=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)+MKT.ROI_BAND(D5)'))).toEqual(['D5', 'MKT_ROI_LOW', 'MKT_ROI_HIGH']);
  });

  it('reads literals; omitted is null; an expression is unknown', () => {
    expect(argumentValue('"fr"', {})).toBe('fr');
    expect(argumentValue('0.7', {})).toBe(0.7);
    expect(argumentValue('FALSE', {})).toBe(false);
    expect(argumentValue('', {})).toBeNull();
    expect(argumentValue('B2', { B2: [[5]] })).toEqual([[5]]);
    expect(argumentValue('SUM(B1,B2)', {})).toBeUndefined();
  });
});

describe('explainCall', () => {
  it('ROI_RATIO: inputs, the division and the 3:1–5:1 target, in French', () => {
    const e = explainCall({ id: 'ROI_RATIO', args: [] }, [[[4000, 4000]], [[1000, 1000]]], 4, 'fr')!;
    expect(e.summary).toBe('ROI de 4:1 : dans la cible.');
    expect(e.lines.join('\n')).toMatch(/8\s000 ÷ 2\s000 = 4:1/);
    expect(e.lines.join('\n')).toContain('de 3:1 à 5:1');
  });

  it('ROI_RATIO in English, below target', () => {
    const e = explainCall({ id: 'ROI_RATIO', args: [] }, [[[1500]], [[1000]]], 1.5, 'en')!;
    expect(e.summary).toBe('ROI of 1.5:1: below target.');
  });

  it('ROI_BAND: says which threshold decided', () => {
    const e = explainCall({ id: 'ROI_BAND', args: [] }, [2.4, 3, 5], 'BELOW', 'en')!;
    expect(e.summary).toBe('Below target: 2.4:1 is under the 3:1 minimum, review or cut the channel.');
  });

  it('INTERNALISE_SIGNAL: which signals are on, with the tipping zone', () => {
    const e = explainCall({ id: 'INTERNALISE_SIGNAL', args: [] }, [45, [[65000]], [[100000]], 'non'], 'INTERNALISE', 'fr')!;
    expect(e.summary).toBe('2 signaux sur 3 allumés : Internaliser.');
    expect(e.lines[0]).toContain('45 h/semaine, seuil 40 h → allumé');
    expect(e.lines[1]).toContain('zone de bascule');
    expect(e.lines[2]).toContain('éteint');
  });

  it('BUDGET_TIER: the profile scales the thresholds', () => {
    const e = explainCall({ id: 'BUDGET_TIER', args: [] }, [[[1000]], 'cliquable'], 'PARTIAL', 'en')!;
    expect(e.summary).toBe('Monthly budget of 1,000: partial outsourcing.');
    expect(e.lines[1]).toContain('under 375 in-house; 375 to 1,125 partial');
  });

  it('PILOT_VERDICT: the rule that fired', () => {
    expect(explainCall({ id: 'PILOT_VERDICT', args: [] }, [3, 0.85, null, true], 'EXTEND', 'en')!.summary).toBe('Extend — Target reached at 85% (≥ 80%): extend.');
    expect(explainCall({ id: 'PILOT_VERDICT', args: [] }, [3, 1.2, null, 'non'], 'STOP', 'fr')!.summary).toContain('Arrêter');
    expect(explainCall({ id: 'PILOT_VERDICT', args: [] }, [2, 1.2, null, true], 'TOO_EARLY', 'en')!.summary).toContain('2 of 3 months');
  });

  it('ALLOCATE: channels funded and cut', () => {
    const e = explainCall({ id: 'ALLOCATE', args: [] }, [[[1000]], [[100], [100], [100]], [[500], [200], [400]], 3], [[1]], 'en')!;
    expect(e.summary).toBe('1,000 shared between 2 channels by ROI; 1 channel cut.');
  });

  it('gives the rule message when the function would give an error', () => {
    const e = explainCall({ id: 'ROI_RATIO', args: [] }, [[[100]], [[0]]], '#DIV/0!', 'en')!;
    expect(e.summary).toBe('Error: spend: division by zero.');
  });

  it('returns undefined for an argument it could not read, or an unknown function', () => {
    expect(explainCall({ id: 'ROI_RATIO', args: [] }, [undefined, [[1]]], 1, 'en')).toBeUndefined();
    expect(explainCall({ id: 'NOPE', args: [] }, [], 1, 'en')).toBeUndefined();
  });
});

describe('explainFormula', () => {
  it('reads the references from the loaded inputs', () => {
    const e = explainFormula(
      { address: 'Diagnostic!E5', formula: '=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)', value: 'ABOVE', inputs: { D5: [[6]], MKT_ROI_LOW: [[3]], MKT_ROI_HIGH: [[5]] } },
      'en',
    )!;
    expect(e.summary).toContain('Above target');
  });

  it('explains the inner call when the outer one reads a calculation', () => {
    const e = explainFormula(
      { address: 'A1', formula: '=MKT.LABEL(MKT.ROI_BAND(MKT.ROI_RATIO(B1,C1)),"en")', value: 'On target', inputs: { B1: [[400]], C1: [[100]] } },
      'en',
    )!;
    expect(e.summary).toBe('ROI of 4:1: on target.');
  });

  it('says so when no MKT call is found', () => {
    expect(explainFormula({ address: 'A1', formula: '=SUM(A2:A3)', value: 3, inputs: {} }, 'en')).toBeUndefined();
  });
});
