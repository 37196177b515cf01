/**
 * What the pane writes into a user's workbook, and how it behaves there: sheets, formulas, names,
 * formats, highlights and charts for a 12-channel monthly budget; text stays text; user cells are
 * never overwritten; Excel's refusals become messages and leave the workbook as it was.
 */
import {
  readSource,
  writeArbitrage,
  writeDiagnostic,
  writeInternalisation,
  writePilot,
  writeTransfer,
  listTables,
  THRESHOLD_NAMES,
} from '../../src/excel';
import type { SourceData, WorkbookProfile } from '../../src/excel';
import { FakeSheet, FakeWorkbook, installFake } from '../support/excel-fake';
import { monthlyBudget } from './fixtures';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };
const QC_EN: WorkbookProfile = { lang: 'en', region: 'QC' };
const HOSTILE = '=HYPERLINK("http://x";"y")';

async function source(workbook: FakeWorkbook, profile: WorkbookProfile = FR): Promise<SourceData> {
  installFake(workbook);
  const read = await readSource({ selection: true }, profile);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  return read.value;
}

async function diagnosed(profile: WorkbookProfile = FR) {
  const { workbook, sheet } = monthlyBudget();
  const data = await source(workbook, profile);
  const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile });
  return { workbook, sheet, data, result };
}

/** Every formula and value written anywhere, as text, for "never a formula" checks. */
function allFormulas(workbook: FakeWorkbook): string[] {
  return workbook.sheets.flatMap((s) => Object.values(s.snapshot()).flatMap((c) => (c.formula ? [c.formula] : [])));
}

const formula = (sheet: FakeSheet | undefined, a1: string) => sheet?.get(a1)?.formula;
const value = (sheet: FakeSheet | undefined, a1: string) => sheet?.get(a1)?.value;
const format = (sheet: FakeSheet | undefined, a1: string) => sheet?.get(a1)?.numberFormat;

describe('reading the source', () => {
  it('recognises the 12-channel monthly budget from the selection', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    expect(data.source).toMatchObject({ sheetName: 'Budget 2025', address: "'Budget 2025'!A1:Y17", rowCount: 17, columnCount: 25 });
    expect(data.layout).toMatchObject({ kind: 'monthly', headerRow: 3, firstDataRow: 4, lastDataRow: 15, confident: true });
    expect(data.channels).toHaveLength(12);
    expect(data.channels[1]).toEqual({ name: 'Meta Ads', spend: 1386, revenue: 2772 });
    expect(data.complete).toBe(true);
    expect(workbook.syncs).toBe(1);
  });

  it('reads a table by name, and reports a missing one', async () => {
    const { workbook, sheet } = monthlyBudget();
    workbook.tables.push({ name: 'Budget', sheet, rect: { row: 3, column: 0, rows: 14, columns: 25 } });
    installFake(workbook);
    const read = await readSource({ table: 'Budget' }, FR);
    expect(read.status === 'ok' && read.value.source).toMatchObject({ address: "'Budget 2025'!A4:Y17", tableName: 'Budget' });
    const missing = await readSource({ table: 'Nope' }, FR);
    expect(missing).toMatchObject({ status: 'error', code: 'sourceMissing' });
    expect(await listTables('fr')).toEqual({ status: 'ok', value: ['Budget'] });
  });

  it('reports an empty selection', async () => {
    const workbook = new FakeWorkbook();
    workbook.select(workbook.addSheet('Feuil1'), 'A1:C3');
    installFake(workbook);
    expect(await readSource({ selection: true }, FR)).toMatchObject({ status: 'error', code: 'emptySource', message: expect.stringContaining('sélection est vide') });
  });
});

