// Browser test of the built task pane (dist/taskpane.html) in Debian's headless Chromium, and of
// the journey over the Excel fake (dist/excel-fake-pane.html, offline build only).
// Plain node, not jest: `node test/browser/run.mjs` after `npm run build`.
// Prints one line per check and a final "browser: N passed, N failed"; exits 1 on any failure.
//   --screenshots   also write assets/screenshots/*.png (for the README), taken over the Excel fake
//   --journey       only the journey over the Excel fake
//   MKT_DIST=dir    serve another build folder (default dist)
//   CHROMIUM=path   another Chromium binary (default /usr/bin/chromium)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { checkHelpPages } from './help-page.mjs';
import { checkPrivacyPages } from './privacy-page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.resolve(root, process.env.MKT_DIST ?? 'dist');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shotsDir = process.argv.includes('--screenshots') ? path.join(root, 'assets', 'screenshots') : undefined;
const axePath = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 360, height: 900 };
// --journey: only the journey over the Excel fake (quicker while working on it).
const ONLY_JOURNEY = process.argv.includes('--journey');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${name}${!ok && detail ? ` — ${detail}` : ''}`);
  return ok;
}

async function attempt(name, fn) {
  try {
    return await fn();
  } catch (error) {
    check(name, false, String(error?.message ?? error).split('\n')[0]);
    return undefined;
  }
}

function finish() {
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** A fresh Chromium with a fresh profile, its requests recorded. */
async function launch(locale, colorScheme = 'light') {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ARGS,
    locale,
    colorScheme,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  });
  const requests = [];
  const errors = [];
  const cspViolations = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => errors.push(String(error.message ?? error)));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return {
    page,
    requests,
    errors,
    cspViolations,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function open(page, origin) {
  await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
  await page.waitForSelector('h1', { timeout: 30_000 });
}

const h1 = (page) => page.locator('h1').innerText();

async function axe(page, name) {
  // Evaluated through the protocol: the pane's CSP (rightly) refuses an injected <script> tag.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(fs.readFileSync(axePath, 'utf8'));
  // Fluent fades new content in: mid-fade text has less contrast than it will have. Wait for every
  // animation that ends (a spinner's never does), at most 2 s, so that axe judges what stays.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  check(`axe: no violation — ${name}`, violations.length === 0, violations.join('; '));
}

/**
 * Tabs through the page from its start and checks that every enabled, visible control receives
 * focus, in document order, with a visible focus indicator.
 */
async function keyboardWalk(page, name) {
  const expected = await page.evaluate(() => {
    const candidates = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
    const kept = [];
    for (const el of candidates) {
      if (el.closest('[data-tabster-dummy]') || el.closest('[aria-hidden="true"]')) continue;
      if (el.disabled || el.getAttribute('tabindex') === '-1') continue;
      if (el.tagName === 'INPUT' && el.type === 'hidden') continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || (box.width === 0 && box.height === 0)) continue;
      if (el.tagName === 'INPUT' && el.type === 'radio') {
        // A radio group is one tab stop: its checked radio (or its first one).
        const group = [...document.querySelectorAll(`input[type="radio"][name="${CSS.escape(el.name)}"]`)];
        const stop = group.find((r) => r.checked) ?? group[0];
        if (stop !== el) continue;
      }
      kept.push(el);
    }
    document.querySelectorAll('[data-kb]').forEach((el) => el.removeAttribute('data-kb'));
    kept.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    const label = (el) =>
      el.getAttribute('aria-label') || (el.labels && el.labels[0]?.innerText) || el.innerText || el.getAttribute('placeholder') || el.tagName;
    return kept.map((el) => `${el.tagName.toLowerCase()} "${String(label(el)).trim().slice(0, 50)}"`);
  });

  // Start from the top of the document, as a keyboard user arriving on the pane.
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });
  await page.mouse.click(1, 1);
  const seen = [];
  const focusShots = new Map();
  for (let i = 0; i < expected.length * 2 + 6 && seen.filter((k) => k !== null).length < expected.length; i++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
    seen.push(key);
    if (key !== null && !focusShots.has(key)) focusShots.set(key, await indicatorShot(page, key));
  }
  const order = seen.filter((k) => k !== null).map(Number);
  const missing = expected.filter((_, i) => !order.includes(i));
  check(`keyboard: every control receives focus with Tab (${expected.length}) — ${name}`, missing.length === 0, `never focused: ${missing.join(', ')}`);
  const firstVisits = order.filter((k, i) => order.indexOf(k) === i);
  const inOrder = firstVisits.every((k, i) => k === i);
  check(`keyboard: focus follows the reading order — ${name}`, inOrder, `order: ${firstVisits.join(',')}`);

  // Visible focus: what the control looks like focused (by keyboard) differs from unfocused.
  await page.evaluate(() => document.activeElement?.blur?.());
  const invisible = [];
  for (const [key, focused] of focusShots) {
    const blurred = await indicatorShot(page, key);
    if (focused && blurred && focused.equals(blurred)) invisible.push(expected[Number(key)]);
  }
  check(`keyboard: focus is visible on every control — ${name}`, invisible.length === 0, `no visible focus: ${invisible.join(', ')}`);
}

/** A picture of the control with its Fluent wrapper (where the focus indicator is drawn). */
async function indicatorShot(page, key) {
  const handle = await page.evaluateHandle((k) => {
    const el = document.querySelector(`[data-kb="${k}"]`);
    return el?.closest('.fui-Input, .fui-Select, .fui-Textarea, .fui-Checkbox, .fui-Radio') ?? el;
  }, key);
  const element = handle.asElement();
  if (!element) return undefined;
  try {
    return await element.screenshot({ animations: 'disabled', caret: 'hide', timeout: 5_000 });
  } catch {
    return undefined;
  } finally {
    await handle.dispose();
  }
}

/** A screenshot of the whole pane, or only of the current step when `stepOnly`. */
async function shot(page, file, { stepOnly = false } = {}) {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });
  const options = { path: path.join(shotsDir, file), animations: 'disabled', caret: 'hide' };
  if (stepOnly) await page.locator('section[aria-labelledby^="mkt-step-"]').screenshot(options);
  else await page.screenshot({ ...options, fullPage: true });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A step of the journey, by its numbered label ("2. Décision"), whatever its done/current mark. */
async function goToStep(page, label) {
  await page.getByRole('navigation', { name: /^(Étapes|Steps)$/ }).getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`) }).click();
  await page.waitForFunction((l) => document.querySelector('h2[id^="mkt-step-"]')?.textContent?.includes(l.replace(/^\d+\. /, '')), label);
}

