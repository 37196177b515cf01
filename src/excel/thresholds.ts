/**
 * Every threshold in force, as the named cells of the assumptions sheet. The values come from the
 * constants of src/rules (never copied here), so the sheet always shows what the rules apply.
 *
 * `live`: a generated formula reads the name (an accountant changes it in one place and the
 * workbook follows). `fixed`: the MKT function takes no argument for it; the cell documents the
 * value the function applies.
 */
import { ALLOCATION_FLOOR } from '../rules/allocation';
import { EXPAND_KPI, EXTEND_KPI, PILOT_MONTHS } from '../rules/pilot';
import { CAC_CUT, RETENTION_UPLIFT, ROI_TARGET_HIGH, ROI_TARGET_LOW } from '../rules/roi';
import { COMPLEXITY_HOURS, CRITICAL_MASS_RATIO, CRITICAL_MASS_STRONG_RATIO } from '../rules/signals';
import { TIER_THRESHOLDS } from '../rules/tiers';
import type { BudgetProfile } from '../rules/tiers';
import type { Language } from './types';

export type ThresholdFormat = 'ratio' | 'percent' | 'hours' | 'money' | 'months' | 'text';

export interface ThresholdCell {
  /** Workbook-scoped name, e.g. MKT_ROI_LOW. */
  name: string;
  value: number | string;
  format: ThresholdFormat;
  live: boolean;
  /** The MKT functions that apply it. */
  usedBy: string;
  label: Record<Language, string>;
}

export const THRESHOLD_NAMES = [
  'MKT_ROI_LOW',
  'MKT_ROI_HIGH',
  'MKT_FLOOR',
  'MKT_CRITICAL_MASS',
  'MKT_PROFILE',
  'MKT_CRITICAL_MASS_STRONG',
  'MKT_COMPLEXITY_HOURS',
  'MKT_TIER_PARTIAL',
  'MKT_TIER_REGULAR',
  'MKT_TIER_FULL',
  'MKT_PILOT_MONTHS',
  'MKT_EXPAND_KPI',
  'MKT_EXTEND_KPI',
  'MKT_RETENTION_UPLIFT',
  'MKT_CAC_CUT',
] as const;

export type ThresholdName = (typeof THRESHOLD_NAMES)[number];

