/**
 * Arbitrage by marginal return (seed 000, method step 2 taken further; RULES.md §7): a curve of
 * diminishing returns per channel, fitted to its monthly history, and a budget put where the
 * next unit of spend brings back the most, never far beyond what the history has seen.
 *
 * A month is given as a number or as `null` (a blank, text or TRUE/FALSE cell, which the
 * function boundary turns into null): such months are left out, like months with a 0.
 */
import { checkRate, divisionByZero, invalid, isRuleError, Result, RuleError } from './errors';
import { allocateScaled, ROUND_OFF } from './marginal-solver';

/** (project default) At least this many months that count for a curve; fewer → LINEAR. */
export const CURVE_MIN_MONTHS = 6;
/** (project default) The largest counted spend must be at least this × the smallest for a curve. */
export const CURVE_MIN_SPREAD = 1.5;
/** (project default) Each channel's ceiling is cap × its largest counted monthly spend. */
export const MARGINAL_CAP = 1.5;

/** The relative round-off allowed on the 1.5 spread (marginal-solver.ts ROUND_OFF; exported for the portable copy's translation). */
export const SPREAD_ROUND_OFF = ROUND_OFF;
/** The same for a fitted slope, whose round-off grows with the spread of the logs. */
export const SLOPE_ROUND_OFF = 1e-9;

export type FitCode = 'CURVE' | 'LINEAR';
/** Why a fit is LINEAR, in the order the rule tests it. */
export type LinearReason = 'fewMonths' | 'littleVariation' | 'notDiminishing';

export interface ResponseFit {
  /** revenue = a × spend^b */
  a: number;
  b: number;
  /** r² of the log fit (0 when there is none, or when every revenue is the same). */
  r2: number;
  code: FitCode;
  /** Months that count: spend and revenue both numbers above 0. */
  months: number;
  /** The log fit's slope, when there is a log fit (also for LINEAR, to explain why). */
  logSlope?: number;
  /** Largest and smallest counted spend. */
  maxSpend: number;
  minSpend: number;
  /** Set when code is LINEAR. */
  reason?: LinearReason;
}

export type MonthValue = number | null;

function checkMonths(arg: string, values: readonly MonthValue[]): RuleError | undefined {
  for (const value of values) if (value !== null && value < 0) return invalid('negative', { arg });
  return undefined;
}

/**
 * RESPONSE_FIT on one channel's months, paired in order. Different counts → #VALUE!, a negative
 * month → #VALUE!, no month that counts → #N/A.
 */
export function responseFit(spend: readonly MonthValue[], revenue: readonly MonthValue[]): Result<ResponseFit> {
  if (spend.length !== revenue.length) {
    return invalid('monthCounts', { spendCells: spend.length, revenueCells: revenue.length });
  }
  const bad = checkMonths('spend', spend) ?? checkMonths('revenue', revenue);
  if (bad) return bad;
  return fitOfValid(spend, revenue);
}

/** The fit of months already checked: same count, none negative. */
function fitOfValid(spend: readonly MonthValue[], revenue: readonly MonthValue[]): Result<ResponseFit> {
  const xs: number[] = [];
  const ys: number[] = [];
  let spendSum = 0;
  let revenueSum = 0;
  let maxSpend = 0;
  let minSpend = Infinity;
  for (let i = 0; i < spend.length; i++) {
    const s = spend[i];
    const r = revenue[i];
    if (s === null || r === null || !(s > 0) || !(r > 0)) continue;
    xs.push(Math.log(s));
    ys.push(Math.log(r));
    spendSum += s;
    revenueSum += r;
    if (s > maxSpend) maxSpend = s;
    if (s < minSpend) minSpend = s;
  }
  const n = xs.length;
  if (n === 0) return new RuleError('NA', 'noMonthCounted');
  const log = n >= 2 && maxSpend !== minSpend ? logFit(xs, ys) : undefined;
  const reason: LinearReason | undefined =
    n < CURVE_MIN_MONTHS
      ? 'fewMonths'
      : !(maxSpend >= CURVE_MIN_SPREAD * minSpend * (1 - ROUND_OFF))
        ? 'littleVariation'
        : log === undefined || !(log.b > 0 && log.b < 1)
          ? 'notDiminishing'
          : undefined;
  const common = { months: n, maxSpend, minSpend, logSlope: log?.b };
  if (reason === undefined && log !== undefined && Number.isFinite(log.a)) {
    return { a: log.a, b: log.b, r2: log.r2, code: 'CURVE', ...common };
  }
  const a = revenueSum / spendSum;
  if (!Number.isFinite(a)) return new RuleError('NUM', 'notFinite', { arg: 'revenue' });
  return { a, b: 1, r2: log?.r2 ?? 0, code: 'LINEAR', reason: reason ?? 'notDiminishing', ...common };
}

