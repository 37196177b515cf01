/**
 * TEST-ONLY page (test/browser/run.mjs, npm run screenshots): the real task pane over the
 * repository's recording Excel fake (test/support/excel-fake.ts), so a headless browser can walk
 * the journey — read a history, write sheets, read them back — without Excel.
 *
 * - `?lang=fr-CA` picks Office's display language (default: the browser's);
 * - the workbook and the document settings are kept in localStorage, as a document keeps them:
 *   a reload is the pane closed and opened again on the same workbook; `?reset` starts afresh;
 * - `window.__mktFake` exposes the workbook for the test to inspect and to type in (the pilot's
 *   actuals), as a user would in Excel.
 * The fake computes no formula (MKT cells stay empty): what the pane shows comes from the rules.
 *
 * Built only into the offline build; never into the production build (test/build/no-test-only-code).
 */
import { FakeContext, FakeSheet, FakeWorkbook, type CellValue, type FakeCell } from '../../../test/support/excel-fake';
import { mount } from '../app';

const WORKBOOK_KEY = 'mkt-fake-workbook';
const SETTINGS_KEY = 'mkt-fake-settings';

const params = new URLSearchParams(location.search);
const displayLanguage = params.get('lang') ?? navigator.language;
if (params.has('reset')) {
  localStorage.removeItem(WORKBOOK_KEY);
  localStorage.removeItem(SETTINGS_KEY);
  params.delete('reset');
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
}

// ---------------------------------------------------------------------------------------------
// The workbook: a year of monthly history, in the words of the display language