describe('Diagnostic sheet for a 12-channel monthly budget (France)', () => {
  it('writes live per-channel formulas referencing the source cells', async () => {
    const { workbook, result } = await diagnosed();
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Diagnostic', replaced: false } });
    const d = workbook.sheet('Diagnostic');
    expect(formula(d, 'A5')).toBe(`='Budget 2025'!$A5&""`);
    expect(formula(d, 'B5')).toBe(`=SUM('Budget 2025'!$B5:$M5)`);
    expect(formula(d, 'C5')).toBe(`=SUM('Budget 2025'!$N5:$Y5)`);
    expect(formula(d, 'D5')).toBe(`=MKT.ROI_RATIO('Budget 2025'!$N5:$Y5,'Budget 2025'!$B5:$M5)`);
    expect(formula(d, 'E5')).toBe('=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)');
    expect(formula(d, 'F5')).toBe('=MKT.LABEL(E5,"fr")');
    // The twelfth channel, filled down: references walk the source rows.
    expect(formula(d, 'D16')).toBe(`=MKT.ROI_RATIO('Budget 2025'!$N16:$Y16,'Budget 2025'!$B16:$M16)`);
    expect(formula(d, 'E16')).toBe('=MKT.ROI_BAND(D16,MKT_ROI_LOW,MKT_ROI_HIGH)');
    // The source's Total row is not a channel.
    expect(d?.get('A17')).toBeUndefined();
  });

  it('writes totals, headers as text and currency formats in euros', async () => {
    const { workbook } = await diagnosed();
    const d = workbook.sheet('Diagnostic');
    expect(value(d, 'A3')).toBe('Total');
    expect(formula(d, 'B3')).toBe('=SUM(B5:B16)');
    expect(formula(d, 'D3')).toBe('=MKT.ROI_RATIO(C3,B3)');
    expect(formula(d, 'E3')).toBe('=MKT.ROI_BAND(D3,MKT_ROI_LOW,MKT_ROI_HIGH)');
    expect(value(d, 'B4')).toBe('Dépenses');
    expect(format(d, 'B4')).toBe('@');
    for (const cell of ['B3', 'B5', 'C16']) expect(format(d, cell)).toBe('#,##0 [$€-40C]');
    expect(format(d, 'D16')).toBe('0.0":1"');
  });

  it('highlights channels below target and charts the ratio against the band', async () => {
    const { workbook } = await diagnosed();
    const d = workbook.sheet('Diagnostic')!;
    expect(d.conditionalFormats).toEqual([{ address: 'A5:H16', type: 'Custom', formula: '=$E5="BELOW"', fill: '#F8CBAD', font: '#9C0006' }]);
    expect(d.charts).toHaveLength(1);
    expect(d.charts[0]).toMatchObject({
      name: 'MKT_DIAGNOSTIC_ROI',
      type: 'ColumnClustered',
      title: 'ROAS (CA ÷ dépense) par canal et cible 3:1–5:1',
      series: [
        { values: 'D5:D16', xValues: 'A5:A16' },
        { name: 'Cible basse', values: 'G5:G16', chartType: 'Line' },
        { name: 'Cible haute', values: 'H5:H16', chartType: 'Line' },
      ],
    });
    expect(formula(d, 'G16')).toBe('=MKT_ROI_LOW');
  });

  it('creates the assumptions sheet with every threshold as a workbook-scoped named cell', async () => {
    const { workbook, result } = await diagnosed();
    const h = workbook.sheet('Hypothèses');
    expect(h).toBeDefined();
    const names = Object.fromEntries(workbook.names.map((n) => [n.name, workbook.nameFormula(n)]));
    for (const name of THRESHOLD_NAMES) expect(names[name]).toMatch(/^='Hypothèses'!\$B\$\d+$/);
    expect(names.MKT_ROI_LOW).toBe("='Hypothèses'!$B$5");
    expect(value(h, 'B5')).toBe(3);
    expect(value(h, 'B6')).toBe(5);
    expect(value(h, 'B7')).toBe(3); // MKT_FLOOR
    expect(value(h, 'B8')).toBe(1.5); // MKT_CAP
    expect(value(h, 'B11')).toBe('standard'); // MKT_PROFILE, as text
    expect(value(h, 'B12')).toBe(1); // MKT_TIER_SCALE
    // The reference values sit apart, under a title that says no written formula reads them.
    expect(value(h, 'A16')).toMatch(/lecture seule/);
    expect(names.MKT_CRITICAL_MASS_STRONG).toBe("='Hypothèses'!$B$17");
    expect(formula(h, 'B17')).toBe('=MKT_CRITICAL_MASS+0.1');
    expect(value(h, 'E5')).toContain('https://www.antoine-blot.com/blogue/marketing-externalise-pme-quebec/');
    // The record: the block's bounding box, then exactly the cells the pane wrote, one hidden name
    // per area (B1:J1, C2:J2, G3:H3 are not its cells), so no list separator is involved.
    expect(names.MKT_SHEET_DIAGNOSTIC).toBe('=Diagnostic!$A$1:$J$16');
    expect([1, 2, 3, 4, 5, 6, 7].map((k) => names[`MKT_SHEET_DIAGNOSTIC_${k}`]).sort()).toEqual(
      ['=Diagnostic!$A$1', '=Diagnostic!$A$2:$B$2', '=Diagnostic!$A$3:$F$3', '=Diagnostic!$I$3:$J$3', '=Diagnostic!$A$4:$J$4', '=Diagnostic!$A$5:$I$16', undefined].sort(),
    );
    expect(workbook.names.filter((n) => /^MKT_SHEET_DIAGNOSTIC_\d+$/.test(n.name)).every((n) => n.visible === false)).toBe(true);
    expect(result.status === 'ok' && result.value.names).toContain('MKT_FLOOR');
  });

  it('suspends calculation and screen updating for the write batch', async () => {
    const { workbook } = await diagnosed();
    expect(workbook.calcSuspended).toBe(1);
    expect(workbook.screenSuspended).toBe(1);
  });

  it('uses Canadian dollars and English names for Québec in English', async () => {
    const { workbook } = await diagnosed(QC_EN);
    const d = workbook.sheet('Diagnostic');
    expect(format(d, 'B5')).toBe('[$$-1009]#,##0');
    expect(formula(d, 'F5')).toBe('=MKT.LABEL(E5,"en")');
    expect(workbook.sheet('Assumptions')).toBeDefined();
  });
});

