import './jsdom-polyfills';
/** Renders the pane for a test, in Excel or not, in a language and market. */
import { webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/app/App';
import { preloadSteps } from '../../src/taskpane/app/steps/lazy';
import type { Language, Market } from '../../src/taskpane/i18n';

// The later steps' code, loaded once per file as the pane does when idle: a step then opens at
// once, as after the pane's idle preload (test/taskpane/lazy-steps.test.tsx covers the wait).
beforeAll(() => preloadSteps());

export function renderPane({ inExcel = true, language = 'fr', market = 'FR' }: { inExcel?: boolean; language?: Language; market?: Market } = {}) {
  const user = userEvent.setup();
  const view = render(<App inExcel={inExcel} language={language} market={market} theme={webLightTheme} />);
  return { user, ...view };
}

/** The text of the element(s) an element's aria-describedby points at. */
export function describedBy(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** NBSP and narrow NBSP (Intl's French spaces) as plain spaces, for readable expectations. */
export const plain = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A step's button in the journey's navigation: "2. Décision", whatever its done/current mark. */
export function stepButton(n: number, name: string): HTMLElement {
  return within(screen.getByRole('navigation', { name: /^(Étapes|Steps)$/ })).getByRole('button', { name: new RegExp(`^${n}\\. ${name}`) });
}

/** Opens a tool (Expliquer, Réparer, Partager, Retirer) from the tools menu. */
export async function openTool(user: ReturnType<typeof userEvent.setup>, menu: string, name: string): Promise<void> {
  await user.click(screen.getByRole('button', { name: menu }));
  await user.click(within(screen.getByRole('navigation', { name: menu })).getByRole('button', { name }));
}
