/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { mount } from '../../src/taskpane/app';
import type { SourceData } from '../../src/excel';
import { describedBy, openTool, plain, renderPane, stepButton } from './render';

jest.mock('../../src/excel', () => {
  const actual = jest.requireActual('../../src/excel');
  // The pure parts run for real: the layout check and the history re-read with the user's picks.
  return { ...jest.requireActual('./excel-mock').excelMock(), isUsableLayout: actual.isUsableLayout, withPicks: actual.withPicks, suggestedPicks: actual.suggestedPicks, withPicksLater: actual.withPicksLater, withSuggestedPicksLater: actual.withSuggestedPicksLater };
});
const { sourceDataOf } = jest.requireActual('../../src/excel') as typeof import('../../src/excel');
const excel = jest.requireMock('../../src/excel') as Record<string, jest.Mock>;

// Two busy cores: typing a whole journey takes longer than jest's 5 s default.
jest.setTimeout(30_000);
beforeEach(() => jest.clearAllMocks());

/**
 * The confirmation dialog. In jsdom, Fluent's surface keeps aria-hidden while its entrance
 * motion would run (no Web Animations API here), so the query includes hidden elements.
 */
const findDialog = () => screen.findByRole('alertdialog', { hidden: true });

const HOSTILE = '<img src=x onerror="window.__pwned=1">=HYPERLINK("http://evil")';

/** A source as the workbook layer reads it (the real history reader), one row per channel. */
function sourceWith(names: string[], header: [string, string, string] = ['Canal', 'Dépense', 'CA']): SourceData {
  const grid = [header, ...names.map((n, i) => [n, 100, i === 0 ? 250 : 400])];
  const ref = { sheetName: 'Ventes', address: `'Ventes'!A1:C${names.length + 1}`, rowIndex: 0, columnIndex: 0, rowCount: names.length + 1, columnCount: 3 };
  return sourceDataOf(ref, grid, true)!;
}

