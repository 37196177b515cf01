/**
 * Arbitrage by marginal return (RULES.md §7) at scale:
 * - cost per call of RESPONSE_FIT on 12 and 120 months, and of ALLOCATE_MARGINAL on 5, 20 and
 *   100 channels × 12 months, through the adapters as Excel calls them (1×n rows, n×12 blocks);
 * - recalculation in HyperFormula of a sheet of N channels (12 months of spend and revenue, a
 *   RESPONSE_FIT row and a MARGINAL_ROAS per channel, one ALLOCATE_MARGINAL over all of them)
 *   after the whole spend block is replaced.
 */
import { HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { allocateMarginal, isRuleError, responseFit } from '../src/rules';
import { a1 } from '../src/engine/workbook';
import type { AdapterSet } from './adapters';
import { buildEngine } from './recalc';
import { amountIn, mulberry32 } from './lib/prng';
import { collectGarbage, DEFAULT_MEASURE, MeasureOptions, measureVariants, median, nowNs } from './lib/timing';

export interface MarginalCase {
  label: string;
  id: 'RESPONSE_FIT' | 'ALLOCATE_MARGINAL';
  months: number;
  channels: number;
  inputs: unknown[][];
}

/** One channel's months: spend 200 to 2 000, revenue on a curve a × spend^b with ±15 % scatter. */
function channelMonths(random: () => number, months: number): [number[], number[]] {
  const a = amountIn(random, 20, 120);
  const b = amountIn(random, 0.3, 0.9);
  const spend = Array.from({ length: months }, () => Math.round(amountIn(random, 200, 2000)));
  const revenue = spend.map((s) => Math.round(a * Math.pow(s, b) * (0.85 + 0.3 * random())));
  return [spend, revenue];
}

const INPUTS = 16; // a power of two, as measureVariants asks

export function marginalCases(seed = 20260111): MarginalCase[] {
  const random = mulberry32(seed);
  const cases: MarginalCase[] = [];
  for (const months of [12, 120]) {
    const inputs = Array.from({ length: INPUTS }, () => {
      const [spend, revenue] = channelMonths(random, months);
      return [[spend], [revenue]];
    });
    cases.push({ label: `RESPONSE_FIT, ${months} months`, id: 'RESPONSE_FIT', months, channels: 1, inputs });
  }
  for (const channels of [5, 20, 100]) {
    const inputs = Array.from({ length: INPUTS }, () => {
      const rows = Array.from({ length: channels }, () => channelMonths(random, 12));
      const spend = rows.map(([s]) => s);
      const revenue = rows.map(([, r]) => r);
      // Half of the sum of the ceilings: every channel is in play, some bound.
      const budget = 0.5 * 1.5 * spend.reduce((sum, row) => sum + Math.max(...row), 0);
      return [[[budget]], spend, revenue, null];
    });
    cases.push({ label: `ALLOCATE_MARGINAL, ${channels} channels × 12 months`, id: 'ALLOCATE_MARGINAL', months: 12, channels, inputs });
  }
  return cases;
}

/** The adapter gives what the rule gives on every input of the case. */
export function checkMarginalCase(adapters: AdapterSet, c: MarginalCase): string[] {
  const problems: string[] = [];
  c.inputs.forEach((args, i) => {
    const actual = call(adapters, c, args);
    const expected =
      c.id === 'RESPONSE_FIT'
        ? (() => {
            const fit = responseFit((args[0] as number[][])[0], (args[1] as number[][])[0]);
            return isRuleError(fit) ? fit : [[fit.a, fit.b, fit.r2, fit.code]];
          })()
        : (() => {
            const result = allocateMarginal((args[0] as number[][])[0][0], args[1] as number[][], args[2] as number[][]);
            return isRuleError(result) ? result : result.amounts.map((x) => [x]);
          })();
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${c.label} input ${i}: adapter ${JSON.stringify(actual)?.slice(0, 120)}`);
  });
  return problems;
}

function call(adapters: AdapterSet, c: MarginalCase, a: unknown[]): unknown {
  return c.id === 'RESPONSE_FIT' ? adapters.RESPONSE_FIT(a[0], a[1]) : adapters.ALLOCATE_MARGINAL(a[0], a[1], a[2], a[3]);
}

export interface MarginalCallResult {
  label: string;
  id: string;
  months: number;
  channels: number;
  /** Median µs per call. */
  us: number;
}

export function measureMarginalPerCall(adapters: AdapterSet, options: MeasureOptions = DEFAULT_MEASURE, onResult?: (r: MarginalCallResult) => void): MarginalCallResult[] {
  return marginalCases().map((c) => {
    const [timing] = measureVariants(c.label, c.inputs, [{ name: 'adapter', fn: (a) => call(adapters, c, a) }], options);
    const result = { label: c.label, id: c.id, months: c.months, channels: c.channels, us: timing.ns / 1000 };
    onResult?.(result);
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Recalculation in the engine

const MONTHS = 12;
// Columns: A name, B..M spend, N..Y revenue, Z..AC the fit, AD marginal ROAS at the last month, AE the allocation.
const SPEND_COL = 1;
const REVENUE_COL = SPEND_COL + MONTHS;
const FIT_COL = REVENUE_COL + MONTHS;
const MARGINAL_COL = FIT_COL + 4;
const ALLOCATION_COL = MARGINAL_COL + 1;

export function spendBlock(channels: number, round: number): number[][] {
  return Array.from({ length: channels }, (_, i) => Array.from({ length: MONTHS }, (_, m) => 200 + ((i * 37 + m * 113 + round * 71) % 1800)));
}

function revenueAt(i: number, m: number): number {
  return Math.round(40 * Math.pow(200 + ((i * 37 + m * 113) % 1800), 0.6));
}

/** The sheet: a header row, then one row per channel, and the allocation spilled beside them. */
export function marginalSheet(channels: number): RawCellContent[][] {
  const spend = spendBlock(channels, 0);
  const last = channels + 1;
  const range = (col: number) => `${a1(1, col)}:${a1(last - 1, col + MONTHS - 1)}`;
  const budget = 300 * channels;
  const sheet: RawCellContent[][] = [['Channel', ...Array<string>(ALLOCATION_COL - 1).fill(''), 'Proposed']];
  for (let i = 0; i < channels; i++) {
    const r = i + 2;
    const row: RawCellContent[] = [`Channel ${i + 1}`, ...spend[i], ...Array.from({ length: MONTHS }, (_, m) => revenueAt(i, m))];
    row[FIT_COL] = `=MKT.RESPONSE_FIT(${a1(r - 1, SPEND_COL)}:${a1(r - 1, SPEND_COL + MONTHS - 1)},${a1(r - 1, REVENUE_COL)}:${a1(r - 1, REVENUE_COL + MONTHS - 1)})`;
    row[MARGINAL_COL] = `=MKT.MARGINAL_ROAS(${a1(r - 1, FIT_COL)}:${a1(r - 1, FIT_COL + 3)},${a1(r - 1, SPEND_COL + MONTHS - 1)})`;
    if (i === 0) row[ALLOCATION_COL] = `=MKT.ALLOCATE_MARGINAL(${budget},${range(SPEND_COL)},${range(REVENUE_COL)})`;
    sheet.push(row);
  }
  return sheet;
}

/** The allocation sums to the budget and no fit or marginal ROAS is an error. */
export function marginalChecksum(engine: HyperFormula, channels: number): { allocated: number; notNumbers: number } {
  const values = engine.getRangeValues({ start: { sheet: 0, row: 1, col: FIT_COL }, end: { sheet: 0, row: channels, col: ALLOCATION_COL } });
  let allocated = 0;
  let notNumbers = 0;
  for (const row of values) {
    for (const [j, value] of row.entries()) {
      if (j === 3) continue; // the fit's code
      if (typeof value === 'number' && Number.isFinite(value)) {
        if (j === row.length - 1) allocated += value;
      } else notNumbers += 1;
    }
  }
  return { allocated, notNumbers };
}

export interface MarginalRecalcResult {
  channels: number;
  samples: number;
  buildMs: number;
  recalcMs: number;
  /** µs per channel, recalculation. */
  usPerChannel: number;
  checked: boolean;
}

export function measureMarginalRecalc(channels: number, samples: number): MarginalRecalcResult {
  collectGarbage();
  let t0 = nowNs();
  const engine = buildEngine(marginalSheet(channels));
  const buildMs = (nowNs() - t0) / 1e6;
  try {
    const times: number[] = [];
    for (let s = 1; s <= samples; s++) {
      const block = spendBlock(channels, s);
      collectGarbage();
      t0 = nowNs();
      engine.setCellContents({ sheet: 0, row: 1, col: SPEND_COL }, block);
      times.push((nowNs() - t0) / 1e6);
    }
    const { allocated, notNumbers } = marginalChecksum(engine, channels);
    const budget = 300 * channels;
    const recalcMs = median(times);
    return { channels, samples, buildMs, recalcMs, usPerChannel: (recalcMs * 1000) / channels, checked: notNumbers === 0 && Math.abs(allocated - budget) <= 1e-9 * budget };
  } finally {
    engine.destroy();
  }
}
