/**
 * Recognising where channels, spend and revenue are in the user's range. Pure: no Office.js.
 *
 * Two layouts: one column each (`single`), or twelve monthly columns each (`monthly`; any run of
 * consecutive months is accepted, twelve is expected). Headers are read in French and English,
 * accents and case ignored. Without recognisable headers the layout is guessed from the shape of
 * the data (a text column, then numbers) and the confidence says so, for the UI to ask.
 */
import type { ColumnSpan, DetectedLayout, LayoutIssue } from './types';

/** At or above this confidence the UI may go on without asking. */
export const LAYOUT_CONFIDENT = 0.75;

/** Rows scanned for a header row. */
const HEADER_SCAN_ROWS = 10;

type Role = 'channel' | 'spend' | 'revenue';

interface HeaderCell {
  role?: Role;
  month?: number;
}

const ROLE_WORDS: ReadonlyArray<[Role, RegExp]> = [
  ['channel', /^(canal|canaux|channels?|sources?|leviers?|medias?|supports?|campagnes?|campaigns?)$/],
  ['spend', /^(depenses?|spend(ing)?|couts?|costs?|budgets?|investissements?|investments?|invest|dep)$/],
  ['revenue', /^(revenus?|revenues?|ca|chiffre|ventes?|sales|recettes?|incomes?|turnover|gains?)$/],
];

/** Month tokens, French and English, without accents. */
const MONTHS: ReadonlyArray<RegExp> = [
  /^(janvier|janv|jan|january)$/,
  /^(fevrier|fevr|fev|february|feb)$/,
  /^(mars|mar|march)$/,
  /^(avril|avr|april|apr)$/,
  /^(mai|may)$/,
  /^(juin|june|jun)$/,
  /^(juillet|juil|july|jul)$/,
  /^(aout|august|aug)$/,
  /^(septembre|sept|sep|september)$/,
  /^(octobre|oct|october)$/,
  /^(novembre|nov|november)$/,
  /^(decembre|dec|december)$/,
];

const TOTAL_ROW = /^(total|totaux|sous total|grand total|somme|sum|ensemble)\b/;

/** Lower case, accents and punctuation removed, words separated by one space. */
export function normaliseHeader(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a header cell says: a role (channel, spend, revenue), a month (0–11), both or neither. */
export function classifyHeader(value: unknown): HeaderCell {
  const text = normaliseHeader(value);
  if (!text) return {};
  const tokens = text.split(' ');
  const cell: HeaderCell = {};
  for (const token of tokens) {
    if (cell.role === undefined) {
      for (const [role, words] of ROLE_WORDS) {
        if (words.test(token)) {
          cell.role = role;
          break;
        }
      }
    }
    if (cell.month === undefined) {
      const month = MONTHS.findIndex((words) => words.test(token));
      if (month >= 0) cell.month = month;
      const numbered = /^m(\d{1,2})$/.exec(token);
      if (numbered && +numbered[1] >= 1 && +numbered[1] <= 12) cell.month = +numbered[1] - 1;
    }
  }
  // "chiffre d'affaires" and "coût" read above; "CA" alone is revenue, already a token.
  return cell;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isNumericText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim().replace(/\s/g, '').replace(',', '.')));
}

interface MonthRun {
  first: number;
  count: number;
  role?: Role;
}

/** Runs of consecutive columns whose headers are consecutive months (cyclic: a fiscal year may start in April). */
function monthRuns(header: readonly HeaderCell[]): MonthRun[] {
  const runs: MonthRun[] = [];
  let c = 0;
  while (c < header.length) {
    const month = header[c].month;
    if (month === undefined) {
      c++;
      continue;
    }
    const run: MonthRun = { first: c, count: 1, role: header[c].role };
    while (
      run.count < 12 &&
      c + run.count < header.length &&
      header[c + run.count].month === (month + run.count) % 12 &&
      (header[c + run.count].role === undefined || run.role === undefined || header[c + run.count].role === run.role)
    ) {
      run.role ??= header[c + run.count].role;
      run.count++;
    }
    runs.push(run);
    c += run.count;
  }
  return runs;
}

/** The role written over a month run in the row above (a merged group header). */
function groupRole(above: readonly unknown[] | undefined, run: MonthRun): Role | undefined {
  if (!above) return undefined;
  for (let c = run.first; c < run.first + run.count; c++) {
    if (!isBlank(above[c])) return classifyHeader(above[c]).role;
  }
  return undefined;
}

