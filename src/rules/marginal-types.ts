/**
 * The shapes of the arbitrage by marginal return (RULES.md §7): a channel's fit, its months, a
 * curve read from a range, an allocation. Types only (marginal.ts re-exports them).
 */

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

export interface Curve {
  a: number;
  b: number;
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
