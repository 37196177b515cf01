/**
 * Repair on the Excel fake: exactly the MKT formulas Excel will not calculate are re-entered
 * (prefix removed, MKT.ID in English), a protected sheet is reported and left untouched, nothing
 * else is written, the sync count does not grow with the cells, and a refused write is undone.
 */
import { planSheetRepair, repairMktFormulas, repairNeedOf } from '../../src/excel';
import { FRENCH_FUNCTION_NAMES } from '../../src/excel/repair/bind';
import { FakeWorkbook, installFake, type FakeSheet } from '../support/excel-fake';

function stuck(sheet: FakeSheet, address: string, formula: string, value: string | number | null = '#NAME?') {
  sheet.put(address, [[null]]);
  Object.assign(sheet.get(address)!, { formula, value });
}

/** Three sheets with stuck cells, one of them protected, among cells that must stay as they are. */
function workbookWithStuckCells() {
  const workbook = new FakeWorkbook();
  const budget = workbook.addSheet('Budget');
  budget.put('A1', [[100], [200], [300]]);
  stuck(budget, 'B1', '=MKT.ROI_RATIO(A1:A3,A1:A3)'); // typed while MKT was not loaded
  stuck(budget, 'B2', '=SUM(A1:A3)', 600); // native: never touched
  stuck(budget, 'B3', '=MKT.ROI_BAND(2)', 'below'); // bound: computes, not touched
  stuck(budget, 'B4', '=_xldudf_MKT_ROI_BAND(B1)'); // shown with its stored name: not bound
  stuck(budget, 'B5', '=IF(B1>0,[1]!_xldudf_MKT_LTV(100,0.8),"")'); // behind another add-in's file
  stuck(budget, 'B6', '=MKT.NOPE(1)'); // no such MKT function: re-entering would not help
  stuck(budget, 'C1', '="MKT.ROI_RATIO("&A1', 'MKT.ROI_RATIO(100'); // text, not a call
  budget.get('B1')!.numberFormat = '0.0';
  const ventes = workbook.addSheet('Ventes 2025');
  stuck(ventes, 'D10', '=MKT.RATIO_ROI(A1,A2)'); // a French name
  stuck(ventes, 'D11', "='C:\\Addins\\[other.xlam]x'!MKT.ROI_RATIO(A1,A2)");
  const locked = workbook.addSheet('Protégée');
  stuck(locked, 'A1', '=MKT.LTV(100,0.8)');
  stuck(locked, 'A2', '=_xldudf_MKT_LTV(100,0.8)');
  locked.protected = true;
  return { workbook, budget, ventes, locked };
}

const formulasOf = (workbook: FakeWorkbook) =>
  Object.fromEntries(workbook.sheets.flatMap((s) => Object.entries(s.snapshot()).map(([a, c]) => [`${s.name}!${a}`, c.formula ?? c.value])));

describe('repairNeedOf', () => {
  it('re-enters a prefixed form whatever its value, and the plain form only when it shows #NAME?', () => {
    expect(repairNeedOf('=[1]!_xldudf_MKT_RATIO_ROI(B2,C2)*2', 4)).toEqual({ kind: 'repair', formula: '=MKT.ROI_RATIO(B2,C2)*2' });
    expect(repairNeedOf('=MKT.ROI_RATIO(B2,C2)', '#NAME?')).toEqual({ kind: 'repair', formula: '=MKT.ROI_RATIO(B2,C2)' });
    expect(repairNeedOf('=MKT.ROI_RATIO(B2,C2)', '#NOM?')).toEqual({ kind: 'repair', formula: '=MKT.ROI_RATIO(B2,C2)' });
    expect(repairNeedOf('=MKT.ROI_RATIO(B2,C2)', 4)).toEqual({ kind: 'none' });
    expect(repairNeedOf('=SUM(A1)', '#NAME?')).toEqual({ kind: 'none' });
    expect(repairNeedOf('=MKT.NOPE(1)', '#NAME?')).toEqual({ kind: 'unknownFunction' });
    expect(repairNeedOf(12, 12)).toEqual({ kind: 'none' });
  });

  it('plans one write per column run of cells to repair', () => {
    const plan = planSheetRepair([
      { address: 'S!B2:C4', formulas: [['=MKT.LTV(1,0.5)', '=A1'], ['=MKT.LTV(2,0.5)', '=MKT.LTV(3,0.5)'], ['=A3', '=MKT.LTV(4,0.5)']], values: [['#NAME?', 1], ['#NAME?', '#NAME?'], [3, '#NAME?']] },
    ]);
    expect(plan.writes.map((w) => [w.address, w.formulas.flat()])).toEqual([
      ['B2:B3', ['=MKT.LTV(1,0.5)', '=MKT.LTV(2,0.5)']],
      ['C3:C4', ['=MKT.LTV(3,0.5)', '=MKT.LTV(4,0.5)']],
    ]);
    expect(plan.cells).toBe(4);
  });

  it('leaves a legacy {=…} ALLOCATE array (the same formula in each cell) to the user instead of writing part of it', () => {
    const f = '=MKT.ALLOCATE(B1,B2:B4,C2:C4)';
    const plan = planSheetRepair([{ address: 'S!F2:F4', formulas: [[f], [f], [f]], values: [['#NAME?'], ['#NAME?'], ['#NAME?']] }]);
    expect(plan).toEqual({ writes: [], cells: 0, unknownFunction: 0, legacyArrays: ['F2:F4'] });
    // ALLOCATE_MARGINAL spills a column too: writing one cell of its legacy array would make Excel refuse the whole batch.
    const m = '=MKT.ALLOCATE_MARGINAL(B1,C2:H4,C6:H8)';
    expect(planSheetRepair([{ address: 'S!J2:J4', formulas: [[m], [m], [m]], values: [['#NAME?'], ['#NAME?'], ['#NAME?']] }])).toEqual({
      writes: [],
      cells: 0,
      unknownFunction: 0,
      legacyArrays: ['J2:J4'],
    });
    // COST_PATHS spills rows of three: each column of its legacy array is one such run.
    const p = '=MKT.COST_PATHS(B1,B2,B3,3,4,0.25,3)';
    const names = [['#NAME?', '#NAME?', '#NAME?'], ['#NAME?', '#NAME?', '#NAME?'], ['#NAME?', '#NAME?', '#NAME?']];
    expect(planSheetRepair([{ address: 'S!D2:F4', formulas: [[p, p, p], [p, p, p], [p, p, p]], values: names }]).legacyArrays).toEqual(['D2:D4', 'E2:E4', 'F2:F4']);
    const copies = planSheetRepair([{ address: 'S!F2:F3', formulas: [['=MKT.LTV(A2,0.8)'], ['=MKT.LTV(A2,0.8)']], values: [['#NAME?'], ['#NAME?']] }]);
    expect(copies.cells).toBe(2);
  });
});

