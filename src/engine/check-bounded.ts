/**
 * checkWorkbook in a worker bounded in heap and time (limits.ts): a workbook that needs more
 * memory or time than check-workbook allows gets a message, never a hang or a crash of the caller.
 */
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerRequest } from './check-worker';
import { LIMITS, formatCount } from './limits';
import type { MktCellReport } from './recompute';
import { WorkbookReadError } from './workbook';

function answerInWorker(request: WorkerRequest): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    // Run from source (tsx), the worker registers the TypeScript loader itself.
    const script = join(__dirname, `check-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
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

/**
 * The MKT cells of a workbook file, recomputed in a bounded worker.
 * @throws WorkbookReadError when the file cannot be read or breaks a limit (size, memory, time); an Error for anything unexpected
 */
export async function checkWorkbookBounded(request: WorkerRequest): Promise<MktCellReport[]> {
  const answer = await answerInWorker(request);
  if (answer.ok) return answer.cells;
  throw answer.unexpected ? new Error(answer.message) : new WorkbookReadError(answer.message);
}
