/**
 * @jest-environment jsdom
 *
 * « Insérer l'exemple » in the pane, with the real workbook layer over the Excel fake: a host
 * with ExcelApi 1.13 gets the button and the example of the profile's region in the workbook; a
 * host without it gets the file to download; a sheet of the same name means nothing inserted,
 * said in words, and the file offered instead. And the glossary links go to the help page of the
 * pane's language, in the user's browser where Office has openBrowserWindow.
 */
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { DecompressionStream } from 'node:stream/web';
import { FakeWorkbook, installFake } from '../support/excel-fake';
import { plain, renderPane } from './render';

const EXAMPLES = join(__dirname, '..', '..', 'assets', 'examples');
// The fake reads the inserted file with the browser's streams, which jsdom leaves out.
Object.assign(globalThis, { TextDecoder, TextEncoder, DecompressionStream });

let fetched: string[] = [];
function host(workbook: FakeWorkbook, extra: Record<string, unknown> = {}) {
  installFake(workbook);
  fetched = [];
  Object.assign(globalThis, {
    Office: { context: { requirements: { isSetSupported: (name: string, version?: string) => workbook.isSetSupported(name, version) }, ...extra } },
    fetch: async (url: string) => {
      fetched.push(url);
      const bytes = readFileSync(join(EXAMPLES, url.split('/').pop()!));
      return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    },
  });
}
afterEach(() => {
  for (const name of ['Excel', 'Office', 'fetch']) delete (globalThis as Record<string, unknown>)[name];
});

test('a host with ExcelApi 1.13: the button puts the French example at the end of the workbook and says where', async () => {
  const workbook = new FakeWorkbook();
  workbook.addSheet('Feuil1');
  host(workbook);
  const { user } = renderPane({ language: 'fr', market: 'FR' });
  const offer = await screen.findByTestId('example-offer', {}, { timeout: 10_000 });
  expect(plain(offer.textContent)).toContain('Pas encore d’historique ? Essayez MKT sur un exemple : le budget d’une petite entreprise en France.');
  expect(within(offer).queryByRole('link')).toBeNull();
  await user.click(within(offer).getByRole('button', { name: 'Insérer l’exemple' }));
  const result = await screen.findByTestId('example-result', {}, { timeout: 10_000 });
  expect(plain(result.textContent)).toBe('Ajoutées à la fin du classeur : « À lire », « Budget », « Décision ». Commencez par « À lire ».');
  expect(fetched).toEqual([expect.stringMatching(/\/assets\/examples\/budget-tpe-fr\.xlsx$/)]);
  expect(workbook.sheets.map((s) => s.name)).toEqual(['Feuil1', 'À lire', 'Budget', 'Décision']);
  expect(within(offer).getByRole('button', { name: 'Insérer l’exemple' })).toBeDisabled();
});

test('a sheet of the same name: nothing inserted, the sheet named, the file offered', async () => {
  const workbook = new FakeWorkbook();
  workbook.addSheet('Arbitrage').put('A1', [['à moi']]);
  host(workbook);
  const { user } = renderPane({ language: 'fr', market: 'QC' });
  const offer = await screen.findByTestId('example-offer', {}, { timeout: 10_000 });
  expect(plain(offer.textContent)).toContain('le budget d’une PME au Québec');
  await user.click(within(offer).getByRole('button', { name: 'Insérer l’exemple' }));
  const result = await screen.findByTestId('example-result', {}, { timeout: 10_000 });
  expect(plain(result.textContent)).toBe('Rien n’a été inséré : ce classeur a déjà une feuille nommée « Arbitrage ». Renommez-la, ou téléchargez l’exemple.');
  expect(workbook.sheets.map((s) => s.name)).toEqual(['Arbitrage']);
  expect(workbook.sheet('Arbitrage')!.get('A1')?.value).toBe('à moi');
  const link = within(offer).getByRole('link', { name: 'Télécharger l’exemple (budget-pme-qc.xlsx)' });
  expect(link).toHaveAttribute('href', expect.stringMatching(/\/assets\/examples\/budget-pme-qc\.xlsx$/));
  expect(link).toHaveAttribute('target', '_blank');
});

