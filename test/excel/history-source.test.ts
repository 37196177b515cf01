/**
 * readSource over the Excel fake with the history reader: an Excel table (ListObject) in grouped
 * form, and amounts typed as text, written to the Diagnostic sheet as each channel's own cells.
 */
import { readSource, withPicks, writeDiagnostic, type WorkbookProfile } from '../../src/excel';
import { FakeWorkbook, installFake } from '../support/excel-fake';

const FR: WorkbookProfile = { lang: 'fr', region: 'FR' };

it('reads an Excel table of grouped rows (Prévu / Réel / CA attribué) and writes each channel’s actual spend and revenue', async () => {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet('Suivi');
  sheet.put('B3', [
    ['Canal', 'Ligne', 'janv.', 'févr.', 'Total'],
    ['Radio', 'Prévu', 100, 100, 200],
    ['', 'Réel', 110, 90, 200],
    ['', 'CA attribué', 300, 500, 800],
    ['Salon', 'Prévu', 1000, '', 1000],
    ['', 'Réel', 1200, '', 1200],
    ['', 'CA attribué', 1500, '', 1500],
  ]);
  workbook.tables.push({ name: 'Historique', sheet, rect: { row: 2, column: 1, rows: 7, columns: 5 } });
  installFake(workbook);
  const read = await readSource({ table: 'Historique' }, FR);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  expect(read.value.history?.form).toBe('groupedRows');
  expect(read.value.history?.confident).toBe(true);
  expect(read.value.channels).toEqual([
    { name: 'Radio', spend: 200, revenue: 800 },
    { name: 'Salon', spend: 1200, revenue: 1500 },
  ]);
  expect(read.value.layout.cells).toHaveLength(2);
  const written = await writeDiagnostic({ source: read.value.source, layout: read.value.layout, profile: FR });
  expect(written.status).toBe('ok');
  const diag = workbook.sheet('Diagnostic')!;
  expect(diag.get('A5')?.formula).toBe('=Suivi!$B$4&""');
  expect(diag.get('B5')?.formula).toBe('=SUM(Suivi!$D$5:$E$5)');
  expect(diag.get('C6')?.formula).toBe('=SUM(Suivi!$D$9:$E$9)');
  expect(diag.get('D6')?.formula).toBe('=MKT.ROI_RATIO(C6,B6)');

  // The user picks the plan: the plan lines are what gets written.
  const plan = withPicks(read.value, { spend: 'line:plan' });
  expect(plan.channels[1]).toEqual({ name: 'Salon', spend: 1000, revenue: 1500 });
  expect(plan.history?.leftOut.some((l) => l.reason === 'plan')).toBe(false);
});

it('writes amounts typed as text as the values read (SUM would skip them), and says so', async () => {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet('Budget');
  sheet.put('A1', [['Canal', 'Dépenses', 'CA'], ['Google Ads', '3 950 $', '12 000 $'], ['Salons', 900, 1500]]);
  workbook.selection = { sheet, rect: { row: 0, column: 0, rows: 3, columns: 3 } };
  installFake(workbook);
  const read = await readSource({ selection: true }, FR);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  expect(read.value.history?.warnings.map((w) => w.code)).toEqual(['textAmounts']);
  expect(read.value.layout.issues).toContain('numbersAsText');
  await writeDiagnostic({ source: read.value.source, layout: read.value.layout, profile: FR });
  const diag = workbook.sheet('Diagnostic')!;
  expect(diag.get('B5')?.value ?? diag.get('B5')?.formula).toBe(3950);
  expect(diag.get('B6')?.formula).toBe('=SUM(Budget!$B$3)');
});

it('a journal longer than the rows read is unsure: the pane asks for the history alone', async () => {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet('Journal');
  const rows = Array.from({ length: 2100 }, (_, i) => ['janv.', `Canal ${i % 3}`, 1, 2]);
  sheet.put('A1', [['Mois', 'Canal', 'Dépense', 'CA'], ...rows]);
  workbook.selection = { sheet, rect: { row: 0, column: 0, rows: 2101, columns: 4 } };
  installFake(workbook);
  const read = await readSource({ selection: true }, FR);
  if (read.status !== 'ok') throw new Error(JSON.stringify(read));
  expect(read.value.complete).toBe(false);
  expect(read.value.history?.confident).toBe(false);
  expect(read.value.history?.questions.map((q) => q.reason)).toContain('incomplete');
});
