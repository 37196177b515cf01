/** Worker of readSavedHistoryBounded: one read, its answer posted back (heap and time bounded by the caller). */
import { parentPort, workerData } from 'node:worker_threads';
import { HistoryFileError, readSavedHistory } from './saved';
import type { BoundedAnswer, BoundedRequest } from './bounded';

const request = workerData as BoundedRequest;
readSavedHistory(request.file, request.options).then(
  (value) => parentPort!.postMessage({ ok: true, value } satisfies BoundedAnswer),
  (error: unknown) =>
    parentPort!.postMessage({
      ok: false,
      expected: error instanceof HistoryFileError,
      message: error instanceof Error ? error.message : String(error),
    } satisfies BoundedAnswer),
);
