/**
 * Arbitrage: share a budget between channels by their return (seed 000, method step 2; docs/RULES.md §5).
 */
import { checkNonNegative, invalid, Result, RuleError } from './errors';
import { ROI_TARGET_LOW } from './roi';

/** Channels below this ROI ratio get nothing: "éliminer les investissements non performants". */
export const ALLOCATION_FLOOR = ROI_TARGET_LOW;

/**
 * One amount per channel, in channel order. Channels whose ratio is below the floor, or with no
 * spend, get 0; the others share totalBudget in proportion to their ratio. The amounts sum to
 * totalBudget: the rounding remainder goes to the largest share.
 */
export function allocate(
  totalBudget: number,
  spend: readonly number[],
  revenue: readonly number[],
  floor: number = ALLOCATION_FLOOR,
): Result<number[]> {
  if (spend.length !== revenue.length) {
    return invalid('rangeSizes', { spendCells: spend.length, revenueCells: revenue.length });
  }
  const bad = checkNonNegative('total_budget', totalBudget) ?? checkNonNegative('floor', floor);
  if (bad) return bad;
  const ratios = new Array<number>(spend.length);
  let ratioSum = 0;
  let reached = false;
  for (let i = 0; i < spend.length; i++) {
    const s = spend[i];
    const r = revenue[i];
    if (s < 0) return invalid('negative', { arg: 'spend_range' });
    if (r < 0) return invalid('negative', { arg: 'revenue_range' });
    const ratio = s > 0 ? r / s : 0;
    const kept = s > 0 && ratio >= floor ? ratio : 0;
    reached ||= s > 0 && ratio >= floor;
    ratios[i] = kept;
    ratioSum += kept;
  }
  if (!reached) return new RuleError('NA', 'noChannelAtFloor', { floor });
  // A floor of 0 lets in channels that returned nothing: there is no return to share by.
  if (!(ratioSum > 0)) return new RuleError('NA', 'noReturnToShare', { floor });
  if (!Number.isFinite(ratioSum)) return new RuleError('NUM', 'notFinite', { arg: 'revenue_range' });
  const amounts = new Array<number>(ratios.length);
  let allocated = 0;
  let largest = 0;
  for (let i = 0; i < ratios.length; i++) {
    amounts[i] = totalBudget * (ratios[i] / ratioSum);
    allocated += amounts[i];
    if (amounts[i] > amounts[largest]) largest = i;
  }
  amounts[largest] += totalBudget - allocated;
  return amounts;
}
