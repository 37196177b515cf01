/**
 * Every threshold in force, as the named cells of the assumptions sheet. The values come from the
 * constants of src/rules (never copied here), so the sheet always shows what the rules apply.
 *
 * `live`: the formulas the pane writes pass the name to an argument of the MKT function
 * (`feeds`), so changing the cell changes the results. `fixed`: a reference value no written
 * formula reads (the functions take no argument for it, or no sheet of the pane calls the
 * function); the sheet shows them apart, in a read-only block that says so.
 */
import { ALLOCATION_CAP, ALLOCATION_FLOOR } from '../../rules/allocation';
import { EXPAND_KPI, EXTEND_KPI, PILOT_MONTHS } from '../../rules/pilot';
import { CAC_CUT, RETENTION_UPLIFT, ROI_TARGET_HIGH, ROI_TARGET_LOW } from '../../rules/roi';
import { COMPLEXITY_HOURS, CRITICAL_MASS_RATIO, TIPPING_ZONE_WIDTH } from '../../rules/signals';
import { TIER_THRESHOLDS } from '../../rules/tiers';
import type { BudgetProfile } from '../../rules/tiers';
import type { Language, Region } from '../types';

export type ThresholdFormat = 'ratio' | 'percent' | 'hours' | 'money' | 'months' | 'text' | 'factor' | 'euros';

/** Where a figure comes from: the article of seed 000 (Québec), of seed 003 (France), or a project default. */
export type ThresholdSource = 'blot' | 'tpe' | 'project';

export interface ThresholdCell {
  /** Workbook-scoped name, e.g. MKT_ROI_LOW. */
  name: string;
  /** The value, or (fixed cells derived from a live one) a formula reading it. */
  value: number | string;
  format: ThresholdFormat;
  live: boolean;
  /** Live cells: the functions and arguments the written formulas pass it to. Fixed cells: what applies it. */
  usedBy: string;
  source: ThresholdSource;
  label: Record<Language, string>;
}

/** Live names first (the editable block), then the reference values (the read-only block). */
export const LIVE_THRESHOLD_NAMES = [
  'MKT_ROI_LOW',
  'MKT_ROI_HIGH',
  'MKT_FLOOR',
  'MKT_CAP',
  'MKT_CRITICAL_MASS',
  'MKT_COMPLEXITY_HOURS',
  'MKT_PROFILE',
  'MKT_TIER_SCALE',
  'MKT_PILOT_MONTHS',
  'MKT_EXPAND_KPI',
  'MKT_EXTEND_KPI',
] as const;

export const FIXED_THRESHOLD_NAMES = [
  'MKT_CRITICAL_MASS_STRONG',
  'MKT_TIER_PARTIAL',
  'MKT_TIER_REGULAR',
  'MKT_TIER_FULL',
  'MKT_RETENTION_UPLIFT',
  'MKT_CAC_CUT',
] as const;

export const THRESHOLD_NAMES = [...LIVE_THRESHOLD_NAMES, ...FIXED_THRESHOLD_NAMES] as const;

export type ThresholdName = (typeof THRESHOLD_NAMES)[number];

/** The source of each kind, by its article's title and address (never a file name). */
export const SOURCES: Record<ThresholdSource, Record<Language, string>> = {
  blot: {
    fr: 'Antoine Blot, « Externaliser son marketing : stratégie intelligente ou plafond de verre pour la PME ? », https://www.antoine-blot.com/blogue/marketing-externalise-pme-quebec/',
    en: 'Antoine Blot, "Externaliser son marketing : stratégie intelligente ou plafond de verre pour la PME ?", https://www.antoine-blot.com/blogue/marketing-externalise-pme-quebec/',
  },
  tpe: {
    fr: 'Article « Externaliser le marketing digital… » sur les TPE en France (publié sans titre ni adresse)',
    en: 'Article "Externaliser le marketing digital…" on French very small businesses (published without a title or address)',
  },
  project: { fr: 'Choix par défaut de MKT (aucun des articles ne donne ce chiffre)', en: 'MKT default (neither article gives this figure)' },
};