/** Ordinary least squares of y on x, on centred sums; undefined when the x do not vary. */
function logFit(xs: readonly number[], ys: readonly number[]): { a: number; b: number; r2: number } | undefined {
  const n = xs.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += xs[i];
    meanY += ys[i];
  }
  meanX /= n;
  meanY /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - meanX;
    const dy = ys[i] - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) return undefined;
  // Every revenue the same: slope 0 and r2 0 exactly (rounding of the mean would leave dust).
  const flat = ys.every((y) => y === ys[0]);
  const slope = flat ? 0 : sxy / sxx;
  // Revenue proportional to spend: slope 1 exactly, so the fit is constant return, not a curve.
  const b = Math.abs(slope - 1) <= SLOPE_ROUND_OFF ? 1 : slope;
  const a = Math.exp(meanY - b * meanX);
  let r2 = 0;
  if (syy > 0 && !flat) {
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const e = ys[i] - (meanY + b * (xs[i] - meanX));
      sse += e * e;
    }
    r2 = Math.min(1, Math.max(0, 1 - sse / syy));
  }
  return { a, b, r2 };
}

export interface Curve {
  a: number;
  b: number;
}

/**
 * A fit given as a range: its first two numbers in reading order are a ≥ 0 and 0 < b ≤ 1
 * (a RESPONSE_FIT row, or a spill of it).
 */
export function parseFit(numbers: readonly number[]): Result<Curve> {
  if (numbers.length < 2) return invalid('fitNumbers', { arg: 'fit' });
  const [a, b] = numbers;
  if (!(a >= 0) || !(b > 0 && b <= 1)) return invalid('fitBounds', { arg: 'fit' });
  return { a, b };
}

/** MARGINAL_ROAS: a × b × spend^(b − 1), the revenue one more unit of spend brings. */
export function marginalRoas(fit: readonly number[], monthlySpend: number): Result<number> {
  const curve = parseFit(fit);
  if (isRuleError(curve)) return curve;
  if (monthlySpend < 0) return invalid('negative', { arg: 'monthly_spend' });
  return marginalOf(curve, monthlySpend);
}

function marginalOf({ a, b }: Curve, spend: number): Result<number> {
  if (b === 1) return a;
  if (spend === 0) return new RuleError('NUM', 'firstUnitUnbounded', { arg: 'monthly_spend' });
  return a * b * Math.pow(spend, b - 1);
}

/**
 * OPTIMAL_SPEND: (a × b × margin)^(1 / (1 − b)), the monthly spend where margin × MARGINAL_ROAS = 1.
 * b = 1 → #NUM! (constant returns have no finite optimum).
 */
export function optimalSpend(fit: readonly number[], margin: number): Result<number> {
  const curve = parseFit(fit);
  if (isRuleError(curve)) return curve;
  const bad = checkRate('margin', margin);
  if (bad) return bad;
  if (curve.b === 1) return new RuleError('NUM', 'constantReturns', { arg: 'fit' });
  const base = curve.a * curve.b * margin;
  if (base === 0) return 0;
  return Math.exp(Math.log(base) / (1 - curve.b));
}

