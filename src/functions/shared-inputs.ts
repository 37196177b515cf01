/**
 * Arguments that several custom functions read the same way: the internalisation signals'
 * (INTERNALISE_SIGNAL, INTERNALISE_SCORE) and the two hiring paths' (CROSSOVER_MONTH, COST_PATHS).
 */
import * as rules from '../rules';
import { unwrap } from './excel-errors';
import { readAmount, readNumber, readOptionalNumber, readYesNo } from './coerce';

/** The internalisation signals assessed (a rule error thrown). */
export function internaliseInputs(
  weeklyHours: unknown,
  externalFees: unknown,
  loadedSalary: unknown,
  dataNeed: unknown,
  hoursThreshold: unknown,
  feesRatio: unknown,
) {
  return unwrap(
    rules.assessInternalisation({
      weeklyHours: readNumber('weekly_hours', weeklyHours),
      externalFees: readAmount('external_fees', externalFees),
      loadedSalary: readAmount('loaded_salary', loadedSalary),
      dataNeed: readYesNo('data_need', dataNeed, false),
      hoursThreshold: readOptionalNumber('hours_threshold', hoursThreshold),
      feesRatio: readOptionalNumber('fees_ratio', feesRatio),
    }),
  );
}

/** The inputs of src/rules/hiring.ts for CROSSOVER_MONTH and COST_PATHS. */
export function hiringPathInputs(
  outsource_monthly: unknown,
  inhouse_monthly: unknown,
  one_off: unknown,
  months_to_hire: unknown,
  ramp_months: unknown,
  ramp_start: unknown,
  horizon: unknown,
): rules.HiringPathInputs {
  return {
    outsourceMonthly: readAmount('outsource_monthly', outsource_monthly),
    inhouseMonthly: readAmount('inhouse_monthly', inhouse_monthly),
    oneOff: readAmount('one_off', one_off),
    monthsToHire: readOptionalNumber('months_to_hire', months_to_hire),
    rampMonths: readOptionalNumber('ramp_months', ramp_months),
    rampStart: readOptionalNumber('ramp_start', ramp_start),
    horizon: readOptionalNumber('horizon', horizon),
  };
}
