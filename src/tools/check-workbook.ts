/**
 * check-workbook: recomputes a workbook's MKT formulas outside Excel and lists every MKT cell.
 *
 *   npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]
 *
 * The outer layer only: it parses the arguments, prints, and sets the exit code (0 listed,
 * 1 unreadable file, 2 wrong usage). The work is in src/tools/engine/.
 */
import { basename } from 'node:path';
import { checkWorkbook, type CellOutput, type MktCellReport } from './engine/recompute';
import { WorkbookReadError } from './engine/workbook';

const USAGE = 'usage: npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]';

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

function formatReport(file: string, cells: MktCellReport[]): string {
  if (cells.length === 0) return `${basename(file)}: no MKT formula found.`;
  const where = cells.map((c) => `${c.sheet}!${c.cell}`);
  const whereWidth = Math.max(...where.map((w) => w.length));
  const formulaWidth = Math.min(60, Math.max(...cells.map((c) => c.formula.length)));
  const lines = cells.map(
    (c, i) => `${where[i].padEnd(whereWidth)}  ${c.formula.padEnd(formulaWidth)}  ${formatValue(c.value)}`,
  );
  const errors = cells.filter((c) => c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value));
  const summary = `${basename(file)}: ${cells.length} MKT cell(s), ${errors.length} error(s).`;
  return [summary, ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `check-workbook: ${error.message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  if (options.lang) {
    // The adapters pick their message language from Office's display language, as in Excel.
    (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: options.lang === 'en' ? 'en-US' : 'fr-FR' } };
  }
  try {
    const cells = await checkWorkbook(options.file);
    process.stdout.write(`${options.json ? JSON.stringify(cells, null, 2) : formatReport(options.file, cells)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof WorkbookReadError ? error.message : `unexpected error: ${String(error)}`;
    process.stderr.write(`check-workbook: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