/** BREAKEVEN_ROAS: 1 / margin, the ROI ratio at which marketing pays for itself out of gross margin. */
export function breakevenRoas(margin: number): Result<number> {
  const bad = checkRate('margin', margin);
  if (bad) return bad;
  if (margin === 0) return divisionByZero('margin');
  return 1 / margin;
}

export interface MarginalAllocation {
  /** One monthly amount per channel, summing to the budget. */
  amounts: number[];
  /** Each channel's fit; undefined for a channel with no month that counts. */
  fits: Array<ResponseFit | undefined>;
  /** cap × the largest counted monthly spend; 0 for a channel with no month that counts. */
  ceilings: number[];
  /** The marginal return at which the free channels end (undefined when the budget is 0 or all are at their ceiling). */
  lambda: number | undefined;
}

/**
 * ALLOCATE_MARGINAL: each row of the histories is a channel, fitted as RESPONSE_FIT fits it.
 * The amounts maximise Σ a × x^b under Σ x = budget and 0 ≤ x ≤ ceiling.
 */
export function allocateMarginal(
  monthlyBudget: number,
  spendHistory: readonly (readonly MonthValue[])[],
  revenueHistory: readonly (readonly MonthValue[])[],
  cap: number = MARGINAL_CAP,
): Result<MarginalAllocation> {
  const shapeOf = (rows: readonly (readonly MonthValue[])[]) => `${rows.length}×${rows[0]?.length ?? 0}`;
  const sameShape =
    spendHistory.length === revenueHistory.length &&
    spendHistory.every((row, i) => row.length === revenueHistory[i].length);
  if (!sameShape) {
    return invalid('historyShapes', { spendShape: shapeOf(spendHistory), revenueShape: shapeOf(revenueHistory) });
  }
  for (let i = 0; i < spendHistory.length; i++) {
    const bad = checkMonths('spend_history', spendHistory[i]) ?? checkMonths('revenue_history', revenueHistory[i]);
    if (bad) return bad;
  }
  if (monthlyBudget < 0) return invalid('negative', { arg: 'monthly_budget' });
  if (!(cap >= 1)) return invalid('capBelowOne', { arg: 'cap', cap });
  const fits: Array<ResponseFit | undefined> = [];
  const ceilings: number[] = [];
  let ceilingSum = 0;
  for (let i = 0; i < spendHistory.length; i++) {
    const fit = fitOfValid(spendHistory[i], revenueHistory[i]);
    if (isRuleError(fit)) {
      if (fit.kind !== 'NA') return fit;
      fits.push(undefined);
      ceilings.push(0);
      continue;
    }
    fits.push(fit);
    const ceiling = cap * fit.maxSpend;
    if (!Number.isFinite(ceiling)) return new RuleError('NUM', 'notFinite', { arg: 'spend_history' });
    ceilings.push(ceiling);
    ceilingSum += ceiling;
  }
  const n = fits.length;
  if (monthlyBudget === 0) return { amounts: new Array<number>(n).fill(0), fits, ceilings, lambda: undefined };
  if (!Number.isFinite(ceilingSum)) {
    // Ceilings that add up beyond the largest number (histories near 1e308): solved in units a
    // power of two larger, which is exact; a curve's a × x^b then has a × unit^b for its a.
    const unit = 2 ** Math.ceil(Math.log2(n) + 1);
    const scaled = allocateScaled(
      monthlyBudget / unit,
      fits.map((fit) => fit && { ...fit, a: fit.code === 'CURVE' ? fit.a * Math.pow(unit, fit.b - 1) : fit.a }),
      ceilings.map((c) => c / unit),
    );
    return { amounts: scaled.amounts.map((x) => x * unit), fits, ceilings, lambda: scaled.lambda };
  }
  // A relative tolerance, so that a budget typed as the sum of the ceilings is "at", not "above".
  if (monthlyBudget > ceilingSum * (1 + 1e-12)) {
    return new RuleError('NA', 'budgetAboveCeilings', { budget: monthlyBudget, cap, ceilings: ceilingSum });
  }
  return { ...allocateScaled(monthlyBudget, fits, ceilings), fits, ceilings };
}
