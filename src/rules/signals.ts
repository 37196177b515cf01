/**
 * When to internalise marketing: the three signals of seed 000 (docs/RULES.md §1).
 */
import { checkNonNegative, checkRate, divisionByZero, invalid, isRuleError, Result } from './errors';

/** S1: "une présence de 40h/semaine". */
export const COMPLEXITY_HOURS = 40;
/** S2: fees reach 60 % of a loaded salary ("60-70% du salaire chargé"). */
export const CRITICAL_MASS_RATIO = 0.6;
/** S2 is strong from 70 %; between 60 and 70 % it is the tipping zone. */
export const CRITICAL_MASS_STRONG_RATIO = 0.7;
export const HOURS_IN_A_WEEK = 168;

export type InternaliseCode = 'INTERNALISE' | 'PREPARE' | 'OUTSOURCE';
export type CriticalMassZone = 'OFF' | 'TIPPING' | 'STRONG';

export interface InternaliseInputs {
  weeklyHours: number;
  externalFees: number;
  loadedSalary: number;
  dataNeed: boolean;
}

export interface InternaliseAssessment {
  complexity: boolean;
  criticalMass: boolean;
  criticalMassZone: CriticalMassZone;
  feesToSalary: number;
  dataCulture: boolean;
  score: 0 | 1 | 2 | 3;
  code: InternaliseCode;
}

/** S2 ratio: yearly external fees ÷ yearly loaded salary. */
export function feesToSalary(externalFees: number, loadedSalary: number): Result<number> {
  const bad = checkNonNegative('external_fees', externalFees) ?? checkNonNegative('loaded_salary', loadedSalary);
  if (bad) return bad;
  if (loadedSalary === 0) return divisionByZero('loaded_salary');
  return externalFees / loadedSalary;
}

export function criticalMassZone(ratio: number): CriticalMassZone {
  if (ratio >= CRITICAL_MASS_STRONG_RATIO) return 'STRONG';
  if (ratio >= CRITICAL_MASS_RATIO) return 'TIPPING';
  return 'OFF';
}

/** Decision (project default): 2 or 3 signals → INTERNALISE, 1 → PREPARE, 0 → OUTSOURCE. */
export function internaliseCode(score: number): InternaliseCode {
  if (score >= 2) return 'INTERNALISE';
  return score === 1 ? 'PREPARE' : 'OUTSOURCE';
}

export function assessInternalisation(inputs: InternaliseInputs): Result<InternaliseAssessment> {
  const { weeklyHours, externalFees, loadedSalary, dataNeed } = inputs;
  if (weeklyHours < 0 || weeklyHours > HOURS_IN_A_WEEK) {
    return invalid('hoursRange', { arg: 'weekly_hours', max: HOURS_IN_A_WEEK });
  }
  const ratio = feesToSalary(externalFees, loadedSalary);
  if (isRuleError(ratio)) return ratio;
  const complexity = weeklyHours >= COMPLEXITY_HOURS;
  const zone = criticalMassZone(ratio);
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