function findHeaderRow(grid: readonly (readonly unknown[])[]): { row: number; cells: HeaderCell[] } | undefined {
  let best: { row: number; cells: HeaderCell[]; score: number } | undefined;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, grid.length); r++) {
    const cells = grid[r].map(classifyHeader);
    const roles = new Set(cells.filter((c) => c.role && c.month === undefined).map((c) => c.role));
    const months = cells.filter((c) => c.month !== undefined).length;
    const score = roles.size * 2 + Math.min(months, 24) / 2;
    if (score >= 2 && (!best || score > best.score)) best = { row: r, cells, score };
  }
  return best;
}

/** The share of non-blank cells of a column (over rows) that are numbers. */
function columnProfile(grid: readonly (readonly unknown[])[], column: number, from: number, to: number) {
  let numbers = 0;
  let numericText = 0;
  let text = 0;
  let blanks = 0;
  for (let r = from; r <= to && r < grid.length; r++) {
    const v = grid[r][column];
    if (isBlank(v)) blanks++;
    else if (isNumber(v)) numbers++;
    else if (isNumericText(v)) numericText++;
    else if (typeof v === 'string') text++;
  }
  const filled = numbers + numericText + text;
  return { numbers, numericText, text, blanks, filled };
}

/**
 * Detects the layout of a grid of cell values (the source's first rows, as `range.values` gives them).
 * @param grid rows of values; may be only the first rows of a larger source
 * @param totalRows rows in the whole source (default: grid.length)
 * @param lastRow the source's last row, when the grid does not reach it (to exclude a total row)
 * @returns the layout, or undefined when no column of numbers is found
 * @example
 * detectLayout([['Canal', 'Dépenses', 'CA'], ['SEO', 100, 500]])
 * //=> { kind: 'single', channelColumn: 0, spend: { first: 1, count: 1 }, revenue: { first: 2, count: 1 }, confident: true, … }
 */
