import fc from 'fast-check';
import { findMktCalls, hasMktCall, mapMktCalls, toDottedForm, toStoredForm } from '../../src/formula/mkt-calls';

const summary = (formula: string, options?: Parameters<typeof findMktCalls>[1]) =>
  findMktCalls(formula, options).map((c) => ({ id: c.id, form: c.form, language: c.language, known: c.known, args: c.args }));

describe('findMktCalls', () => {
  it('reads the dotted form in any case, with or without the leading =', () => {
    expect(summary('=MKT.ROI_RATIO(B2:B13,C2:C13)')).toEqual([
      { id: 'ROI_RATIO', form: 'dotted', language: 'en', known: true, args: ['B2:B13', 'C2:C13'] },
    ]);
    expect(summary('mkt.roi_ratio( B2 , C2 )')[0]).toMatchObject({ id: 'ROI_RATIO', args: ['B2', 'C2'] });
  });

  it("reads Excel's stored form _xldudf_MKT_ID, as .xlsx files keep a bound call", () => {
    expect(summary('_xldudf_MKT_ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)')).toEqual([
      { id: 'ROI_BAND', form: 'stored', language: 'en', known: true, args: ['D5', 'MKT_ROI_LOW', 'MKT_ROI_HIGH'] },
    ]);
    expect(summary('_XLDUDF_mkt_ltv(1,0.8)')[0]).toMatchObject({ id: 'LTV', form: 'stored' });
  });

  it("reads a dotted call behind Excel's unknown-function prefix _xludf. as the dotted form", () => {
    const [call] = findMktCalls('=_xludf.MKT.ROI_RATIO(B2,C2)+1');
    expect(call).toMatchObject({ id: 'ROI_RATIO', form: 'dotted', written: '_xludf.MKT.ROI_RATIO', args: ['B2', 'C2'] });
    expect(toDottedForm('=_xludf.MKT.ROI_RATIO(B2,C2)+1')).toBe('=MKT.ROI_RATIO(B2,C2)+1');
  });

  it('reads either form behind a workbook prefix as external', () => {
    for (const formula of [
      '[1]!_xldudf_MKT_ROI_RATIO(B2,C2)',
      "'C:\\Users\\x\\[mkt.xlam]mkt'!_xldudf_MKT_ROI_RATIO(B2,C2)",
      "'[1]'!MKT.ROI_RATIO(B2,C2)",
      'Addin.xlam!MKT.ROI_RATIO(B2,C2)',
      '[2]Sheet1!_xldudf_MKT_ROI_RATIO(B2,C2)',
    ]) {
      const [call] = findMktCalls(formula);
      expect(call).toMatchObject({ id: 'ROI_RATIO', form: 'external', args: ['B2', 'C2'] });
      expect(call.written).toBe(formula.slice(0, formula.indexOf('(')));
    }
  });

  it('reads the French names of fr-FR and fr-CA Excel', () => {
    expect(summary('=MKT.RATIO_ROI(B2;C2)', { separator: ';' })).toEqual([
      { id: 'ROI_RATIO', form: 'dotted', language: 'fr', known: true, args: ['B2', 'C2'] },
    ]);
    expect(summary('_xldudf_MKT_PALIER_BUDGET(B2)')[0]).toMatchObject({ id: 'BUDGET_TIER', language: 'fr' });
  });

  it('keeps a decimal comma inside an argument when the separator is ;', () => {
    expect(summary('=MKT.LTV(40;0,8)', { separator: ';' })[0].args).toEqual(['40', '0,8']);
    expect(summary('=MKT.LTV(40,0.8)')[0].args).toEqual(['40', '0.8']);
  });

  it('finds calls nested in native formulas and inside each other, outermost first, with parents', () => {
    const calls = findMktCalls('=IF(A1>0,MKT.ROI_BAND(ROUND(MKT.ROI_RATIO(B2:B13,C2:C13),1),3),"")&MKT.LABEL("FULL")');
    expect(calls.map((c) => [c.id, c.parent])).toEqual([
      ['ROI_BAND', undefined],
      ['ROI_RATIO', 0],
      ['LABEL', undefined],
    ]);
    expect(calls[0].args).toEqual(['ROUND(MKT.ROI_RATIO(B2:B13,C2:C13),1)', '3']);
  });

  it('keeps empty and missing arguments apart', () => {
    expect(findMktCalls('=MKT.PILOT_VERDICT(B9,B10,,B11)')[0].args).toEqual(['B9', 'B10', '', 'B11']);
    expect(findMktCalls('=MKT.LABEL()')[0].args).toEqual([]);
    expect(findMktCalls('=MKT.LABEL(,)')[0].args).toEqual(['', '']);
  });

  it('skips text, quoted sheet names, array constants and structured references', () => {
    expect(findMktCalls('="MKT.ROI_RATIO(1,2)"')).toEqual([]);
    expect(findMktCalls("=SUM('MKT.ROI_RATIO('!A1)")).toEqual([]);
    expect(findMktCalls('=XMKT.ROI_RATIO(1,2)+A_xldudf_MKT_LTV(1)')).toEqual([]);
    expect(findMktCalls('=MKT_ROI_LOW+1')).toEqual([]);
    expect(findMktCalls('plain text')).toEqual([]);
    const [call] = findMktCalls('=MKT.ALLOCATE(1000,{1,2;3,"a,)"},Budget[[#This Row],[Spend, €]])');
    expect(call.args).toEqual(['1000', '{1,2;3,"a,)"}', 'Budget[[#This Row],[Spend, €]]']);
  });

  it('marks a name after the MKT namespace that is no MKT function as unknown', () => {
    expect(summary('=MKT.NOPE(1)')[0]).toMatchObject({ id: 'NOPE', known: false });
  });

  it('reads a formula cut short without throwing', () => {
    const [call] = findMktCalls('=MKT.ROI_RATIO(B2,C2');
    expect(call).toMatchObject({ id: 'ROI_RATIO', args: ['B2', 'C2'], closed: false });
    expect(findMktCalls('=MKT.ROI_RATIO(B2))))')[0].closed).toBe(true);
  });

  it('reads a formula of 200 000 nested parentheses and 100 000 terms without overflowing the stack', () => {
    const deep = `=${'('.repeat(200_000)}MKT.LTV(1,0.5)${')'.repeat(200_000)}`;
    expect(findMktCalls(deep).map((c) => c.id)).toEqual(['LTV']);
    const nested = `=${'MKT.LABEL('.repeat(20_000)}"FULL"${')'.repeat(20_000)}`;
    const calls = findMktCalls(nested);
    expect(calls).toHaveLength(20_000);
    expect(calls[19_999].parent).toBe(19_998);
    const long = `=${Array.from({ length: 100_000 }, (_, i) => `A${i + 1}`).join('+')}-x-y-z`.repeat(1);
    expect(findMktCalls(long)).toEqual([]);
  });

  it('gives spans that cut the formula back into its calls and arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('B2', '"t,x"', 'SUM(A1,A2)', '', "'My sheet'!A1", '{1,2}'), { maxLength: 4 }), (args) => {
        const formula = `=1+MKT.ROI_RATIO(${args.join(',')})`;
        const [call] = findMktCalls(formula);
        expect(formula.slice(call.span.start, call.span.end)).toBe(`MKT.ROI_RATIO(${args.join(',')})`);
        expect(call.argSpans.map((s) => formula.slice(s.start, s.end).trim())).toEqual(call.args);
        expect(call.args).toEqual(args.length === 1 && args[0] === '' ? [] : args);
      }),
    );
  });
});

