/**
 * readSavedHistory in a worker bounded in heap and time as check-workbook's (engine/limits.ts):
 * a hostile file gets a message in bounded time, never a hang or a crash of the caller.
 */
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LIMITS, formatCount } from '../limits';
import { HistoryFileError, type SavedHistory } from './saved';
import type { Language } from '../../rules/labels';

export interface BoundedRequest {
  file: string;
  options: { sheet?: string; range?: string; lang?: Language };
}

export type BoundedAnswer = { ok: true; value: SavedHistory } | { ok: false; expected: boolean; message: string };

/**
 * @throws HistoryFileError when the file cannot be read, breaks a limit (size, memory, time) or holds no history
 */
export function readSavedHistoryBounded(file: string, options: BoundedRequest['options'] = {}): Promise<SavedHistory> {
  const fr = (options.lang ?? 'fr') === 'fr';
  return new Promise((resolve, reject) => {
    // Run from source (tsx), the worker registers the TypeScript loader itself.
    const script = join(__dirname, `read-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
    const worker = new Worker(script.endsWith('.ts') ? `require('tsx/cjs'); require(${JSON.stringify(script)});` : script, {
      eval: script.endsWith('.ts'),
      workerData: { file, options } satisfies BoundedRequest,
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.heapMegabytes, stackSizeMb: 16 },
      stdout: false,
      stderr: true,
    });
    const name = basename(file);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new HistoryFileError(fr ? `${name} demande plus que les ${LIMITS.seconds} s permises pour un classeur.` : `${name} takes longer than the ${LIMITS.seconds} s allowed for one workbook.`));
    }, LIMITS.seconds * 1000);
    worker.once('message', (answer: BoundedAnswer) => {
      clearTimeout(timer);
      void worker.terminate();
      if (answer.ok) resolve(answer.value);
      else reject(answer.expected ? new HistoryFileError(answer.message) : new Error(answer.message));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(error.message);
      const mb = formatCount(LIMITS.heapMegabytes);
      reject(memory ? new HistoryFileError(fr ? `${name} demande plus que les ${mb} Mo permis pour un classeur.` : `${name} needs more memory than the ${mb} MB allowed for one workbook.`) : error);
    });
  });
}