test('a host without ExcelApi 1.13: no button, the file to download, in English too', async () => {
  host(new FakeWorkbook({ excelApi: '1.12' }));
  renderPane({ language: 'en', market: 'FR' });
  const offer = await screen.findByTestId('example-offer', {}, { timeout: 10_000 });
  expect(within(offer).queryByRole('button')).toBeNull();
  expect(offer).toHaveTextContent('This version of Excel cannot insert sheets from a file: download the example and open it.');
  const link = within(offer).getByRole('link', { name: 'Download the example (budget-tpe-fr.xlsx)' });
  expect(link).toHaveAttribute('download', 'budget-tpe-fr.xlsx');
  expect(fetched).toEqual([]);
});

test('once a history is read the offer goes', async () => {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet('Ventes');
  sheet.put('A1', [['Canal', 'Dépense', 'CA'], ['SEO', 100, 400], ['Ads', 200, 500]]);
  workbook.select(sheet, 'A1:C3');
  host(workbook);
  const { user } = renderPane({ language: 'fr', market: 'FR' });
  await screen.findByTestId('example-offer', {}, { timeout: 10_000 });
  await user.click(screen.getByRole('button', { name: 'Détecter la disposition' }));
  await screen.findByTestId('channels', {}, { timeout: 10_000 });
  expect(screen.queryByTestId('example-offer')).toBeNull();
  // The ROAS of the channel lines, explained in the French glossary.
  const glossary = screen.getByRole('link', { name: (name) => plain(name) === 'Glossaire : ROAS (s’ouvre dans une nouvelle fenêtre)' });
  expect(glossary).toHaveAttribute('href', 'help.html#glossaire-roas');
  expect(glossary).toHaveAttribute('target', '_blank');
});

test('a glossary link opens in the user’s browser where Office has OpenBrowserWindowApi', async () => {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet('Sales');
  sheet.put('A1', [['Channel', 'Spend', 'Revenue'], ['SEO', 100, 400], ['Ads', 200, 500]]);
  workbook.select(sheet, 'A1:C3');
  const openBrowserWindow = jest.fn();
  host(workbook, { ui: { openBrowserWindow } });
  const isSetSupported = (globalThis as unknown as { Office: { context: { requirements: { isSetSupported: (n: string, v?: string) => boolean } } } }).Office.context.requirements;
  const excelOnly = isSetSupported.isSetSupported;
  isSetSupported.isSetSupported = (name, version) => name === 'OpenBrowserWindowApi' || excelOnly(name, version);
  const { user } = renderPane({ language: 'en', market: 'FR' });
  await user.click(screen.getByRole('button', { name: 'Detect the layout' }));
  await screen.findByTestId('channels', {}, { timeout: 10_000 });
  await user.click(screen.getByRole('link', { name: 'Glossary: ROAS (opens in a new window)' }));
  expect(openBrowserWindow).toHaveBeenCalledWith(expect.stringMatching(/\/help-en\.html#glossaire-roas$/));
});

describe('the offer’s words (a table of the offer’s own chunk)', () => {
  // Imported here, not at the top: the pane's first render must not need them.
  const { EXAMPLE_WORDS } = jest.requireActual('../../src/taskpane/i18n/example') as typeof import('../../src/taskpane/i18n/example');
  test('French: a non-breaking space before : ; ? ! and inside « »', () => {
    const bad = Object.entries(EXAMPLE_WORDS.fr).filter(([, text]) => / [:;?!]/.test(text) || /«(?![\u00a0\u202f])/.test(text) || /(?<![\u00a0\u202f])»/.test(text));
    expect(bad).toEqual([]);
  });
  test('English and French have the same keys; none says ROI, euro, € or TPE (a Québec user sees them)', () => {
    expect(Object.keys(EXAMPLE_WORDS.fr).sort()).toEqual(Object.keys(EXAMPLE_WORDS.en).sort());
    for (const table of Object.values(EXAMPLE_WORDS)) for (const text of Object.values(table)) expect(text).not.toMatch(/\bROI\b|euro|€|\bTPE\b/i);
  });
});
