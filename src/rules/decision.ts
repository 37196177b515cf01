/**
 * One recommendation from the three signals, the budget tier and the cost of hiring
 * (docs/RULES.md §9). Seed 000 says when to bring marketing in-house, seed 003 how far to
 * outsource for a budget; DECISION gives the one answer the task pane shows.
 */
import { checkNonNegative, invalid, Result, RuleError } from './errors';
import type { InternaliseCode } from './signals';
import type { BudgetTier } from './tiers';

/** Project default: a hire that pays back after 36 months (about an agency relationship) is not worth it yet. */
export const PAYBACK_LIMIT = 36;

export type DecisionResult = BudgetTier | 'PREPARE' | 'HIRE' | 'HIRE_LEAD';

const SIGNAL_CODES: readonly InternaliseCode[] = ['INTERNALISE', 'PREPARE', 'OUTSOURCE'];
const TIER_CODES: readonly BudgetTier[] = ['IN_HOUSE', 'PARTIAL', 'REGULAR', 'FULL'];

function parseCode<T extends string>(arg: string, text: string, codes: readonly T[]): Result<T> {
  const key = text.trim().toUpperCase() as T;
  return codes.includes(key) ? key : invalid('unknownCode', { arg, value: text.trim().slice(0, 40) });
}

export const parseSignalCode = (text: string): Result<InternaliseCode> => parseCode('signal_code', text, SIGNAL_CODES);
export const parseTierCode = (text: string): Result<BudgetTier> => parseCode('tier_code', text, TIER_CODES);

export interface DecisionInputs {
  signal: InternaliseCode;
  tier: BudgetTier;
  /** A CROSSOVER_MONTH result, 0 for never; undefined when the cost of hiring was not computed. */
  crossoverMonth?: number;
  /** Default PAYBACK_LIMIT; 1 or more. */
  paybackLimit?: number;
}

/** Why DECISION gave its code, for the explanations: which rule of §9 applied. */
export type DecisionReason = 'outsource' | 'prepare' | 'neverPaysBack' | 'paysBackTooLate' | 'hireLead' | 'hire';

export function decisionReason({ signal, tier, crossoverMonth, paybackLimit = PAYBACK_LIMIT }: DecisionInputs): DecisionReason {
  if (signal === 'OUTSOURCE') return 'outsource';
  if (signal === 'PREPARE') return 'prepare';
  if (crossoverMonth === 0) return 'neverPaysBack';
  if (crossoverMonth !== undefined && crossoverMonth > paybackLimit) return 'paysBackTooLate';
  return tier === 'FULL' ? 'hireLead' : 'hire';
}

const CODE_OF: Readonly<Record<DecisionReason, (tier: BudgetTier) => DecisionResult>> = {
  outsource: (tier) => tier,
  prepare: () => 'PREPARE',
  neverPaysBack: () => 'PREPARE',
  paysBackTooLate: () => 'PREPARE',
  hireLead: () => 'HIRE_LEAD',
  hire: () => 'HIRE',
};

/**
 * OUTSOURCE → the tier's code; PREPARE → PREPARE; INTERNALISE → PREPARE when a hire never pays
 * back (crossover 0) or pays back after payback_limit months, else HIRE_LEAD at the FULL tier and
 * HIRE below it.
 */
export function decide(inputs: DecisionInputs): Result<DecisionResult> {
  const bad = checkDecisionNumbers(inputs.crossoverMonth, inputs.paybackLimit ?? PAYBACK_LIMIT);
  if (bad) return bad;
  return CODE_OF[decisionReason(inputs)](inputs.tier);
}

/** crossover_month ≥ 0 (0: never); payback_limit ≥ 1. */
export function checkDecisionNumbers(crossoverMonth: number | undefined, paybackLimit: number): RuleError | undefined {
  return (
    (crossoverMonth === undefined ? undefined : checkNonNegative('crossover_month', crossoverMonth)) ??
    (paybackLimit >= 1 ? undefined : invalid('numberAtLeast', { arg: 'payback_limit', min: 1 }))
  );
}
