/**
 * The pane's Share step: a portable copy of the open workbook, opened as a new workbook the user
 * saves. Reads the file as Office saves it (`getFileAsync(Compressed)`, in slices), translates it
 * with the same library as `npm run portable` (src/portable), and opens the copy with
 * `Excel.createWorkbook(base64)`. The open workbook is never written to.
 *
 * Hosts (Office.js reference): `getFileAsync` with `Compressed` needs the CompressedFile
 * requirement set — Excel on Windows and on Mac, not Excel on the web (it gives only Pdf there)
 * nor on iPad; `Excel.createWorkbook` needs ExcelApi 1.8. Where either is missing, the step says
 * so and points at the command line.
 *
 * Loaded only when the step opens (a chunk of its own): it is not exported by src/excel/index.ts.
 */
import { makePortableCopy, PackageError, type PortableLanguage } from '../../portable/portable-copy';
import { browserCodec, browserCodecSupported } from '../../xlsx/browser-codec';
import type { Codec } from '../../xlsx/zip';
import type { ActionResult } from '../types';
import packageJson from '../../../package.json';

export const SLICE_SIZE = 4 * 1024 * 1024;

export type ShareSupport = { supported: true } | { supported: false; missing: 'compressedFile' | 'createWorkbook' | 'zip' };

interface OfficeLike {
  context?: {
    requirements?: { isSetSupported?(name: string, version?: string): boolean };
    document?: {
      getFileAsync?(type: unknown, options: { sliceSize: number }, callback: (result: AsyncResultLike<FileLike>) => void): void;
    };
  };
  FileType?: { Compressed?: unknown };
  AsyncResultStatus?: { Succeeded?: unknown };
}
interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { message?: string };
}
interface FileLike {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResultLike<{ data: ArrayLike<number> }>) => void): void;
  closeAsync(callback?: () => void): void;
}

const globals = globalThis as { Office?: OfficeLike; Excel?: { createWorkbook?(base64?: string): Promise<void> } };

/** Whether this host can make and open the copy. */
export function shareSupport(codecSupported: () => boolean = browserCodecSupported): ShareSupport {
  const requirements = globals.Office?.context?.requirements;
  const has = (name: string, version?: string) => {
    try {
      return requirements?.isSetSupported?.(name, version) === true;
    } catch {
      return false;
    }
  };
  if (!has('CompressedFile') || typeof globals.Office?.context?.document?.getFileAsync !== 'function') {
    return { supported: false, missing: 'compressedFile' };
  }
  if (!has('ExcelApi', '1.8') || typeof globals.Excel?.createWorkbook !== 'function') return { supported: false, missing: 'createWorkbook' };
  if (!codecSupported()) return { supported: false, missing: 'zip' };
  return { supported: true };
}

function succeeded(result: AsyncResultLike<unknown>): boolean {
  const ok = globals.Office?.AsyncResultStatus?.Succeeded ?? 'succeeded';
  return result.status === ok || result.status === 'succeeded';
}

/** The open workbook as Office would save it, read slice by slice. */
export function readOpenWorkbook(sliceSize = SLICE_SIZE): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const office = globals.Office!;
    office.context!.document!.getFileAsync!(office.FileType?.Compressed ?? 'compressed', { sliceSize }, (result) => {
      if (!succeeded(result)) return reject(new Error(result.error?.message ?? 'getFileAsync failed'));
      const file = result.value;
      const bytes = new Uint8Array(file.size);
      let at = 0;
      const next = (index: number) => {
        if (index === file.sliceCount) {
          file.closeAsync();
          return resolve(at === bytes.length ? bytes : bytes.subarray(0, at));
        }
        file.getSliceAsync(index, (slice) => {
          if (!succeeded(slice)) {
            file.closeAsync();
            return reject(new Error(slice.error?.message ?? 'getSliceAsync failed'));
          }
          const data = slice.value.data;
          if (at + data.length > bytes.length) {
            file.closeAsync();
            return reject(new Error('the file is larger than announced'));
          }
          bytes.set(data, at);
          at += data.length;
          next(index + 1);
        });
      };
      next(0);
    });
  });
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

export interface SharedCopy {
  translated: number;
  frozen: number;
  reportSheet: string;
}

export interface ShareMessages {
  unsupported(missing: 'compressedFile' | 'createWorkbook' | 'zip'): string;
  unreadable(detail: string): string;
  failed(detail: string): string;
}

/**
 * Makes the portable copy of the open workbook and opens it as a new workbook.
 * Resolves to an error result (never throws) when the host cannot, or the file cannot be read.
 */
export async function shareWorkbook(
  options: { lang: PortableLanguage; version?: string; messages: ShareMessages; codec?: Codec; sliceSize?: number },
): Promise<ActionResult<SharedCopy>> {
  const support = options.codec ? shareSupport(() => true) : shareSupport();
  if (!support.supported) return { status: 'error', code: 'unsupported', message: options.messages.unsupported(support.missing) };
  let bytes: Uint8Array;
  try {
    bytes = await readOpenWorkbook(options.sliceSize);
  } catch (error) {
    return { status: 'error', code: 'unknown', message: options.messages.unreadable(String((error as Error).message ?? error)) };
  }
  try {
    const copy = await makePortableCopy(bytes, options.codec ?? browserCodec, { lang: options.lang, version: options.version ?? packageJson.version });
    await globals.Excel!.createWorkbook!(toBase64(copy.bytes));
    const translated = copy.items.filter((i) => i.action === 'translated').length;
    return { status: 'ok', value: { translated, frozen: copy.items.length - translated, reportSheet: copy.reportSheet } };
  } catch (error) {
    const detail = error instanceof PackageError ? error.message : String((error as Error)?.message ?? error);
    return { status: 'error', code: 'unknown', message: options.messages.failed(detail) };
  }
}
