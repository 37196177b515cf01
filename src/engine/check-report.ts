/**
 * check-workbook's listing as the command line prints it: the table view and the --json view, a
 * line at a time (a million cells never make one string). Every text taken from the workbook is
 * escaped for the terminal here.
 */
import { basename } from 'node:path';
import { computesInExcel, STORAGE_STATUSES, type CellOutput, type MktCellReport, type StorageStatus } from './recompute';
import { escapeForTerminal, jsonForTerminal } from './terminal-text';

const SAVED_NAME_ERROR =
  "stored as Excel binds it, but saved showing #NAME? (MKT was not registered then): if it still shows #NAME? with MKT loaded, use the pane's Repair";

/** Each storage status in a few words for the summary, and what it means with the fix for the cell lines. */
const STORAGE_TEXT: Readonly<Record<StorageStatus, { count: string; advice: string }>> = {
  bound: { count: 'stored as Excel binds them', advice: 'stored as Excel binds it: computes once MKT is loaded' },
  'typed-without-mkt': {
    count: 'typed while MKT was not loaded',
    advice:
      "typed while MKT was not loaded: Excel keeps #NAME? until the formula is re-entered — use the pane's Repair, or re-enter it",
  },
  'other-file': {
    count: "pointing at another add-in's file",
    advice: "points at another add-in's file: repair it (the pane's Repair removes the prefix)",
  },
  'unknown-function': {
    count: 'calling a name MKT does not have',
    advice: 'calls a name MKT does not have: Excel shows #NAME?; correct the function name',
  },
};

function formatValue(value: CellOutput): string {
  if (value === null) return '(blank)';
  if (Array.isArray(value)) return `{${value.map((row) => row.map(formatValue).join(', ')).join('; ')}}`;
  if (typeof value === 'object') return value.message ? `${value.error} ${escapeForTerminal(value.message)}` : value.error;
  if (typeof value === 'string') return `"${escapeForTerminal(value)}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Twelve significant digits for reading; --json keeps every digit.
  return String(Number(value.toPrecision(12)));
}

/** "12 stored as Excel binds them, 3 typed while MKT was not loaded": the statuses present, in order. */
function storageCounts(counts: ReadonlyMap<StorageStatus, number>): string {
  return STORAGE_STATUSES.filter((storage) => (counts.get(storage) ?? 0) > 0)
    .map((storage) => `${counts.get(storage)} ${STORAGE_TEXT[storage].count}`)
    .join(', ');
}

function isError(value: CellOutput): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The table view, a line at a time (a million cells never make one string). */
export function* reportLines(file: string, cells: MktCellReport[]): Generator<string> {
  const name = escapeForTerminal(basename(file));
  if (cells.length === 0) {
    yield `${name}: no MKT formula found.`;
    return;
  }
  let whereWidth = 0;
  let formulaWidth = 0;
  let errors = 0;
  let stuck = 0;
  let notComputed = 0;
  const byStorage = new Map<StorageStatus, number>();
  for (const c of cells) {
    whereWidth = Math.max(whereWidth, escapeForTerminal(`${c.sheet}!${c.cell}`).length);
    formulaWidth = Math.max(formulaWidth, Math.min(60, escapeForTerminal(c.formula).length));
    if (isError(c.value)) errors++;
    if (!computesInExcel(c.storage)) stuck++;
    if (c.status !== 'computed') notComputed++;
    byStorage.set(c.storage, (byStorage.get(c.storage) ?? 0) + 1);
  }
  const beyond = notComputed ? `, ${notComputed} not computed here` : '';
  yield `${name}: ${cells.length} MKT cell(s), ${errors} error(s)${beyond}; ${storageCounts(byStorage)}.`;
  const indent = ' '.repeat(whereWidth);
  for (const c of cells) {
    const where = escapeForTerminal(`${c.sheet}!${c.cell}`);
    yield `${where.padEnd(whereWidth)}  ${escapeForTerminal(c.formula).padEnd(formulaWidth)}  ${formatValue(c.value)}`;
    // A cell Excel will not calculate says so under it, with the fix.
    if (!computesInExcel(c.storage)) yield `${indent}  ↳ ${STORAGE_TEXT[c.storage].advice}`;
    else if (c.savedError === '#NAME?') yield `${indent}  ↳ ${SAVED_NAME_ERROR}`;
  }
  if (stuck) yield `${stuck} MKT cell(s) will show #NAME? in Excel until repaired (values above are what MKT computes once they are).`;
}

/** --json, an element at a time; same text as JSON.stringify(cells, null, 2), unsafe characters escaped. */
export function* jsonLines(cells: MktCellReport[]): Generator<string> {
  if (cells.length === 0) {
    yield '[]';
    return;
  }
  yield '[';
  for (let i = 0; i < cells.length; i++) {
    const element = jsonForTerminal(cells[i], 2).replace(/\n/g, '\n  ');
    yield `  ${element}${i < cells.length - 1 ? ',' : ''}`;
  }
  yield ']';
}