describe('the other sheets', () => {
  it('Internalisation: an inputs block (values or references) and the five MKT formulas', async () => {
    const { workbook } = monthlyBudget();
    installFake(workbook);
    const result = await writeInternalisation({
      profile: { ...FR, budgetProfile: 'clickable' },
      weeklyHours: { value: 45 },
      externalFees: { ref: "'Budget 2025'!B5:M5" },
      loadedSalary: { value: 100000 },
      dataNeed: { value: false },
      monthlyBudget: { value: 1800 },
    });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Internalisation' } });
    const s = workbook.sheet('Internalisation');
    expect(value(s, 'B3')).toBe(45);
    // A picked range is summed, never spilled (a spill would leave MKT.FEES_TO_SALARY with January only).
    expect(formula(s, 'B4')).toBe("=SUM('Budget 2025'!$B$5:$M$5)");
    expect(format(s, 'B5')).toBe('#,##0 [$€-40C]');
    expect(value(s, 'B6')).toBe(false);
    expect(formula(s, 'B9')).toBe('=MKT.INTERNALISE_SIGNAL(B3,B4,B5,B6,MKT_COMPLEXITY_HOURS,MKT_CRITICAL_MASS)');
    expect(formula(s, 'B10')).toBe('=MKT.INTERNALISE_SCORE(B3,B4,B5,B6,MKT_COMPLEXITY_HOURS,MKT_CRITICAL_MASS)');
    expect(formula(s, 'B11')).toBe('=MKT.FEES_TO_SALARY(B4,B5)');
    expect(formula(s, 'B12')).toBe('=MKT.BREAKEVEN_FEES(B5,MKT_CRITICAL_MASS)');
    expect(formula(s, 'B13')).toBe('=MKT.BUDGET_TIER(B7,MKT_PROFILE,MKT_TIER_SCALE)');
    expect(formula(s, 'B14')).toBe('=MKT.DECISION(B9,B13)');
    expect(formula(s, 'C14')).toBe('=MKT.LABEL(B14,"fr")');
    expect(value(workbook.sheet('Hypothèses'), 'B11')).toBe('clickable');
  });

  it('a picked single cell stays a plain reference; a picked range is summed', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { ref: "'Budget 2025'!B5" } });
    expect(formula(workbook.sheet('Arbitrage'), 'B2')).toBe("='Budget 2025'!$B$5");
    await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { ref: "'Budget 2025'!B5:M5" } }, { replace: true });
    expect(formula(workbook.sheet('Arbitrage'), 'B2')).toBe("=SUM('Budget 2025'!$B$5:$M$5)");
  });

  it('Internalisation: refuses a reference that is not a cell, before writing anything', async () => {
    const { workbook } = monthlyBudget();
    installFake(workbook);
    const before = workbook.snapshot();
    const result = await writeInternalisation({
      profile: FR,
      weeklyHours: { ref: 'B3)+HYPERLINK("http://x")' },
      externalFees: { value: 1 },
      loadedSalary: { value: 1 },
      dataNeed: { value: true },
      monthlyBudget: { value: 1 },
    });
    expect(result).toMatchObject({ status: 'error', code: 'invalidInput' });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('refuses a pick inside the block being written (a circular reference) or on a sheet that no longer exists', async () => {
    const { workbook } = monthlyBudget();
    installFake(workbook);
    const input = { profile: FR, weeklyHours: { value: 45 }, externalFees: { value: 60000 }, loadedSalary: { value: 100000 }, dataNeed: { value: false }, monthlyBudget: { value: 1800 } };
    await writeInternalisation(input);
    const before = workbook.snapshot();
    const circular = await writeInternalisation({ ...input, monthlyBudget: { ref: 'Internalisation!B9' } }, { replace: true });
    expect(circular).toMatchObject({ status: 'error', code: 'invalidInput', message: expect.stringContaining('la formule se lirait elle-même') });
    const gone = await writeInternalisation({ ...input, externalFees: { ref: "'Budget 2024'!B5:M5" } }, { replace: true });
    expect(gone).toMatchObject({ status: 'error', code: 'invalidInput', message: expect.stringContaining('« Budget 2024 » n’existe plus') });
    expect(workbook.snapshot()).toEqual(before);
    // Outside the block, on the same sheet: fine.
    expect((await writeInternalisation({ ...input, monthlyBudget: { ref: 'Internalisation!E2' } }, { replace: true })).status).toBe('ok');
  });

  it('Arbitrage: one MKT.ALLOCATE spilling beside the channels, current vs proposed, change and chart', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    const result = await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 30000 } });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Arbitrage' } });
    const a = workbook.sheet('Arbitrage');
    expect(value(a, 'B2')).toBe(30000);
    expect(formula(a, 'E5')).toBe('=MKT.ALLOCATE($B$2,B5:B16,C5:C16,MKT_FLOOR,MKT_CAP)');
    expect(formula(a, 'E6')).toBeUndefined(); // the spill area is left free
    expect(format(a, 'E16')).toBe('#,##0 [$€-40C]');
    // Today's monthly spend: the history's total ÷ its months, months without spend counted.
    expect(formula(a, 'B16')).toBe(`=SUM('Budget 2025'!$B16:$M16)/COLUMNS('Budget 2025'!$B16:$M16)`);
    expect(formula(a, 'F16')).toBe('=E16-B16');
    expect(formula(a, 'E3')).toBe('=SUM(E5:E16)');
    expect(a?.charts[0]).toMatchObject({ name: 'MKT_ARBITRAGE_SPEND', series: [{ values: 'B5:B16' }, { name: 'Proposé (MKT.ALLOCATE)', values: 'E5:E16' }] });
    expect(a?.conditionalFormats[0]).toMatchObject({ formula: '=AND($B5>0,$E5=0)' });
  });

  it('Transfert: decisions and the handover checklist below the thresholds, on the same sheet', async () => {
    const { workbook } = await diagnosed();
    const result = await writeTransfer({ profile: FR, decisions: [{ text: 'Couper Google Ads', note: 'ROI 1:1' }], extraChecklist: ['Mot de passe du CRM'] });
    // The assumptions sheet existed without decisions: nothing of the user's is replaced, no question.
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Hypothèses', replaced: true } });
    const h = workbook.sheet('Hypothèses')!;
    const cells = h.snapshot();
    const texts = Object.values(cells).map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(['Décisions prises', 'Couper Google Ads', 'ROI 1:1', 'Mot de passe du CRM', 'Fait (oui/non)']));
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Accès et propriété des comptes')]));
    expect(h.validations[0]).toMatchObject({ rule: { list: { source: 'oui,non' } } });
    expect(workbook.names.find((n) => n.name === 'MKT_SHEET_TRANSFER')).toBeDefined();
  });

  it('Transfert: keeps a threshold an accountant changed', async () => {
    const { workbook } = await diagnosed();
    workbook.sheet('Hypothèses')!.put('B5', [[2.5]]); // MKT_ROI_LOW
    await writeTransfer({ profile: FR, decisions: [] });
    const again = await writeTransfer({ profile: FR, decisions: [] });
    expect(again.status).toBe('needsConfirmation');
    await writeTransfer({ profile: FR, decisions: [] }, { replace: true });
    expect(value(workbook.sheet('Hypothèses'), 'B5')).toBe(2.5);
  });

  it('every write sets MKT_PROFILE to the pane’s profile, and says so when that changes it', async () => {
    const { workbook, data } = await diagnosed();
    const h = () => workbook.sheet('Hypothèses');
    expect(value(h(), 'B11')).toBe('standard');
    const internal = await writeInternalisation({
      profile: { ...FR, budgetProfile: 'clickable' },
      weeklyHours: { value: 45 }, externalFees: { value: 1 }, loadedSalary: { value: 1 }, dataNeed: { value: false }, monthlyBudget: { value: 1800 },
    });
    expect(value(h(), 'B11')).toBe('clickable');
    expect(format(h(), 'B11')).toBe('@');
    expect(internal.status === 'ok' && internal.value.message).toContain('« standard » à « clickable »');
    const transfer = await writeTransfer({ profile: { ...FR, budgetProfile: 'high_margin' }, decisions: [] });
    expect(value(h(), 'B11')).toBe('high_margin');
    expect(transfer.status === 'ok' && transfer.value.message).toContain('« clickable » à « high_margin »');
    const same = await writeDiagnostic({ source: data.source, layout: data.layout, profile: { ...FR, budgetProfile: 'high_margin' } }, { replace: true });
    expect(same.status === 'ok' && same.value.message).toBeUndefined();
  });

  it('a missing or #REF! threshold name is re-created on the existing assumptions sheet, keeping an edited MKT_ROI_LOW=2.5', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    const h = workbook.sheet('Hypothèses')!;
    h.put('B5', [[2.5]]); // MKT_ROI_LOW, edited by the accountant
    h.put('B6', [[6]]); // MKT_ROI_HIGH, edited, then its name broken
    h.rows.get(6)!.delete(1); // MKT_FLOOR's cell emptied, and its name deleted
    workbook.names = workbook.names.filter((n) => n.name !== 'MKT_FLOOR');
    workbook.names.find((n) => n.name === 'MKT_ROI_HIGH')!.sheet = new FakeSheet('supprimée'); // =#REF!
    const result = await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 1000 } });
    expect(result.status).toBe('ok');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Budget 2025', 'Diagnostic', 'Hypothèses', 'Arbitrage']);
    const names = Object.fromEntries(workbook.names.map((n) => [n.name, workbook.nameFormula(n)]));
    for (const name of THRESHOLD_NAMES) expect(names[name]).toMatch(/^='Hypothèses'!\$B\$\d+$/);
    expect(names.MKT_ROI_LOW).toBe("='Hypothèses'!$B$5");
    expect(names.MKT_ROI_HIGH).toBe("='Hypothèses'!$B$6");
    expect(names.MKT_FLOOR).toBe("='Hypothèses'!$B$7");
    expect(value(h, 'B5')).toBe(2.5);
    expect(value(h, 'B6')).toBe(6);
    expect(value(h, 'B7')).toBe(3); // the empty cell gets the default
  });

  it('Pilote: three months of target vs actual and reporting, ending in MKT.PILOT_VERDICT', async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet('Feuil1');
    installFake(workbook);
    const result = await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [40, 50, 60], useRoi: true });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Pilote' } });
    const p = workbook.sheet('Pilote');
    expect(value(p, 'B2')).toBe('Leads');
    expect(value(p, 'B7')).toBe(60);
    // A target set to 0 in the sheet later leaves the achievement and verdict blank, never #DIV/0!.
    expect(formula(p, 'D6')).toBe('=IF(OR(C6="",B6=0),"",C6/B6)');
    expect(formula(p, 'B9')).toBe('=COUNT(C5:C7)');
    expect(formula(p, 'B10')).toBe('=IF(B9=0,0,IF(SUMIFS(B5:B7,C5:C7,"<>")=0,"",SUM(C5:C7)/SUMIFS(B5:B7,C5:C7,"<>")))');
    const t = 'MKT_PILOT_MONTHS,MKT_EXPAND_KPI,MKT_EXTEND_KPI,MKT_ROI_LOW';
    expect(formula(p, 'B12')).toBe(`=IF(B10="","",IF(COUNT(F5:F7)=0,MKT.PILOT_VERDICT(B9,B10,,B11,${t}),MKT.PILOT_VERDICT(B9,B10,AVERAGE(F5:F7),B11,${t})))`);
    expect(formula(p, 'C12')).toBe('=IF(B12="","",MKT.LABEL(B12,"fr"))');
    // A target of 0 typed in the pane is refused.
    expect(await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [40, 0, 60] }, { replace: true })).toMatchObject({ status: 'error', code: 'invalidInput' });
    expect(p?.validations[0]).toMatchObject({ address: 'E5:E7' });
  });
});