/** The thresholds in force for a budget profile, in THRESHOLD_NAMES order. */
export function thresholdCells(profile: BudgetProfile = 'standard', region: Region = 'FR'): ThresholdCell[] {
  const cells: Record<ThresholdName, Omit<ThresholdCell, 'name'>> = { ...liveCells(profile, region), ...referenceCells(region) };
  return THRESHOLD_NAMES.map((name) => ({ name, ...cells[name] }));
}

type CellsOf<Names extends readonly string[]> = Record<Names[number], Omit<ThresholdCell, 'name'>>;

/** The editable block: each name is an argument of the formulas the pane writes. */
function liveCells(profile: BudgetProfile, region: Region): CellsOf<typeof LIVE_THRESHOLD_NAMES> {
  // The tier thresholds are the article's euros: a Québec sheet says so without the word (EUR).
  const tierNote = region === 'QC'
    ? { fr: ' ; les seuils ci-dessous sont en EUR (marché français) : pour des dollars canadiens, saisissez votre facteur, MKT ne convertit pas', en: '; the thresholds below are in EUR (French market): for Canadian dollars, enter your own factor, MKT does not convert' }
    : { fr: ' (1 = les seuils de l’article, marché français)', en: ' (1 = the article’s thresholds, French market)' };
  return {
    MKT_ROI_LOW: {
      value: ROI_TARGET_LOW, format: 'ratio', live: true, source: 'blot', usedBy: 'MKT.ROI_BAND (low), MKT.PILOT_VERDICT (roi_floor)',
      label: { fr: 'ROI minimal dans la cible (3:1), et pour étendre un pilote', en: 'Lowest ROI on target (3:1), and to expand a pilot' },
    },
    MKT_ROI_HIGH: {
      value: ROI_TARGET_HIGH, format: 'ratio', live: true, source: 'blot', usedBy: 'MKT.ROI_BAND (high)',
      label: { fr: 'ROI maximal dans la cible (5:1)', en: 'Highest ROI on target (5:1)' },
    },
    MKT_FLOOR: {
      value: ALLOCATION_FLOOR, format: 'ratio', live: true, source: 'blot', usedBy: 'MKT.ALLOCATE (floor)',
      label: { fr: 'Plancher de ROI : en dessous, un canal ne reçoit rien', en: 'ROI floor: below it a channel gets nothing' },
    },
    MKT_CAP: {
      value: ALLOCATION_CAP, format: 'ratio', live: true, source: 'project', usedBy: 'MKT.ALLOCATE (cap)',
      label: { fr: 'Plafond : aucun canal ne reçoit plus de ce multiple de ses dépenses actuelles', en: 'Cap: no channel gets more than this multiple of its current spend' },
    },
    MKT_CRITICAL_MASS: {
      value: CRITICAL_MASS_RATIO, format: 'percent', live: true, source: 'blot', usedBy: 'MKT.INTERNALISE_SIGNAL, MKT.INTERNALISE_SCORE (fees_ratio), MKT.BREAKEVEN_FEES (ratio)',
      label: { fr: 'Masse critique : honoraires ÷ salaire chargé', en: 'Critical mass: fees ÷ loaded salary' },
    },
    MKT_COMPLEXITY_HOURS: {
      value: COMPLEXITY_HOURS, format: 'hours', live: true, source: 'blot', usedBy: 'MKT.INTERNALISE_SIGNAL, MKT.INTERNALISE_SCORE (hours_threshold)',
      label: { fr: 'Seuil de complexité (heures par semaine)', en: 'Complexity threshold (hours a week)' },
    },
    MKT_PROFILE: {
      value: profile, format: 'text', live: true, source: 'tpe', usedBy: 'MKT.BUDGET_TIER (profile)',
      label: { fr: 'Profil de budget (standard, forte_marge, cliquable, local_faible_marge)', en: 'Budget profile (standard, high_margin, clickable, local_low_margin)' },
    },
    MKT_TIER_SCALE: {
      value: 1, format: 'factor', live: true, source: 'project', usedBy: 'MKT.BUDGET_TIER (scale)',
      label: { fr: `Échelle des paliers de budget${tierNote.fr}`, en: `Scale of the budget tiers${tierNote.en}` },
    },
    MKT_PILOT_MONTHS: {
      value: PILOT_MONTHS, format: 'months', live: true, source: 'tpe', usedBy: 'MKT.PILOT_VERDICT (pilot_months)',
      label: { fr: 'Durée du pilote (mois)', en: 'Pilot length (months)' },
    },
    MKT_EXPAND_KPI: {
      value: EXPAND_KPI, format: 'percent', live: true, source: 'project', usedBy: 'MKT.PILOT_VERDICT (expand_at)',
      label: { fr: 'Atteinte du KPI pour étendre', en: 'KPI achievement to expand' },
    },
    MKT_EXTEND_KPI: {
      value: EXTEND_KPI, format: 'percent', live: true, source: 'project', usedBy: 'MKT.PILOT_VERDICT (extend_at)',
      label: { fr: 'Atteinte du KPI pour prolonger', en: 'KPI achievement to extend' },
    },
  };
}

