/**
 * Hiring against outsourcing, month by month (docs/RULES.md §8): what the hire costs a month once
 * in place, the month from which hiring has cost less in total, and the two cumulative paths.
 */
import { checkNonNegative, checkRate, invalid, Result, RuleError } from './errors';
import { HOURS_IN_A_WEEK } from './signals';

export const WEEKS_PER_MONTH = 52 / 12;
export const DEFAULT_MONTHS_TO_HIRE = 3;
export const DEFAULT_RAMP_MONTHS = 3;
export const DEFAULT_RAMP_START = 0.25;
export const DEFAULT_CROSSOVER_HORIZON = 60;
export const DEFAULT_PATHS_HORIZON = 36;
export const MAX_MONTHS_TO_HIRE = 120;
export const MAX_RAMP_MONTHS = 60;
export const MAX_HORIZON = 600;

export interface InhouseMonthlyInputs {
  readonly loadedSalary: number;
  readonly toolsMonth?: number;
  readonly managementHoursWeek?: number;
  readonly hourlyValue?: number;
}

/** INHOUSE_MONTHLY: loaded_salary / 12 + tools + management hours a week × 52 / 12 × hourly value. */
export function inhouseMonthly({ loadedSalary, toolsMonth = 0, managementHoursWeek = 0, hourlyValue = 0 }: InhouseMonthlyInputs): Result<number> {
  const bad =
    checkNonNegative('loaded_salary', loadedSalary) ??
    checkNonNegative('tools_month', toolsMonth) ??
    (managementHoursWeek >= 0 && managementHoursWeek <= HOURS_IN_A_WEEK
      ? undefined
      : invalid('hoursRange', { arg: 'management_hours_week', max: HOURS_IN_A_WEEK })) ??
    checkNonNegative('hourly_value', hourlyValue);
  if (bad) return bad;
  return loadedSalary / 12 + toolsMonth + managementHoursWeek * WEEKS_PER_MONTH * hourlyValue;
}

export interface HiringPathInputs {
  readonly outsourceMonthly: number;
  readonly inhouseMonthly: number;
  readonly oneOff: number;
  /** Whole numbers: a fraction is truncated toward 0, as Excel truncates integer arguments. */
  readonly monthsToHire?: number;
  readonly rampMonths?: number;
  readonly rampStart?: number;
  readonly horizon?: number;
}

interface Path {
  readonly o: number;
  readonly m: number;
  readonly oneOff: number;
  readonly monthsToHire: number;
  readonly rampMonths: number;
  readonly rampStart: number;
  readonly horizon: number;
}

function wholeNumber(arg: string, value: number, min: number, max: number): number | RuleError {
  const whole = Math.trunc(value);
  return whole >= min && whole <= max ? whole : invalid('wholeNumberRange', { arg, min, max });
}

function checkPath(inputs: HiringPathInputs, defaultHorizon: number): Path | RuleError {
  const bad =
    checkNonNegative('outsource_monthly', inputs.outsourceMonthly) ??
    checkNonNegative('inhouse_monthly', inputs.inhouseMonthly) ??
    checkNonNegative('one_off', inputs.oneOff);
  if (bad) return bad;
  const monthsToHire = wholeNumber('months_to_hire', inputs.monthsToHire ?? DEFAULT_MONTHS_TO_HIRE, 0, MAX_MONTHS_TO_HIRE);
  if (monthsToHire instanceof RuleError) return monthsToHire;
  const rampMonths = wholeNumber('ramp_months', inputs.rampMonths ?? DEFAULT_RAMP_MONTHS, 0, MAX_RAMP_MONTHS);
  if (rampMonths instanceof RuleError) return rampMonths;
  const rampStart = inputs.rampStart ?? DEFAULT_RAMP_START;
  const badRate = checkRate('ramp_start', rampStart);
  if (badRate) return badRate;
  const horizon = wholeNumber('horizon', inputs.horizon ?? defaultHorizon, 1, MAX_HORIZON);
  if (horizon instanceof RuleError) return horizon;
  return { o: inputs.outsourceMonthly, m: inputs.inhouseMonthly, oneOff: inputs.oneOff, monthsToHire, rampMonths, rampStart, horizon };
}

/** What hiring costs in month t (1-based): O while hiring, M + (1 − p_k) × O during the ramp, then M. */
function hireCost(p: Path, t: number): number {
  if (t <= p.monthsToHire) return p.o;
  const k = t - p.monthsToHire;
  if (k <= p.rampMonths) {
    const delivered = p.rampStart + ((1 - p.rampStart) * k) / p.rampMonths;
    return p.m + (1 - delivered) * p.o;
  }
  return p.m;
}

/**
 * CROSSOVER_MONTH: the first month t in 1..horizon with D(t) = one_off + Σ (hire_s − O) < 0;
 * #N/A when in-house costs as much as outsourcing every month, or when no month within the horizon.
 */
export function crossoverMonth(inputs: HiringPathInputs): Result<number> {
  const p = checkPath(inputs, DEFAULT_CROSSOVER_HORIZON);
  if (p instanceof RuleError) return p;
  if (p.m >= p.o) return new RuleError('NA', 'inhouseNotCheaper');
  let difference = p.oneOff;
  for (let t = 1; t <= p.horizon; t++) {
    difference += hireCost(p, t) - p.o;
    if (difference < 0) return t;
  }
  return new RuleError('NA', 'noCrossover', { horizon: p.horizon });
}

/** One row of COST_PATHS: the month, outsourcing's cumulative cost, hiring's cumulative cost. */
export type CostPathRow = readonly [month: number, outsourcing: number, hiring: number];

/** COST_PATHS: horizon rows of [t, t × O, one_off + Σ hire_s]. */
export function costPaths(inputs: HiringPathInputs): Result<CostPathRow[]> {
  const p = checkPath(inputs, DEFAULT_PATHS_HORIZON);
  if (p instanceof RuleError) return p;
  const rows: CostPathRow[] = [];
  let hiring = p.oneOff;
  for (let t = 1; t <= p.horizon; t++) {
    hiring += hireCost(p, t);
    rows.push([t, t * p.o, hiring]);
  }
  return rows;
}