describe('text from the user or the sheet is written as text, never as a formula', () => {
  it('a channel named =HYPERLINK(…) is referenced, never written as a formula', async () => {
    const { workbook, sheet } = monthlyBudget();
    sheet.put('A5', [[HOSTILE]]);
    const data = await source(workbook);
    expect(data.channels[0].name).toBe(HOSTILE);
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    await writeArbitrage({ source: data.source, layout: data.layout, profile: FR, totalBudget: { value: 1000 } });
    expect(formula(workbook.sheet('Diagnostic'), 'A5')).toBe(`='Budget 2025'!$A5&""`);
    expect(allFormulas(workbook).filter((f) => /HYPERLINK/i.test(f))).toEqual([]);
  });

  it('decisions, checklist items and the KPI name stay text, even when they look like formulas', async () => {
    const { workbook } = await diagnosed();
    await writeTransfer({ profile: FR, decisions: [{ text: HOSTILE, note: '=1+1' }], extraChecklist: ['+33 1 23 45 67 89', '@SUM(A1)'] });
    await writePilot({ profile: FR, kpiName: HOSTILE, monthlyTargets: [1, 2, 3] });
    const texts = workbook.sheets.flatMap((s) => Object.values(s.snapshot()));
    for (const t of [HOSTILE, '=1+1', '+33 1 23 45 67 89', '@SUM(A1)']) {
      const cell = texts.find((c) => c.value === t);
      expect(cell).toMatchObject({ value: t, numberFormat: '@' });
      expect(cell?.formula).toBeUndefined();
    }
    expect(allFormulas(workbook).filter((f) => /HYPERLINK|=1\+1/.test(f))).toEqual([]);
  });

  it('the guard is the text format set before the value: without it the fake would store a formula', async () => {
    // Proves the test above can fail: the same write without "@" becomes a formula.
    const workbook = new FakeWorkbook();
    const s = workbook.addSheet('X');
    installFake(workbook);
    await (Excel as unknown as { run: (f: (c: Excel.RequestContext) => Promise<void>) => Promise<void> }).run(async (context) => {
      context.workbook.worksheets.getItem('X').getRange('A1').values = [[HOSTILE]];
      await context.sync();
    });
    expect(s.get('A1')?.formula).toBe(HOSTILE);
  });
});

