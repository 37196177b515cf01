/**
 * The task pane's entry, lazy-loaded by src/taskpane/taskpane.ts after the custom functions are
 * registered: `mount(container, host)` renders the pane with React's API (run by preact/compat:
 * webpack.config.js and the jest config alias react and react-dom to it).
 */
import { createRoot, type Root } from 'react-dom/client';
import { toLanguage, toMarket } from '../i18n';
import { App } from './App';
import { currentTheme } from './theme';

export interface Host {
  /** True inside Excel; false in a plain browser, where the workbook actions are disabled. */
  inExcel: boolean;
  /** Office's display language, e.g. "fr-CA" (Office.context.displayLanguage). */
  displayLanguage?: string;
}

const roots = new WeakMap<HTMLElement, Root>();

export function mount(container: HTMLElement, host: { inExcel: boolean; displayLanguage?: string }): void {
  const tag = host.displayLanguage ?? (typeof navigator !== 'undefined' ? navigator.language : undefined);
  const language = toLanguage(tag);
  document.documentElement.lang = language;
  const root = roots.get(container) ?? createRoot(container);
  roots.set(container, root);
  root.render(<App inExcel={host.inExcel} language={language} market={toMarket(tag)} theme={currentTheme(host.inExcel)} />);
}

export { App };
