/**
 * Rule errors are values, not exceptions: a rule returns either its result or a RuleError.
 * The kind maps one-to-one onto an Excel error; the message text lives in src/i18n/messages.ts.
 */
export type RuleErrorKind = 'VALUE' | 'DIV0' | 'NUM' | 'NA';

export type MessageKey =
  | 'notANumber'
  | 'ambiguousComma'
  | 'notOneValue'
  | 'negative'
  | 'hoursRange'
  | 'rateAsPercent'
  | 'rateRange'
  | 'yesNo'
  | 'unknownProfile'
  | 'unknownCode'
  | 'unknownLanguage'
  | 'lowAboveHigh'
  | 'rangeSizes'
  | 'noChannelAtFloor'
  | 'noReturnToShare'
  | 'divisionByZero'
  | 'infiniteLifetime'
  | 'notFinite'
  | 'notText'
  | 'monthCounts'
  | 'noMonthCounted'
  | 'historyShapes'
  | 'capBelowOne'
  | 'budgetAboveCeilings'
  | 'fitNumbers'
  | 'fitBounds'
  | 'firstUnitUnbounded'
  | 'constantReturns'
  | 'numberRange'
  | 'numberAtLeast'
  | 'notPositive'
  | 'pilotThresholds'
  | 'allocateCapBelowOne'
  | 'budgetAboveCaps';

export type MessageParams = Readonly<Record<string, string | number>>;

export class RuleError {
  constructor(
    readonly kind: RuleErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {}
}

export type Result<T> = T | RuleError;

export function isRuleError(value: unknown): value is RuleError {
  return value instanceof RuleError;
}

export const invalid = (key: MessageKey, params?: MessageParams): RuleError => new RuleError('VALUE', key, params);
export const divisionByZero = (arg: string): RuleError => new RuleError('DIV0', 'divisionByZero', { arg });

/** Amounts and counts: finite and ≥ 0. */
export function checkNonNegative(arg: string, value: number): RuleError | undefined {
  return value < 0 ? invalid('negative', { arg }) : undefined;
}

/** Which ends of 0..1 a rate may take: both, all but 0, or all but 1. */
export type RateBounds = 'closed' | 'lowOpen' | 'highOpen';

/**
 * A rate, a fraction from 0 to 1. A value that looks like a percent typed as a whole number
 * (80 for 80 %) gets a message that says so.
 */
export function checkRate(arg: string, value: number, bounds: RateBounds = 'closed'): RuleError | undefined {
  const aboveMin = bounds === 'lowOpen' ? value > 0 : value >= 0;
  const belowMax = bounds === 'highOpen' ? value < 1 : value <= 1;
  if (aboveMin && belowMax) return undefined;
  if (value >= 2 && value <= 100) return invalid('rateAsPercent', { arg, typed: value, asRate: value / 100 });
  return invalid('rateRange', { arg, bounds });
}
