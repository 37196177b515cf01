/**
 * `npm run portable -- IN.xlsx OUT.xlsx [--values] [--lang fr|en]`: writes a copy of IN whose MKT
 * formulas are translated into native functions (or, with --values, replaced by their saved
 * values), for people without the add-in. The outer layer only: the library is src/portable/.
 * IN is only read; OUT must be another file.
 */
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { makePortableCopy, PackageError, type PortableLanguage } from '../portable/portable-copy';
import { computeFrozenValues } from './engine/frozen-values';
import { nodeCodec } from '../xlsx/node-codec';

const MAX_INPUT_BYTES = 200 * 1024 * 1024;

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

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
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
    if (await samePath(input, output)) throw new PackageError('OUT is IN: the copy must be another file (IN is never changed)');
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
      throw new PackageError(error.code === 'ENOENT' ? 'file not found; check the path' : `cannot be read (${error.code})`);
    });
    if (info.isDirectory()) throw new PackageError('is a folder; give the path of an .xlsx file');
    if (info.size > MAX_INPUT_BYTES) throw new PackageError(`is over ${MAX_INPUT_BYTES / 1048576} MB; refused`);
    const bytes = new Uint8Array(await readFile(input));
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
      throw new PackageError('is an Excel 97-2003 (.xls) or password-protected workbook; save it unprotected as "Excel Workbook (.xlsx)"');
    }
    let result = await makePortableCopy(bytes, nodeCodec, { values, lang, version: version() });
    // Frozen cells the file saved no value for get the value MKT computes (engine bridge), never a blank.
    const blank = new Set(result.items.filter((i) => i.action === 'frozen' && i.noSavedValue).map((i) => `${i.sheet}!${i.cell.replace(/\$/g, '')}`));
    if (blank.size > 0) {
      const computed = computeFrozenValues(bytes, blank);
      if (computed.size > 0) result = await makePortableCopy(bytes, nodeCodec, { values, lang, version: version(), computed });
    }
    await writeFile(output, result.bytes, { flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      // An existing OUT (never IN, checked above) is replaced.
      await writeFile(output, result.bytes);
    });
    const translated = result.items.filter((i) => i.action === 'translated').length;
    const frozen = result.items.length - translated;
    process.stdout.write(
      `${basename(output)}: ${translated} MKT formula(s) ${values ? 'listed' : 'translated'}, ${frozen} frozen to their value; see the sheet "${result.reportSheet}".\n`,
    );
    return 0;
  } catch (error) {
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