describe('hasMktCall', () => {
  it('is true for every form and false for a mention in text', () => {
    expect(hasMktCall('=IF(A1>0,_xldudf_MKT_ROI_BAND(A1),"")')).toBe(true);
    expect(hasMktCall('=[1]!_xldudf_MKT_LTV(1,0.5)')).toBe(true);
    expect(hasMktCall('="see MKT.LTV(1,0.5)"')).toBe(false);
  });
});

describe('toDottedForm and toStoredForm', () => {
  it('rewrite only the callees, in English, prefixes removed', () => {
    expect(toDottedForm('=[1]!_xldudf_MKT_RATIO_ROI(B2,C2)*2')).toBe('=MKT.ROI_RATIO(B2,C2)*2');
    expect(toDottedForm("=ROUND('[x.xlam]x'!MKT.LTV(B2,\"MKT.LTV(\"),1)")).toBe('=ROUND(MKT.LTV(B2,"MKT.LTV("),1)');
    expect(toStoredForm('MKT.ROI_BAND(MKT.ROI_RATIO(B2,C2))')).toBe('_xldudf_MKT_ROI_BAND(_xldudf_MKT_ROI_RATIO(B2,C2))');
    expect(toDottedForm(toStoredForm('=mkt.zone_roi(A1)'))).toBe('=MKT.ROI_BAND(A1)');
    expect(toDottedForm('=SUM(A1:A3)')).toBe('=SUM(A1:A3)');
  });
});

describe('mapMktCalls', () => {
  it('replaces calls bottom-up, nested calls first, and keeps the rest of the formula', () => {
    const out = mapMktCalls('=ROUND(MKT.ROI_BAND(MKT.ROI_RATIO(B2,C2),3),1)+MKT.LTV(1,0.5)', (call, args) => `${call.id.toLowerCase()}[${args.join('|')}]`);
    expect(out).toBe('=ROUND(roi_band[roi_ratio[B2|C2]|3],1)+ltv[1|0.5]');
  });

  it('handles two nested calls in one argument and deep nesting', () => {
    expect(mapMktCalls('=MKT.LABEL(MKT.LTV(1,2)&MKT.LTV(3,4))', (c, a) => `${c.id}(${a.join(';')})`)).toBe('=LABEL(LTV(1;2)&LTV(3;4))');
    const nested = `=${'MKT.LABEL('.repeat(5000)}"x"${')'.repeat(5000)}`;
    expect(mapMktCalls(nested, (_, a) => `L(${a[0]})`)).toBe(`=${'L('.repeat(5000)}"x"${')'.repeat(5000)}`);
  });
});
