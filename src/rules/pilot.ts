/**
 * The three-month outsourcing pilot and its alarm signals (seed 003, docs/RULES.md §4).
 */
import { checkNonNegative, invalid, Result } from './errors';
import { ROI_TARGET_LOW } from './roi';

/** "Un pilote sur 3 mois". */
export const PILOT_MONTHS = 3;
/** KPI achievement at or above which the pilot is expanded (project default). */
export const EXPAND_KPI = 1;
/** KPI achievement at or above which the pilot is extended (project default). */
export const EXTEND_KPI = 0.8;
/** Above this, kpi_achievement is taken for a percent typed as a whole number. */
export const MAX_KPI_ACHIEVEMENT = 10;

export type PilotVerdict = 'TOO_EARLY' | 'STOP' | 'EXPAND' | 'EXTEND' | 'TAKE_BACK';

export interface PilotInputs {
  monthsElapsed: number;
  kpiAchievement: number;
  /** Omitted: the ROI condition does not apply. */
  roiRatio?: number;
  reportingOk: boolean;
}

export function pilotVerdict({ monthsElapsed, kpiAchievement, roiRatio, reportingOk }: PilotInputs): Result<PilotVerdict> {
  const bad =
    checkNonNegative('months_elapsed', monthsElapsed) ??
    checkNonNegative('kpi_achievement', kpiAchievement) ??
    (kpiAchievement > MAX_KPI_ACHIEVEMENT
      ? invalid('rateAsPercent', { arg: 'kpi_achievement', typed: kpiAchievement, asRate: kpiAchievement / 100 })
      : undefined) ??
    (roiRatio === undefined ? undefined : checkNonNegative('roi_ratio', roiRatio));
  if (bad) return bad;
  if (monthsElapsed < PILOT_MONTHS) return 'TOO_EARLY';
  if (!reportingOk) return 'STOP';
  if (kpiAchievement >= EXPAND_KPI && (roiRatio === undefined || roiRatio >= ROI_TARGET_LOW)) return 'EXPAND';
  if (kpiAchievement >= EXTEND_KPI) return 'EXTEND';
  return 'TAKE_BACK';
}
