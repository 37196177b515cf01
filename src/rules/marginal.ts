/**
 * Arbitrage by marginal return (seed 000, method step 2 taken further; RULES.md §7): a curve of
 * diminishing returns per channel, fitted to its monthly history, and a budget put where the
 * next unit of spend brings back the most, never far beyond what the history has seen.
 *
 * A month is given as a number or as `null` (a blank, text or TRUE/FALSE cell, which the
 * function boundary turns into null): such months are left out, like months with a 0.
 */
import { checkRate, divisionByZero, invalid, isRuleError, Result, RuleError } from './errors';
import type { Curve, LinearReason, MarginalAllocation, MonthValue, ResponseFit } from './marginal-types';

export type { Curve, FitCode, LinearReason, MarginalAllocation, MonthValue, ResponseFit } from './marginal-types';

/** (project default) At least this many months that count for a curve; fewer → LINEAR. */
export const CURVE_MIN_MONTHS = 6;
/** (project default) The largest counted spend must be at least this × the smallest for a curve. */
export const CURVE_MIN_SPREAD = 1.5;
/** (project default) Each channel's ceiling is cap × its largest counted monthly spend. */
export const MARGINAL_CAP = 1.5;

/**
 * Round-off, not data: a spread typed as exactly 1.5 (0.2 and 0.3) computes as 1.4999999999999998,
 * an exactly proportional history fits a slope of 0.9999999999999999, and ratios equal on paper
 * (3 / 1 and 2.1 / 0.7) differ in the last bit. Within this relative tolerance they are equal.
 */
const ROUND_OFF = 1e-12;

/** The relative round-off allowed on the 1.5 spread (exported for the portable copy's translation). */
export const SPREAD_ROUND_OFF = ROUND_OFF;
/** The same for a fitted slope, whose round-off grows with the spread of the logs. */
export const SLOPE_ROUND_OFF = 1e-9;

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

/** The amounts for a budget above 0 and at most the sum of the (finite) ceilings, give or take 1e-12. */
function allocateScaled(
  budget: number,
  fits: ReadonlyArray<ResponseFit | undefined>,
  ceilings: readonly number[],
): { amounts: number[]; lambda: number | undefined } {
  const ceilingSum = sum(ceilings);
  if (budget >= ceilingSum) return { amounts: fixSum(ceilings.slice(), ceilings, budget), lambda: undefined };
  const { amounts, lambda } = solve(budget, fits, ceilings);
  return { amounts: fixSum(amounts, ceilings, budget), lambda };
}

/**
 * A CURVE channel's amount at marginal return λ = e^logLambda: min(ceiling, (a b / λ)^(1/(1 − b))),
 * from ln(a b) and 1 / (1 − b), computed once per channel.
 */
function curveAmount(logAB: number, inverseOneMinusB: number, ceiling: number, logLambda: number): number {
  const x = Math.exp((logAB - logLambda) * inverseOneMinusB);
  return x < ceiling ? x : ceiling;
}

/**
 * Finds λ so that the amounts at λ sum to the budget (0 < budget < Σ ceilings). LINEAR
 * channels make the total a step function of λ: the rule walks their returns from the highest,
 * and either stops exactly at one (the tied LINEAR channels share what is left, by ceiling) or
 * solves the CURVE channels' continuous total between two steps by bisection on log λ.
 */
function solve(budget: number, fits: ReadonlyArray<ResponseFit | undefined>, ceilings: readonly number[]): { amounts: number[]; lambda: number } {
  const curves: number[] = [];
  const linears: number[] = [];
  fits.forEach((fit, i) => {
    if (fit === undefined || ceilings[i] === 0) return;
    (fit.code === 'CURVE' ? curves : linears).push(i);
  });
  const logAB = fits.map((fit) => (fit ? Math.log(fit.a) + Math.log(fit.b) : 0));
  const inverse = fits.map((fit) => (fit ? 1 / (1 - fit.b) : 0));
  // λ is carried as ln λ: on extreme histories λ itself can underflow or overflow.
  const curveTotal = (logLambda: number) => {
    let total = 0;
    for (const i of curves) total += curveAmount(logAB[i], inverse[i], ceilings[i], logLambda);
    return total;
  };
  const curveChannels: CurveChannels = { curves, fits, logAB, ceilings, curveTotal };
  // A LINEAR channel's return, with returns equal but for round-off (3 / 1, 2.1 / 0.7) made one.
  const ratio = new Map<number, number>();
  let head = NaN;
  for (const i of [...linears].sort((p, q) => fits[q]!.a - fits[p]!.a)) {
    const a = fits[i]!.a;
    if (!(head - a <= ROUND_OFF * head)) head = a; // NaN at the first: a new return
    ratio.set(i, head);
  }
  const steps = [...new Set(ratio.values())].sort((p, q) => q - p);
  const amounts = new Array<number>(fits.length).fill(0);
  // LINEAR channels above `below` are at their ceiling, those at `tied` share, the others get 0.
  const settle = (logLambda: number, below: number, tied: number, tiedShare: number) => {
    for (const i of curves) amounts[i] = curveAmount(logAB[i], inverse[i], ceilings[i], logLambda);
    for (const i of linears) {
      const a = ratio.get(i)!;
      amounts[i] = a > below ? ceilings[i] : a === tied ? tiedShare * ceilings[i] : 0;
    }
    return { amounts, lambda: Math.exp(logLambda) };
  };
  let fixedAbove = 0; // Σ ceilings of the LINEAR channels whose return is above the current step
  let upper = Infinity; // the previous step: λ lies below it
  for (const step of steps) {
    let tiedCeilings = 0;
    for (const i of linears) if (ratio.get(i) === step) tiedCeilings += ceilings[i];
    const low = curveTotal(Math.log(step)) + fixedAbove;
    if (low <= budget && budget <= low + tiedCeilings) {
      return settle(Math.log(step), step, step, tiedCeilings > 0 ? Math.min(1, (budget - low) / tiedCeilings) : 0);
    }
    if (low > budget) return settle(bisect(curveChannels, budget - fixedAbove, step, upper), step, NaN, 0);
    fixedAbove += tiedCeilings;
    upper = step;
  }
  // Below every LINEAR step: all LINEAR channels at their ceiling, the CURVE channels take the rest.
  return settle(bisect(curveChannels, budget - fixedAbove, 0, upper), 0, NaN, 0);
}

