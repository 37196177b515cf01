// The hiring-cost panel in the built pane (dist/taskpane.html), Debian's headless Chromium at
// 360 px: opens it, fills a gross salary, the owner's hourly value and today's outsourcing, checks
// that the loaded salary, the crossover month and the chart show, and writes
// assets/screenshots/hiring-<lang>.png. Plain node: `node test/browser/hiring-shot.mjs` after a build.
// Outside Office the workbook button stays disabled; everything the panel computes shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.resolve(root, process.env.MKT_DIST ?? 'dist');
const shots = path.join(root, 'assets', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const CASES = [
  { locale: 'fr-FR', step: '2. Internaliser ?', title: 'Ce que coûte vraiment un recrutement', gross: 'Salaire brut', hourly: 'Valeur de votre propre heure', outsource: 'Coût mensuel actuel de l’externalisation', values: ['3 500', '80', '8 000'], words: /moins cher au \d+e mois/, file: 'hiring-fr.png' },
  { locale: 'fr-CA', step: '2. Internaliser ?', title: 'Ce que coûte vraiment une embauche', gross: 'Salaire brut', hourly: 'Valeur de votre propre heure', outsource: 'Coût mensuel actuel de l’impartition', values: ['7 500', '90', '12 000'], words: /L’embauche devient moins chère au \d+e mois/, file: 'hiring-qc.png' },
];

let failed = 0;
const check = (name, ok, detail = '') => {
  if (!ok) failed += 1;
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${name}${!ok && detail ? ` — ${detail}` : ''}`);
};

const server = await serve(dist);
try {
  for (const c of CASES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-chromium-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS, locale: c.locale, viewport: { width: 360, height: 900 }, deviceScaleFactor: 1 });
    const errors = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
      await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'load' });
      await page.waitForSelector('h1', { timeout: 60_000 });
      await page.getByRole('navigation').getByRole('button', { name: c.step, exact: true }).click();
      const panel = page.getByTestId('hiring-panel');
      await panel.getByRole('button', { name: c.title }).click();
      await panel.getByRole('textbox', { name: c.gross, exact: true }).fill(c.values[0]);
      await panel.getByRole('textbox', { name: c.hourly }).fill(c.values[1]);
      await panel.getByRole('textbox', { name: c.outsource }).fill(c.values[2]);
      await panel.getByTestId('hiring-lines').locator('summary').click();
      const loaded = await panel.getByTestId('hiring-loaded').innerText();
      check(`${c.locale}: the loaded salary shows`, /\d/.test(loaded), loaded);
      const words = await panel.getByTestId('hiring-crossover').innerText();
      check(`${c.locale}: the crossover month in words`, c.words.test(words), words);
      check(`${c.locale}: the chart of the two paths`, (await panel.locator('svg polyline').count()) === 2);
      check(`${c.locale}: the title, expanded`, (await panel.getByRole('button', { name: c.title }).getAttribute('aria-expanded')) === 'true');
      check(`${c.locale}: no script error`, errors.length === 0, errors.join(' | '));
      fs.mkdirSync(shots, { recursive: true });
      await page.evaluate(() => document.activeElement?.blur?.());
      await panel.screenshot({ path: path.join(shots, c.file), animations: 'disabled', caret: 'hide' });
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
console.log(`hiring panel: ${failed === 0 ? 'all passed' : `${failed} failed`}`);
process.exit(failed === 0 ? 0 : 1);
