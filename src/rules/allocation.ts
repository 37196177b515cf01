/**
 * Arbitrage: share a budget between channels by their return (seed 000, method step 2; docs/RULES.md §5).
 */
import { checkNonNegative, invalid, Result, RuleError } from './errors';
import { ROI_TARGET_LOW } from './roi';

/** Channels below this ROI ratio get nothing: "éliminer les investissements non performants". */
export const ALLOCATION_FLOOR = ROI_TARGET_LOW;

/** The ceiling the task pane writes (`MKT_CAP`): no channel above 1.5 × what it spent. */
export const ALLOCATION_CAP = 1.5;

/**
 * One amount per channel, in channel order. Channels whose ratio is below the floor, or with no
 * spend, get 0; the others share totalBudget in proportion to their ratio. With a cap, no channel
 * gets more than cap × its spend: what a capped channel cannot take goes to the others in
 * proportion to their ratios, again until none is above its ceiling. The amounts sum to
 * totalBudget: the rounding remainder goes to the largest share below its ceiling.
 */
export function allocate(
  totalBudget: number,
  spend: readonly number[],
  revenue: readonly number[],
  floor: number = ALLOCATION_FLOOR,
  cap?: number,
): Result<number[]> {
  if (spend.length !== revenue.length) {
    return invalid('rangeSizes', { spendCells: spend.length, revenueCells: revenue.length });
  }
  const bad =
    checkNonNegative('total_budget', totalBudget) ??
    checkNonNegative('floor', floor) ??
    (cap === undefined || cap >= 1 ? undefined : invalid('allocateCapBelowOne', { arg: 'cap', cap }));
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
  if (cap !== undefined) return cappedShares(totalBudget, spend, ratios, cap);
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

/**
 * Proportional shares under ceilings (cap × spend): each pass shares what is left among the
 * channels not yet at their ceiling; those whose share would pass it are set to it. A share only
 * grows from pass to pass, so a channel once capped stays capped and the passes end.
 */
function cappedShares(totalBudget: number, spend: readonly number[], ratios: readonly number[], cap: number): Result<number[]> {
  const ceilings = spend.map((s, i) => (ratios[i] > 0 ? cap * s : 0));
  const ceilingSum = ceilings.reduce((a, b) => a + b, 0);
  if (totalBudget > ceilingSum) return new RuleError('NA', 'budgetAboveCaps', { budget: totalBudget, cap, ceilings: ceilingSum });
  const amounts = new Array<number>(ratios.length).fill(0);
  const open = new Set(ratios.flatMap((r, i) => (r > 0 ? [i] : [])));
  let left = totalBudget;
  for (;;) {
    let ratioSum = 0;
    for (const i of open) ratioSum += ratios[i];
    if (open.size === 0 || !(ratioSum > 0)) break;
    const capped = [...open].filter((i) => left * (ratios[i] / ratioSum) > ceilings[i]);
    if (capped.length === 0) {
      for (const i of open) amounts[i] = left * (ratios[i] / ratioSum);
      break;
    }
    for (const i of capped) {
      amounts[i] = ceilings[i];
      left -= ceilings[i];
      open.delete(i);
    }
  }
  // Rounding: the remainder goes to the largest share still below its ceiling (else the largest).
  const remainder = totalBudget - amounts.reduce((a, b) => a + b, 0);
  let target = -1;
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i] > 0 && amounts[i] + remainder <= ceilings[i] && (target < 0 || amounts[i] > amounts[target])) target = i;
  }
  if (target < 0) target = amounts.indexOf(Math.max(...amounts));
  amounts[target] += remainder;
  return amounts;
}
