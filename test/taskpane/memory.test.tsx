/** @jest-environment jsdom */
/**
 * The pane's memory of a workbook: restored from the document settings when the pane opens,
 * saved after a change, and the pilot read back from its tracker sheet instead of asked again.
 */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { fromMemory, toMemory } from '../../src/taskpane/app/memory';
import { initialState } from '../../src/taskpane/app/state';
import { openTool, plain, renderPane, stepButton } from './render';

jest.mock('../../src/excel', () => jest.requireActual('./excel-mock').excelMock());
const excel = jest.requireMock('../../src/excel') as Record<string, jest.Mock>;
jest.setTimeout(30_000);
beforeEach(() => jest.clearAllMocks());

function kept() {
  const state = initialState('fr', 'QC');
  return toMemory({
    ...state,
    model: 'ecommerce',
    profileSet: true,
    step: 'internalise',
    done: ['diagnostic'],
    fields: { ...state.fields, hours: { text: '45' }, fees: { text: '40 000' }, salary: { text: '', ref: "'Coûts'!B3" }, monthlyBudget: { text: '1 200' } },
  });
}

describe('memory across a reload', () => {
  test('the inputs come back from the document settings, the profile folded with “Modifier”', async () => {
    excel.loadMemory.mockReturnValueOnce(kept());
    renderPane({ language: 'fr', market: 'QC' });
    expect(await screen.findByRole('heading', { level: 2, name: /Étape 2 sur 5 — Décision/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Heures de marketing/ })).toHaveValue('45');
    expect(screen.getByRole('textbox', { name: /Honoraires externes/ })).toHaveValue('40 000');
    expect(screen.getByText("Lié à la cellule 'Coûts'!B3.")).toBeInTheDocument();
    expect(plain(screen.getByTestId('profile-summary').textContent)).toContain('Québec (dollars canadiens) · Commerce en ligne · marge normale');
    expect(screen.getByRole('button', { name: 'Modifier le profil de votre entreprise' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Marché' })).not.toBeInTheDocument();
    expect(stepButton(1, 'Diagnostic')).toHaveAccessibleName('1. Diagnostic (terminée)');
    expect(stepButton(2, 'Décision')).toHaveAttribute('aria-current', 'step');
  });

  test('a change is saved to the document settings, a moment after the last key', async () => {
    const { user } = renderPane({ language: 'fr' });
    await waitFor(() => expect(excel.readPaneSheets).toHaveBeenCalled());
    await user.click(stepButton(2, 'Décision'));
    await user.type(screen.getByRole('textbox', { name: /Heures de marketing/ }), '38');
    await waitFor(() => expect(excel.saveMemory.mock.calls.at(-1)?.[0]).toMatchObject({ v: 1, step: 'internalise', fields: { hours: { text: '38' } } }));
    expect(excel.saveMemory.mock.calls.at(-1)![1]).toBe('fr');
  });

  test('the Pilot step reads its tracker sheet instead of asking again', async () => {
    excel.readPaneSheets.mockResolvedValueOnce({
      status: 'ok',
      value: { kinds: ['diagnostic', 'pilot'], pilot: { kpiName: 'Prospects', targets: [20, 25, 30], actuals: [18, 24, undefined], monthsElapsed: 2, achievement: 0.9333, reportingOk: true, roi: [] } },
    });
    const { user } = renderPane({ language: 'fr' });
    await waitFor(() => expect(stepButton(4, 'Pilote')).toHaveAccessibleName('4. Pilote (terminée)'));
    await user.click(stepButton(4, 'Pilote'));
    expect(screen.getByTestId('pilot-from-tracker')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /KPI principal/ })).toHaveValue('Prospects');
    expect(screen.getByRole('textbox', { name: 'Objectif du KPI, mois 2' })).toHaveValue('25');
    expect(screen.getByRole('textbox', { name: 'Mois écoulés' })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: /Atteinte du KPI/ })).toHaveValue('0,9333');
    // Two months of three: too early to judge, by MKT.PILOT_VERDICT's rule.
    expect(screen.getByTestId('pilot-verdict')).toHaveTextContent('Trop tôt');
  });

  test('a damaged or older memory is ignored field by field, never breaking the pane', () => {
    const base = initialState('en', 'FR');
    expect(fromMemory('nonsense', base)).toBe(base);
    expect(fromMemory({ v: 0, market: 'QC' }, base)).toBe(base);
    const restored = fromMemory({ v: 1, market: 'XX', step: 'nowhere', fields: { hours: { text: 5 }, fees: { text: '10' } }, flags: { dataNeed: 'yes' }, done: ['pilot', 'moon'] }, base);
    expect(restored.market).toBe('FR');
    expect(restored.step).toBe('diagnostic');
    expect(restored.fields.hours).toEqual({ text: '' });
    expect(restored.fields.fees).toEqual({ text: '10' });
    expect(restored.flags.dataNeed).toBe(false);
    expect(restored.done).toEqual(['pilot']);
  });

  test('“Retirer ce que MKT a écrit” asks first, then removes, and the done marks go', async () => {
    excel.readPaneSheets.mockResolvedValueOnce({ status: 'ok', value: { kinds: ['diagnostic'] } });
    excel.removeMktWrites
      .mockResolvedValueOnce({ status: 'needsConfirmation', sheets: ['Diagnostic'], message: 'Retirer ce que MKT a écrit : les feuilles « Diagnostic ».' })
      .mockResolvedValueOnce({ status: 'ok', value: { deleteSheets: ['Diagnostic'], clearSheets: [], deleteNames: ['MKT_SHEET_DIAGNOSTIC', 'MKT_SHEET_DIAGNOSTIC_1'] } });
    const { user } = renderPane({ language: 'fr' });
    await waitFor(() => expect(stepButton(1, 'Diagnostic')).toHaveAccessibleName(/terminée/));
    await openTool(user, 'Outils', 'Retirer ce que MKT a écrit');
    await user.click(screen.getAllByRole('button', { name: 'Retirer ce que MKT a écrit' }).at(-1)!);
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    expect(within(dialog).getByText(/Retirer ce que MKT a écrit\s\?/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Retirer', hidden: true }));
    expect(await screen.findByTestId('remove-result')).toHaveTextContent('Retiré : 1 feuille et 2 noms.');
    expect(excel.removeMktWrites.mock.calls.map((c) => c[1])).toEqual([{}, { replace: true }]);
    // The dialog closes with its exit motion; until it has, the pane behind it is aria-hidden.
    await waitFor(() => expect(stepButton(1, 'Diagnostic')).toHaveAccessibleName('1. Diagnostic'));
  });
});
