/**
 * When to internalise marketing: the three signals of seed 000 (docs/RULES.md §1).
 */
import { checkNonNegative, checkRate, divisionByZero, invalid, isRuleError, Result, RuleError } from './errors';

/** S1: "une présence de 40h/semaine". */
export const COMPLEXITY_HOURS = 40;
/** S2: fees reach 60 % of a loaded salary ("60-70% du salaire chargé"). */
export const CRITICAL_MASS_RATIO = 0.6;
/** S2 is strong from 70 %; between 60 and 70 % it is the tipping zone. */
export const CRITICAL_MASS_STRONG_RATIO = 0.7;
/** The tipping zone's width above the fees ratio (0.60 to 0.70 with the seed's figures). */
export const TIPPING_ZONE_WIDTH = 0.1;
export const HOURS_IN_A_WEEK = 168;

export type InternaliseCode = 'INTERNALISE' | 'PREPARE' | 'OUTSOURCE';
export type CriticalMassZone = 'OFF' | 'TIPPING' | 'STRONG';

export interface InternaliseInputs {
  weeklyHours: number;
  externalFees: number;
  loadedSalary: number;
  dataNeed: boolean;
  /** S1 threshold, 1 to 168 hours a week. Default COMPLEXITY_HOURS. */
  hoursThreshold?: number;
  /** S2 threshold, a rate above 0 and at most 1. Default CRITICAL_MASS_RATIO. */
  feesRatio?: number;
}

export interface InternaliseAssessment {
  complexity: boolean;
  criticalMass: boolean;
  criticalMassZone: CriticalMassZone;
  feesToSalary: number;
  dataCulture: boolean;
  score: 0 | 1 | 2 | 3;
  code: InternaliseCode;
  /** The thresholds applied (the defaults when none was given). */
  hoursThreshold: number;
  feesRatio: number;
}

/** S2 ratio: yearly external fees ÷ yearly loaded salary. */
export function feesToSalary(externalFees: number, loadedSalary: number): Result<number> {
  const bad = checkNonNegative('external_fees', externalFees) ?? checkNonNegative('loaded_salary', loadedSalary);
  if (bad) return bad;
  if (loadedSalary === 0) return divisionByZero('loaded_salary');
  return externalFees / loadedSalary;
}

/** OFF below the fees ratio, TIPPING from it to the ratio + 0.10, STRONG from there. */
export function criticalMassZone(ratio: number, feesRatio: number = CRITICAL_MASS_RATIO): CriticalMassZone {
  // 0.6 + 0.1 is 0.7 in the defaults' own terms (0.6 + 0.1 = 0.7000000000000001 in binary).
  const strongFrom = feesRatio === CRITICAL_MASS_RATIO ? CRITICAL_MASS_STRONG_RATIO : feesRatio + TIPPING_ZONE_WIDTH;
  if (ratio >= strongFrom) return 'STRONG';
  if (ratio >= feesRatio) return 'TIPPING';
  return 'OFF';
}

/** The thresholds' validity: hours 1..168, the fees ratio a rate above 0 (rate rules). */
export function checkSignalThresholds(hoursThreshold: number, feesRatio: number): RuleError | undefined {
  if (!(hoursThreshold >= 1 && hoursThreshold <= HOURS_IN_A_WEEK)) {
    return invalid('numberRange', { arg: 'hours_threshold', min: 1, max: HOURS_IN_A_WEEK });
  }
  return checkRate('fees_ratio', feesRatio, 'lowOpen');
}

/** Decision (project default): 2 or 3 signals → INTERNALISE, 1 → PREPARE, 0 → OUTSOURCE. */
export function internaliseCode(score: number): InternaliseCode {
  if (score >= 2) return 'INTERNALISE';
  return score === 1 ? 'PREPARE' : 'OUTSOURCE';
}

export function assessInternalisation(inputs: InternaliseInputs): Result<InternaliseAssessment> {
  const { weeklyHours, externalFees, loadedSalary, dataNeed } = inputs;
  const hoursThreshold = inputs.hoursThreshold ?? COMPLEXITY_HOURS;
  const feesRatio = inputs.feesRatio ?? CRITICAL_MASS_RATIO;
  if (weeklyHours < 0 || weeklyHours > HOURS_IN_A_WEEK) {
    return invalid('hoursRange', { arg: 'weekly_hours', max: HOURS_IN_A_WEEK });
  }
  const ratio = feesToSalary(externalFees, loadedSalary);
  if (isRuleError(ratio)) return ratio;
  const badThreshold = checkSignalThresholds(hoursThreshold, feesRatio);
  if (badThreshold) return badThreshold;
  const complexity = weeklyHours >= hoursThreshold;
  const zone = criticalMassZone(ratio, feesRatio);
  const criticalMass = zone !== 'OFF';
  const score = ((complexity ? 1 : 0) + (criticalMass ? 1 : 0) + (dataNeed ? 1 : 0)) as 0 | 1 | 2 | 3;
  return {
    complexity,
    criticalMass,
    criticalMassZone: zone,
    feesToSalary: ratio,
    dataCulture: dataNeed,
    score,
    code: internaliseCode(score),
    hoursThreshold,
    feesRatio,
  };
}

function nextUp(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** Yearly external fees at which S2 turns on: loaded_salary × ratio. */
export function breakevenFees(loadedSalary: number, ratio: number = CRITICAL_MASS_RATIO): Result<number> {
  const bad = checkNonNegative('loaded_salary', loadedSalary) ?? checkRate('ratio', ratio, 'lowOpen');
  if (bad) return bad;
  // The smallest fees whose ratio to the salary reaches `ratio` as S2 computes it: salary × ratio
  // can round just below (1 709 × 0.6 = 1 025.3999…), so step up to the next representable value.
  let fees = loadedSalary * ratio;
  while (loadedSalary > 0 && fees / loadedSalary < ratio) fees = nextUp(fees);
  return fees;
}