describe('language', () => {
  test('switching fr ↔ en changes the visible text', async () => {
    const { user } = renderPane({ language: 'fr' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('MKT — décisions marketing');
    expect(stepButton(2, 'Décision')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Langue' }), 'en');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('MKT — marketing decisions');
    expect(stepButton(2, 'Decision')).toBeInTheDocument();
    expect(screen.queryByText(/décisions marketing/)).not.toBeInTheDocument();
    expect(document.querySelector('.fui-FluentProvider')).toHaveAttribute('lang', 'en');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('MKT — décisions marketing');
  });

  test('the thresholds are explained with the rules’ constants, in the pane’s language', async () => {
    const { user } = renderPane({ language: 'fr' });
    await user.click(stepButton(2, 'Décision'));
    const text = plain(document.body.textContent);
    expect(text).toContain('à partir de 40 h/semaine');
    expect(text).toContain('atteignent 60 % du salaire chargé');
    expect(text).toContain('de 60 % à 70 %, c’est la zone de bascule');
  });
});

describe('outside Excel', () => {
  test('the pane renders, says to open it from Excel and disables every workbook action', async () => {
    const { user } = renderPane({ inExcel: false, language: 'fr' });
    expect(screen.getByText('Ouvrez ce volet depuis Excel')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Détecter la disposition' })).toBeDisabled();
    await user.click(stepButton(2, 'Décision'));
    expect(screen.getByRole('button', { name: 'Écrire la décision dans le classeur' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Depuis la cellule\s:\sHeures/ })).toBeDisabled();
    for (const [n, step, action] of [
      [3, 'Arbitrage', 'Écrire la feuille Arbitrage'],
      [4, 'Pilote', 'Créer le suivi du pilote'],
      [5, 'Transfert', 'Écrire les feuilles de transfert'],
    ] as const) {
      await user.click(stepButton(n, step));
      expect(screen.getByRole('button', { name: action })).toBeDisabled();
    }
    for (const [tool, action] of [
      ['Expliquer', 'Expliquer la cellule sélectionnée'],
      ['Réparer', 'Réparer les formules MKT'],
      ['Retirer ce que MKT a écrit', 'Retirer ce que MKT a écrit'],
    ]) {
      await openTool(user, 'Outils', tool);
      expect(screen.getByRole('heading', { level: 2, name: `Outil — ${tool}` })).toBeInTheDocument();
      expect(screen.getAllByRole('button', { name: action }).at(-1)).toBeDisabled();
    }
    // The fields still work: the pane can be explored.
    await user.click(stepButton(2, 'Décision'));
    await user.type(screen.getByRole('textbox', { name: /Heures de marketing/ }), '45');
    expect(screen.getByText('Vous : 45 h/semaine.')).toBeInTheDocument();
    expect(Object.values(excel).every((fn) => !jest.isMockFunction(fn) || fn.mock.calls.length === 0)).toBe(true);
  });

  test('in Excel the same actions are enabled', () => {
    renderPane({ inExcel: true, language: 'fr' });
    expect(screen.queryByText('Ouvrez ce volet depuis Excel')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Détecter la disposition' })).toBeEnabled();
  });
});

describe('Québec', () => {
  test('fr-CA defaults to the Québec market, Canadian dollars and Québec wording', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    await act(async () => mount(container, { inExcel: true, displayLanguage: 'fr-CA' }));
    expect(screen.getByRole('combobox', { name: 'Marché' })).toHaveValue('QC');
    expect(screen.getByTestId('profile-summary')).toHaveTextContent('Montants en dollars canadiens ($).');
    expect(screen.getByText(/impartir le marketing de votre PME/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');

    const user = (await import('@testing-library/user-event')).default.setup();
    await user.click(stepButton(2, 'Décision'));
    await user.type(screen.getByRole('textbox', { name: /Heures de marketing/ }), '10');
    await user.type(screen.getByRole('textbox', { name: /Honoraires externes/ }), '10000');
    await user.type(screen.getByRole('textbox', { name: /Salaire chargé/ }), '60000');
    await user.type(screen.getByRole('textbox', { name: /Budget marketing mensuel/ }), '2000');
    // One headline, in Québec's words: impartition, never "Externalisation".
    expect(screen.getAllByTestId('decision-headline')).toHaveLength(1);
    expect(plain(screen.getByTestId('decision-headline').textContent)).toBe('Recommandation : Impartition régulière');
    expect(plain(screen.getByTestId('decision-reason').textContent)).toContain('avec 2 000 $ par mois');
    expect(document.body.textContent).not.toMatch(/Externalisation|euro|€/);
    expect(screen.getByText(/agences et pigistes/)).toBeInTheDocument();
    container.remove();
  });

  test('fr-FR defaults to France and euros, with TPE wording', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    await act(async () => mount(container, { inExcel: true, displayLanguage: 'fr-FR' }));
    expect(screen.getByRole('combobox', { name: 'Marché' })).toHaveValue('FR');
    expect(screen.getByTestId('profile-summary')).toHaveTextContent('Montants en euros (€).');
    expect(screen.getByText(/externaliser votre marketing/)).toBeInTheDocument();
    container.remove();
  });

  test('the profile follows business model and margin (profileFor) and is sent to the workbook layer', async () => {
    excel.writePilot.mockResolvedValue({ status: 'ok', value: { sheetName: 'Pilote', anchor: 'Pilote!A1', names: [], replaced: false } });
    const { user } = renderPane({ language: 'fr', market: 'QC' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Modèle économique' }), 'ecommerce');
    expect(screen.getByTestId('profile-summary')).toHaveTextContent('Profil de budget : canal cliquable (seuils × 0,75)');
    await user.click(stepButton(4, 'Pilote'));
    await user.type(screen.getByRole('textbox', { name: /Indicateur clé principal/ }), 'Prospects');
    for (const n of [1, 2, 3]) await user.type(screen.getByRole('textbox', { name: `Objectif de l’indicateur clé, mois ${n}` }), String(10 * n));
    await user.click(screen.getByRole('button', { name: 'Créer le suivi du pilote' }));
    await waitFor(() => expect(excel.writePilot).toHaveBeenCalledTimes(1));
    expect(excel.writePilot.mock.calls[0][0]).toEqual({
      profile: { lang: 'fr', region: 'QC', budgetProfile: 'clickable' },
      kpiName: 'Prospects',
      monthlyTargets: [10, 20, 30],
      useRoi: true,
    });
    expect(await screen.findByText('Écrit : feuille « Pilote ».')).toBeInTheDocument();
  });

  test("shows what the workbook layer says of a write, as text", async () => {
    const note = 'MKT_PROFILE vaut maintenant « cliquable ». <b>x</b>';
    excel.writePilot.mockResolvedValue({ status: 'ok', value: { sheetName: 'Pilote', anchor: 'Pilote!A1', names: [], replaced: false, message: note } });
    const { user } = renderPane({ language: 'fr', market: 'QC' });
    await user.click(stepButton(4, 'Pilote'));
    await user.type(screen.getByRole('textbox', { name: /Indicateur clé principal/ }), 'Prospects');
    for (const n of [1, 2, 3]) await user.type(screen.getByRole('textbox', { name: `Objectif de l’indicateur clé, mois ${n}` }), String(10 * n));
    await user.click(screen.getByRole('button', { name: 'Créer le suivi du pilote' }));
    expect(await screen.findByText(`Écrit : feuille « Pilote ». ${note}`)).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });

  test('repair shows what the layer re-entered and what it left, as text', async () => {
    excel.repairMktFormulas.mockResolvedValue({
      status: 'ok',
      value: {
        repaired: [{ sheet: '<i>Budget</i>', cells: 3 }],
        protectedSheets: [{ sheet: 'Protégée', cells: 2 }],
        unknownFunction: [],
        legacyArrays: [],
        total: 3,
        message: '3 formules MKT ressaisies : « <i>Budget</i> » (3). Feuille(s) protégée(s), laissée(s) telle(s) quelle(s) : « Protégée » (2).',
      },
    });
    const { user } = renderPane({ language: 'fr' });
    await openTool(user, 'Outils', 'Réparer');
    expect(screen.getByRole('heading', { level: 2, name: /Réparer/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Réparer les formules MKT' }));
    expect(await screen.findByText(/3 formules MKT ressaisies/)).toBeInTheDocument();
    expect(excel.repairMktFormulas).toHaveBeenCalledWith('fr');
    expect(document.querySelector('i')).toBeNull();
  });
});

describe('workbook text is shown as text', () => {
  test('a hostile channel name from the workbook layer is rendered as text, never as HTML', async () => {
    excel.readSource.mockResolvedValue({ status: 'ok', value: sourceWith([HOSTILE, 'Salons']) });
    const { user } = renderPane({ language: 'fr' });
    await user.click(screen.getByRole('button', { name: 'Détecter la disposition' }));
    const list = await screen.findByTestId('channels');
    // The name is in its own <bdi> element; the line reads as one text.
    expect(within(list).getByText((_, el) => el?.tagName === 'LI' && plain(el.textContent) === `${HOSTILE} : dépense 100 €, CA 250 € — ROAS (CA ÷ dépense) 2,5:1, Sous la cible`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // The decision derived from the channel keeps its text as text too.
    await user.click(stepButton(5, 'Transfert'));
    expect(within(screen.getByTestId('decisions')).getByText(new RegExp(HOSTILE.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  test('a channel name with an RTL override is isolated in <bdi>, so the ROAS beside it keeps its order', async () => {
    const rtl = `\u202e${'x'.repeat(10_000)}`;
    excel.readSource.mockResolvedValue({ status: 'ok', value: sourceWith([rtl, 'Salons']) });
    const { user } = renderPane({ language: 'fr' });
    await user.click(screen.getByRole('button', { name: 'Détecter la disposition' }));
    const list = await screen.findByTestId('channels');
    const first = list.querySelector('li')!;
    const bdi = first.querySelector('bdi')!;
    expect(bdi.textContent).toBe(rtl);
    // Only the name is inside the isolate: the ratio and the band are outside it.
    expect(plain(first.textContent)).toBe(`${rtl} : dépense 100 €, CA 250 € — ROAS (CA ÷ dépense) 2,5:1, Sous la cible`);
    expect(plain(bdi.nextSibling?.textContent)).toBe(' : dépense 100 €, CA 250 € — ROAS (CA ÷ dépense) 2,5:1, Sous la cible');
  });

  test('no file of the pane uses dangerouslySetInnerHTML or innerHTML', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(path);
      }
    };
    walk(join(__dirname, '../../src/taskpane/app'));
    walk(join(__dirname, '../../src/taskpane/i18n'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
  });
});

describe('actions', () => {
  test('an unsure read asks the user, writes nothing before, and the picked columns are what gets written', async () => {
    excel.readSource.mockResolvedValue({ status: 'ok', value: sourceWith(['Google Ads', 'Salons'], ['Canal', 'Montant A', 'Montant B']) });
    excel.writeDiagnostic.mockResolvedValue({ status: 'ok', value: { sheetName: 'Diagnostic', anchor: 'Diagnostic!A1', names: [], replaced: false } });
    const { user } = renderPane({ language: 'en' });
    await user.click(screen.getByRole('button', { name: 'Detect the layout' }));
    expect(await screen.findByText(/not sure of this reading/)).toBeInTheDocument();
    expect(screen.getByText(/No header says spend/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Write the Diagnostic sheet' })).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Revenue read from' }), 'col:1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Spend read from' }), 'col:2');
    await user.click(screen.getByRole('button', { name: 'Write the Diagnostic sheet' }));
    await waitFor(() => expect(excel.writeDiagnostic).toHaveBeenCalledTimes(1));
    const [input, options] = excel.writeDiagnostic.mock.calls[0];
    expect(input.layout.spend).toEqual({ first: 2, count: 1 });
    expect(input.layout.revenue).toEqual({ first: 1, count: 1 });
    expect(options).toEqual({});
  });

  test('a layout that does not fit the range cannot be written, and says why', async () => {
    const source = sourceWith(['Google Ads', 'Salons']);
    excel.readSource.mockResolvedValue({ status: 'ok', value: { ...source, source: { ...source.source, columnCount: 2 } } });
    const { user } = renderPane({ language: 'en' });
    await user.click(screen.getByRole('button', { name: 'Detect the layout' }));
    expect(await screen.findByText(/MKT recognised the spend and the revenue/)).toBeInTheDocument();
    expect(screen.getByText(/These columns do not fit the range/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Write the Diagnostic sheet' })).toBeDisabled();
  });

  test('shows progress, then asks before replacing sheets the pane created, and replaces only when confirmed', async () => {
    let resolveFirst!: (v: unknown) => void;
    excel.explainSelectedCell.mockReset();
    excel.writeTransfer
      .mockImplementationOnce(() => new Promise((resolve) => (resolveFirst = resolve)))
      .mockResolvedValueOnce({ status: 'ok', value: { sheetName: 'Hypothèses', anchor: 'Hypothèses!A1', names: ['MKT_ROI_LOW'], replaced: true } });
    const { user } = renderPane({ language: 'fr' });
    await user.click(stepButton(5, 'Transfert'));
    await user.click(screen.getByRole('button', { name: 'Écrire les feuilles de transfert' }));
    expect(screen.getByText('Écriture dans votre classeur…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Écrire les feuilles de transfert' })).toBeDisabled();
    await act(async () => resolveFirst({ status: 'needsConfirmation', sheets: ['Hypothèses'], message: 'La feuille Hypothèses existe déjà.' }));
    const dialog = await findDialog();
    expect(within(dialog).getByText('La feuille Hypothèses existe déjà.')).toBeInTheDocument();
    expect(within(dialog).getByText('Hypothèses')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remplacer', hidden: true }));
    await waitFor(() => expect(excel.writeTransfer).toHaveBeenCalledTimes(2));
    expect(excel.writeTransfer.mock.calls[0][1]).toEqual({});
    expect(excel.writeTransfer.mock.calls[1][1]).toEqual({ replace: true });
    expect(await screen.findByText('Remplacé : feuille « Hypothèses ».')).toBeInTheDocument();
  });

  test('cancelling the confirmation writes nothing more', async () => {
    excel.writeTransfer.mockResolvedValue({ status: 'needsConfirmation', sheets: ['Hypothèses'], message: 'Remplacer ?' });
    const { user } = renderPane({ language: 'fr' });
    await user.click(stepButton(5, 'Transfert'));
    await user.click(screen.getByRole('button', { name: 'Écrire les feuilles de transfert' }));
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).not.toBeInTheDocument());
    expect(excel.writeTransfer).toHaveBeenCalledTimes(1);
  });

  test('the workbook layer’s error message is shown as it is', async () => {
    excel.writeInternalisation.mockResolvedValue({ status: 'error', code: 'protected', message: 'La feuille est protégée.' });
    const { user } = renderPane({ language: 'fr' });
    await user.click(stepButton(2, 'Décision'));
    await user.type(screen.getByRole('textbox', { name: /Heures de marketing/ }), '45');
    await user.type(screen.getByRole('textbox', { name: /Honoraires externes/ }), '40 000');
    await user.type(screen.getByRole('textbox', { name: /Salaire chargé/ }), '60000');
    await user.type(screen.getByRole('textbox', { name: /Budget marketing mensuel/ }), '1200');
    expect(screen.getByTestId('decision-headline')).toHaveTextContent('Recommandation : Recruter en interne');
    expect(screen.getByTestId('decision-reason')).toHaveTextContent('2 signaux allumés sur 3 (complexité, 45 h/semaine, masse critique, honoraires à 66,7 % du salaire) : recrutez en interne.');
    // 40 000 € of fees a year against 1 200 € a month (14 400 € a year): the figures disagree.
    expect(screen.getByTestId('decision-warning')).toHaveTextContent('dépassent 12 × votre budget marketing mensuel');
    await user.click(screen.getByRole('button', { name: 'Écrire la décision dans le classeur' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('La feuille est protégée.');
    expect(excel.writeInternalisation.mock.calls[0][0]).toMatchObject({
      weeklyHours: { value: 45 },
      externalFees: { value: 40000 },
      loadedSalary: { value: 60000 },
      dataNeed: { value: false },
      monthlyBudget: { value: 1200 },
    });
  });

  test('a value taken from the selected cell is sent as a reference', async () => {
    excel.readActiveCell.mockResolvedValue({ status: 'ok', value: { address: "'Coûts'!B3", value: 52000 } });
    excel.writeArbitrage.mockResolvedValue({ status: 'ok', value: { sheetName: 'Arbitrage', anchor: 'Arbitrage!A1', names: [], replaced: false } });
    excel.readSource.mockResolvedValue({ status: 'ok', value: sourceWith(['Google Ads']) });
    const { user } = renderPane({ language: 'en' });
    await user.click(screen.getByRole('button', { name: 'Detect the layout' }));
    await screen.findByTestId('channels');
    await user.click(stepButton(3, 'Arbitrage'));
    await user.click(screen.getByRole('button', { name: 'From cell: Monthly budget to share' }));
    expect(await screen.findByText("Linked to cell 'Coûts'!B3.")).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Write the Arbitrage sheet' }));
    await waitFor(() => expect(excel.writeArbitrage).toHaveBeenCalledTimes(1));
    expect(excel.writeArbitrage.mock.calls[0][0].totalBudget).toEqual({ ref: "'Coûts'!B3" });
  });

  test('a failed read of the selected cell shows the layer’s message next to the field', async () => {
    excel.readActiveCell.mockResolvedValue({ status: 'error', code: 'editMode', message: 'Excel is editing a cell: press Enter, then try again.' });
    const { user } = renderPane({ language: 'en' });
    await user.click(stepButton(2, 'Decision'));
    await user.click(screen.getByRole('button', { name: 'From cell: Yearly external fees' }));
    const fees = screen.getByRole('textbox', { name: /Yearly external fees/ });
    await waitFor(() => expect(describedBy(fees)).toContain('Excel is editing a cell: press Enter, then try again.'));
  });

  test('explain shows the layer’s explanation as text', async () => {
    excel.explainSelectedCell.mockResolvedValue({ status: 'ok', value: { summary: 'ROI 2.4:1 is below the 3:1–5:1 target.', lines: ['<b>revenue</b> 240', 'spend 100'] } });
    const { user } = renderPane({ language: 'en' });
    await openTool(user, 'Tools', 'Explain');
    await user.click(screen.getByRole('button', { name: 'Explain the selected cell' }));
    expect(await screen.findByText('ROI 2.4:1 is below the 3:1–5:1 target.')).toBeInTheDocument();
    expect(screen.getByText('<b>revenue</b> 240')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });
});
