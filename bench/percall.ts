/**
 * Cost per call: each MKT custom function through its adapter (src/functions/functions.ts), the
 * rule it calls with plain numbers (src/rules), and the same arithmetic written inline in plain
 * JavaScript, with the arguments Excel passes: one cell (a 1×1 array for an amount parameter, a
 * plain value for a scalar one, null for an omitted optional one) and 12-cell ranges (a 1×12 row
 * of months for amounts, a 12×1 column per channel for ALLOCATE).
 *
 * Every input is valid (the happy path Excel recalculates all day); `checkCase` proves the three
 * variants give the same result on every input, so the baseline does the same arithmetic.
 */
import { readAmount, readNumber, readOptionalNumber, readYesNo } from '../src/functions/coerce';
import { toThrown, unwrap } from '../src/functions/excel-errors';
import { allocate } from '../src/rules/allocation';
import { CODE_LABELS, labelOf } from '../src/rules/labels';
import { pilotVerdict } from '../src/rules/pilot';
import { compareLevers, lifetimeValue, LeverComparison, roiBand, roiRatio } from '../src/rules/roi';
import { assessInternalisation, breakevenFees, feesToSalary, InternaliseAssessment } from '../src/rules/signals';
import { budgetTier } from '../src/rules/tiers';
import type { AdapterFn, AdapterSet } from './adapters';
import { readAmountLoop, roiRatioCandidate } from './candidates';

export { readAmountLoop, roiRatioCandidate };
import { amountIn, intIn, mulberry32 } from './lib/prng';
import { DEFAULT_MEASURE, MeasureOptions, measureVariants, Variant } from './lib/timing';

export type Shape = 'scalar' | 'range12';

export interface CallCase {
  id: string;
  shape: Shape;
  inputs: unknown[][];
  adapter: (args: unknown[]) => unknown;
  rule: (args: unknown[]) => unknown;
  inline: (args: unknown[]) => unknown;
}

/** Inputs per case: a power of two, varied enough that no branch or value is constant. */
export const INPUTS_PER_CASE = 64;

const FR: Record<string, string> = Object.fromEntries(Object.entries(CODE_LABELS).map(([code, words]) => [code, words.fr]));
const CODES = Object.keys(CODE_LABELS);

// Plain helpers of the inline baseline.
function sumCells(range: number[][]): number {
  let sum = 0;
  for (let i = 0; i < range.length; i++) {
    const row = range[i];
    for (let j = 0; j < row.length; j++) sum += row[j];
  }
  return sum;
}
const cells = (range: number[][]): number[] => {
  const out: number[] = [];
  for (const row of range) for (const cell of row) out.push(cell);
  return out;
};
const code3 = (score: number) => (score >= 2 ? 'INTERNALISE' : score === 1 ? 'PREPARE' : 'OUTSOURCE');
const n = (v: unknown) => v as number;
const r2 = (v: unknown) => v as number[][];

/** A 1×1 range for one cell, or a 1×12 row of parts summing about `total`. */
function amount(random: () => number, shape: Shape, min: number, max: number): number[][] {
  if (shape === 'scalar') return [[amountIn(random, min, max)]];
  return [Array.from({ length: 12 }, () => amountIn(random, min / 12, max / 12))];
}

interface CaseSpec {
  id: string;
  shapes: Shape[];
  input: (random: () => number, shape: Shape) => unknown[];
  /** Arguments the adapter takes, optional ones included (they get null, as Excel passes them). */
  arity: number;
  rule: (a: unknown[]) => unknown;
  inline: (a: unknown[]) => unknown;
}

