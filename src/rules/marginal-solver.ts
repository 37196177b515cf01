/**
 * ALLOCATE_MARGINAL's solver (RULES.md §7): the monthly amounts that maximise Σ a × x^b under
 * Σ x = budget and 0 ≤ x ≤ ceiling, for channels already fitted (src/rules/marginal.ts). Pure
 * arithmetic on the fits; it imports nothing, so marginal.ts can import it.
 */

/**
 * Round-off, not data: a spread typed as exactly 1.5 (0.2 and 0.3) computes as 1.4999999999999998,
 * an exactly proportional history fits a slope of 0.9999999999999999, and ratios equal on paper
 * (3 / 1 and 2.1 / 0.7) differ in the last bit. Within this relative tolerance they are equal.
 */
export const ROUND_OFF = 1e-12;

/** What the solver needs of a channel's fit (a ResponseFit of marginal.ts). */
export interface FittedChannel {
  a: number;
  b: number;
  code: 'CURVE' | 'LINEAR';
}

type Fits = ReadonlyArray<FittedChannel | undefined>;

/** The amounts for a budget above 0 and at most the sum of the (finite) ceilings, give or take 1e-12. */
export function allocateScaled(
  budget: number,
  fits: Fits,
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
function solve(budget: number, fits: Fits, ceilings: readonly number[]): { amounts: number[]; lambda: number } {
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
    if (low > budget) return settle(bisect(curveTotal, curves, fits, ceilings, budget - fixedAbove, step, upper), step, NaN, 0);
    fixedAbove += tiedCeilings;
    upper = step;
  }
  // Below every LINEAR step: all LINEAR channels at their ceiling, the CURVE channels take the rest.
  return settle(bisect(curveTotal, curves, fits, ceilings, budget - fixedAbove, 0, upper), 0, NaN, 0);
}

/**
 * ln λ for λ in (lo, hi) where the CURVE channels' total (`curveTotal` at ln λ) equals target (it
 * decreases in λ). The bounds are found and the bisection runs on ln λ, so that tiny or huge
 * budgets and curves stay finite.
 */
function bisect(
  curveTotal: (logLambda: number) => number,
  curves: readonly number[],
  fits: Fits,
  ceilings: readonly number[],
  target: number,
  lo: number,
  hi: number,
): number {
  if (curves.length === 0 || !(target > 0)) return Math.log(hi);
  // ln of a channel's marginal return at spend x: ln a + ln b + (b − 1) ln x.
  const logMarginal = (i: number, logX: number) => Math.log(fits[i]!.a) + Math.log(fits[i]!.b) + (fits[i]!.b - 1) * logX;
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
