/**
 * check-workbook's work in a worker thread with a capped heap: a workbook that needs more memory
 * than LIMITS.heapMegabytes ends this worker, not the command, which then says so.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkWorkbook } from './recompute';
import { WorkbookReadError } from './workbook';

export interface WorkerRequest {
  file: string;
  lang?: 'fr' | 'en';
}

export type WorkerAnswer =
  | { ok: true; cells: Awaited<ReturnType<typeof checkWorkbook>> }
  | { ok: false; message: string; unexpected: boolean };

async function answer(request: WorkerRequest): Promise<WorkerAnswer> {
  if (request.lang) {
    // The adapters pick their message language from Office's display language, as in Excel.
    (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: request.lang === 'en' ? 'en-US' : 'fr-FR' } };
  }
  try {
    return { ok: true, cells: await checkWorkbook(request.file) };
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ok: false, message: error.message, unexpected: false };
    const text = error instanceof RangeError && /call stack/i.test(error.message)
      ? 'the engine ran out of stack on this workbook (a formula nested or chained too deep)'
      : String(error instanceof Error ? error.message : error);
    return { ok: false, message: text.split('\n')[0].slice(0, 300), unexpected: true };
  }
}

if (parentPort) {
  answer(workerData as WorkerRequest).then((result) => parentPort!.postMessage(result));
}