const SPECS: CaseSpec[] = [
  {
    id: 'INTERNALISE_SIGNAL',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [intIn(random, 0, 80), amount(random, shape, 0, 120000), amount(random, shape, 40000, 120000), random() < 0.5],
    arity: 4,
    rule: (a) => (assessInternalisation({ weeklyHours: n(a[0]), externalFees: sumCells(r2(a[1])), loadedSalary: sumCells(r2(a[2])), dataNeed: a[3] as boolean }) as InternaliseAssessment).code,
    inline: (a) => code3((n(a[0]) >= 40 ? 1 : 0) + (sumCells(r2(a[1])) / sumCells(r2(a[2])) >= 0.6 ? 1 : 0) + (a[3] ? 1 : 0)),
  },
  {
    id: 'INTERNALISE_SCORE',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [intIn(random, 0, 80), amount(random, shape, 0, 120000), amount(random, shape, 40000, 120000), random() < 0.5],
    arity: 4,
    rule: (a) => (assessInternalisation({ weeklyHours: n(a[0]), externalFees: sumCells(r2(a[1])), loadedSalary: sumCells(r2(a[2])), dataNeed: a[3] as boolean }) as InternaliseAssessment).score,
    inline: (a) => (n(a[0]) >= 40 ? 1 : 0) + (sumCells(r2(a[1])) / sumCells(r2(a[2])) >= 0.6 ? 1 : 0) + (a[3] ? 1 : 0),
  },
  {
    id: 'FEES_TO_SALARY',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [amount(random, shape, 0, 120000), amount(random, shape, 40000, 120000)],
    arity: 2,
    rule: (a) => feesToSalary(sumCells(r2(a[0])), sumCells(r2(a[1]))),
    inline: (a) => sumCells(r2(a[0])) / sumCells(r2(a[1])),
  },
  {
    id: 'BREAKEVEN_FEES',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [amount(random, shape, 40000, 120000), null],
    arity: 2,
    rule: (a) => breakevenFees(sumCells(r2(a[0]))),
    inline: (a) => sumCells(r2(a[0])) * 0.6,
  },
  {
    id: 'ROI_RATIO',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [amount(random, shape, 0, 50000), amount(random, shape, 100, 10000)],
    arity: 2,
    rule: (a) => roiRatio(sumCells(r2(a[0])), sumCells(r2(a[1]))),
    inline: (a) => sumCells(r2(a[0])) / sumCells(r2(a[1])),
  },
  {
    id: 'ROI_BAND',
    shapes: ['scalar'],
    input: (random) => [amountIn(random, 0, 8), null, null],
    arity: 3,
    rule: (a) => roiBand(n(a[0])),
    inline: (a) => (n(a[0]) < 3 ? 'BELOW' : n(a[0]) > 5 ? 'ABOVE' : 'TARGET'),
  },
  {
    id: 'LTV',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [amount(random, shape, 10, 5000), amountIn(random, 0, 0.95), null],
    arity: 3,
    rule: (a) => lifetimeValue(sumCells(r2(a[0])), n(a[1])),
    inline: (a) => sumCells(r2(a[0])) / (1 - n(a[1])),
  },
  {
    id: 'RETENTION_LEVER',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [amount(random, shape, 10, 5000), amountIn(random, 0.05, 0.85), amount(random, shape, 50, 2000), null, null],
    arity: 5,
    rule: (a) => (compareLevers(sumCells(r2(a[0])), n(a[1]), sumCells(r2(a[2]))) as LeverComparison).lever,
    inline: (a) => {
      const m = sumCells(r2(a[0]));
      const r = n(a[1]);
      const cac = sumCells(r2(a[2]));
      const retention = m / (1 - r * 1.1) / cac;
      const acquisition = m / (1 - r) / (cac * 0.9);
      return retention >= acquisition - 1e-12 * Math.max(retention, acquisition) ? 'RETENTION' : 'ACQUISITION';
    },
  },
  {
    id: 'BUDGET_TIER',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => [amount(random, shape, 0, 6000), null],
    arity: 2,
    rule: (a) => budgetTier(sumCells(r2(a[0]))),
    inline: (a) => {
      const b = sumCells(r2(a[0]));
      return b < 500 ? 'IN_HOUSE' : b < 1500 ? 'PARTIAL' : b <= 4000 ? 'REGULAR' : 'FULL';
    },
  },
  {
    id: 'PILOT_VERDICT',
    shapes: ['scalar'],
    input: (random) => [intIn(random, 0, 6), amountIn(random, 0, 1.5), amountIn(random, 0, 6), random() < 0.9],
    arity: 4,
    rule: (a) => pilotVerdict({ monthsElapsed: n(a[0]), kpiAchievement: n(a[1]), roiRatio: n(a[2]), reportingOk: a[3] as boolean }),
    inline: (a) => {
      if (n(a[0]) < 3) return 'TOO_EARLY';
      if (!a[3]) return 'STOP';
      if (n(a[1]) >= 1 && n(a[2]) >= 3) return 'EXPAND';
      return n(a[1]) >= 0.8 ? 'EXTEND' : 'TAKE_BACK';
    },
  },
  {
    id: 'ALLOCATE',
    shapes: ['scalar', 'range12'],
    input: (random, shape) => {
      const channels = shape === 'scalar' ? 1 : 12;
      const spend = Array.from({ length: channels }, () => [amountIn(random, 100, 5000)]);
      // Ratios from 0.5 to 8; the first channel always reaches the floor of 3.
      const revenue = spend.map(([s], i) => [Math.round(s * (i === 0 ? 3 + random() * 5 : 0.5 + random() * 7.5) * 100) / 100]);
      return [[[amountIn(random, 1000, 100000)]], spend, revenue, null];
    },
    arity: 4,
    rule: (a) => (allocate(sumCells(r2(a[0])), cells(r2(a[1])), cells(r2(a[2]))) as number[]).map((x) => [x]),
    inline: (a) => {
      const total = sumCells(r2(a[0]));
      const spend = r2(a[1]);
      const revenue = r2(a[2]);
      const ratios = new Array<number>(spend.length);
      let ratioSum = 0;
      for (let i = 0; i < spend.length; i++) {
        const ratio = revenue[i][0] / spend[i][0];
        ratios[i] = ratio >= 3 ? ratio : 0;
        ratioSum += ratios[i];
      }
      const out = new Array<number[]>(spend.length);
      let allocated = 0;
      let largest = 0;
      for (let i = 0; i < ratios.length; i++) {
        const share = total * (ratios[i] / ratioSum);
        out[i] = [share];
        allocated += share;
        if (share > out[largest][0]) largest = i;
      }
      out[largest][0] += total - allocated;
      return out;
    },
  },
  {
    id: 'LABEL',
    shapes: ['scalar'],
    input: (random) => [CODES[intIn(random, 0, CODES.length - 1)], null],
    arity: 2,
    rule: (a) => labelOf(a[0] as string),
    inline: (a) => FR[a[0] as string],
  },
];

