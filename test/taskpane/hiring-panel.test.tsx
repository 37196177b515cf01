/** @jest-environment jsdom */
/**
 * The hiring-cost panel in the in-house step: folded until opened; a gross salary gives the loaded
 * salary and its lines, the owner's hourly value and today's outsourcing give the crossover month
 * in words and the chart; the button sends the market's input to writeHiringCost; Signal 2 uses
 * the computed loaded salary while the salary field is empty and the in-house write then asks the
 * workbook for MKT_LOADED_SALARY. The workbook layer is mocked.
 */
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { describedBy, plain, renderPane, stepButton } from './render';

jest.mock('../../src/excel', () => ({ ...jest.requireActual('./excel-mock').excelMock(), isUsableLayout: jest.requireActual('../../src/excel/history/usable').isUsableLayout }));
const excel = jest.requireMock('../../src/excel') as Record<string, jest.Mock>;

beforeEach(() => jest.clearAllMocks());
jest.setTimeout(60_000);

async function openPanel(language: 'fr' | 'en', market: 'FR' | 'QC', step: string) {
  const view = renderPane({ language, market });
  await view.user.click(stepButton(2, step));
  const panel = await screen.findByTestId('hiring-panel', {}, { timeout: 10_000 });
  const toggle = within(panel).getByRole('button', { name: /coûte vraiment|really costs/ });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(within(panel).queryByRole('textbox')).not.toBeInTheDocument();
  await view.user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return { ...view, panel };
}

test('France: the loaded salary and its lines, the crossover month in words, the chart, and the write', async () => {
  excel.writeHiringCost.mockResolvedValue({ status: 'ok', value: { sheetName: 'Coût d’un recrutement', anchor: 'A1', names: [], replaced: false } });
  const { user, panel } = await openPanel('fr', 'FR', 'Décision');
  await user.type(within(panel).getByRole('textbox', { name: 'Salaire brut' }), '3500');
  expect(plain(within(panel).getByTestId('hiring-loaded').textContent)).toMatch(/^Salaire chargé : [\d ]+ € par an/);
  expect(within(panel).getByTestId('hiring-lines').querySelectorAll('li').length).toBeGreaterThan(10);
  expect(plain(within(panel).getByTestId('hiring-crossover').textContent)).toBe('Complétez les champs pour voir le mois de bascule.');
  await user.type(within(panel).getByRole('textbox', { name: /Valeur de votre propre heure/ }), '80');
  await user.type(within(panel).getByRole('textbox', { name: /Coût mensuel actuel de l’externalisation/ }), '8000');
  expect(plain(within(panel).getByTestId('hiring-crossover').textContent)).toMatch(/^Le recrutement devient moins cher au \d+e mois\.$/);
  expect(within(panel).getByTestId('hiring-chart').querySelectorAll('polyline')).toHaveLength(2);
  await user.click(within(panel).getByRole('button', { name: 'Écrire la feuille du coût d’un recrutement' }));
  expect(excel.writeHiringCost).toHaveBeenCalledTimes(1);
  expect(excel.writeHiringCost.mock.calls[0][0]).toMatchObject({
    profile: { lang: 'fr', region: 'FR' },
    gross: { value: 3500 },
    grossPeriod: 'monthly',
    france: { headcount: { value: 4 }, cadre: false, atRate: { value: 0.0208 } },
    toolsMonth: { value: 250 },
    managementHours: { value: 2 },
    hourlyValue: { value: 80 },
    outsourceMonthly: { value: 8000 },
    recruitingRate: { value: 0.2 },
  });
});

test('the hourly value is asked: without it nothing is written, and the field says so', async () => {
  const { user, panel } = await openPanel('en', 'QC', 'Decision');
  await user.type(within(panel).getByRole('textbox', { name: 'Gross salary' }), '90000');
  await user.click(within(panel).getByRole('button', { name: 'Write the hiring-cost sheet' }));
  expect(excel.writeHiringCost).not.toHaveBeenCalled();
  expect(describedBy(within(panel).getByRole('textbox', { name: /Your own hourly value/ }))).toContain('a value is required');
});

test('Québec wording, and Signal 2 reads the computed loaded salary while the salary field is empty', async () => {
  excel.writeInternalisation.mockResolvedValue({ status: 'ok', value: { sheetName: 'Internalisation', anchor: 'A1', names: [], replaced: false } });
  const { user, panel } = await openPanel('fr', 'QC', 'Décision');
  expect(within(panel).getByRole('button', { name: /Ce que coûte vraiment une embauche/ })).toBeInTheDocument();
  await user.selectOptions(within(panel).getByRole('combobox', { name: 'Ce brut est' }), 'yearly');
  await user.type(within(panel).getByRole('textbox', { name: 'Salaire brut' }), '65000');
  expect(plain(within(panel).getByTestId('hiring-loaded').textContent)).toContain('72 561');
  await user.type(screen.getByRole('textbox', { name: /Heures de marketing/ }), '45');
  await user.type(screen.getByRole('textbox', { name: /Honoraires externes/ }), '50000');
  await user.type(screen.getByRole('textbox', { name: /Budget marketing mensuel/ }), '1200');
  // 50 000 ÷ 72 561.30 = 69 %: the budget signal is on from the computed salary.
  expect(plain(screen.getByTestId('decision-headline').textContent)).toBe('Recommandation : Recruter en interne');
  // The reason reads Signal 2 from the computed salary: 50 000 ÷ 72 561,30 = 68,9 %.
  expect(plain(screen.getByTestId('decision-reason').textContent)).toContain('honoraires à 68,9 % du salaire');
  await user.click(screen.getByRole('button', { name: 'Écrire la décision dans le classeur' }));
  expect(excel.writeInternalisation.mock.calls[0][0]).toMatchObject({ loadedSalary: { hiring: true } });
});
