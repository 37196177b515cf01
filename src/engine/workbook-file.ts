/**
 * A user's .xlsx file read within LIMITS into the engine's WorkbookInput: a regular file only,
 * its package read by the bounded reader (xlsx-reader.ts). Throws WorkbookReadError with what to do.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { LIMITS, formatBytes } from './limits';
import { checkSignature, fileError, firstLine, WorkbookReadError, type WorkbookInput } from './workbook';
import { readWorkbookPackage } from './xlsx-reader';
import { PackageError } from '../xlsx/zip';

/**
 * Loads an .xlsx file from a user, within LIMITS: a regular file only (a FIFO or a device such
 * as /dev/zero is refused before it is read), its package read by the bounded reader. Throws
 * WorkbookReadError with what to do.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookInput> {
  const name = basename(path);
  let bytes: Buffer;
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait; it is refused just below.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookReadError(`${path}: is a folder; give the path of an .xlsx file.`);
    if (!stat.isFile()) throw new WorkbookReadError(`${name} is not a regular file (a pipe, a device or a socket); give the path of a saved .xlsx file.`);
    if (stat.size > LIMITS.fileBytes) {
      throw new WorkbookReadError(`${name} is ${formatBytes(stat.size)}, larger than the ${formatBytes(LIMITS.fileBytes)} check-workbook reads.`);
    }
    bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    bytes = bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  } finally {
    await handle.close();
  }
  checkSignature(name, bytes);
  try {
    return readWorkbookPackage(bytes);
  } catch (error) {
    if (error instanceof PackageError && error.damaged) {
      throw new WorkbookReadError(`${name} is damaged or not an .xlsx workbook (${error.message}); open it in Excel and save it again.`);
    }
    if (error instanceof PackageError) throw new WorkbookReadError(`${name} ${error.message}.`);
    throw new WorkbookReadError(`${name} is damaged or not an .xlsx workbook (${firstLine(error)}); open it in Excel and save it again.`);
  }
}
