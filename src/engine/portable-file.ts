/**
 * The portable copy of a saved workbook, file to file (`npm run portable`): IN read within a size
 * limit, the copy made by src/portable/, the frozen cells the file saved no value for given the
 * value MKT computes (frozen-values.ts, the engine bridge), OUT written. IN is only read.
 * Throws PackageError with what to do.
 */
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { makePortableCopy, PackageError, type PortableLanguage, type PortableResult } from '../portable/portable-copy';
import { nodeCodec } from '../xlsx/node-codec';
import { computeFrozenValues } from './frozen-values';

const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export interface PortableFileOptions {
  values: boolean;
  lang: PortableLanguage;
  /** This package's version, written in the report sheet. */
  version: string;
}

export interface PortableFileResult {
  translated: number;
  frozen: number;
  reportSheet: string;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

/** IN's bytes, refused with what to do when it is OUT, missing, a folder, too large or not an .xlsx. */
async function readInput(input: string, output: string): Promise<Uint8Array> {
  if (await samePath(input, output)) throw new PackageError('OUT is IN: the copy must be another file (IN is never changed)');
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw new PackageError(error.code === 'ENOENT' ? 'file not found; check the path' : `cannot be read (${error.code})`);
  });
  if (info.isDirectory()) throw new PackageError('is a folder; give the path of an .xlsx file');
  // A pipe or a device has no end to wait for: refused before it is read, as check-workbook does.
  if (!info.isFile()) throw new PackageError('is not a regular file; give the path of an .xlsx file');
  if (info.size > MAX_INPUT_BYTES) throw new PackageError(`is over ${MAX_INPUT_BYTES / 1048576} MB; refused`);
  const bytes = new Uint8Array(await readFile(input));
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw new PackageError('is an Excel 97-2003 (.xls) or password-protected workbook; save it unprotected as "Excel Workbook (.xlsx)"');
  }
  return bytes;
}

/** OUT cannot be written; the message says what to do (IN is fine). */
export class OutputError extends Error {}

function outputRefusal(code: string | undefined): string {
  if (code === 'EISDIR') return 'OUT is a folder; give the name of the copy to write, e.g. copie.xlsx';
  if (code === 'ENOENT' || code === 'ENOTDIR') return "OUT's folder does not exist; create it or choose another";
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'OUT cannot be written here (permission); choose another folder';
  return `OUT cannot be written (${code ?? 'unknown error'})`;
}

/** The copy; frozen cells the file saved no value for get the value MKT computes, never a blank. */
async function copyWithComputedValues(bytes: Uint8Array, options: PortableFileOptions): Promise<PortableResult> {
  const result = await makePortableCopy(bytes, nodeCodec, options);
  const blank = new Set(result.items.filter((i) => i.action === 'frozen' && i.noSavedValue).map((i) => `${i.sheet}!${i.cell.replace(/\$/g, '')}`));
  if (blank.size === 0) return result;
  const computed = computeFrozenValues(bytes, blank);
  return computed.size > 0 ? makePortableCopy(bytes, nodeCodec, { ...options, computed }) : result;
}

/**
 * Writes the portable copy of `input` to `output` (an existing OUT, never IN, is replaced).
 * @throws PackageError when IN cannot be copied (the message says why and what to do)
 */
export async function writePortableFile(input: string, output: string, options: PortableFileOptions): Promise<PortableFileResult> {
  const bytes = await readInput(input, output);
  const result = await copyWithComputedValues(bytes, options);
  await writeFile(output, result.bytes, { flag: 'wx' })
    .catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      await writeFile(output, result.bytes);
    })
    .catch((error: NodeJS.ErrnoException) => {
      throw new OutputError(outputRefusal(error.code));
    });
  const translated = result.items.filter((i) => i.action === 'translated').length;
  return { translated, frozen: result.items.length - translated, reportSheet: result.reportSheet };
}