/** The read-only block: reference values no written formula reads (Québec's words for the tiers). */
function referenceCells(region: Region): CellsOf<typeof FIXED_THRESHOLD_NAMES> {
  const fixed: CellsOf<typeof FIXED_THRESHOLD_NAMES> = {
    MKT_CRITICAL_MASS_STRONG: {
      value: `=MKT_CRITICAL_MASS+${TIPPING_ZONE_WIDTH}`, format: 'percent', live: false, source: 'blot', usedBy: 'MKT.INTERNALISE_SIGNAL',
      label: { fr: 'Masse critique forte : fin de la zone de bascule, toujours 10 points au-dessus de MKT_CRITICAL_MASS', en: 'Strong critical mass: end of the tipping zone, always 10 points above MKT_CRITICAL_MASS' },
    },
    MKT_TIER_PARTIAL: {
      value: TIER_THRESHOLDS.partial, format: 'euros', live: false, source: 'tpe', usedBy: 'MKT.BUDGET_TIER',
      label: { fr: 'Budget mensuel : externalisation partielle dès (profil standard, × MKT_TIER_SCALE)', en: 'Monthly budget: partial outsourcing from (standard profile, × MKT_TIER_SCALE)' },
    },
    MKT_TIER_REGULAR: {
      value: TIER_THRESHOLDS.regular, format: 'euros', live: false, source: 'tpe', usedBy: 'MKT.BUDGET_TIER',
      label: { fr: 'Budget mensuel : externalisation régulière dès (profil standard, × MKT_TIER_SCALE)', en: 'Monthly budget: regular outsourcing from (standard profile, × MKT_TIER_SCALE)' },
    },
    MKT_TIER_FULL: {
      value: TIER_THRESHOLDS.full, format: 'euros', live: false, source: 'tpe', usedBy: 'MKT.BUDGET_TIER',
      label: { fr: 'Budget mensuel : externalisation complète au-delà de (profil standard, × MKT_TIER_SCALE)', en: 'Monthly budget: full outsourcing above (standard profile, × MKT_TIER_SCALE)' },
    },
    MKT_RETENTION_UPLIFT: {
      value: RETENTION_UPLIFT, format: 'percent', live: false, source: 'blot', usedBy: 'MKT.RETENTION_LEVER (retention_uplift)',
      label: { fr: 'Hausse de rétention comparée', en: 'Retention uplift compared' },
    },
    MKT_CAC_CUT: {
      value: CAC_CUT, format: 'percent', live: false, source: 'blot', usedBy: 'MKT.RETENTION_LEVER (cac_cut)',
      label: { fr: 'Baisse du coût d’acquisition comparée', en: 'Acquisition cost cut compared' },
    },
  };
  if (region === 'QC') {
    fixed.MKT_TIER_PARTIAL.label.fr = 'Budget mensuel : impartition partielle dès (profil standard, × MKT_TIER_SCALE)';
    fixed.MKT_TIER_REGULAR.label.fr = 'Budget mensuel : impartition régulière dès (profil standard, × MKT_TIER_SCALE)';
    fixed.MKT_TIER_FULL.label.fr = 'Budget mensuel : impartition complète au-delà de (profil standard, × MKT_TIER_SCALE)';
  }
  return fixed;
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
