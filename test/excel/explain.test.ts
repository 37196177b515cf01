import { argumentValue, explainCall, explainFormula, isReference, parseMktCalls, referencesOf } from '../../src/excel/explain/explain';

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

  it('INTERNALISE_SIGNAL with thresholds of the user: applied, said, and the tipping zone moves with them', () => {
    const e = explainCall({ id: 'INTERNALISE_SIGNAL', args: [] }, [30, [[55000]], [[100000]], 'non', 30, 0.5], 'INTERNALISE', 'fr')!;
    expect(e.summary).toBe('2 signaux sur 3 allumés : Internaliser.');
    expect(e.lines[0]).toContain('30 h/semaine, seuil 30 h → allumé');
    expect(e.lines[1]).toContain('seuil 50\u00a0%');
    expect(e.lines[1]).toContain('zone de bascule, 50\u00a0% à 60\u00a0%');
    expect(e.lines[4]).toContain('Seuils appliqués : 30 h/semaine et 50\u00a0%');
    const old = explainCall({ id: 'INTERNALISE_SIGNAL', args: [] }, [45, [[65000]], [[100000]], 'non'], 'INTERNALISE', 'en')!;
    expect(old.lines).toHaveLength(4);
    expect(old.lines[1]).toContain('tipping zone, 60% to 70%');
  });

  it('BUDGET_TIER with a scale: the thresholds scaled and the scale said', () => {
    const e = explainCall({ id: 'BUDGET_TIER', args: [] }, [[[1500]], null, 1.5], 'PARTIAL', 'en')!;
    expect(e.summary).toBe('Monthly budget of 1,500: partial outsourcing.');
    expect(e.lines[1]).toContain('under 750 in-house; 750 to 2,250 partial');
    expect(e.lines[2]).toContain('× 1.5');
  });

  it('PILOT_VERDICT with thresholds of the user: the rule that fired, with its threshold', () => {
    const e = explainCall({ id: 'PILOT_VERDICT', args: [] }, [3, 0.85, null, true, 3, 1, 0.9], 'TAKE_BACK', 'en')!;
    expect(e.summary).toBe('Take back in-house — Target reached at only 85% (< 90%): take back in-house.');
    expect(e.lines[2]).toContain('extend from 90%');
    expect(explainCall({ id: 'PILOT_VERDICT', args: [] }, [4, 1, null, true, 6], 'TOO_EARLY', 'en')!.summary).toContain('4 of 6 months');
  });

  it('ALLOCATE with a cap: how many channels were capped', () => {
    const e = explainCall({ id: 'ALLOCATE', args: [] }, [[[12000]], [[490], [5000], [4000]], [[14700], [20000], [16000]], 3, 1.5], [[735]], 'en')!;
    expect(e.lines[2]).toBe('Cap: no channel gets more than 1.5 × its spend; 1 channel capped, the surplus shared among the others by ROI.');
    const over = explainCall({ id: 'ALLOCATE', args: [] }, [[[5000]], [[1000], [1000]], [[4000], [1000]], 3, 1.5], '#N/A', 'fr')!;
    expect(over.summary).toBe('Erreur : le budget (5000) dépasse 1,5 × les dépenses des canaux retenus (1500 au total).');
  });

  it('CONTRIBUTION: what is left in margin, and the ROAS beside its break-even', () => {
    const e = explainCall({ id: 'CONTRIBUTION', args: [] }, [[[9000]], [[3000]], 0.3], -300, 'fr')!;
    expect(e.summary).toBe('Contribution : 300 de perte : la marge ne couvre pas les dépenses.');
    expect(e.lines[0]).toMatch(/9\s000 × 30\u00a0% − 3\s000 = [-−]300/);
    expect(e.lines[1]).toBe('ROAS (CA ÷ dépense) de 3:1, en dessous du ROAS d’équilibre de 3,3:1 (1 ÷ marge).');
  });

  it('DECISION: the code with its reason from the inputs', () => {
    const lead = explainCall({ id: 'DECISION', args: [] }, ['INTERNALISE', 'FULL', 18], 'HIRE_LEAD', 'en')!;
    expect(lead.summary).toBe('Hire a lead, keep outside specialists: the signals are on and the budget is at the full tier: an in-house lead, with outside specialists kept for volume.');
    expect(lead.lines[0]).toBe('Signals: Bring in-house; tier: Full outsourcing; crossover month: 18 (limit 36 months).');
    const late = explainCall({ id: 'DECISION', args: [] }, ['INTERNALISE', 'REGULAR', 40], 'PREPARE', 'fr')!;
    expect(late.summary).toBe('Préparer la transition : les signaux sont allumés, mais un recrutement ne devient moins cher qu’au mois 40, au-delà de 36 mois : préparer la transition.');
    const tier = explainCall({ id: 'DECISION', args: [] }, ['OUTSOURCE', 'PARTIAL'], 'PARTIAL', 'en')!;
    expect(tier.summary).toBe('Partial outsourcing: no in-house signal is on, the budget decides: partial outsourcing.');
    expect(tier.lines[0]).toContain('cost of hiring not computed');
    expect(explainCall({ id: 'DECISION', args: [] }, ['HIRE', 'FULL'], '#VALUE!', 'en')!.summary).toBe('Error: signal_code: unknown code "HIRE".');
  });

  it('LABEL in fr-CA: the Québec words', () => {
    expect(explainCall({ id: 'LABEL', args: [] }, ['FULL', 'fr-CA'], 'Impartition complète', 'fr')!.summary).toBe('FULL se dit « Impartition complète ».');
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