describe('repairMktFormulas', () => {
  it('re-enters exactly the stuck cells with the right text, reports the protected sheet, writes nothing else', async () => {
    const { workbook, budget, locked } = workbookWithStuckCells();
    installFake(workbook);
    const before = formulasOf(workbook);
    const formatsBefore = JSON.stringify(workbook.sheets.map((s) => [s.formats, s.conditionalFormats]));
    const result = await repairMktFormulas('fr');
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;

    const after = formulasOf(workbook);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    // Budget!B1 keeps its text (it is re-entered as it is: see the writes below).
    expect(Object.fromEntries(changed.map((k) => [k, after[k]]))).toEqual({
      'Budget!B4': '=MKT.ROI_BAND(B1)',
      'Budget!B5': '=IF(B1>0,MKT.LTV(100,0.8),"")',
      'Ventes 2025!D10': '=MKT.ROI_RATIO(A1,A2)',
      'Ventes 2025!D11': '=MKT.ROI_RATIO(A1,A2)',
    });
    // B1 kept its text but was re-entered: it binds (no longer #NAME?), its format untouched.
    expect(budget.get('B1')).toEqual({ formula: '=MKT.ROI_RATIO(A1:A3,A1:A3)', value: null, numberFormat: '0.0' });
    expect(budget.get('B6')!.value).toBe('#NAME?');
    expect(locked.get('A1')).toEqual({ formula: '=MKT.LTV(100,0.8)', value: '#NAME?' });
    expect(JSON.stringify(workbook.sheets.map((s) => [s.formats, s.conditionalFormats]))).toBe(formatsBefore);
    const writes = workbook.log.filter((op) => op.op !== 'load' && op.op !== 'loadItems');
    expect(writes.map((op) => (op.data as string[][]).flat())).toEqual([
      ['=MKT.ROI_RATIO(A1:A3,A1:A3)'],
      ['=MKT.ROI_BAND(B1)', '=IF(B1>0,MKT.LTV(100,0.8),"")'],
      ['=MKT.ROI_RATIO(A1,A2)', '=MKT.ROI_RATIO(A1,A2)'],
    ]);

    expect(result.value).toMatchObject({
      total: 5,
      repaired: [
        { sheet: 'Budget', cells: 3 },
        { sheet: 'Ventes 2025', cells: 2 },
      ],
      protectedSheets: [{ sheet: 'Protégée', cells: 2 }],
      unknownFunction: [{ sheet: 'Budget', cells: 1 }],
      legacyArrays: [],
    });
    expect(result.value.message).toBe(
      '5 formules MKT ressaisies : « Budget » (3), « Ventes 2025 » (2). ' +
        'Feuille(s) protégée(s), laissée(s) telle(s) quelle(s) : « Protégée » (2). Ôtez la protection (Révision › Ôter la protection de la feuille), puis relancez Réparer. ' +
        'Non réparée(s), car la fonction n’existe pas dans MKT (#NOM? restera) : « Budget » (1). Corrigez le nom de la fonction.',
    );
  });

  it('says in English that there is nothing to repair a second time, without writing', async () => {
    const { workbook } = workbookWithStuckCells();
    installFake(workbook);
    await repairMktFormulas('en');
    workbook.log = [];
    const again = await repairMktFormulas('en');
    expect(again.status === 'ok' && again.value.total).toBe(0);
    expect(again.status === 'ok' && again.value.message).toMatch(/^Protected sheet\(s\) left untouched: "Protégée" \(2\)/);
    expect(workbook.log.filter((op) => op.op === 'set')).toEqual([]);
  });

  it('uses the same number of syncs for 10 and 10 000 stuck cells', async () => {
    const syncsFor = async (n: number) => {
      const workbook = new FakeWorkbook();
      for (const name of ['Un', 'Deux', 'Trois']) {
        const sheet = workbook.addSheet(name);
        for (let i = 0; i < n; i++) stuck(sheet, `B${i + 1}`, i % 2 ? `=MKT.LTV(A${i + 1},0.8)` : `=_xldudf_MKT_LTV(A${i + 1},0.8)`);
      }
      installFake(workbook);
      const result = await repairMktFormulas('en');
      expect(result.status === 'ok' && result.value.total).toBe(3 * n);
      return workbook.syncs;
    };
    const small = await syncsFor(10);
    expect(small).toBe(4);
    expect(await syncsFor(10_000)).toBe(small);
  });

  it('puts every cell back when Excel refuses the write half-way, and says nothing was changed', async () => {
    const { workbook } = workbookWithStuckCells();
    installFake(workbook);
    const before = formulasOf(workbook);
    let writes = 0;
    workbook.failOn = (op) => op.op === 'set' && ++writes === 2;
    const result = await repairMktFormulas('en');
    expect(result).toMatchObject({ status: 'error' });
    expect(result.status === 'error' && result.message).toMatch(/nothing was changed\.$/);
    expect(formulasOf(workbook)).toEqual(before);
  });

  it('reports a workbook without any formula as nothing to repair', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('Vide');
    installFake(workbook);
    expect(await repairMktFormulas('fr')).toMatchObject({ status: 'ok', value: { total: 0, message: 'Aucune formule MKT à réparer : Excel les calcule toutes.' } });
    expect(workbook.syncs).toBe(2);
  });

  describe('under a French display language (office-js issue 891)', () => {
    afterEach(() => delete (globalThis as { Office?: unknown }).Office);
    const frenchWorkbook = (host: { bindsEnglishNames?: boolean } = {}) => {
      const workbook = new FakeWorkbook({ listSeparator: ';', displayLanguage: 'fr-FR', localFunctionNames: { ...FRENCH_FUNCTION_NAMES }, ...host });
      const sheet = workbook.addSheet('Budget');
      sheet.put('A1', [[100], [200], [300]]);
      stuck(sheet, 'B1', '=MKT.ROI_RATIO(A1:A3,A1:A3)'); // written in English by an older pane: #NOM?
      sheet.get('B1')!.unbound = true;
      stuck(sheet, 'B2', '=IF(B1>0,_xldudf_MKT_ROI_BAND(B1),"")');
      stuck(sheet, 'B3', '=[1]!_xldudf_MKT_LTV(100,0.8)');
      stuck(sheet, 'B4', '=SUM(A1:A3)', 600);
      return { workbook, sheet };
    };

    it('re-enters through formulasLocal with the French names, so the cells bind, in the same 4 syncs', async () => {
      (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'fr-FR' } };
      const { workbook, sheet } = frenchWorkbook();
      installFake(workbook);
      const result = await repairMktFormulas('fr');
      expect(result).toMatchObject({ status: 'ok', value: { total: 3 } });
      expect(workbook.syncs).toBe(4);
      for (const at of ['B1', 'B2', 'B3']) expect(sheet.get(at)!.unbound).toBeFalsy();
      expect(sheet.get('B1')!.formula).toBe('=MKT.ROI_RATIO(A1:A3,A1:A3)');
      expect(sheet.get('B2')!.formula).toBe('=IF(B1>0,MKT.ROI_BAND(B1),"")');
      expect(sheet.get('B3')!.formula).toBe('=MKT.LTV(100,0.8)');
      expect(sheet.get('B4')).toEqual({ formula: '=SUM(A1:A3)', value: 600 });
      // A second run finds nothing left.
      const again = await repairMktFormulas('fr');
      expect(again).toMatchObject({ status: 'ok', value: { total: 0 } });
    });

    it('puts the local formulas back when Excel refuses the write', async () => {
      (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'fr-FR' } };
      const { workbook, sheet } = frenchWorkbook();
      installFake(workbook);
      const before = ['B1', 'B2', 'B3'].map((at) => sheet.get(at)!.formula);
      let writes = 0;
      workbook.failOn = (op) => op.op === 'set' && ++writes === 1;
      expect(await repairMktFormulas('fr')).toMatchObject({ status: 'error' });
      expect(['B1', 'B2', 'B3'].map((at) => sheet.get(at)!.formula)).toEqual(before);
    });
  });
});
