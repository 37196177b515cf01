/**
 * `npm run portable -- IN.xlsx OUT.xlsx [--values] [--lang fr|en]`: writes a copy of IN whose MKT
 * formulas are translated into native functions (or, with --values, replaced by their saved
 * values), for people without the add-in. The outer layer only: it parses the arguments, calls the
 * library (src/engine/portable-file.ts, over src/portable/), prints and sets the exit code.
 * IN is only read; OUT must be another file.
 *
 * Exit codes: 0 written; 1 IN cannot be copied (the message says why); 2 wrong usage.
 */
import { basename } from 'node:path';
import { PackageError, type PortableLanguage } from '../portable/portable-copy';
import { OutputError, writePortableFile } from '../engine/portable-file';

const USAGE = 'usage: npm run portable -- IN.xlsx OUT.xlsx [--values] [--lang fr|en]';

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let values = false;
  let lang: PortableLanguage = 'fr';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--values') values = true;
    else if (a === '--lang') {
      const l = argv[++i];
      if (l !== 'fr' && l !== 'en') throw new UsageError(`--lang takes fr or en, not ${l ?? 'nothing'}`);
      lang = l;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 2) throw new UsageError('give the workbook to copy and the copy to write');
  return { input: files[0], output: files[1], values, lang };
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`portable: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { input, output, values, lang } = args;
  try {
    const { translated, frozen, reportSheet } = await writePortableFile(input, output, { values, lang, version: version() });
    process.stdout.write(
      `${basename(output)}: ${translated} MKT formula(s) ${values ? 'listed' : 'translated'}, ${frozen} frozen to their value; see the sheet "${reportSheet}".\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof OutputError) {
      process.stderr.write(`portable: ${error.message}\n`);
      return 1;
    }
    if (error instanceof PackageError) {
      process.stderr.write(`portable: ${basename(input)}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`portable: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
