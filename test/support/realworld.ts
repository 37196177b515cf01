/**
 * The real-world files (public test corpora: Apache POI, XlsxWriter, rust_xlsxwriter, SheetJS)
 * kept beside the repository, never in it. The one module that names that folder (the
 * standalone test allows it): tests ask it for the files, and say they are skipped when it is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'realworld', 'corpus');

/** The corpus's .xlsx/.xlsm files (full paths), or undefined when the folder is not beside the repository. */
export function realWorldFiles(): string[] | undefined {
  if (!existsSync(CORPUS)) return undefined;
  return readdirSync(CORPUS)
    .filter((name) => /\.xls[xm]$/i.test(name))
    .sort()
    .map((name) => join(CORPUS, name));
}
