/**
 * The three-month outsourcing pilot and its alarm signals (seed 003, docs/RULES.md §4).
 */
import { checkNonNegative, invalid, Result, RuleError } from './errors';
import { ROI_TARGET_LOW } from './roi';

/** "Un pilote sur 3 mois". */
export const PILOT_MONTHS = 3;
/** KPI achievement at or above which the pilot is expanded (project default). */
export const EXPAND_KPI = 1;
/** KPI achievement at or above which the pilot is extended (project default). */
export const EXTEND_KPI = 0.8;
/** Above this, kpi_achievement is taken for a percent typed as a whole number. */
export const MAX_KPI_ACHIEVEMENT = 10;
/** The longest pilot a user may set. */
export const MAX_PILOT_MONTHS = 36;

export type PilotVerdict = 'TOO_EARLY' | 'STOP' | 'EXPAND' | 'EXTEND' | 'TAKE_BACK';

export interface PilotInputs {
  monthsElapsed: number;
  kpiAchievement: number;
  /** Omitted: the ROI condition does not apply. */
  roiRatio?: number;
  reportingOk: boolean;
  /** The thresholds (RULES.md §4); each defaults to the constant above. */
  pilotMonths?: number;
  expandAt?: number;
  extendAt?: number;
  roiFloor?: number;
}

/** pilot_months 1..36; 0 < extend_at ≤ expand_at ≤ 10; roi_floor ≥ 0. */
export function checkPilotThresholds(pilotMonths: number, expandAt: number, extendAt: number, roiFloor: number): RuleError | undefined {
  if (!(pilotMonths >= 1 && pilotMonths <= MAX_PILOT_MONTHS)) return invalid('numberRange', { arg: 'pilot_months', min: 1, max: MAX_PILOT_MONTHS });
  if (!(extendAt > 0 && extendAt <= expandAt && expandAt <= MAX_KPI_ACHIEVEMENT)) {
    return invalid('pilotThresholds', { expand: expandAt, extend: extendAt, max: MAX_KPI_ACHIEVEMENT });
  }
  return checkNonNegative('roi_floor', roiFloor);
}

export function pilotVerdict(inputs: PilotInputs): Result<PilotVerdict> {
  const { monthsElapsed, kpiAchievement, roiRatio, reportingOk } = inputs;
  const pilotMonths = inputs.pilotMonths ?? PILOT_MONTHS;
  const expandAt = inputs.expandAt ?? EXPAND_KPI;
  const extendAt = inputs.extendAt ?? EXTEND_KPI;
  const roiFloor = inputs.roiFloor ?? ROI_TARGET_LOW;
  const bad =
    checkNonNegative('months_elapsed', monthsElapsed) ??
    checkNonNegative('kpi_achievement', kpiAchievement) ??
    (kpiAchievement > MAX_KPI_ACHIEVEMENT
      ? invalid('rateAsPercent', { arg: 'kpi_achievement', typed: kpiAchievement, asRate: kpiAchievement / 100 })
      : undefined) ??
    (roiRatio === undefined ? undefined : checkNonNegative('roi_ratio', roiRatio)) ??
    checkPilotThresholds(pilotMonths, expandAt, extendAt, roiFloor);
  if (bad) return bad;
  if (monthsElapsed < pilotMonths) return 'TOO_EARLY';
  if (!reportingOk) return 'STOP';
  if (kpiAchievement >= expandAt && (roiRatio === undefined || roiRatio >= roiFloor)) return 'EXPAND';
  if (kpiAchievement >= extendAt) return 'EXTEND';
  return 'TAKE_BACK';
}