/** The thresholds in force for a budget profile, in THRESHOLD_NAMES order. */
export function thresholdCells(profile: BudgetProfile = 'standard'): ThresholdCell[] {
  const cells: Record<ThresholdName, Omit<ThresholdCell, 'name'>> = {
    MKT_ROI_LOW: {
      value: ROI_TARGET_LOW, format: 'ratio', live: true, usedBy: 'MKT.ROI_BAND',
      label: { fr: 'ROI minimal dans la cible (3:1)', en: 'Lowest ROI on target (3:1)' },
    },
    MKT_ROI_HIGH: {
      value: ROI_TARGET_HIGH, format: 'ratio', live: true, usedBy: 'MKT.ROI_BAND',
      label: { fr: 'ROI maximal dans la cible (5:1)', en: 'Highest ROI on target (5:1)' },
    },
    MKT_FLOOR: {
      value: ALLOCATION_FLOOR, format: 'ratio', live: true, usedBy: 'MKT.ALLOCATE',
      label: { fr: 'Plancher de ROI : en dessous, un canal ne reçoit rien', en: 'ROI floor: below it a channel gets nothing' },
    },
    MKT_CRITICAL_MASS: {
      value: CRITICAL_MASS_RATIO, format: 'percent', live: true, usedBy: 'MKT.BREAKEVEN_FEES',
      label: { fr: 'Masse critique : honoraires ÷ salaire chargé', en: 'Critical mass: fees ÷ loaded salary' },
    },
    MKT_PROFILE: {
      value: profile, format: 'text', live: true, usedBy: 'MKT.BUDGET_TIER',
      label: { fr: 'Profil de budget (standard, forte_marge, cliquable, local_faible_marge)', en: 'Budget profile (standard, high_margin, clickable, local_low_margin)' },
    },
    MKT_CRITICAL_MASS_STRONG: {
      value: CRITICAL_MASS_STRONG_RATIO, format: 'percent', live: false, usedBy: 'MKT.INTERNALISE_SIGNAL',
      label: { fr: 'Masse critique forte (fin de la zone de bascule)', en: 'Strong critical mass (end of the tipping zone)' },
    },
    MKT_COMPLEXITY_HOURS: {
      value: COMPLEXITY_HOURS, format: 'hours', live: false, usedBy: 'MKT.INTERNALISE_SIGNAL, MKT.INTERNALISE_SCORE',
      label: { fr: 'Seuil de complexité (heures par semaine)', en: 'Complexity threshold (hours a week)' },
    },
    MKT_TIER_PARTIAL: {
      value: TIER_THRESHOLDS.partial, format: 'money', live: false, usedBy: 'MKT.BUDGET_TIER',
      label: { fr: 'Budget mensuel : externalisation partielle dès (profil standard)', en: 'Monthly budget: partial outsourcing from (standard profile)' },
    },
    MKT_TIER_REGULAR: {
      value: TIER_THRESHOLDS.regular, format: 'money', live: false, usedBy: 'MKT.BUDGET_TIER',
      label: { fr: 'Budget mensuel : externalisation régulière dès (profil standard)', en: 'Monthly budget: regular outsourcing from (standard profile)' },
    },
    MKT_TIER_FULL: {
      value: TIER_THRESHOLDS.full, format: 'money', live: false, usedBy: 'MKT.BUDGET_TIER',
      label: { fr: 'Budget mensuel : externalisation complète au-delà de (profil standard)', en: 'Monthly budget: full outsourcing above (standard profile)' },
    },
    MKT_PILOT_MONTHS: {
      value: PILOT_MONTHS, format: 'months', live: false, usedBy: 'MKT.PILOT_VERDICT',
      label: { fr: 'Durée du pilote (mois)', en: 'Pilot length (months)' },
    },
    MKT_EXPAND_KPI: {
      value: EXPAND_KPI, format: 'percent', live: false, usedBy: 'MKT.PILOT_VERDICT',
      label: { fr: 'Atteinte du KPI pour étendre', en: 'KPI achievement to expand' },
    },
    MKT_EXTEND_KPI: {
      value: EXTEND_KPI, format: 'percent', live: false, usedBy: 'MKT.PILOT_VERDICT',
      label: { fr: 'Atteinte du KPI pour prolonger', en: 'KPI achievement to extend' },
    },
    MKT_RETENTION_UPLIFT: {
      value: RETENTION_UPLIFT, format: 'percent', live: false, usedBy: 'MKT.RETENTION_LEVER',
      label: { fr: 'Hausse de rétention comparée', en: 'Retention uplift compared' },
    },
    MKT_CAC_CUT: {
      value: CAC_CUT, format: 'percent', live: false, usedBy: 'MKT.RETENTION_LEVER',
      label: { fr: 'Baisse du coût d’acquisition comparée', en: 'Acquisition cost cut compared' },
    },
  };
  return THRESHOLD_NAMES.map((name) => ({ name, ...cells[name] }));
}

/** A threshold cell as the user left it: a formula kept as its formula, text as text, a number as a number. */
export type KeptThreshold = number | boolean | string | { formula: string };

/**
 * What a threshold cell holds, from its `values` and `formulas` (one cell each). Excel's
 * `formulas` gives a text cell's text too, so a text starting with "=" (=HYPERLINK(…) typed as
 * text) is told from a formula by its value: a formula's value is its result, never its own text.
 * Pure.
 */
export function keptThreshold(value: unknown, formula: unknown): KeptThreshold | undefined {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return { formula };
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}

export function isKeptFormula(kept: unknown): kept is { formula: string } {
  return typeof kept === 'object' && kept !== null && typeof (kept as { formula?: unknown }).formula === 'string';
}