/** A tool (Expliquer, Réparer, Partager, Retirer) from the tools menu. */
async function openTool(page, menu, name) {
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('navigation', { name: menu }).getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('h2[id^="mkt-step-"]')?.textContent?.includes(n), name);
  // The buttons' colours settle (their transition) before anything is measured.
  await page.waitForTimeout(400);
}

// ---------------------------------------------------------------------------------------------

const FR_STEPS = ['1. Diagnostic', '2. Décision', '3. Arbitrage', '4. Pilote', '5. Transfert'];
const FR_TOOLS = ['Expliquer', 'Réparer', 'Partager', 'Retirer ce que MKT a écrit'];

/** Fills a step with example figures so its explanations show (and one bad value, to show a message). */
async function fillStep(page, index) {
  if (index === 1) {
    await page.getByRole('textbox', { name: /Heures de marketing/ }).fill('45');
    await page.getByRole('textbox', { name: /Honoraires externes/ }).fill('40 000');
    await page.getByRole('textbox', { name: /Salaire chargé/ }).fill('60 000');
    await page.getByRole('textbox', { name: /Budget marketing mensuel/ }).fill('1 200');
  }
  if (index === 2) await page.getByRole('textbox', { name: /Budget mensuel à répartir/ }).fill('-2 000');
  if (index === 4) await page.getByRole('textbox', { name: 'Vos propres décisions' }).fill('Garder le salon annuel\nConfier le SEO à une pigiste');
  if (index === 3) {
    await page.getByRole('textbox', { name: /KPI principal/ }).fill('Prospects qualifiés');
    for (const [n, v] of [[1, '20'], [2, '25'], [3, '30']]) await page.getByRole('textbox', { name: `Objectif du KPI, mois ${n}` }).fill(v);
    await page.getByRole('textbox', { name: 'Mois écoulés' }).fill('3');
    await page.getByRole('textbox', { name: /Atteinte du KPI/ }).fill('80');
  }
}

/** The message for 80 typed as a KPI achievement, and its link to the field. */
async function checkValidation(page) {
  const field = page.getByRole('textbox', { name: /Atteinte du KPI/ });
  const described = await field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/[\u00a0\u202f]/g, ' '),
  );
  check('validation: 80 typed for 80 % says "saisissez 80 % ou 0,8, pas 80", linked by aria-describedby', described.includes('saisissez 80 % ou 0,8, pas 80'), described);
  check('validation: the field is marked invalid', (await field.getAttribute('aria-invalid')) === 'true');
}

