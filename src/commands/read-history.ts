/**
 * read-history: the pane's history reader on a saved workbook.
 *
 *   npm run -s read-history -- FILE.xlsx [--sheet NAME] [--range A1:Z99] [--json] [--lang fr|en]
 *
 * The outer layer only: it parses the arguments, calls the library (src/engine/history/), prints
 * and sets the exit code. The file is read by check-workbook's bounded package reader, in a
 * worker bounded in heap and time.
 *
 * Exit codes: 0 the read is sure; 3 unsure (what it would take is printed; --json still prints
 * the object); 1 the file cannot be read, breaks a limit or holds no history; 2 wrong usage.
 */
import { readSavedHistoryBounded } from '../engine/history/bounded';
import { historyJson, historyLines } from '../engine/history/report';
import { HistoryFileError } from '../engine/history/saved';
import { escapeForTerminal, jsonForTerminal } from '../engine/terminal-text';

const USAGE = 'usage: npm run -s read-history -- FILE.xlsx [--sheet NAME] [--range A1:Z99] [--json] [--lang fr|en]';
const EXIT = { sure: 0, unreadable: 1, usage: 2, unsure: 3 } as const;

class UsageError extends Error {}

function parseArguments(argv: string[]) {
  let file: string | undefined;
  let sheet: string | undefined;
  let range: string | undefined;
  let json = false;
  let lang: 'fr' | 'en' = 'fr';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} takes a value`);
      return v;
    };
    if (arg === '--json') json = true;
    else if (arg === '--sheet') sheet = value();
    else if (arg === '--range') range = value();
    else if (arg === '--lang') {
      const v = value();
      if (v !== 'fr' && v !== 'en') throw new UsageError(`--lang takes fr or en, not ${v}`);
      lang = v;
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError('give one file');
  }
  if (file === undefined) throw new UsageError('give the .xlsx file to read');
  return { file, sheet, range, json, lang };
}

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `read-history: ${escapeForTerminal(error.message)}\n` : ''}${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const saved = await readSavedHistoryBounded(options.file, { sheet: options.sheet, range: options.range, lang: options.lang });
    const text = options.json ? jsonForTerminal(historyJson(saved, options.lang), 2) : [...historyLines(saved, options.lang)].map(escapeForTerminal).join('\n');
    process.stdout.write(`${text}\n`);
    return saved.history.confident ? EXIT.sure : EXIT.unsure;
  } catch (error) {
    const message = error instanceof HistoryFileError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`read-history: ${escapeForTerminal(message.split('\n')[0])}\n`);
    return EXIT.unreadable;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
