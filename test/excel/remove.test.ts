/**
 * "Retirer ce que MKT a écrit" (src/excel/write/remove.ts) on the recording fake: it asks first, then
 * removes the pane's sheets and MKT_ names, and never a user's sheet, cell or name.
 */
import { readSource, writeDiagnostic, writePilot, writeTransfer } from '../../src/excel';
import { planRemoval, removeMktWrites } from '../../src/excel/write/remove';
import type { WorkbookProfile } from '../../src/excel';
import { FakeWorkbook, installFake } from '../support/excel-fake';
import { monthlyBudget } from './fixtures';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };

async function written(): Promise<FakeWorkbook> {
  const { workbook } = monthlyBudget();
  installFake(workbook);
  const source = await readSource({ selection: true }, FR);
  if (source.status !== 'ok') throw new Error(JSON.stringify(source));
  for (const result of [
    await writeDiagnostic({ source: source.value.source, layout: source.value.layout, profile: FR }),
    await writePilot({ profile: FR, kpiName: 'Prospects', monthlyTargets: [10, 12, 14] }),
    await writeTransfer({ profile: FR, decisions: [{ text: 'Garder le salon' }] }),
  ]) {
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
  }
  return workbook;
}

const sheetNames = (wb: FakeWorkbook) => wb.sheets.map((s) => s.name);

describe('removeMktWrites', () => {
  test('asks first and changes nothing until confirmed', async () => {
    const wb = await written();
    const before = JSON.stringify(wb.snapshot());
    const asked = await removeMktWrites('fr');
    expect(asked).toMatchObject({ status: 'needsConfirmation', sheets: expect.arrayContaining(['Diagnostic', 'Pilote', 'Hypothèses']) });
    expect(asked.status === 'needsConfirmation' && asked.message).toContain('Vos autres feuilles');
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  test('removes the pane’s sheets and MKT_ names, and keeps the user’s sheet, cells and names', async () => {
    const wb = await written();
    const budget = wb.sheet('Budget 2025')!;
    const userCells = JSON.stringify(budget.snapshot());
    const notes = wb.addSheet('Notes');
    notes.put('A1', [['à garder']]);
    wb.names.push({ name: 'MonTotal', sheet: budget, rect: { row: 4, column: 1, rows: 1, columns: 1 } });
    // A name of the user's that only looks like MKT's, pointing at a user sheet: kept.
    wb.names.push({ name: 'MKT_MA_CIBLE', sheet: notes, rect: { row: 0, column: 0, rows: 1, columns: 1 } });
    const result = await removeMktWrites('fr', { replace: true });
    expect(result.status).toBe('ok');
    expect(sheetNames(wb)).toEqual(['Budget 2025', 'Notes']);
    expect(JSON.stringify(budget.snapshot())).toBe(userCells);
    expect(notes.get('A1')?.value).toBe('à garder');
    expect(wb.names.map((n) => n.name).sort()).toEqual(['MKT_MA_CIBLE', 'MonTotal']);
  });

  test('a pane sheet where the user typed is kept: only the pane’s cells are cleared', async () => {
    const wb = await written();
    const pilot = wb.sheet('Pilote')!;
    pilot.put('J20', [['ma note']]);
    const result = await removeMktWrites('fr', { replace: true });
    expect(result).toMatchObject({ status: 'ok', value: { clearSheets: [expect.objectContaining({ sheet: 'Pilote' })] } });
    expect(sheetNames(wb)).toEqual(['Budget 2025', 'Pilote']);
    expect(pilot.get('J20')?.value).toBe('ma note');
    expect(Object.keys(pilot.snapshot())).toEqual(['J20']);
  });

  test('a sheet a user name points into is kept, the name untouched', async () => {
    const wb = await written();
    const diag = wb.sheet('Diagnostic')!;
    wb.names.push({ name: 'RatioGoogle', sheet: diag, rect: { row: 5, column: 3, rows: 1, columns: 1 } });
    await removeMktWrites('fr', { replace: true });
    expect(sheetNames(wb)).toContain('Diagnostic');
    expect(wb.names.map((n) => n.name)).toEqual(['RatioGoogle']);
  });

  test('a workbook MKT never wrote to: nothing to ask, nothing changed', async () => {
    const { workbook } = monthlyBudget();
    installFake(workbook);
    const before = JSON.stringify(workbook.snapshot());
    expect(await removeMktWrites('en')).toEqual({ status: 'ok', value: { deleteSheets: [], clearSheets: [], deleteNames: [] } });
    expect(JSON.stringify(workbook.snapshot())).toBe(before);
  });

  test('planRemoval never lists a sheet without a record, nor a name without the MKT_ prefix', () => {
    const plan = planRemoval(
      {
        sheets: [{ name: 'Ventes', protected: false }, { name: 'Diagnostic', protected: false }],
        names: [
          { name: 'MKT_SHEET_DIAGNOSTIC', formula: '=Diagnostic!$A$1:$F$9' },
          { name: 'MKT_SHEET_DIAGNOSTIC_1', formula: '=Diagnostic!$A$1:$F$9' },
          { name: 'Total', formula: '=Ventes!$B$2' },
          { name: 'MKT_OLD', formula: '=Ventes!$C$2' },
        ],
        structureProtected: false,
      },
      new Map([['Diagnostic', { userCells: false }]]),
    );
    expect(plan).toEqual({ deleteSheets: ['Diagnostic'], clearSheets: [], deleteNames: ['MKT_SHEET_DIAGNOSTIC', 'MKT_SHEET_DIAGNOSTIC_1'] });
  });
});