export function detectLayout(
  grid: readonly (readonly unknown[])[],
  totalRows: number = grid.length,
  lastRow?: readonly unknown[],
): DetectedLayout | undefined {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  if (grid.length === 0 || width === 0) return undefined;
  const issues: LayoutIssue[] = [];
  let confidence = 1;

  const header = findHeaderRow(grid);
  const headerRow = header ? header.row : -1;
  const headerCells: HeaderCell[] = header ? header.cells : [];
  const firstDataRow = headerRow + 1;
  const sampleEnd = grid.length - 1;
  if (!header) {
    issues.push('noHeaderRow');
    confidence -= 0.35;
  }

  const profiles = Array.from({ length: width }, (_, c) => columnProfile(grid, c, firstDataRow, sampleEnd));
  const numericColumns = profiles
    .map((p, c) => ({ p, c }))
    .filter(({ p }) => p.filled > 0 && (p.numbers + p.numericText) / p.filled >= 0.8)
    .map(({ c }) => c);
  if (numericColumns.length === 0) return undefined;

  // Measures: monthly runs first, then single columns.
  let kind: DetectedLayout['kind'] = 'single';
  let spend: ColumnSpan | undefined;
  let revenue: ColumnSpan | undefined;
  let guessed = false;

  const runs = monthRuns(headerCells).filter((run) => run.count >= 2);
  if (runs.length >= 2) {
    const above = headerRow > 0 ? grid[headerRow - 1] : undefined;
    for (const run of runs) run.role ??= groupRole(above, run);
    const spendRun = runs.find((run) => run.role === 'spend');
    const revenueRun = runs.find((run) => run.role === 'revenue');
    const [a, b] = runs;
    if (spendRun && revenueRun) {
      spend = spendRun;
      revenue = revenueRun;
    } else if (spendRun || revenueRun) {
      const other = runs.find((run) => run !== (spendRun ?? revenueRun));
      spend = spendRun ?? other;
      revenue = revenueRun ?? other;
      guessed = true;
    } else {
      spend = a;
      revenue = b;
      guessed = true;
    }
    kind = 'monthly';
    if (spend!.count !== 12 || revenue!.count !== 12 || spend!.count !== revenue!.count) {
      issues.push('monthsIncomplete');
      confidence -= 0.2;
    }
    spend = { first: spend!.first, count: spend!.count };
    revenue = { first: revenue!.first, count: revenue!.count };
  } else {
    const spendCol = headerCells.findIndex((c) => c.role === 'spend' && c.month === undefined);
    const revenueCol = headerCells.findIndex((c) => c.role === 'revenue' && c.month === undefined);
    if (spendCol >= 0) spend = { first: spendCol, count: 1 };
    if (revenueCol >= 0) revenue = { first: revenueCol, count: 1 };
    if (headerCells.filter((c) => c.role === 'spend' && c.month === undefined).length > 1) confidence -= 0.15;
    if (headerCells.filter((c) => c.role === 'revenue' && c.month === undefined).length > 1) confidence -= 0.15;
    const unused = numericColumns.filter((c) => c !== spend?.first && c !== revenue?.first);
    if (!spend && !revenue && numericColumns.length === 24 && !header) {
      kind = 'monthly';
      spend = { first: numericColumns[0], count: 12 };
      revenue = { first: numericColumns[12], count: 12 };
      guessed = true;
    } else {
      if (!spend && unused.length > 0) {
        spend = { first: unused.shift()!, count: 1 };
        guessed = true;
      }
      if (!revenue && unused.length > 0) {
        revenue = { first: unused.shift()!, count: 1 };
        guessed = true;
      }
    }
  }
  if (!spend) issues.push('noSpendColumn');
  if (!revenue) issues.push('noRevenueColumn');
  if (guessed) {
    issues.push('guessedByPosition');
    confidence -= 0.3;
  }

  // Channel column: a header that says so, else the first mostly-text column outside the measures.
  const inMeasure = (c: number) =>
    (spend && c >= spend.first && c < spend.first + spend.count) || (revenue && c >= revenue.first && c < revenue.first + revenue.count);
  let channelColumn = headerCells.findIndex((c, i) => c.role === 'channel' && !inMeasure(i));
  if (channelColumn < 0) {
    channelColumn = profiles.findIndex((p, c) => !inMeasure(c) && p.text > 0 && p.text >= p.numbers);
    if (channelColumn >= 0 && header) confidence -= 0.1;
  }
  if (channelColumn < 0) {
    issues.push('noChannelColumn');
    confidence -= 0.4;
  }

  // Numbers stored as text are skipped by the MKT functions, as SUM skips them: warn.
  const measureColumns: number[] = [];
  for (const span of [spend, revenue]) if (span) for (let c = span.first; c < span.first + span.count; c++) measureColumns.push(c);
  if (measureColumns.some((c) => profiles[c]?.numericText > 0)) {
    issues.push('numbersAsText');
    confidence -= 0.1;
  }
  const nonNumeric = measureColumns.filter((c) => profiles[c] && profiles[c].text > 0).length;
  if (measureColumns.length > 0 && nonNumeric / measureColumns.length > 0.2) confidence -= 0.2;

  // Data rows: exclude trailing blank rows (within the grid) and one trailing total row.
  let lastDataRow = totalRows - 1;
  const rowAt = (r: number): readonly unknown[] | undefined =>
    r < grid.length ? grid[r] : r === totalRows - 1 ? lastRow : undefined;
  const channelText = (row: readonly unknown[] | undefined) => (channelColumn >= 0 && row ? normaliseHeader(row[channelColumn]) : '');
  while (lastDataRow >= firstDataRow && rowAt(lastDataRow)?.every(isBlank)) lastDataRow--;
  if (lastDataRow >= firstDataRow && TOTAL_ROW.test(channelText(rowAt(lastDataRow)))) {
    lastDataRow--;
    issues.push('totalRowExcluded');
  }
  if (lastDataRow < firstDataRow) {
    issues.push('tooFewRows');
    confidence = Math.min(confidence, 0.2);
  }
  if (!spend || !revenue) confidence = Math.min(confidence, 0.3);

  confidence = Math.max(0, Math.min(1, Math.round(confidence * 100) / 100));
  return {
    kind,
    headerRow,
    channelColumn,
    spend: spend ?? { first: -1, count: 0 },
    revenue: revenue ?? { first: -1, count: 0 },
    firstDataRow,
    lastDataRow,
    confidence,
    confident: confidence >= LAYOUT_CONFIDENT,
    issues,
  };
}

/** True when a layout can be written: channel, spend and revenue columns and at least one row. */
export function isUsableLayout(layout: DetectedLayout, columnCount: number): boolean {
  const inside = (s: ColumnSpan) => s.count >= 1 && s.first >= 0 && s.first + s.count <= columnCount;
  return (
    layout.channelColumn >= 0 &&
    layout.channelColumn < columnCount &&
    inside(layout.spend) &&
    inside(layout.revenue) &&
    layout.spend.count === layout.revenue.count &&
    layout.firstDataRow >= 0 &&
    layout.lastDataRow >= layout.firstDataRow
  );
}