const MONTHS: Record<string, string[]> = {
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

function seed(tag: string): FakeWorkbook {
  const lang = tag.toLowerCase().startsWith('en') ? 'en' : 'fr';
  const quebec = /-ca$/i.test(tag);
  const workbook = new FakeWorkbook({ listSeparator: lang === 'fr' ? ';' : ',', displayLanguage: tag });
  const sheet = workbook.addSheet(lang === 'fr' ? 'Budget 2025' : 'Budget 2025');
  const months = MONTHS[lang];
  const words = lang === 'fr' ? { channel: 'Canal', spend: 'Dépenses', revenue: quebec ? 'Revenus' : 'CA' } : { channel: 'Channel', spend: 'Spend', revenue: 'Revenue' };
  const newsletter = lang === 'en' ? 'Newsletter' : quebec ? 'Infolettre' : 'Newsletter';
  const fairs = lang === 'en' ? 'Trade fairs' : 'Salons';
  sheet.put('A1', [[lang === 'fr' ? 'Budget marketing 2025' : 'Marketing budget 2025']]);
  sheet.put('A3', [['', words.spend, ...Array(11).fill(''), words.revenue, ...Array(11).fill('')]]);
  sheet.put('A4', [[words.channel, ...months, ...months]]);
  // Spend varies month to month (the curves need it); revenue shows diminishing returns.
  const rows: Array<[string, (m: number) => number, (s: number) => number]> = [
    ['Google Ads', (m) => 600 + 90 * ((m * 5) % 7), (s) => Math.round(160 * Math.sqrt(s))],
    ['Meta Ads', (m) => 300 + 60 * ((m * 3) % 5), (s) => Math.round(70 * Math.sqrt(s))],
    [newsletter, (m) => 30 + 8 * (m % 4), (s) => Math.round(300 * Math.sqrt(s))],
    [fairs, (m) => (m % 6 === 2 ? 1500 : 0), (s) => Math.round(s * 1.4)],
  ];
  rows.forEach(([name, spendOf, revenueOf], i) => {
    const spend = months.map((_, m) => spendOf(m));
    sheet.put(`A${5 + i}`, [[name, ...spend, ...spend.map(revenueOf)] as CellValue[]]);
  });
  // The titles row above the months is part of the history: it says which run is the spend.
  workbook.select(sheet, `A3:Y${4 + rows.length}`);
  return workbook;
}

// ---------------------------------------------------------------------------------------------
// Kept in localStorage between reloads: cells and names (charts are not read back)

interface Stored {
  sheets: Array<{ name: string; cells: Array<[number, number, FakeCell]> }>;
  names: Array<{ name: string; sheet: string; rect: FakeWorkbook['names'][number]['rect']; comment?: string; visible?: boolean }>;
  selection?: { sheet: string; rect: FakeWorkbook['names'][number]['rect'] };
  displayLanguage: string;
  listSeparator: ',' | ';';
}

function store(workbook: FakeWorkbook): void {
  const data: Stored = {
    sheets: workbook.sheets.map((s) => ({ name: s.name, cells: [...s.rows].flatMap(([r, row]) => [...row].map(([c, cell]) => [r, c, cell] as [number, number, FakeCell])) })),
    names: workbook.names.map((n) => ({ name: n.name, sheet: n.sheet.name, rect: n.rect, comment: n.comment, visible: n.visible })),
    selection: workbook.selection && { sheet: workbook.selection.sheet.name, rect: workbook.selection.rect },
    displayLanguage: workbook.displayLanguage,
    listSeparator: workbook.listSeparator,
  };
  localStorage.setItem(WORKBOOK_KEY, JSON.stringify(data));
}

function restore(): FakeWorkbook | undefined {
  const raw = localStorage.getItem(WORKBOOK_KEY);
  if (!raw) return undefined;
  const data = JSON.parse(raw) as Stored;
  const workbook = new FakeWorkbook({ listSeparator: data.listSeparator, displayLanguage: data.displayLanguage });
  for (const s of data.sheets) {
    const sheet: FakeSheet = workbook.addSheet(s.name);
    for (const [r, c, cell] of s.cells) Object.assign(sheet.ensure(r, c), cell);
  }
  for (const n of data.names) {
    const sheet = workbook.sheet(n.sheet);
    if (sheet) workbook.names.push({ name: n.name, sheet, rect: n.rect, comment: n.comment, visible: n.visible });
  }
  const selected = data.selection && workbook.sheet(data.selection.sheet);
  if (selected && data.selection) workbook.select(selected, rectText(data.selection.rect));
  return workbook;
}

function rectText(r: { row: number; column: number; rows: number; columns: number }): string {
  const col = (i: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `${col(r.column)}${r.row + 1}:${col(r.column + r.columns - 1)}${r.row + r.rows}`;
}

const workbook = restore() ?? seed(displayLanguage);
store(workbook);

// The `Excel` namespace: every run on the fake, the workbook kept after it (as a document is).
(globalThis as unknown as { Excel: unknown }).Excel = {
  run: async (callback: (context: FakeContext) => Promise<unknown>) => {
    workbook.runs++;
    try {
      return await callback(new FakeContext(workbook));
    } finally {
      store(workbook);
    }
  },
  RangeCopyType: { all: 'All', formats: 'Formats', formulas: 'Formulas', values: 'Values' },
  ErrorCodes: { accessDenied: 'AccessDenied', itemNotFound: 'ItemNotFound' },
};

// Office.context.document.settings: an in-memory copy loaded with the document; saveAsync
// writes it into the document (here localStorage), as Office does.
const saved: Record<string, unknown> = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}');
const settings: Record<string, unknown> = structuredClone(saved);
(globalThis as unknown as { Office: unknown }).Office = {
  context: {
    displayLanguage,
    platform: 'OfficeOnline',
    // `?insert`: a host with ExcelApi 1.13, where « Insérer l'exemple » can insert sheets from a
    // file; every other set answers false, as before.
    requirements: { isSetSupported: (name: string, version?: string) => params.has('insert') && name === 'ExcelApi' && version === '1.13' },
    document: {
      settings: {
        get: (name: string) => (name in settings ? structuredClone(settings[name]) : null),
        set: (name: string, value: unknown) => {
          settings[name] = structuredClone(value);
        },
        remove: (name: string) => {
          delete settings[name];
        },
        saveAsync: (callback?: (result: { status: string }) => void) => {
          localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
          setTimeout(() => callback?.({ status: 'succeeded' }), 0);
        },
      },
    },
  },
};
(window as unknown as { __mktFake: unknown }).__mktFake = {
  workbook,
  /** What a user types in a cell, kept with the workbook. */
  type(sheet: string, address: string, value: CellValue) {
    workbook.sheet(sheet)?.put(address, [[value]]);
    store(workbook);
  },
  sheetNames: () => workbook.sheets.map((s) => s.name),
  /** Every text cell MKT wrote (sheets other than the user's history). */
  writtenTexts: () =>
    workbook.sheets
      .filter((s) => s.name !== 'Budget 2025')
      .flatMap((s) => [...s.rows.values()].flatMap((row) => [...row.values()].filter((c) => typeof c.value === 'string' && c.formula === undefined).map((c) => c.value as string))),
};

const container = document.getElementById('root');
if (container) mount(container, { inExcel: true, displayLanguage });
