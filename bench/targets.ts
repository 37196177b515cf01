/**
 * The performance targets, each judged met or missed from the measured figures. A miss is
 * a finding to report, not a failure of the bench.
 */
import type { PerCallResult } from './percall';
import type { RecalcResult } from './recalc';
import type { RoundTripResult } from './roundtrips';
import type { StartupResult } from './startup';
import type { FuzzResult } from './fuzz';
import { syncsConstant } from './roundtrips';
import { FUNCTION_IDS } from './adapters';
import { HIRING_TARGET_US, HiringCallResult } from './hiring';

export const LIMITS = {
  /** Adapter ÷ inline arithmetic, scalar calls. */
  adapterRatio: 2,
  /** MKT.ROI_RATIO ÷ =B/C, recalculation of 100 000 rows. */
  recalcRatio: 1.5,
  recalcRows: 100_000,
  /** functions.js, gzip (15 KB = 15 × 1 024 bytes). */
  functionsGzipBytes: 15 * 1024,
  /** Excel on the web's request limit (src/excel PAYLOAD_LIMIT). */
  requestBytes: 5 * 1024 * 1024,
} as const;

export type Verdict = 'met' | 'missed' | 'pending';

export interface Target {
  id: string;
  target: string;
  measured: string;
  verdict: Verdict;
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

export interface Measured {
  perCall?: PerCallResult[];
  recalc?: RecalcResult[];
  startup?: StartupResult;
  roundTrips?: RoundTripResult[];
  fuzz?: FuzzResult;
  hiring?: HiringCallResult[];
}

export function judge(m: Measured): Target[] {
  const out: Target[] = [];
  const pending = (id: string, target: string): Target => ({ id, target, measured: 'not measured', verdict: 'pending' });

  const scalar = m.perCall?.filter((r) => r.shape === 'scalar') ?? [];
  if (scalar.length) {
    const worst = scalar.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const over = scalar.filter((r) => r.ratio > LIMITS.adapterRatio);
    out.push({
      id: 'adapterScalar',
      target: `adapter ≤ ${LIMITS.adapterRatio}× inline arithmetic, scalar calls (all ${new Set(scalar.map((r) => r.id)).size} functions)`,
      measured: `${over.length}/${scalar.length} above; worst ${worst.id} ${fmt(worst.ratio, 1)}×`,
      verdict: over.length === 0 ? 'met' : 'missed',
    });
  } else out.push(pending('adapterScalar', `adapter ≤ ${LIMITS.adapterRatio}× inline arithmetic, scalar calls`));

  const big = m.recalc?.find((r) => r.rows === LIMITS.recalcRows);
  out.push(
    big
      ? {
          id: 'recalc100k',
          target: `100 000-row recalculation, MKT.ROI_RATIO ≤ ${LIMITS.recalcRatio}× =B/C`,
          measured: `${fmt(big.ratio)}× (${fmt(big.mktRecalcMs, 0)} ms vs ${fmt(big.nativeRecalcMs, 0)} ms)`,
          verdict: big.ratio <= LIMITS.recalcRatio && big.checked ? 'met' : 'missed',
        }
      : pending('recalc100k', `100 000-row recalculation ≤ ${LIMITS.recalcRatio}× native`),
  );

  if (m.startup) {
    const gz = m.startup.sizes.functions.gzipBytes;
    out.push({
      id: 'functionsGzip',
      target: `functions chunk ≤ ${LIMITS.functionsGzipBytes / 1024} KB gzip`,
      measured: `${fmt(gz / 1024, 1)} KB`,
      verdict: gz <= LIMITS.functionsGzipBytes ? 'met' : 'missed',
    });
    const m0 = m.startup.medians;
    out.push({
      id: 'registeredBeforePane',
      target: 'functions registered before the pane code is parsed',
      measured: `${m.startup.all.filter((r) => r.registeredBeforePane).length}/${m.startup.runs} runs; last associate ${fmt(m0.lastAssociateMs, 0)} ms, pane chunk requested ${fmt(m0.paneRequestMs, 0)} ms`,
      verdict: m.startup.registeredBeforePane && m0.associateCount === FUNCTION_IDS.length ? 'met' : 'missed',
    });
  } else {
    out.push(pending('functionsGzip', `functions chunk ≤ ${LIMITS.functionsGzipBytes / 1024} KB gzip`));
    out.push(pending('registeredBeforePane', 'functions registered before the pane code is parsed'));
  }

  if (m.roundTrips?.length) {
    const constant = syncsConstant(m.roundTrips);
    const steps = Object.keys(constant);
    const varying = steps.filter((s) => !constant[s]);
    const counts = steps.map((s) => `${s} ${m.roundTrips![0].steps.find((x) => x.step === s)?.syncs}`).join(', ');
    out.push({
      id: 'syncsConstant',
      target: 'same context.sync count at every table size',
      measured: varying.length ? `varies: ${varying.join(', ')}` : counts,
      verdict: varying.length === 0 && m.roundTrips.length > 1 ? 'met' : 'missed',
    });
    const largest = Math.max(...m.roundTrips.flatMap((r) => r.steps.map((s) => s.largestRequestBytes)));
    out.push({
      id: 'requestSize',
      target: 'no request above 5 MB',
      measured: `largest ${fmt(largest / 1024, 1)} KB`,
      verdict: largest <= LIMITS.requestBytes ? 'met' : 'missed',
    });
  } else {
    out.push(pending('syncsConstant', 'same context.sync count at every table size'));
    out.push(pending('requestSize', 'no request above 5 MB'));
  }

  for (const id of ['LOADED_SALARY_FR', 'CROSSOVER_MONTH'] as const) {
    const target = `${id} ≤ ${HIRING_TARGET_US} µs a call`;
    const timed = m.hiring?.filter((r) => r.id === id && r.judged) ?? [];
    if (timed.length === 0) out.push(pending(`perCall${id}`, target));
    else {
      const worst = Math.max(...timed.map((r) => r.us));
      out.push({ id: `perCall${id}`, target, measured: `${fmt(worst, 2)} µs (slowest case)`, verdict: worst <= HIRING_TARGET_US ? 'met' : 'missed' });
    }
  }

  out.push(
    m.fuzz
      ? {
          id: 'fuzzShowable',
          target: 'fuzz: 0 results Excel cannot show',
          measured: `${m.fuzz.notShowable} of ${m.fuzz.calls.toLocaleString('en-US')}`,
          verdict: m.fuzz.notShowable === 0 ? 'met' : 'missed',
        }
      : pending('fuzzShowable', 'fuzz: 0 results Excel cannot show'),
  );
  return out;
}
