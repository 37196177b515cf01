/** Every threshold in force, as the named cells of the assumptions sheet. Values come from src/rules. */
import type { Language } from './types';

export interface ThresholdCell {
  /** Workbook-scoped name, e.g. MKT_ROI_LOW. */
  name: string;
  value: number | string;
  label: Record<Language, string>;
}

export const THRESHOLD_NAMES = [] as const;

export function thresholdCells(): ThresholdCell[] {
  return [];
}
