/**
 * Return on investment, lifetime value and the retention lever (seed 000, docs/RULES.md §2).
 */
import { checkNonNegative, checkRate, divisionByZero, invalid, isRuleError, Result, RuleError } from './errors';

/** "Ratio de 3:1 à 5:1 pour chaque dollar investi". */
export const ROI_TARGET_LOW = 3;
export const ROI_TARGET_HIGH = 5;
/** "Une hausse de 10% de la rétention… une baisse du coût d'acquisition" (both 10 %). */
export const RETENTION_UPLIFT = 0.1;
export const CAC_CUT = 0.1;

export type RoiBand = 'BELOW' | 'TARGET' | 'ABOVE';
export type Lever = 'RETENTION' | 'ACQUISITION';

/** Revenue returned per unit spent. */
export function roiRatio(revenue: number, spend: number): Result<number> {
  const bad = checkNonNegative('revenue', revenue) ?? checkNonNegative('spend', spend);
  if (bad) return bad;
  if (spend === 0) return divisionByZero('spend');
  return revenue / spend;
}

/**
 * What the marketing leaves after its spend, in gross margin: revenue × margin − spend
 * (RULES.md §2). Negative when the channel loses money.
 * @example contribution(3000, 1000, 0.3) //=> -100
 */
export function contribution(revenue: number, spend: number, margin: number): Result<number> {
  const bad = checkNonNegative('revenue', revenue) ?? checkNonNegative('spend', spend) ?? checkRate('margin', margin);
  if (bad) return bad;
  return revenue * margin - spend;
}

export function roiBand(ratio: number, low: number = ROI_TARGET_LOW, high: number = ROI_TARGET_HIGH): Result<RoiBand> {
  const bad = checkNonNegative('ratio', ratio) ?? checkNonNegative('low', low) ?? checkNonNegative('high', high);
  if (bad) return bad;
  if (low > high) return invalid('lowAboveHigh', { low, high });
  if (ratio < low) return 'BELOW';
  return ratio > high ? 'ABOVE' : 'TARGET';
}

/**
 * Lifetime value: margin × (1 + d) / (1 + d − r), margin received at the start of each period,
 * the customer staying each period with probability r.
 */
export function lifetimeValue(margin: number, retentionRate: number, discountRate = 0): Result<number> {
  const bad =
    checkNonNegative('margin_per_period', margin) ??
    checkRate('retention_rate', retentionRate) ??
    checkRate('discount_rate', discountRate);
  if (bad) return bad;
  return lifetimeValueOfValid(margin, retentionRate, discountRate);
}

function lifetimeValueOfValid(margin: number, retentionRate: number, discountRate: number): Result<number> {
  const denominator = 1 + discountRate - retentionRate;
  if (denominator <= 0) return new RuleError('NUM', 'infiniteLifetime', { arg: 'retention_rate' });
  return (margin * (1 + discountRate)) / denominator;
}

export interface LeverComparison {
  lever: Lever;
  /** LTV:CAC with retention raised by the uplift (relative). */
  retentionLtvToCac: number;
  /** LTV:CAC with the acquisition cost cut. */
  acquisitionLtvToCac: number;
}

/** Which lever gives the higher LTV:CAC; a tie goes to retention. */
export function compareLevers(
  margin: number,
  retentionRate: number,
  cac: number,
  retentionUplift: number = RETENTION_UPLIFT,
  cacCut: number = CAC_CUT,
): Result<LeverComparison> {
  const bad =
    checkNonNegative('margin_per_period', margin) ??
    checkRate('retention_rate', retentionRate) ??
    checkNonNegative('cac', cac) ??
    checkRate('retention_uplift', retentionUplift) ??
    checkRate('cac_cut', cacCut, 'highOpen');
  if (bad) return bad;
  if (cac === 0) return divisionByZero('cac');
  const improvedRetention = retentionRate * (1 + retentionUplift);
  const retentionLtv = lifetimeValueOfValid(margin, improvedRetention, 0);
  if (isRuleError(retentionLtv)) return retentionLtv;
  const currentLtv = lifetimeValueOfValid(margin, retentionRate, 0);
  if (isRuleError(currentLtv)) return currentLtv;
  const retentionLtvToCac = retentionLtv / cac;
  const acquisitionLtvToCac = currentLtv / (cac * (1 - cacCut));
  // A tiny cac can overflow a ratio to infinity: no finite result to compare (RULES.md, Conventions).
  if (!Number.isFinite(retentionLtvToCac) || !Number.isFinite(acquisitionLtvToCac)) return new RuleError('NUM', 'notFinite', { arg: 'cac' });
  // Relative tolerance so that a tie computed through different roundings stays a tie.
  const tolerance = 1e-12 * Math.max(Math.abs(retentionLtvToCac), Math.abs(acquisitionLtvToCac));
  const lever: Lever = retentionLtvToCac >= acquisitionLtvToCac - tolerance ? 'RETENTION' : 'ACQUISITION';
  return { lever, retentionLtvToCac, acquisitionLtvToCac };
}
