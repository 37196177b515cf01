/**
 * check-workbook: recomputes a workbook's MKT formulas outside Excel and lists every MKT cell.
 *
 *   npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]
 *
 * The outer layer only: it parses the arguments, prints, and sets the exit code. The work is in
 * src/tools/engine/.
 *
 * Exit codes:
 *   0  every MKT cell is stored as Excel stores a bound call (it computes), or there is none;
 *   1  the file cannot be read (missing, not an .xlsx, damaged);
 *   2  wrong usage;
 *   3  some MKT cells are stored in a form Excel will not calculate (#NAME? until repaired).
 */
import { basename } from 'node:path';
import {
  checkWorkbook,
  computesInExcel,
  STORAGE_STATUSES,
  type CellOutput,
  type MktCellReport,
  type StorageStatus,
} from './engine/recompute';
import { WorkbookReadError } from './engine/workbook';

const USAGE = 'usage: npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]';

const EXIT = { ok: 0, unreadable: 1, usage: 2, notCalculated: 3 } as const;

const SAVED_NAME_ERROR =
  "stored as Excel binds it, but saved showing #NAME? (MKT was not registered then): if it still shows #NAME? with MKT loaded, use the pane's Repair";

/** Each status in a few words for the summary, and what it means with the fix for the cell lines. */
const STATUS_TEXT: Readonly<Record<StorageStatus, { count: string; advice: string }>> = {
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

class UsageError extends Error {}

interface Options {
  file: string;
  json: boolean;
  lang?: 'fr' | 'en';
}

function parseArguments(argv: string[]): Options {
  let file: string | undefined;
  let json = false;
  let lang: Options['lang'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--lang') {
      const value = argv[++i];
      if (value !== 'fr' && value !== 'en') throw new UsageError(`--lang takes fr or en, not ${value ?? 'nothing'}`);
      lang = value;
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError('give one file');
  }
  if (file === undefined) throw new UsageError('give the .xlsx file to check');
  return { file, json, lang };
}

function formatValue(value: CellOutput): string {
  if (value === null) return '(blank)';
  if (Array.isArray(value)) return `{${value.map((row) => row.map(formatValue).join(', ')).join('; ')}}`;
  if (typeof value === 'object') return value.message ? `${value.error} ${value.message}` : value.error;
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Twelve significant digits for reading; --json keeps every digit.
  return String(Number(value.toPrecision(12)));
}

/** "12 stored as Excel binds them, 3 typed while MKT was not loaded": the statuses present, in order. */
function statusCounts(cells: readonly MktCellReport[]): string {
  return STORAGE_STATUSES.map((status) => [status, cells.filter((c) => c.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${STATUS_TEXT[status].count}`)
    .join(', ');
}

function formatReport(file: string, cells: MktCellReport[]): string {
  if (cells.length === 0) return `${basename(file)}: no MKT formula found.`;
  const where = cells.map((c) => `${c.sheet}!${c.cell}`);
  const whereWidth = Math.max(...where.map((w) => w.length));
  const formulaWidth = Math.min(60, Math.max(...cells.map((c) => c.formula.length)));
  const lines = cells.flatMap((c, i) => {
    const line = `${where[i].padEnd(whereWidth)}  ${c.formula.padEnd(formulaWidth)}  ${formatValue(c.value)}`;
    // A cell Excel will not calculate says so under it, with the fix.
    if (!computesInExcel(c.status)) return [line, `${' '.repeat(whereWidth)}  ↳ ${STATUS_TEXT[c.status].advice}`];
    if (c.savedError === '#NAME?') return [line, `${' '.repeat(whereWidth)}  ↳ ${SAVED_NAME_ERROR}`];
    return [line];
  });
  const errors = cells.filter((c) => c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value));
  const summary = `${basename(file)}: ${cells.length} MKT cell(s), ${errors.length} error(s); ${statusCounts(cells)}.`;
  const stuck = cells.filter((c) => !computesInExcel(c.status)).length;
  const footer = stuck
    ? [`${stuck} MKT cell(s) will show #NAME? in Excel until repaired (values above are what MKT computes once they are).`]
    : [];
  return [summary, ...lines, ...footer].join('\n');
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `check-workbook: ${error.message}\n` : ''}${USAGE}\n`);
    return EXIT.usage;
  }
  if (options.lang) {
    // The adapters pick their message language from Office's display language, as in Excel.
    (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: options.lang === 'en' ? 'en-US' : 'fr-FR' } };
  }
  try {
    const cells = await checkWorkbook(options.file);
    process.stdout.write(`${options.json ? JSON.stringify(cells, null, 2) : formatReport(options.file, cells)}\n`);
    return cells.every((c) => computesInExcel(c.status)) ? EXIT.ok : EXIT.notCalculated;
  } catch (error) {
    const message = error instanceof WorkbookReadError ? error.message : `unexpected error: ${String(error)}`;
    process.stderr.write(`check-workbook: ${message.split('\n')[0]}\n`);
    return EXIT.unreadable;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
