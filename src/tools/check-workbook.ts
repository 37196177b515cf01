/**
 * check-workbook: recomputes a workbook's MKT formulas outside Excel and lists every MKT cell.
 *
 *   npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]
 *
 * The outer layer only: it parses the arguments, prints, and sets the exit code. The work is in
 * src/tools/engine/, run in a worker thread whose heap and time are bounded (engine/limits.ts).
 * Every text taken from the workbook is printed with its control characters escaped; output cut
 * short by the reader (`| head`) ends quietly.
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
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerRequest } from './engine/check-worker';
import { LIMITS, formatCount } from './engine/limits';
import {
  computesInExcel,
  STORAGE_STATUSES,
  type CellOutput,
  type MktCellReport,
  type StorageStatus,
} from './engine/recompute';
import { escapeForTerminal, jsonForTerminal } from './engine/terminal-text';

const USAGE = 'usage: npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]';

const EXIT = { ok: 0, unreadable: 1, usage: 2, notCalculated: 3, notComputedHere: 4 } as const;

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
function* reportLines(file: string, cells: MktCellReport[]): Generator<string> {
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

/** The exit code a listing gives (see the header). */
function exitCodeOf(cells: readonly Pick<MktCellReport, 'storage' | 'status'>[]): number {
  if (cells.some((c) => !computesInExcel(c.storage))) return EXIT.notCalculated;
  if (cells.some((c) => c.status !== 'computed')) return EXIT.notComputedHere;
  return EXIT.ok;
}

/** --json, an element at a time; same text as JSON.stringify(cells, null, 2), unsafe characters escaped. */
function* jsonLines(cells: MktCellReport[]): Generator<string> {
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

/** Checks the file in a worker bounded in heap and time. */
function checkInWorker(request: WorkerRequest): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    // Run from source (tsx), the worker registers the TypeScript loader itself.
    const script = join(__dirname, 'engine', `check-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
    const source = script.endsWith('.ts') ? `require('tsx/cjs'); require(${JSON.stringify(script)});` : script;
    const worker = new Worker(source, {
      eval: script.endsWith('.ts'),
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.heapMegabytes, stackSizeMb: 16 },
      stdout: false,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ok: false, unexpected: false, message: `${basename(request.file)} takes longer than the ${LIMITS.seconds} s check-workbook allows for one workbook.` });
    }, LIMITS.seconds * 1000);
    worker.once('message', (message: WorkerAnswer) => {
      clearTimeout(timer);
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(error.message);
      resolve({
        ok: false,
        unexpected: !memory,
        message: memory
          ? `${basename(request.file)} needs more memory than the ${formatCount(LIMITS.heapMegabytes)} MB check-workbook allows for one workbook.`
          : error.message.split('\n')[0],
      });
    });
  });
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
  const answer = await checkInWorker({ file: options.file, lang: options.lang });
  if (!answer.ok) {
    const message = answer.unexpected ? `unexpected error: ${answer.message}` : answer.message;
    process.stderr.write(`check-workbook: ${escapeForTerminal(message.split('\n')[0])}\n`);
    return EXIT.unreadable;
  }
  await writeLines(options.json ? jsonLines(answer.cells) : reportLines(options.file, answer.cells));
  return exitCodeOf(answer.cells);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
