/**
 * @jest-environment jsdom
 *
 * The Diagnostic step over the Excel fake, with the real workbook layer: it reads both shipped
 * examples and a journal right, shows what it read before writing, and refuses to write on an
 * unsure read until the user confirms or picks.
 */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { join } from 'node:path';
import { FakeWorkbook, installFake, parseRect } from '../support/excel-fake';
import { evaluateRefs, fakeOf } from '../history/workbook-cells';
import { plain, renderPane } from './render';

const EXAMPLES = join(__dirname, '..', '..', 'assets', 'examples');

function select(workbook: FakeWorkbook, sheet: string, address: string) {
  workbook.selection = { sheet: workbook.sheet(sheet)!, rect: parseRect(address) };
  installFake(workbook);
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

async function detect(language: 'fr' | 'en', market: 'FR' | 'QC' = 'FR') {
  const view = renderPane({ language, market });
  await view.user.click(screen.getByRole('button', { name: language === 'fr' ? 'Détecter la disposition' : 'Detect the layout' }));
  const channels = await screen.findByTestId('channels', {}, { timeout: 10_000 });
  return { ...view, channels: within(channels).getAllByRole('listitem').map((li) => plain(li.textContent)) };
}

const writeButton = (language: 'fr' | 'en') => screen.getByRole('button', { name: language === 'fr' ? 'Écrire la feuille Diagnostic' : 'Write the Diagnostic sheet' });

test('the French example (Budget!A4:R22, three rows per channel) reads the actual spend and the revenue, and writes them', async () => {
  const workbook = fakeOf(join(EXAMPLES, 'budget-tpe-fr.xlsx'));
  select(workbook, 'Budget', 'A4:R22');
  const { user, channels } = await detect('fr');
  expect(channels).toHaveLength(5);
  expect(channels[0]).toMatch(/^SEO local et fiche Google : dépense 1 640 €, CA 9 090 € — ROAS \(CA ÷ dépense\) 5,5:1/);
  expect(channels[2]).toMatch(/^Google Ads : dépense 4 250 €, CA 9 890 €/);
  expect(plain(screen.getByTestId('history-source').textContent)).toContain('plusieurs lignes par canal (prévu, réel, CA)');
  expect(plain(screen.getByTestId('history-source').textContent)).toContain('Période : 10 mois, de janv. à oct.');
  const leftOut = plain(screen.getByTestId('left-out').textContent);
  expect(leftOut).toContain('Ligne 5, 8, 11, 14, 17 « Prévu » : le prévu, pas la dépense réelle');
  expect(leftOut).toContain('Ligne 20 « Total prévu » : un total');
  expect(leftOut).toContain('Colonne P « ROI (CA ÷ réel) » : un ratio');
  expect(screen.getByTestId('history-verdict')).toHaveTextContent('MKT a reconnu la dépense et le CA');
  expect(writeButton('fr')).toBeEnabled();

  await user.click(writeButton('fr'));
  await waitFor(() => expect(workbook.sheet('Diagnostic')).toBeDefined(), { timeout: 10_000 });
  const diag = workbook.sheet('Diagnostic')!;
  expect(diag.get('A5')?.formula).toBe('=Budget!$A$5&""');
  expect(diag.get('B5')?.formula).toBe('=SUM(Budget!$C$6:$N$6)');
  expect(diag.get('C5')?.formula).toBe('=SUM(Budget!$C$7:$N$7)');
  // Every written sum references the cells that give the totals shown.
  expect(evaluateRefs(workbook, diag.get('B7')!.formula!)).toBe(4250);
  expect(evaluateRefs(workbook, diag.get('C9')!.formula!)).toBe(1350);
  expect(evaluateRefs(workbook, diag.get('A9')!.formula!)).toBe('Flyers et salons');
  expect(diag.get('A10')).toBeUndefined();
}, 30_000);

test('the Québec example (Arbitrage!A6:G13) reads each channel’s spend and revenue in its words', async () => {
  const workbook = fakeOf(join(EXAMPLES, 'budget-pme-qc.xlsx'));
  select(workbook, 'Arbitrage', 'A6:G13');
  const { channels } = await detect('fr', 'QC');
  expect(channels).toHaveLength(6);
  expect(channels[0]).toMatch(/^LinkedIn Ads : dépense 38 000 \$, revenus 140 000 \$/);
  expect(channels[5]).toMatch(/^Infolettre : dépense 4 000 \$, revenus 30 000 \$/);
  expect(plain(screen.getByTestId('left-out').textContent)).toContain('Ligne 13 « Total » : un total');
  expect(writeButton('fr')).toBeEnabled();
}, 30_000);

test('a journal (3 channels × 6 months, any order, names in any case) is summed per channel', async () => {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet('Journal');
  const rows: Array<[string, string, number, number]> = [];
  const months = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin'];
  months.forEach((m, i) => {
    rows.push([m, 'Google Ads', 100 + i, 300]);
    rows.push([m, i % 2 ? ' google ads ' : 'Meta', 50, 80 + i]);
    rows.push([m, 'Salons', 0, 0]);
  });
  sheet.put('A1', [['Mois', 'Canal', 'Dépense', 'CA'], ...rows.reverse()]);
  select(workbook, 'Journal', `A1:D${rows.length + 1}`);
  const { user, channels } = await detect('en');
  expect(channels).toHaveLength(3);
  const google = 100 + 101 + 102 + 103 + 104 + 105 + 50 * 3;
  expect(channels.find((c) => c.toLowerCase().startsWith('google ads'))).toContain(`spend €${google.toLocaleString('en')}`);
  expect(plain(screen.getByTestId('history-source').textContent)).toContain('a journal');
  expect(plain(screen.getByTestId('history-source').textContent)).toContain('Period: 6 months');
  await user.click(writeButton('en'));
  await waitFor(() => expect(workbook.sheet('Diagnostic')).toBeDefined(), { timeout: 10_000 });
  const diag = workbook.sheet('Diagnostic')!;
  const written = [5, 6, 7].map((r) => ({ name: evaluateRefs(workbook, diag.get(`A${r}`)!.formula!), spend: evaluateRefs(workbook, diag.get(`B${r}`)!.formula!) }));
  expect(written.find((w) => w.name === 'Salons')).toEqual({ name: 'Salons', spend: 0 });
  expect(written.find((w) => String(w.name).trim().toLowerCase() === 'google ads')?.spend).toBe(google);
}, 30_000);

test('an unsure read (two amount columns with neutral names) writes nothing until the user confirms', async () => {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet('Feuil1');
  sheet.put('A1', [['Canal', 'Montant 1', 'Montant 2'], ['SEO', 100, 500], ['Ads', 300, 600]]);
  select(workbook, 'Feuil1', 'A1:C3');
  const { user } = await detect('fr');
  expect(screen.getByTestId('history-verdict')).toHaveTextContent('MKT n’est pas sûr de cette lecture');
  expect(screen.getByTestId('confirm-first')).toBeInTheDocument();
  expect(writeButton('fr')).toBeDisabled();
  expect(workbook.sheet('Diagnostic')).toBeUndefined();
  // The user says the spend is "Montant 2", and the revenue "Montant 1".
  await user.selectOptions(screen.getByRole('combobox', { name: 'Dépense lue dans' }), 'col:2');
  expect(writeButton('fr')).toBeDisabled();
  await user.selectOptions(screen.getByRole('combobox', { name: 'CA lu dans' }), 'col:1');
  expect(writeButton('fr')).toBeEnabled();
  await user.click(writeButton('fr'));
  await waitFor(() => expect(workbook.sheet('Diagnostic')).toBeDefined(), { timeout: 10_000 });
  expect(workbook.sheet('Diagnostic')!.get('B5')?.formula).toBe("=SUM(Feuil1!$C2)");
}, 30_000);

test('confirming the suggested reading of a sheet without headers lets it be written', async () => {
  const workbook = new FakeWorkbook();
  workbook.addSheet('Feuil1').put('A1', [['SEO', 100, 500], ['Ads', 300, 600]]);
  select(workbook, 'Feuil1', 'A1:C2');
  const { user } = await detect('en');
  expect(screen.getByTestId('history-questions')).toHaveTextContent('No header row');
  expect(writeButton('en')).toBeDisabled();
  await user.click(screen.getByRole('button', { name: 'Confirm this reading' }));
  expect(screen.getByTestId('history-verdict')).toHaveTextContent('MKT recognised the spend and the revenue');
  expect(writeButton('en')).toBeEnabled();
}, 30_000);
