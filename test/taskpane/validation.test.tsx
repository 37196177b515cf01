/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { describedBy, plain, renderPane } from './render';

jest.mock('../../src/excel', () => jest.requireActual('./excel-mock').excelMock());

async function openStep(user: ReturnType<typeof renderPane>['user'], name: RegExp) {
  await user.click(screen.getByRole('button', { name }));
}

describe('validation next to the field', () => {
  test('a negative amount says an amount of 0 or more is expected, linked by aria-describedby', async () => {
    const { user } = renderPane({ language: 'en' });
    await openStep(user, /^2\. Decision/);
    const fees = screen.getByRole('textbox', { name: /Yearly external fees/ });
    await user.type(fees, '-1200');
    expect(fees).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(fees)).toContain('Yearly external fees: 0 or more is expected');
  });

  test('80 typed for 80 % asks for 80% or 0.8 (English) and 80 % ou 0,8 (French)', async () => {
    const { user } = renderPane({ language: 'en' });
    await openStep(user, /^4\. Pilot/);
    const achievement = screen.getByRole('textbox', { name: /KPI achievement/ });
    await user.type(achievement, '80');
    expect(describedBy(achievement)).toContain('enter 80% or 0.8, not 80');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    const atteinte = screen.getByRole('textbox', { name: /Atteinte du KPI/ });
    expect(plain(describedBy(atteinte))).toContain('saisissez 80 % ou 0,8, pas 80');
  });

  test('80% and 0,8 are accepted', async () => {
    const { user } = renderPane({ language: 'fr' });
    await openStep(user, /^4\. Pilote/);
    const achievement = screen.getByRole('textbox', { name: /Atteinte du KPI/ });
    await user.type(achievement, '80 %');
    expect(achievement).not.toHaveAttribute('aria-invalid', 'true');
    await user.clear(achievement);
    await user.type(achievement, '0,8');
    expect(achievement).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('a non-number says a number is expected', async () => {
    const { user } = renderPane({ language: 'fr' });
    await openStep(user, /^2\. Décision/);
    const salary = screen.getByRole('textbox', { name: /Salaire chargé annuel/ });
    await user.type(salary, 'beaucoup');
    expect(describedBy(salary)).toContain('Salaire chargé annuel d’un profil interne : un nombre est attendu');
  });

  test('more than 168 hours a week is refused', async () => {
    const { user } = renderPane({ language: 'en' });
    await openStep(user, /^2\. Decision/);
    const hours = screen.getByRole('textbox', { name: /Weekly hours/ });
    await user.type(hours, '170');
    expect(describedBy(hours)).toContain('between 0 and 168 hours a week');
    await user.clear(hours);
    await user.type(hours, '168');
    expect(hours).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('a missing required value is flagged when the user tries the action, and nothing is written', async () => {
    const excel = jest.requireMock('../../src/excel');
    const { user } = renderPane({ language: 'en' });
    await openStep(user, /^2\. Decision/);
    await user.click(screen.getByRole('button', { name: 'Write the decision in the workbook' }));
    const hours = screen.getByRole('textbox', { name: /Weekly hours/ });
    expect(describedBy(hours)).toContain('a value is required');
    expect(excel.writeInternalisation).not.toHaveBeenCalled();
  });
});
