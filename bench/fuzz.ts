/**
 * Fuzz at scale: random Excel-like calls across all functions, generated with the fast-check
 * arbitraries of test/support/excel-arbitraries.ts in seeded batches (fc.sample), each result
 * checked with isExcelShowable: a finite number, a text code, a 2-D array of those, or a
 * CustomFunctions.Error. Any other outcome (NaN, Infinity, undefined, a stray exception) is counted.
 *
 * Functions take turns, batch by batch, so every function gets the same number of calls. On top of
 * the generators, about 1 argument in 100 is replaced by an incoming Excel error (#N/A, #REF!…), as
 * Excel passes an error cell on to a custom function.
 */
import fc from 'fast-check';
import { callSafely, excelArgument, isExcelShowable } from '../test/support/excel-arbitraries';
import { mulberry32 } from './lib/prng';
import { nowNs } from './lib/timing';

export type FuzzTarget = readonly [id: string, fn: (...args: unknown[]) => unknown, arity: number];

export const ARITIES: Readonly<Record<string, number>> = {
  INTERNALISE_SIGNAL: 4,
  INTERNALISE_SCORE: 4,
  FEES_TO_SALARY: 2,
  BREAKEVEN_FEES: 2,
  ROI_RATIO: 2,
  ROI_BAND: 3,
  LTV: 3,
  RETENTION_LEVER: 5,
  BUDGET_TIER: 2,
  PILOT_VERDICT: 4,
  ALLOCATE: 4,
  RESPONSE_FIT: 2,
  MARGINAL_ROAS: 2,
  OPTIMAL_SPEND: 2,
  BREAKEVEN_ROAS: 1,
  ALLOCATE_MARGINAL: 4,
  LOADED_SALARY_FR: 5,
  LOADED_SALARY_QC: 5,
  INHOUSE_MONTHLY: 4,
  CROSSOVER_MONTH: 7,
  COST_PATHS: 7,
  LABEL: 2,
};

const INCOMING_ERROR_CODES = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NUM!', '#NAME?', '#NULL!'];

export interface FuzzOptions {
  calls: number;
  /** Calls generated per fc.sample. */
  batch?: number;
  seed?: number;
  /** Share of arguments replaced by an incoming Excel error. */
  incomingErrorRate?: number;
}

export interface FuzzResult {
  calls: number;
  notShowable: number;
  /** Up to five offending calls, as text. */
  examples: string[];
  values: number;
  /** Excel errors returned, by code. */
  errors: Record<string, number>;
  callsByFunction: Record<string, number>;
  generateMs: number;
  callMs: number;
  totalMs: number;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v === undefined ? 'undefined' : v)).slice(0, 300);
  } catch {
    return String(value);
  }
}

export function fuzz(targets: readonly FuzzTarget[], options: FuzzOptions): FuzzResult {
  const { calls, batch = 10_000, seed = 20260105, incomingErrorRate = 0.01 } = options;
  const random = mulberry32(seed);
  const makeError = (code: string) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
  const arraysByArity = new Map<number, fc.Arbitrary<unknown[]>>();
  const result: FuzzResult = { calls: 0, notShowable: 0, examples: [], values: 0, errors: {}, callsByFunction: {}, generateMs: 0, callMs: 0, totalMs: 0 };
  const start = nowNs();
  let batchIndex = 0;
  while (result.calls < calls) {
    const [id, fn, arity] = targets[batchIndex % targets.length];
    const size = Math.min(batch, calls - result.calls);
    let arbitrary = arraysByArity.get(arity);
    if (!arbitrary) arraysByArity.set(arity, (arbitrary = fc.array(excelArgument, { minLength: arity, maxLength: arity })));
    let t0 = nowNs();
    const argumentLists = fc.sample(arbitrary, { numRuns: size, seed: seed + batchIndex });
    for (const args of argumentLists) {
      for (let i = 0; i < args.length; i++) {
        if (random() < incomingErrorRate) args[i] = makeError(INCOMING_ERROR_CODES[Math.floor(random() * INCOMING_ERROR_CODES.length)]);
      }
    }
    result.generateMs += (nowNs() - t0) / 1e6;
    t0 = nowNs();
    for (const args of argumentLists) {
      const outcome = callSafely(fn, args);
      if (!isExcelShowable(outcome)) {
        result.notShowable += 1;
        if (result.examples.length < 5) result.examples.push(`${id}(${describe(args)}) → ${describe('error' in outcome ? String(outcome.error) : outcome.value)}`);
      } else if ('error' in outcome) {
        const code = (outcome.error as { code: string }).code;
        result.errors[code] = (result.errors[code] ?? 0) + 1;
      } else {
        result.values += 1;
      }
    }
    result.callMs += (nowNs() - t0) / 1e6;
    result.calls += argumentLists.length;
    result.callsByFunction[id] = (result.callsByFunction[id] ?? 0) + argumentLists.length;
    batchIndex += 1;
  }
  result.totalMs = (nowNs() - start) / 1e6;
  return result;
}

/** Fuzz targets from adapters by id, with each function's arity (optional arguments included). */
export function fuzzTargets(adapters: Readonly<Record<string, (...args: unknown[]) => unknown>>): FuzzTarget[] {
  return Object.entries(ARITIES).map(([id, arity]) => [id, adapters[id], arity] as const);
}