/** Calls fn with the first `arity` elements of the argument list, without spreading. */
function caller(fn: AdapterFn, arity: number): (a: unknown[]) => unknown {
  switch (arity) {
    case 2:
      return (a) => fn(a[0], a[1]);
    case 3:
      return (a) => fn(a[0], a[1], a[2]);
    case 4:
      return (a) => fn(a[0], a[1], a[2], a[3]);
    default:
      return (a) => fn(a[0], a[1], a[2], a[3], a[4]);
  }
}

/** Every case: each function with one-cell arguments, and with 12-cell ranges where it takes amounts. */
export function perCallCases(adapters: AdapterSet, seed = 20260101): CallCase[] {
  const out: CallCase[] = [];
  SPECS.forEach((spec, index) => {
    for (const shape of spec.shapes) {
      const random = mulberry32(seed + index * 101 + (shape === 'range12' ? 7 : 0));
      const inputs = Array.from({ length: INPUTS_PER_CASE }, () => spec.input(random, shape));
      out.push({ id: spec.id, shape, inputs, adapter: caller(adapters[spec.id], spec.arity), rule: spec.rule, inline: spec.inline });
    }
  });
  return out;
}

/** The adapter, the rule and the inline arithmetic agree on every input of the case (within 1e-9 relative). */
export function checkCase(c: CallCase): string[] {
  const problems: string[] = [];
  const same = (x: unknown, y: unknown): boolean => {
    if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => same(v, y[i]));
    return x === y;
  };
  c.inputs.forEach((args, i) => {
    const adapter = c.adapter(args);
    const rule = c.rule(args);
    const inline = c.inline(args);
    if (!same(adapter, inline) || !same(rule, inline)) {
      problems.push(`${c.id} ${c.shape} input ${i}: adapter ${JSON.stringify(adapter)}, rule ${JSON.stringify(rule)}, inline ${JSON.stringify(inline)}`);
    }
  });
  return problems;
}

export interface PerCallResult {
  id: string;
  shape: Shape;
  inlineNs: number;
  ruleNs: number;
  adapterNs: number;
  /** adapter ÷ inline. */
  ratio: number;
}

export function measurePerCall(cases: readonly CallCase[], options: MeasureOptions = DEFAULT_MEASURE, onResult?: (r: PerCallResult) => void): PerCallResult[] {
  return cases.map((c) => {
    const variants: Variant<unknown[]>[] = [
      { name: 'inline', fn: c.inline },
      { name: 'rule', fn: c.rule },
      { name: 'adapter', fn: c.adapter },
    ];
    const [inline, rule, adapter] = measureVariants(`${c.id} ${c.shape}`, c.inputs, variants, options);
    const result = { id: c.id, shape: c.shape, inlineNs: inline.ns, ruleNs: rule.ns, adapterNs: adapter.ns, ratio: adapter.ns / inline.ns };
    onResult?.(result);
    return result;
  });
}

// -----------------------------------------------------------------------------------------------
// Where an adapter's time goes: its building blocks, one at a time, on ROI_RATIO's arguments.

export interface BreakdownResult {
  step: string;
  ns: number;
}

/** The adapters' guard, as each adapter writes it. */
function guarded(revenue: number, spend: number): number {
  try {
    return revenue / spend;
  } catch (error) {
    throw toThrown(error);
  }
}

