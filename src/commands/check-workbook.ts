/**
 * check-workbook: recomputes a workbook's MKT formulas outside Excel and lists every MKT cell.
 *
 *   npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]
 *
 * The outer layer only: it parses the arguments, calls the library, prints and sets the exit
 * code. The work is in src/engine/, run in a worker thread whose heap and time are bounded
 * (check-bounded.ts, limits.ts); the listing's lines are check-report.ts's. Every text taken from
 * the workbook is printed with its control characters escaped; output cut short by the reader
 * (`| head`) ends quietly.
 *
 * Each MKT cell has two statuses: `storage`, how the file stores the call (whether Excel will
 * calculate it), and `status`, whether MKT could compute its value here.
 *
 * Exit codes:
 *   0  every MKT cell is stored as Excel stores a bound call and was computed here (or there is none);
 *   1  the file cannot be read (missing, not an .xlsx, damaged package, past a limit);
 *   2  wrong usage;
 *   3  some MKT cells are stored in a form Excel will not calculate (#NAME? until repaired);
 *   4  otherwise, some MKT cells could not be computed here (beyond the engine, a name it cannot
 *      express, a damaged formula): listed with why, Excel's value unknown.
 */
import { checkWorkbookBounded } from '../engine/check-bounded';
import { jsonLines, reportLines } from '../engine/check-report';
import { computesInExcel, type MktCellReport } from '../engine/recompute';
import { escapeForTerminal } from '../engine/terminal-text';
import { WorkbookReadError } from '../engine/workbook';

const USAGE = 'usage: npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]';

const EXIT = { ok: 0, unreadable: 1, usage: 2, notCalculated: 3, notComputedHere: 4 } as const;

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

/** The exit code a listing gives (see the header). */
function exitCodeOf(cells: readonly Pick<MktCellReport, 'storage' | 'status'>[]): number {
  if (cells.some((c) => !computesInExcel(c.storage))) return EXIT.notCalculated;
  if (cells.some((c) => c.status !== 'computed')) return EXIT.notComputedHere;
  return EXIT.ok;
}

let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`| head`): nothing more to say, and nothing wrong with the workbook.
  if (error.code === 'EPIPE') {
    stdoutClosed = true;
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

/** Writes the lines in pieces, waiting when the pipe is full. */
async function writeLines(lines: Iterable<string>): Promise<void> {
  let piece: string[] = [];
  const flush = async () => {
    if (stdoutClosed || piece.length === 0) return;
    const text = `${piece.join('\n')}\n`;
    piece = [];
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  for (const line of lines) {
    piece.push(line);
    if (piece.length >= 2000) await flush();
  }
  await flush();
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `check-workbook: ${escapeForTerminal(error.message)}\n` : ''}${USAGE}\n`);
    return EXIT.usage;
  }
  let cells: MktCellReport[];
  try {
    cells = await checkWorkbookBounded({ file: options.file, lang: options.lang });
  } catch (error) {
    const message = error instanceof WorkbookReadError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`check-workbook: ${escapeForTerminal(message.split('\n')[0])}\n`);
    return EXIT.unreadable;
  }
  await writeLines(options.json ? jsonLines(cells) : reportLines(options.file, cells));
  return exitCodeOf(cells);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