/** The CURVE channels as `solve` sees them: their indices, fits, ln(a·b), ceilings and total at ln λ. */
interface CurveChannels {
  curves: readonly number[];
  fits: ReadonlyArray<ResponseFit | undefined>;
  logAB: readonly number[];
  ceilings: readonly number[];
  curveTotal: (logLambda: number) => number;
}

/**
 * ln λ for λ in (lo, hi) where the CURVE channels' total (`curveTotal` at ln λ) equals target (it
 * decreases in λ). The bounds are found and the bisection runs on ln λ, so that tiny or huge
 * budgets and curves stay finite.
 */
function bisect({ curves, fits, logAB, ceilings, curveTotal }: CurveChannels, target: number, lo: number, hi: number): number {
  if (curves.length === 0 || !(target > 0)) return Math.log(hi);
  // ln of a channel's marginal return at spend x: ln a + ln b + (b − 1) ln x (logAB: ln a + ln b).
  const logMarginal = (i: number, logX: number) => logAB[i] + (fits[i]!.b - 1) * logX;
  let logLo = Math.log(lo);
  let logHi = Math.log(hi);
  if (lo === 0) {
    // At or below every curve's marginal return at its ceiling, every curve is at its ceiling.
    logLo = Infinity;
    for (const i of curves) logLo = Math.min(logLo, logMarginal(i, Math.log(ceilings[i])));
    logLo = Math.min(logLo, logHi) - Math.LN2;
  }
  if (hi === Infinity) {
    // At the marginal return of target / (number of curves), no curve takes more than that.
    logHi = -Infinity;
    const logShare = Math.log(target) - Math.log(curves.length);
    for (const i of curves) logHi = Math.max(logHi, logMarginal(i, logShare));
    logHi = Math.max(logHi, logLo) + Math.LN2;
  }
  if (!Number.isFinite(logLo) || !Number.isFinite(logHi)) return Number.isFinite(logHi) ? logHi : logLo;
  for (let k = 0; k < 200 && logHi - logLo > 1e-15 * Math.max(1, Math.abs(logLo)); k++) {
    const mid = (logLo + logHi) / 2;
    if (curveTotal(mid) > target) logLo = mid;
    else logHi = mid;
  }
  return (logLo + logHi) / 2;
}

/**
 * The amounts sum to the budget: the rounding remainder is spread over the channels strictly
 * inside their bounds, in proportion to their amount, then any last bit goes to one channel with room.
 */
function fixSum(amounts: number[], ceilings: readonly number[], budget: number): number[] {
  for (let pass = 0; pass < 3; pass++) {
    const remainder = budget - sum(amounts);
    if (remainder === 0) return amounts;
    let weight = 0;
    for (let i = 0; i < amounts.length; i++) if (amounts[i] > 0 && amounts[i] < ceilings[i]) weight += amounts[i];
    if (!(weight > 0)) break;
    for (let i = 0; i < amounts.length; i++) {
      if (amounts[i] > 0 && amounts[i] < ceilings[i]) {
        amounts[i] = Math.min(ceilings[i], Math.max(0, amounts[i] + remainder * (amounts[i] / weight)));
      }
    }
  }
  const remainder = budget - sum(amounts);
  if (remainder !== 0) {
    // The channel with the most room in the remainder's direction takes it.
    let best = -1;
    let room = 0;
    for (let i = 0; i < amounts.length; i++) {
      const r = remainder > 0 ? ceilings[i] - amounts[i] : amounts[i];
      if (r > room) {
        room = r;
        best = i;
      }
    }
    if (best >= 0) amounts[best] = Math.min(ceilings[best], Math.max(0, amounts[best] + remainder));
  }
  return amounts;
}

/** The values added from the first (the order the rule's totals are taken in). */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const x of values) total += x;
  return total;
}
