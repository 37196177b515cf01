/**
 * check-workbook: recomputes a workbook's MKT formulas outside Excel and lists every MKT cell.
 *
 *   npm run -s check-workbook -- FILE.xlsx [--json] [--lang fr|en]
 *
 * The outer layer only: it parses the arguments, prints, and sets the exit code (0 listed,
 * 1 unreadable file or past a limit, 2 wrong usage). The work is in src/tools/engine/, run in a
 * worker thread whose heap and time are bounded (engine/limits.ts). Every text taken from the
 * workbook is printed with its control characters escaped; output cut short by the reader
 * (`| head`) ends quietly.
 */
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerRequest } from './engine/check-worker';
import { LIMITS, formatCount } from './engine/limits';
import type { CellOutput, MktCellReport } from './engine/recompute';
import { escapeForTerminal, jsonForTerminal } from './engine/terminal-text';

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
  if (typeof value === 'object') return value.message ? `${value.error} ${escapeForTerminal(value.message)}` : value.error;
  if (typeof value === 'string') return `"${escapeForTerminal(value)}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Twelve significant digits for reading; --json keeps every digit.
  return String(Number(value.toPrecision(12)));
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
  for (const c of cells) {
    whereWidth = Math.max(whereWidth, escapeForTerminal(`${c.sheet}!${c.cell}`).length);
    formulaWidth = Math.max(formulaWidth, Math.min(60, escapeForTerminal(c.formula).length));
    if (isError(c.value)) errors++;
  }
  yield `${name}: ${cells.length} MKT cell(s), ${errors} error(s).`;
  for (const c of cells) {
    const where = escapeForTerminal(`${c.sheet}!${c.cell}`);
    yield `${where.padEnd(whereWidth)}  ${escapeForTerminal(c.formula).padEnd(formulaWidth)}  ${formatValue(c.value)}`;
  }
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
    return 2;
  }
  const answer = await checkInWorker({ file: options.file, lang: options.lang });
  if (!answer.ok) {
    const message = answer.unexpected ? `unexpected error: ${answer.message}` : answer.message;
    process.stderr.write(`check-workbook: ${escapeForTerminal(message.split('\n')[0])}\n`);
    return 1;
  }
  await writeLines(options.json ? jsonLines(answer.cells) : reportLines(options.file, answer.cells));
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