/** The pane's CSP is there, allows no inline script, and is enforced: an injected inline script does not run. */
async function checkCsp({ page, cspViolations }) {
  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
  const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  check('CSP: taskpane.html declares a Content-Security-Policy', policy.includes("default-src 'self'") && policy.includes("object-src 'none'"), policy);
  check("CSP: scripts from the pane's own origin only, no inline script, no eval", scriptSrc.trim() === "'self'", scriptSrc);
  check('CSP: the pane itself breaks no rule of its policy', cspViolations.length === 0, cspViolations.slice(0, 2).join(' | '));
  const ran = await page.evaluate(async () => {
    const refused = new Promise((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
    const script = document.createElement('script');
    script.textContent = 'window.__cspProbe = 1;';
    document.head.appendChild(script);
    const directive = await Promise.race([refused, new Promise((resolve) => setTimeout(() => resolve('no violation reported'), 2000))]);
    return { ran: window.__cspProbe === 1, directive };
  });
  check('CSP: enforced — an injected inline script does not run', !ran.ran && /script-src/.test(String(ran.directive)), JSON.stringify(ran));
  cspViolations.length = 0; // the probe's own refusal
}

/**
 * A 10 000-character RTL channel name (with U+202E inside) stays inside the pane, and the line's
 * "ROAS (CA ÷ dépense) 4,5:1" keeps its order: measured on screen, character by character.
 */
async function checkLongRtlName(page, origin) {
  await page.goto(`${origin}/channel-names-fixture.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="channels"] li bdi', { timeout: 30_000 });
  const measured = await page.evaluate(() => {
    const line = document.querySelector('[data-testid="channels"] li');
    const bdi = line.querySelector('bdi');
    const after = bdi.nextSibling;
    const text = after?.nodeType === Node.TEXT_NODE ? after.textContent : '';
    const at = text.indexOf('4,5:1');
    const lefts = [];
    for (let i = 0; at >= 0 && i < 5; i++) {
      const range = document.createRange();
      range.setStart(after, at + i);
      range.setEnd(after, at + i + 1);
      lefts.push(range.getBoundingClientRect().left);
    }
    const box = line.getBoundingClientRect();
    return {
      nameLength: bdi.textContent.length,
      override: bdi.textContent.includes('\u202E'),
      isolation: getComputedStyle(bdi).unicodeBidi,
      after: text.replace(/[\u00a0\u202f]/g, ' '),
      lefts,
      lineRight: box.right,
      lineHeight: box.height,
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    };
  });
  check(
    'long RTL name: a 10 000-character name with U+202E is shown, isolated in a <bdi>',
    measured.nameLength === 10_000 && measured.override && measured.isolation === 'isolate',
    JSON.stringify({ length: measured.nameLength, override: measured.override, isolation: measured.isolation }),
  );
  check(
    'long RTL name: stays inside the pane (it wraps; the page is no wider than the viewport)',
    measured.scrollWidth <= measured.viewport && measured.lineRight <= measured.viewport && measured.lineHeight > 100,
    JSON.stringify({ scrollWidth: measured.scrollWidth, viewport: measured.viewport, lineRight: measured.lineRight, lineHeight: measured.lineHeight }),
  );
  const ordered = measured.lefts.length === 5 && measured.lefts.every((x, i) => i === 0 || x > measured.lefts[i - 1]);
  check(
    'long RTL name: "ROAS (CA ÷ dépense) 4,5:1" after it keeps its order on screen (4 , 5 : 1 from left to right)',
    measured.after.startsWith(' : ') && measured.after.includes('ROAS (CA ÷ dépense) 4,5:1') && ordered,
    JSON.stringify({ after: measured.after, lefts: measured.lefts }),
  );
}

// ---------------------------------------------------------------------------------------------
// The journey over the Excel fake (dist/excel-fake-pane.html): the real pane, a workbook that
// records what is written and is kept across a reload, document settings kept the same way.

const JOURNEYS = {
  'fr-FR': {
    steps: ['1. Diagnostic', '2. Décision', '3. Arbitrage', '4. Pilote', '5. Transfert'],
    detect: 'Détecter la disposition',
    writeDiagnostic: 'Écrire la feuille Diagnostic',
    confirmProfile: 'Valider ce profil',
    editProfile: 'Modifier le profil de votre entreprise',
    hours: /Heures de marketing/,
    fees: /Honoraires externes/,
    salary: /Salaire chargé/,
    budget: /Budget marketing mensuel/,
    // 2 signals on, 1 200 € a month (partial tier), fees above 12 × the budget: hire, with a warning.
    figures: ['45', '40 000', '60 000', '1 200'],
    headline: 'Recommandation : Recruter en interne',
    warning: true,
    writeDecision: 'Écrire la décision dans le classeur',
    arbitrageBudget: /Budget mensuel à répartir/,
    monthlyBudget: '1 200',
    margin: /Marge brute/,
    marginValue: '40 %',
    writeArbitrage: 'Écrire la feuille Arbitrage',
    kpi: /KPI principal/,
    target: (n) => `Objectif du KPI, mois ${n}`,
    writePilot: 'Créer le suivi du pilote',
    monthsElapsed: 'Mois écoulés',
    writeTransfer: 'Écrire les feuilles de transfert',
    tools: 'Outils',
    sheets: { arbitrage: 'Arbitrage', pilot: 'Pilote' },
    shots: true,
  },
  'fr-CA': {
    steps: ['1. Diagnostic', '2. Décision', '3. Arbitrage', '4. Pilote', '5. Transfert'],
    detect: 'Détecter la disposition',
    writeDiagnostic: 'Écrire la feuille Diagnostic',
    confirmProfile: 'Valider ce profil',
    editProfile: 'Modifier le profil de votre entreprise',
    hours: /Heures de marketing/,
    fees: /Honoraires externes/,
    salary: /Salaire chargé/,
    budget: /Budget marketing mensuel/,
    // No signal on, 3 000 $ a month: regular outsourcing, in Québec's words.
    figures: ['20', '30 000', '90 000', '3 000'],
    headline: 'Recommandation : Impartition régulière',
    warning: false,
    writeDecision: 'Écrire la décision dans le classeur',
    arbitrageBudget: /Budget mensuel à répartir/,
    monthlyBudget: '3 000',
    margin: /Marge brute/,
    marginValue: '35 %',
    writeArbitrage: 'Écrire la feuille Arbitrage',
    kpi: /Indicateur clé principal/,
    target: (n) => `Objectif de l’indicateur clé, mois ${n}`,
    writePilot: 'Créer le suivi du pilote',
    monthsElapsed: 'Mois écoulés',
    writeTransfer: 'Écrire les feuilles de transfert',
    tools: 'Outils',
    sheets: { arbitrage: 'Arbitrage', pilot: 'Pilote' },
    // Never shown nor written for a Québec (CAD) business.
    forbidden: /euro|€|Externalisation|externalis/i,
    quebecWords: /impartition|impartir|fournisseur/i,
  },
  'en-US': {
    steps: ['1. Diagnostic', '2. Decision', '3. Arbitrage', '4. Pilot', '5. Transfer'],
    detect: 'Detect the layout',
    writeDiagnostic: 'Write the Diagnostic sheet',
    confirmProfile: 'Use this profile',
    editProfile: 'Change your business profile',
    hours: /Weekly hours/,
    fees: /Yearly external fees/,
    salary: /loaded salary/,
    budget: /Monthly marketing budget/,
    // 2 signals on (strong critical mass), 5 000 a month (full tier): hire a lead.
    figures: ['45', '50,000', '70,000', '5,000'],
    headline: 'Recommendation: Hire a lead, keep outside specialists',
    warning: false,
    writeDecision: 'Write the decision in the workbook',
    arbitrageBudget: /Monthly budget to share/,
    monthlyBudget: '2,000',
    margin: /Gross margin/,
    marginValue: '45%',
    writeArbitrage: 'Write the Arbitrage sheet',
    kpi: /Main KPI/,
    target: (n) => `KPI target, month ${n}`,
    writePilot: 'Create the pilot tracker',
    monthsElapsed: 'Months elapsed',
    writeTransfer: 'Write the transfer sheets',
    tools: 'Tools',
    sheets: { arbitrage: 'Allocation', pilot: 'Pilot' },
    darkShot: true,
  },
};

const fake = (page, fn, ...args) => page.evaluate(([f, a]) => window.__mktFake[f](...a), [fn, args]);

/** Clicks a write button and waits for its outcome: the done message in its live region, or an error. */
async function clickAndWait(page, name) {
  const before = await page.evaluate(() => document.querySelectorAll('[aria-live="polite"] .fui-MessageBar, [role="alert"]').length);
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[aria-live="polite"] .fui-MessageBar, [role="alert"]').length > n, before, { timeout: 30_000 });
  const error = await page.locator('[role="alert"]').allInnerTexts();
  if (error.length > 0) throw new Error(`${name}: ${error.join(' ')}`);
}

/** Polls until `read` returns what `until` accepts (or 15 s), and returns the last value. */
async function poll(read, until) {
  let value;
  for (let i = 0; i < 60; i++) {
    value = await read();
    if (until(value)) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  return value;
}

/** The text the pane shows, NBSPs as spaces. */
const shown = (page) => page.evaluate(() => document.body.innerText.replace(/[\u00a0\u202f]/g, ' '));

async function journey(locale, origin) {
  const w = JOURNEYS[locale];
  const session = await launch(locale);
  const { page } = session;
  const name = (text) => `journey ${locale}: ${text}`;
  const noForbidden = async (where) => {
    if (!w.forbidden) return;
    const text = await shown(page);
    check(name(`no "euro", "€" or "Externalisation" shown — ${where}`), !w.forbidden.test(text), (text.match(w.forbidden) ?? [''])[0]);
  };
  try {
    await page.goto(`${origin}/excel-fake-pane.html?reset&lang=${locale}`, { waitUntil: 'load' });
    await page.waitForSelector('h1', { timeout: 30_000 });

    // 1. Diagnostic: the selected range of the fake workbook.
    await page.getByRole('button', { name: w.detect, exact: true }).click();
    await page.waitForSelector('[data-testid="channels"] li', { timeout: 30_000 });
    check(name('the Diagnostic lists the four channels, each with its ROAS'), (await page.locator('[data-testid="channels"] li').count()) === 4);
    await clickAndWait(page, w.writeDiagnostic);
    check(name('the Diagnostic sheet is written'), (await fake(page, 'sheetNames')).includes('Diagnostic'));
    await page.getByRole('button', { name: w.confirmProfile, exact: true }).click();
    check(name('the profile folds into one line once set'), await page.getByRole('button', { name: w.editProfile }).isVisible());
    await noForbidden('Diagnostic');
    if (w.shots) await shot(page, '1-diagnostic.png', { stepOnly: true });

    // 2. Décision: one headline.
    await goToStep(page, w.steps[1]);
    const fields = [w.hours, w.fees, w.salary, w.budget];
    for (const [i, field] of fields.entries()) await page.getByRole('textbox', { name: field }).fill(w.figures[i]);
    const headlines = page.getByTestId('decision-headline');
    check(name('one headline'), (await headlines.count()) === 1);
    const headline = (await headlines.innerText()).replace(/[\u00a0\u202f]/g, ' ');
    check(name(`the headline is "${w.headline}"`), headline === w.headline, headline);
    check(name('its reason and next step, in one sentence each'), (await page.getByTestId('decision-reason').isVisible()) && (await page.getByTestId('decision-next').isVisible()));
    check(name(`a warning when the fees pass 12 × the budget: ${w.warning}`), (await page.getByTestId('decision-warning').count()) === (w.warning ? 1 : 0));
    await noForbidden('Décision');
    await clickAndWait(page, w.writeDecision);
    if (w.shots) {
      await axe(page, `journey ${locale}, Décision`);
      await shot(page, '2-decision.png', { stepOnly: true });
      await shot(page, '0-pane.png');
    }
    if (locale === 'fr-CA') await shot(page, '0-quebec.png', { stepOnly: true });
    if (locale === 'en-US') await shot(page, '0-english.png', { stepOnly: true });

    // At 320 px the current step is on the first screen.
    await page.setViewportSize({ width: 320, height: 568 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const fold = await page.evaluate(() => {
      const heading = document.querySelector('h2[id^="mkt-step-"]');
      const firstField = heading?.closest('section')?.querySelector('input, select, textarea, button');
      return { heading: heading?.getBoundingClientRect().bottom ?? 1e9, field: firstField?.getBoundingClientRect().top ?? 1e9, height: window.innerHeight, width: document.documentElement.scrollWidth };
    });
    check(name('at 320 px the current step and its first field are on the first screen (568 px)'), fold.heading < fold.height && fold.field < fold.height && fold.width <= 320, JSON.stringify(fold));
    await page.setViewportSize(VIEWPORT);

    // 3. Arbitrage: the preview before anything is written.
    await goToStep(page, w.steps[2]);
    await page.getByRole('textbox', { name: w.arbitrageBudget }).fill(w.monthlyBudget);
    await page.getByRole('textbox', { name: w.margin }).fill(w.marginValue);
    await page.waitForSelector('[data-testid="arbitrage-preview"]', { timeout: 10_000 });
    const rows = await page.locator('[data-testid="arbitrage-preview"] tbody tr').count();
    check(name('the Arbitrage preview shows each channel and the total before any write'), rows === 5, String(rows));
    check(name('…with a chart, the expected revenue and the contribution'), (await page.getByTestId('split-chart').isVisible()) && (await page.getByTestId('arbitrage-expected').isVisible()) && (await page.getByTestId('arbitrage-contribution').isVisible()));
    check(name('…and nothing is written yet'), !(await fake(page, 'sheetNames')).includes(w.sheets.arbitrage));
    await noForbidden('Arbitrage');
    if (w.shots) {
      await axe(page, `journey ${locale}, Arbitrage`);
      await shot(page, '3-arbitrage.png', { stepOnly: true });
    }
    if (w.darkShot) {
      // The pane reopened in a dark theme: the Arbitrage step and its inputs come back from memory.
      await page.waitForTimeout(800);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-testid="arbitrage-preview"]', { timeout: 30_000 });
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor);
      check(name('reopened in a dark theme, on the Arbitrage step, its preview restored'), isDark(background), background);
      await shot(page, '0-dark.png', { stepOnly: true });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-testid="arbitrage-preview"]', { timeout: 30_000 });
    }
    await clickAndWait(page, w.writeArbitrage);
    check(name('the Arbitrage sheet is written when asked'), (await fake(page, 'sheetNames')).includes(w.sheets.arbitrage));

    // 4. Pilote: the tracker, then the user types two months of actuals in it.
    await goToStep(page, w.steps[3]);
    await page.getByRole('textbox', { name: w.kpi }).fill(locale === 'en-US' ? 'Qualified leads' : 'Prospects qualifiés');
    for (const n of [1, 2, 3]) await page.getByRole('textbox', { name: w.target(n), exact: true }).fill(String(15 + 5 * n));
    await clickAndWait(page, w.writePilot);
    const pilotSheet = (await fake(page, 'sheetNames')).find((s) => s.startsWith(w.sheets.pilot));
    check(name('the pilot tracker is written'), pilotSheet !== undefined);
    await fake(page, 'type', pilotSheet, 'C5', 18);
    await fake(page, 'type', pilotSheet, 'C6', 26);
    await noForbidden('Pilote');

    // Memory: the pane closed and opened again on the same workbook.
    await page.waitForTimeout(800); // the pane saves its memory a moment after the last change
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('h2[id^="mkt-step-"]', { timeout: 30_000 });
    const heading = await page.locator('h2[id^="mkt-step-"]').innerText();
    check(name('after a reload the pane reopens on the step it was on'), heading.includes(w.steps[3].replace(/^\d+\. /, '')), heading);
    check(name('…with the profile still set (folded)'), await page.getByRole('button', { name: w.editProfile }).isVisible());
    const months = await poll(() => page.getByRole('textbox', { name: w.monthsElapsed, exact: true }).inputValue(), (v) => v !== '');
    check(name('the Pilot step reads its tracker: 2 months entered, not asked again'), months === '2', months);
    check(name('…and says it read them from the tracker'), await page.getByTestId('pilot-from-tracker').isVisible());
    const done = await page.getByRole('navigation', { name: /^(Étapes|Steps)$/ }).getByRole('button').allInnerTexts();
    check(name('the steps written are marked done (✓)'), done.filter((t) => t.includes('✓')).length >= 4, done.join(' | '));
    if (w.shots) await shot(page, '4-pilote.png', { stepOnly: true });
    await goToStep(page, w.steps[1]);
    const hours = await page.getByRole('textbox', { name: w.hours }).inputValue();
    check(name('the Décision inputs are restored'), hours === w.figures[0], hours);

    // 5. Transfert, and what was written in the workbook.
    await goToStep(page, w.steps[4]);
    await clickAndWait(page, w.writeTransfer);
    if (w.shots) await shot(page, '5-transfert.png', { stepOnly: true });
    await noForbidden('Transfert');
    const texts = await fake(page, 'writtenTexts');
    if (w.forbidden) {
      const bad = texts.filter((t) => /euro|€/i.test(t));
      check(name('nothing written in the workbook says "euro" or "€"'), bad.length === 0, bad.slice(0, 3).join(' | '));
      check(name('the workbook gets Québec words (impartition, fournisseur)'), texts.some((t) => w.quebecWords.test(t)), texts.slice(0, 5).join(' | '));
    }

    // The tools, over the same workbook.
    if (w.shots) {
      for (const [tool, file] of [['Expliquer', '6-expliquer'], ['Réparer', '7-reparer'], ['Partager', '8-partager']]) {
        await openTool(page, w.tools, tool);
        await shot(page, `${file}.png`, { stepOnly: true });
      }
    }
    await openTool(page, w.tools, locale === 'en-US' ? 'Remove what MKT wrote' : 'Retirer ce que MKT a écrit');
    const removeLabel = locale === 'en-US' ? 'Remove what MKT wrote' : 'Retirer ce que MKT a écrit';
    await page.getByRole('button', { name: removeLabel, exact: true }).last().click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 10_000 });
    if (w.shots && shotsDir) await page.screenshot({ path: path.join(shotsDir, '9-retirer.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: locale === 'en-US' ? 'Remove' : 'Retirer', exact: true }).click();
    await page.getByTestId('remove-result').waitFor({ timeout: 30_000 });
    // The user typed actuals in the tracker: that sheet stays, holding only what the user typed.
    const left = await fake(page, 'sheetNames');
    check(name('"Retirer ce que MKT a écrit" removes the pane’s sheets, keeps the user’s and the tracker the user typed in'), JSON.stringify(left) === JSON.stringify(['Budget 2025', pilotSheet]), left.join(', '));
    const kept = await page.evaluate((sheet) => Object.entries(window.__mktFake.workbook.sheet(sheet).snapshot()).map(([a, c]) => `${a}=${c.value}`), pilotSheet);
    check(name('…where only the user’s cells are left (18 and 26)'), JSON.stringify(kept) === JSON.stringify(['C5=18', 'C6=26']), kept.join(', '));
  } finally {
    pageErrorsOf.push(...session.errors);
    outsideOf.push(...session.requests.filter((u) => !isOwn(u, origin)));
    await session.close();
  }
}
const pageErrorsOf = [];
const outsideOf = [];

/**
 * « Insérer l'exemple » over the Excel fake: a host with ExcelApi 1.13 (`?insert`) puts the example
 * of the profile's region at the end of the workbook; one without it offers the file, which the
 * server has beside the pane.
 */
async function exampleJourney(locale, origin) {
  const session = await launch(locale);
  const { page } = session;
  const fr = locale.startsWith('fr');
  const file = locale === 'fr-CA' ? 'budget-pme-qc.xlsx' : 'budget-tpe-fr.xlsx';
  const name = (text) => `example ${locale}: ${text}`;
  try {
    await page.goto(`${origin}/excel-fake-pane.html?reset&lang=${locale}`, { waitUntil: 'load' });
    const link = page.getByTestId('example-offer').getByRole('link');
    await link.waitFor({ timeout: 30_000 });
    const href = await link.getAttribute('href');
    check(name('without ExcelApi 1.13: the file to download, no button'), href.endsWith(`/assets/examples/${file}`) && (await page.getByTestId('example-offer').getByRole('button').count()) === 0, href);
    const served = await page.evaluate(async (url) => (await fetch(url)).status, href);
    check(name('the file is served beside the pane'), served === 200, String(served));
    await axe(page, name('the file offered'));
    // The same in a dark theme: the link keeps the theme's link colour.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload({ waitUntil: 'load' });
    await link.waitFor({ timeout: 30_000 });
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor);
    check(name('in a dark theme'), isDark(background), background);
    await axe(page, name('the file offered, dark theme'));
    await page.emulateMedia({ colorScheme: 'light' });

    await page.goto(`${origin}/excel-fake-pane.html?reset&insert&lang=${locale}`, { waitUntil: 'load' });
    const button = page.getByRole('button', { name: fr ? 'Insérer l’exemple' : 'Insert the example', exact: true });
    await button.waitFor({ timeout: 30_000 });
    if (locale === 'fr-FR') await shot(page, '0-exemple.png', { stepOnly: true });
    await button.click();
    await page.getByTestId('example-result').waitFor({ timeout: 30_000 });
    const sheets = await fake(page, 'sheetNames');
    check(name('the example’s sheets at the end of the workbook, the user’s first'), sheets[0] === 'Budget 2025' && sheets.includes('À lire') && sheets.length > 2, sheets.join(', '));
    await axe(page, name('inserted'));
    if (locale === 'fr-FR') await shot(page, '0-exemple-insere.png', { stepOnly: true });
    // A second insert would clash: the button is off once inserted; after a reload it says so.
    await page.reload({ waitUntil: 'load' });
    await button.waitFor({ timeout: 30_000 });
    await button.click();
    await page.getByTestId('example-result').waitFor({ timeout: 30_000 });
    const again = await fake(page, 'sheetNames');
    const said = (await page.getByTestId('example-result').innerText()).replace(/[\u00a0\u202f]/g, ' ');
    check(name('a second insert clashes: nothing inserted, the sheets named, the file offered'), again.length === sheets.length && /À lire/.test(said) && (await page.getByTestId('example-offer').getByRole('link').count()) === 1, said);
  } finally {
    pageErrorsOf.push(...session.errors);
    outsideOf.push(...session.requests.filter((u) => !isOwn(u, origin)));
    await session.close();
  }
}

async function main() {
  if (!check('the build exists (dist/taskpane.html)', fs.existsSync(path.join(dist, 'taskpane.html')), `missing ${path.join(dist, 'taskpane.html')}: run npm run build`)) return finish();
  if (!check('Debian chromium is installed', fs.existsSync(chromiumPath), `missing ${chromiumPath}: apt-get install -y chromium`)) return finish();

  const server = await serve(dist);
  const outside = [];
  const pageErrors = [];
  const cspViolations = [];
  try {
    if (!ONLY_JOURNEY) {
    // French (fr-FR), light theme: every step.
    const fr = await launch('fr-FR');
    try {
      const { page } = fr;
      await open(page, server.origin);
      check('renders in French from the browser language', (await h1(page)).includes('décisions marketing'), await h1(page));
      check('outside Excel: says the pane must be opened from Excel', await page.getByText('Ouvrez ce volet depuis Excel').isVisible());
      check('outside Excel: the workbook actions are disabled', await page.getByRole('button', { name: 'Détecter la disposition' }).isDisabled());
      check('France: euros by default', (await page.getByTestId('profile-summary').innerText()).includes('euros'));
      await attempt('Content-Security-Policy', () => checkCsp(fr));
      for (const [i, label] of FR_STEPS.entries()) {
        await attempt(`step ${label}`, async () => {
          await goToStep(page, label);
          await fillStep(page, i);
          if (i === 3) await checkValidation(page);
          await keyboardWalk(page, label);
          await axe(page, `fr, ${label}`);
        });
      }
      for (const tool of FR_TOOLS) {
        await attempt(`tool ${tool}`, async () => {
          await openTool(page, 'Outils', tool);
          check(`tools: ${tool} is a tool, not a numbered step`, (await page.locator('h2[id^="mkt-step-"]').innerText()).startsWith('Outil'));
          await axe(page, `fr, ${tool}`);
        });
      }

      // Switch to English with the keyboard.
      await attempt('language switch', async () => {
        await goToStep(page, '1. Diagnostic');
        const select = page.getByRole('combobox', { name: 'Langue' });
        await select.focus();
        await select.selectOption('en');
        await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('marketing decisions'));
        check('renders in English after the language switch', (await h1(page)).includes('marketing decisions'));
        check('English: says the pane must be opened from Excel', await page.getByText('Open this pane from Excel').isVisible());
        await keyboardWalk(page, 'en, Diagnostic');
        await axe(page, 'en, Diagnostic');
      });
      outside.push(...fr.requests.filter((u) => !isOwn(u, server.origin)));
      pageErrors.push(...fr.errors);
      cspViolations.push(...fr.cspViolations);
    } finally {
      await fr.close();
    }

    // Québec (fr-CA): CAD and Québec wording by default.
    const qc = await launch('fr-CA');
    try {
      const { page } = qc;
      await open(page, server.origin);
      check('fr-CA: the Québec market is selected', (await page.getByRole('combobox', { name: 'Marché' }).inputValue()) === 'QC');
      check('fr-CA: Canadian dollars', (await page.getByTestId('profile-summary').innerText()).includes('dollars canadiens'));
      check('fr-CA: Québec wording (PME, impartir)', await page.getByText(/impartir le marketing de votre PME/).isVisible());
      await axe(page, 'fr-CA');
      outside.push(...qc.requests.filter((u) => !isOwn(u, server.origin)));
      pageErrors.push(...qc.errors);
    } finally {
      await qc.close();
    }

    // English (en-US) in a dark browser: the dark theme, and English by default.
    const dark = await launch('en-US', 'dark');
    try {
      const { page } = dark;
      await open(page, server.origin);
      check('renders in English from an English browser', (await h1(page)).includes('marketing decisions'));
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor);
      check('dark: the pane follows a dark theme', isDark(background), background);
      await goToStep(page, '2. Decision');
      await keyboardWalk(page, 'en dark, Decision');
      await axe(page, 'en dark, Decision');
      outside.push(...dark.requests.filter((u) => !isOwn(u, server.origin)));
      pageErrors.push(...dark.errors);
      cspViolations.push(...dark.cspViolations);
    } finally {
      await dark.close();
    }

    // Where Office hosts the page (it passes _host_Info), the offline build loads its local
    // office.js before the functions; outside Office it loads none (see src/taskpane/taskpane.html).
    const hosted = await launch('fr-FR');
    try {
      await hosted.page.goto(`${server.origin}/taskpane.html?_host_Info=Excel$Web$16.01$fr-FR$$$$0`, { waitUntil: 'domcontentloaded' });
      // A parser-inserted script runs where it stands; the deferred functions.js runs after parsing.
      const scripts = await hosted.page.evaluate(() => Array.from(document.scripts).map((s) => (s.src ? new URL(s.src).pathname : 'inline')));
      const officeJs = scripts.indexOf('/office-js/office.js');
      const functionsJs = scripts.indexOf('/functions.js');
      check('in Office: runs the local office.js before functions.js', officeJs >= 0 && officeJs < functionsJs, scripts.join(' '));
      check('in Office: office.js is loaded', await hosted.page.evaluate(() => typeof Office !== 'undefined'));
      check('outside Office: office.js is not loaded', !fr.requests.some((u) => u.includes('/office-js/')));
      check('in Office: office.js loads under the CSP without breaking it', hosted.cspViolations.length === 0, hosted.cspViolations.slice(0, 2).join(' | '));
    } finally {
      await hosted.close();
    }

    // Channel names are workbook text: the offline build's test-only page renders the Diagnostic
    // step with a 10 000-character Arabic name holding an RTL override (src/taskpane/testing/).
    const names = await launch('fr-FR');
    try {
      await attempt('long RTL channel name', () => checkLongRtlName(names.page, server.origin));
      outside.push(...names.requests.filter((u) => !isOwn(u, server.origin)));
      pageErrors.push(...names.errors);
      cspViolations.push(...names.cspViolations);
    } finally {
      await names.close();
    }

      await attempt('help pages', () => checkHelpPages({ launch, origin: server.origin, check, axe }));
      await attempt('privacy pages', () => checkPrivacyPages({ launch, origin: server.origin, check, axe }));
    }

    // The journey over the Excel fake, in the three languages.
    if (fs.existsSync(path.join(dist, 'excel-fake-pane.html'))) {
      for (const locale of Object.keys(JOURNEYS)) await attempt(`journey ${locale}`, () => journey(locale, server.origin));
      for (const locale of ['fr-FR', 'fr-CA', 'en-US']) await attempt(`example ${locale}`, () => exampleJourney(locale, server.origin));
      outside.push(...outsideOf);
      pageErrors.push(...pageErrorsOf);
    } else {
      check('the offline build has the Excel-fake page (dist/excel-fake-pane.html)', false, 'run npm run build');
    }
  } catch (error) {
    check('browser session', false, String(error?.message ?? error).split('\n')[0]);
  } finally {
    await server.close();
  }
  check('requests nothing outside its own origin', outside.length === 0, [...new Set(outside)].slice(0, 5).join(', '));
  check('no script error in the page', pageErrors.length === 0, pageErrors.slice(0, 3).join(' | '));
  check('CSP: no page broke the policy', cspViolations.length === 0, cspViolations.slice(0, 2).join(' | '));
  finish();
}

function isOwn(url, origin) {
  return url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

function isDark(rgb) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  return m ? (Number(m[1]) + Number(m[2]) + Number(m[3])) / 3 < 80 : false;
}

main().catch((error) => {
  check('browser test', false, String(error?.stack ?? error));
  finish();
});