export function measureBreakdown(adapters: AdapterSet, options: MeasureOptions = DEFAULT_MEASURE, seed = 7): BreakdownResult[] {
  const roiAdapter = adapters.ROI_RATIO;
  const random = mulberry32(seed);
  const one = Array.from({ length: INPUTS_PER_CASE }, () => [[[amountIn(random, 100, 5000)]], [[amountIn(random, 100, 5000)]]] as unknown[]);
  const twelve = Array.from({ length: INPUTS_PER_CASE }, () => [amount(random, 'range12', 100, 5000), amount(random, 'range12', 100, 5000)] as unknown[]);
  const steps: Array<[string, readonly unknown[][], (a: unknown[]) => unknown]> = [
    ['inline: sum ×2 and divide (1 cell)', one, (a) => sumCells(r2(a[0])) / sumCells(r2(a[1]))],
    ['readAmount ×2 (1 cell)', one, (a) => readAmount('revenue', a[0]) + readAmount('spend', a[1])],
    ['readAmountLoop ×2 (1 cell), no callback', one, (a) => readAmountLoop('revenue', a[0]) + readAmountLoop('spend', a[1])],
    ['rule roiRatio on plain numbers', one, (a) => roiRatio(r2(a[0])[0][0], r2(a[1])[0][0])],
    ['unwrap(rule)', one, (a) => unwrap(roiRatio(r2(a[0])[0][0], r2(a[1])[0][0]))],
    ['try/catch toThrown around r/s', one, (a) => guarded(r2(a[0])[0][0], r2(a[1])[0][0])],
    ['readNumber (plain number)', one, (a) => readNumber('ratio', r2(a[0])[0][0])],
    ['readOptionalNumber (null)', one, (a) => readOptionalNumber('low', null) ?? r2(a[0])[0][0]],
    ['readYesNo (boolean)', one, (a) => (readYesNo('data_need', r2(a[0])[0][0] > 2500, false) ? 1 : 0)],
    ['adapter ROI_RATIO (1 cell)', one, (a) => roiAdapter(a[0], a[1])],
    ['candidate ROI_RATIO (1 cell)', one, (a) => roiRatioCandidate(a[0], a[1])],
    ['inline: sum ×2 and divide (12 cells)', twelve, (a) => sumCells(r2(a[0])) / sumCells(r2(a[1]))],
    ['readAmount ×2 (12 cells)', twelve, (a) => readAmount('revenue', a[0]) + readAmount('spend', a[1])],
    ['readAmountLoop ×2 (12 cells), no callback', twelve, (a) => readAmountLoop('revenue', a[0]) + readAmountLoop('spend', a[1])],
    ['adapter ROI_RATIO (12 cells)', twelve, (a) => roiAdapter(a[0], a[1])],
    ['candidate ROI_RATIO (12 cells)', twelve, (a) => roiRatioCandidate(a[0], a[1])],
  ];
  // Steps on the same inputs are measured together, their samples interleaved.
  const out: BreakdownResult[] = [];
  for (const inputs of [one, twelve]) {
    const group = steps.filter(([, i]) => i === inputs);
    const timings = measureVariants(`breakdown ${group[0][0]}`, inputs, group.map(([name, , fn]) => ({ name, fn })), options);
    for (const t of timings) out.push({ step: t.name, ns: t.ns });
  }
  return out;
}

/**
 * The adapter against the candidate once both have met a session's variety of arguments: the
 * built adapters have been through the fuzz by then, and the candidate goes through `argLists`
 * (Excel-like argument pairs) here. Shared helpers see many shapes in a real session; this is the
 * fair comparison for a suggested fix.
 */
export function measureAfterSession(adapters: AdapterSet, argLists: readonly unknown[][], options: MeasureOptions = DEFAULT_MEASURE, seed = 7): BreakdownResult[] {
  const roiAdapter = adapters.ROI_RATIO;
  for (const args of argLists) {
    try {
      roiRatioCandidate(args[0], args[1]);
    } catch {
      // errors are results too
    }
    try {
      readAmountLoop('x', args[0]);
    } catch {
      // idem
    }
  }
  const random = mulberry32(seed);
  const one = Array.from({ length: INPUTS_PER_CASE }, () => [[[amountIn(random, 100, 5000)]], [[amountIn(random, 100, 5000)]]] as unknown[]);
  const twelve = Array.from({ length: INPUTS_PER_CASE }, () => [amount(random, 'range12', 100, 5000), amount(random, 'range12', 100, 5000)] as unknown[]);
  const out: BreakdownResult[] = [];
  for (const [label, inputs] of [['1 cell', one], ['12 cells', twelve]] as const) {
    const timings = measureVariants(`session ${label}`, inputs, [
      { name: `inline (${label}), after the fuzz`, fn: (a) => sumCells(r2(a[0])) / sumCells(r2(a[1])) },
      { name: `adapter ROI_RATIO (${label}), after the fuzz`, fn: (a) => roiAdapter(a[0], a[1]) },
      { name: `candidate ROI_RATIO (${label}), after the fuzz`, fn: (a) => roiRatioCandidate(a[0], a[1]) },
    ], options);
    for (const t of timings) out.push({ step: t.name, ns: t.ns });
  }
  return out;
}
