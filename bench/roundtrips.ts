/**
 * Round trips of the task pane's workbook actions (src/excel), counted through the recording fake
 * of the Excel API that src/excel's tests use (test/support/excel-fake.ts): every context.sync is
 * counted and the JSON size of the operations it carries is recorded (the request's payload).
 *
 * The source is test/excel/fixtures.ts's `singleColumns(rows)` (Channel | Spend | Revenue). Per
 * size, in one workbook, the pane's order: read the selection, write the Diagnostic sheet, write
 * the Arbitrage sheet, then both again with { replace: true } (the path that checks the existing
 * sheet first).
 */
import { readSource, writeArbitrage, writeDiagnostic } from '../src/excel';
import type { ActionResult, SourceData, WorkbookProfile } from '../src/excel';
import { FakeWorkbook, installFake } from '../test/support/excel-fake';
import { singleColumns } from '../test/excel/fixtures';

export const PROFILE: WorkbookProfile = { lang: 'fr', region: 'FR' };

export interface StepMeasure {
  step: string;
  status: string;
  syncs: number;
  excelRuns: number;
  /** The largest request of the step, in bytes (JSON of its queued operations). */
  largestRequestBytes: number;
  ms: number;
}

/**
 * Runs one action against the installed fake and records the syncs and request sizes it caused.
 * Works for any action that drives `Excel.run` on the fake.
 */
export async function countRoundTrips(workbook: FakeWorkbook, step: string, action: () => Promise<ActionResult<unknown>>): Promise<StepMeasure & { result: ActionResult<unknown> }> {
  const syncsBefore = workbook.syncs;
  const runsBefore = workbook.runs;
  const requestsBefore = workbook.requestBytes.length;
  const t0 = performance.now();
  const result = await action();
  const ms = performance.now() - t0;
  const requests = workbook.requestBytes.slice(requestsBefore);
  return {
    step,
    status: result.status,
    syncs: workbook.syncs - syncsBefore,
    excelRuns: workbook.runs - runsBefore,
    largestRequestBytes: requests.length ? Math.max(...requests) : 0,
    ms,
    result,
  };
}

export interface RoundTripResult {
  rows: number;
  steps: StepMeasure[];
  /** Size of the preview readSource returns (the response), JSON bytes. */
  previewBytes: number;
}

export const STEPS = ['readSource', 'writeDiagnostic', 'writeArbitrage', 'replaceDiagnostic', 'replaceArbitrage'] as const;

export async function measureRoundTrips(rows: number): Promise<RoundTripResult> {
  const { workbook } = singleColumns(rows);
  installFake(workbook);
  const steps: StepMeasure[] = [];
  const record = async (step: string, action: () => Promise<ActionResult<unknown>>) => {
    const { result, ...measure } = await countRoundTrips(workbook, step, action);
    steps.push(measure);
    return result;
  };
  const read = (await record('readSource', () => readSource({ selection: true }, PROFILE))) as ActionResult<SourceData>;
  if (read.status !== 'ok') throw new Error(`readSource on ${rows} rows: ${JSON.stringify(read)}`);
  const { source, layout, preview } = read.value;
  const totalBudget = { value: 50000 };
  await record('writeDiagnostic', () => writeDiagnostic({ source, layout, profile: PROFILE }));
  await record('writeArbitrage', () => writeArbitrage({ source, layout, profile: PROFILE, totalBudget }));
  await record('replaceDiagnostic', () => writeDiagnostic({ source, layout, profile: PROFILE }, { replace: true }));
  await record('replaceArbitrage', () => writeArbitrage({ source, layout, profile: PROFILE, totalBudget }, { replace: true }));
  return { rows, steps, previewBytes: JSON.stringify(preview).length };
}

/** For each step, whether its sync count is the same at every size. */
export function syncsConstant(results: readonly RoundTripResult[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const step of new Set(results.flatMap((r) => r.steps.map((s) => s.step)))) {
    const counts = results.map((r) => r.steps.find((s) => s.step === step)?.syncs);
    out[step] = counts.every((c) => c !== undefined && c === counts[0]);
  }
  return out;
}