describe('never overwrite what the user owns', () => {
  it('a user sheet named "Diagnostic" is left alone: the pane writes "Diagnostic (2)"', async () => {
    const { workbook } = monthlyBudget();
    const mine = workbook.addSheet('Diagnostic');
    mine.put('A1', [['mes notes', 42]]);
    const before = JSON.stringify(mine.snapshot());
    const data = await source(workbook);
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Diagnostic (2)' } });
    expect(JSON.stringify(mine.snapshot())).toBe(before);
    expect(formula(workbook.sheet('Diagnostic (2)'), 'E5')).toBe('=MKT.ROI_BAND(D5,MKT_ROI_LOW,MKT_ROI_HIGH)');
  });

  it('a re-run asks first, and writes nothing until confirmed', async () => {
    const { workbook, data } = await diagnosed();
    const before = workbook.snapshot();
    const syncs = workbook.syncs;
    const again = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(again).toEqual({ status: 'needsConfirmation', sheets: ['Diagnostic'], message: expect.stringContaining('« Diagnostic »') });
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.syncs - syncs).toBe(1);
  });

  it('a confirmed re-run replaces only what the pane wrote, in the same sheet, keeping user notes beside it', async () => {
    const { workbook, data } = await diagnosed();
    const d = workbook.sheet('Diagnostic')!;
    d.put('T1', [['note à moi']]);
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Diagnostic', replaced: true } });
    expect(value(d, 'T1')).toBe('note à moi');
    expect(d.charts).toHaveLength(1);
    expect(d.conditionalFormats).toHaveLength(1);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Budget 2025', 'Diagnostic', 'Hypothèses']);
  });

  it('a confirmed re-run keeps a note typed inside the block, in a cell the pane never wrote (Diagnostic!H2)', async () => {
    const { workbook, data } = await diagnosed();
    const d = workbook.sheet('Diagnostic')!;
    d.put('H2', [['vérifié par la compta']]);
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Diagnostic', replaced: true } });
    expect(value(d, 'H2')).toBe('vérifié par la compta');
    expect(formula(d, 'E16')).toBe('=MKT.ROI_BAND(D16,MKT_ROI_LOW,MKT_ROI_HIGH)');
  });

  it('a confirmed re-run keeps a note beside the inputs (Internalisation!C4) and rewrites the inputs', async () => {
    const { workbook } = monthlyBudget();
    installFake(workbook);
    const input = { profile: FR, weeklyHours: { value: 45 }, externalFees: { value: 60000 }, loadedSalary: { value: 100000 }, dataNeed: { value: false }, monthlyBudget: { value: 1800 } };
    await writeInternalisation(input);
    const s = workbook.sheet('Internalisation')!;
    s.put('C4', [['devis agence mars']]);
    const result = await writeInternalisation({ ...input, weeklyHours: { value: 20 } }, { replace: true });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Internalisation', replaced: true } });
    expect(value(s, 'C4')).toBe('devis agence mars');
    expect(value(s, 'B3')).toBe(20);
  });

  it('the first Transfert keeps a note on the assumptions sheet (Hypothèses!D2) and the pilot keeps typed actuals', async () => {
    const { workbook } = await diagnosed();
    workbook.sheet('Hypothèses')!.put('D2', [['revu le 3 mars']]);
    expect((await writeTransfer({ profile: FR, decisions: [] })).status).toBe('ok');
    expect(value(workbook.sheet('Hypothèses'), 'D2')).toBe('revu le 3 mars');
    await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [40, 50, 60] });
    const p = workbook.sheet('Pilote')!;
    p.put('C5', [[38]]);
    const again = await writePilot({ profile: FR, kpiName: 'Leads', monthlyTargets: [40, 45, 60] }, { replace: true });
    expect(again).toMatchObject({ status: 'ok', value: { sheetName: 'Pilote', replaced: true } });
    expect(value(p, 'C5')).toBe(38);
    expect(value(p, 'B6')).toBe(45);
  });

  it('a re-run deletes only the pane’s own charts (exact names), not a user chart whose name starts with MKT', async () => {
    const { workbook, data } = await diagnosed();
    const d = workbook.sheet('Diagnostic')!;
    d.charts.push({ name: 'MKT ventes perso', type: 'Pie', source: 'B5:B16', seriesBy: 'Columns', series: [] });
    await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true });
    expect(d.charts.map((c) => c.name).sort()).toEqual(['MKT ventes perso', 'MKT_DIAGNOSTIC_ROI']);
  });

  it('a cell the user filled where the pane would now write is never overwritten: the pane writes a new sheet', async () => {
    const { workbook, sheet } = await diagnosed();
    const d = workbook.sheet('Diagnostic')!;
    d.put('A20', [['à garder']]); // below what the pane wrote (A1:H16)…
    // …but inside what it writes now that the source has 26 channels.
    for (let r = 17; r <= 30; r++) sheet.put(`A${r}`, [[`Canal ${r}`, ...Array(24).fill(r)]]);
    workbook.select(sheet, 'A1:Y30');
    const longer = await source(workbook);
    expect(longer.layout.lastDataRow).toBe(29);
    const result = await writeDiagnostic({ source: longer.source, layout: longer.layout, profile: FR }, { replace: true });
    expect(result).toMatchObject({ status: 'ok', value: { sheetName: 'Diagnostic (2)', replaced: false } });
    expect(value(d, 'A20')).toBe('à garder');
    expect(formula(d, 'E16')).toBe('=MKT.ROI_BAND(D16,MKT_ROI_LOW,MKT_ROI_HIGH)');
    expect(formula(workbook.sheet('Diagnostic (2)'), 'E30')).toBe('=MKT.ROI_BAND(D30,MKT_ROI_LOW,MKT_ROI_HIGH)');
    expect(workbook.names.find((n) => n.name === 'MKT_SHEET_DIAGNOSTIC')?.sheet.name).toBe('Diagnostic (2)');
  });
});

