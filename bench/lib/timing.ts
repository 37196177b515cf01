/**
 * Timing helpers: a monotonic clock, medians, and per-case measuring loops that accumulate every
 * result (so V8 cannot drop the work as dead code) and are compiled separately for each case (so
 * one case's type feedback does not slow another's loop down).
 */

/** Nanoseconds from a monotonic clock. */
export function nowNs(): number {
  return Number(process.hrtime.bigint());
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a garbage collection when node was started with --expose-gc; a no-op otherwise. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}

/**
 * What a measured call returns, folded into a number: a number itself, a text's length, the first
 * cell of a 2-D array. Every result reaches the sink, so no call can be optimised away.
 */
export function fold(result: unknown): number {
  if (typeof result === 'number') return result;
  if (typeof result === 'string') return result.length;
  if (Array.isArray(result)) return fold(result[0]?.[0] ?? result[0]);
  return result === undefined || result === null ? 0 : 1;
}

export type Loop<A> = (fn: (args: A) => unknown, inputs: readonly A[], iterations: number) => number;

let loopCount = 0;

/**
 * A fresh loop function: `iterations` calls of `fn` over `inputs` (length a power of two), every
 * result folded into the returned sink. A unique comment keeps V8's compilation cache from handing
 * two cases the same function, so each call site stays monomorphic and each case is measured as
 * it would run on its own.
 */
export function makeLoop<A>(label: string): Loop<A> {
  loopCount += 1;
  const body = `/* ${label.replace(/\*\//g, '')} #${loopCount} */
    let sink = 0;
    const mask = inputs.length - 1;
    for (let i = 0; i < iterations; i++) {
      const r = fn(inputs[i & mask]);
      sink += typeof r === 'number' ? r : typeof r === 'string' ? r.length : fold(r);
    }
    return sink;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('fold', `return function measured(fn, inputs, iterations) {${body}}`) as (f: typeof fold) => Loop<A>;
  return factory(fold);
}

export interface Variant<A> {
  name: string;
  fn: (args: A) => unknown;
}

export interface VariantTiming {
  name: string;
  /** Median nanoseconds per call. */
  ns: number;
  /** Every sample, ns per call. */
  samples: number[];
  /** The folded results of the last sample (proof the work was done, and the same across variants). */
  sink: number;
}

export interface MeasureOptions {
  /** Target duration of one sample, in milliseconds. */
  sampleMs: number;
  samples: number;
  warmups: number;
}

export const DEFAULT_MEASURE: MeasureOptions = { sampleMs: 25, samples: 7, warmups: 3 };

/**
 * Times each variant over the same inputs: calibrates an iteration count per variant to about
 * `sampleMs`, warms up, then takes the samples interleaved (A B C A B C …) so that a burst of
 * noise on the machine hits every variant alike. Reports the median ns per call.
 */
export function measureVariants<A>(label: string, inputs: readonly A[], variants: readonly Variant<A>[], options: MeasureOptions = DEFAULT_MEASURE): VariantTiming[] {
  if (inputs.length === 0 || (inputs.length & (inputs.length - 1)) !== 0) throw new Error('inputs: length must be a power of two');
  const runs = variants.map((variant) => {
    const loop = makeLoop<A>(`${label} ${variant.name}`);
    // Calibrate: grow the iteration count until one run takes a tenth of a sample.
    let iterations = 1024;
    for (;;) {
      const t0 = nowNs();
      loop(variant.fn, inputs, iterations);
      const elapsedMs = (nowNs() - t0) / 1e6;
      if (elapsedMs >= options.sampleMs / 10 || iterations >= 1 << 30) {
        iterations = Math.max(1024, Math.round((iterations * options.sampleMs) / Math.max(elapsedMs, 1e-3)));
        break;
      }
      iterations *= 4;
    }
    for (let w = 0; w < options.warmups; w++) loop(variant.fn, inputs, iterations);
    return { variant, loop, iterations, samples: [] as number[], sink: 0 };
  });
  for (let s = 0; s < options.samples; s++) {
    for (const run of runs) {
      const t0 = nowNs();
      run.sink = run.loop(run.variant.fn, inputs, run.iterations);
      run.samples.push((nowNs() - t0) / run.iterations);
    }
  }
  return runs.map((run) => ({ name: run.variant.name, ns: median(run.samples), samples: run.samples, sink: run.sink }));
}