describe("Excel's refusals become a message and leave the workbook as it was", () => {
  it('a protected pane sheet: the message names it, nothing is written', async () => {
    const { workbook, data } = await diagnosed();
    workbook.sheet('Diagnostic')!.protected = true;
    const before = workbook.snapshot();
    const syncs = workbook.syncs;
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true });
    expect(result).toEqual({ status: 'error', code: 'protected', message: expect.stringContaining('La feuille « Diagnostic » est protégée') });
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.syncs - syncs).toBe(1);
  });

  it('a protected workbook structure: no sheet can be added, nothing is written', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook, QC_EN);
    workbook.protected = true;
    const before = workbook.snapshot();
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: QC_EN });
    expect(result).toMatchObject({ status: 'error', code: 'protected', message: expect.stringContaining('workbook structure is protected') });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('a refusal in the middle of the batch: the sheets this run added are removed', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    const before = workbook.snapshot();
    workbook.failOn = (op) => op.op === 'addChart';
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(result).toMatchObject({ status: 'error', code: 'protected' });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('a first run refused at addName MKT_FLOOR: the names it added and its sheets are removed, no #REF! name is left', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    const before = workbook.snapshot();
    workbook.failOn = (op) => op.op === 'addName' && op.name === 'MKT_FLOOR';
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('Rien n’a été modifié') });
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.names).toEqual([]);
  });

  it('a re-run refused at addChart: names untouched, the message says the pane’s cells of « Diagnostic » may be partly rewritten', async () => {
    const { workbook, data } = await diagnosed();
    workbook.sheet('Diagnostic')!.put('H2', [['ma note']]);
    const names = JSON.stringify(workbook.names.map((n) => [n.name, workbook.nameFormula(n)]));
    workbook.failOn = (op) => op.op === 'addChart';
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR }, { replace: true });
    expect(result).toMatchObject({ status: 'error', code: 'protected', message: expect.stringContaining('« Diagnostic » a pu être en partie effacé') });
    expect(result.status === 'error' && result.message).not.toContain('Rien n’a été modifié');
    expect(JSON.stringify(workbook.names.map((n) => [n.name, workbook.nameFormula(n)]))).toBe(names);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Budget 2025', 'Diagnostic', 'Hypothèses']);
    expect(value(workbook.sheet('Diagnostic'), 'H2')).toBe('ma note');
  });

  it('a run refused after re-pointing a name to the sheet it added: the name gets its former reference back', async () => {
    const { workbook, data } = await diagnosed();
    workbook.sheet('Diagnostic')!.put('A20', [['à moi']]);
    workbook.sheet('Budget 2025')!.put('A17', [['Canal 13', ...Array(24).fill(5)]]);
    workbook.sheet('Budget 2025')!.put('A21', [['Total', ...Array(24).fill(0)]]);
    for (let r = 18; r <= 20; r++) workbook.sheet('Budget 2025')!.put(`A${r}`, [[`Canal ${r}`, ...Array(24).fill(r)]]);
    workbook.select(workbook.sheet('Budget 2025')!, 'A1:Y21');
    const longer = await source(workbook);
    const before = workbook.snapshot();
    workbook.failOn = (op) => op.op === 'select';
    const result = await writeDiagnostic({ source: longer.source, layout: longer.layout, profile: FR }, { replace: true });
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('Rien n’a été modifié') });
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.nameFormula(workbook.names.find((n) => n.name === 'MKT_SHEET_DIAGNOSTIC')!)).toMatch(/^=Diagnostic!/);
  });

  it('a cell in edit mode: the message says what to do, nothing is written', async () => {
    const { workbook } = monthlyBudget();
    const data = await source(workbook);
    workbook.editMode = true;
    const before = workbook.snapshot();
    const result = await writeDiagnostic({ source: data.source, layout: data.layout, profile: FR });
    expect(result).toMatchObject({ status: 'error', code: 'editMode', message: expect.stringContaining('Entrée') });
    expect(workbook.snapshot()).toEqual(before);
  });
});
