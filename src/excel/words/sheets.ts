/**
 * The words of the sheets the pane writes, in French and English (Québec's where they differ):
 * sheet names, titles, headers, labels. One table, France and English side by side.
 */
import type { Language } from '../../rules/labels';
import type { WorkbookProfile } from '../types';
import { typesetAll } from './typography';

export type SheetKind = 'diagnostic' | 'internalisation' | 'arbitrage' | 'assumptions' | 'pilot' | 'hiring';

export const SHEET_NAMES: Record<SheetKind, Record<Language, string>> = {
  diagnostic: { fr: 'Diagnostic', en: 'Diagnostic' },
  internalisation: { fr: 'Internalisation', en: 'In-house check' },
  arbitrage: { fr: 'Arbitrage', en: 'Allocation' },
  assumptions: { fr: 'Hypothèses', en: 'Assumptions' },
  pilot: { fr: 'Pilote', en: 'Pilot' },
  hiring: { fr: 'Coût d’un recrutement', en: 'Hiring cost' },
};

const fr = {
  // Diagnostic
  diagTitle: 'Diagnostic : retour sur investissement par canal',
  diagSource: 'Source',
  channel: 'Canal',
  spend: 'Dépenses',
  revenue: 'Revenus',
  roi: 'ROAS (CA ÷ dépense)',
  band: 'Bande',
  bandWords: 'Verdict',
  low: 'Cible basse',
  high: 'Cible haute',
  total: 'Total',
  chartRoi: 'ROAS (CA ÷ dépense) par canal et cible 3:1–5:1',
  contribution: 'Contribution (marge brute − dépenses)',
  breakevenRoas: 'ROAS d’équilibre (1 ÷ marge)',
  // Internalisation
  intTitle: 'Internaliser ou externaliser ?',
  weeklyHours: 'Heures par semaine nécessaires (marketing, ventes, produit)',
  externalFees: 'Honoraires externes annuels',
  loadedSalary: 'Salaire chargé annuel d’un profil interne',
  dataNeed: 'Besoin d’itération rapide sur les données (oui/non)',
  monthlyBudget: 'Budget marketing mensuel',
  results: 'Résultats',
  signal: 'Décision',
  signalWords: 'Décision en clair',
  score: 'Signaux allumés (0 à 3)',
  feesToSalary: 'Honoraires ÷ salaire chargé',
  breakeven: 'Honoraires à partir desquels le signal s’allume',
  tier: 'Palier de budget',
  tierWords: 'Palier en clair',
  decisionHeadline: 'Recommandation (signaux et palier)',
  // Arbitrage
  arbTitle: 'Arbitrage : chaque euro selon son rendement',
  totalBudget: 'Budget mensuel à répartir',
  current: 'Dépense mensuelle aujourd’hui',
  proposed: 'Proposé (MKT.ALLOCATE)',
  change: 'Écart',
  chartArb: 'Dépenses actuelles et proposées par canal',
  // Assumptions
  assTitle: 'Hypothèses : seuils en vigueur',
  assIntro: 'Modifiez une valeur de ce bloc : toutes les formules MKT du classeur qui lisent son nom suivent.',
  name: 'Nom',
  value: 'Valeur',
  meaning: 'Signification',
  usedBy: 'Utilisé par',
  source: 'Source',
  fixedTitle: 'Valeurs de référence (lecture seule) : aucune formule écrite par MKT ne les lit, les modifier ne change aucun résultat',
  fixedNote: 'Fixe',
  capNote: 'Le volet écrit ce plafond dans MKT.ALLOCATE (feuille Arbitrage) ; videz l’argument dans la formule pour répartir sans plafond.',
  decisionsTitle: 'Décisions prises',
  decision: 'Décision',
  note: 'Note',
  checklistTitle: 'Transfert : à documenter avant de se passer d’aide extérieure',
  done: 'Fait (oui/non)',
  // Pilot
  pilotTitle: 'Pilote sur trois mois',
  month: 'Mois',
  target: 'Objectif',
  actual: 'Réalisé',
  achievement: 'Atteinte',
  reporting: 'Reporting reçu (oui/non)',
  pilotRoi: 'ROI du pilote (facultatif)',
  monthsElapsed: 'Mois écoulés',
  kpiAchievement: 'Atteinte cumulée',
  reportingOk: 'Reporting régulier',
  verdict: 'Verdict',
  verdictWords: 'Verdict en clair',
};

type Strings = typeof fr;

const en: Strings = {
  diagTitle: 'Diagnostic: return on investment by channel',
  diagSource: 'Source',
  channel: 'Channel',
  spend: 'Spend',
  revenue: 'Revenue',
  roi: 'ROAS (revenue ÷ spend)',
  band: 'Band',
  bandWords: 'Verdict',
  low: 'Target low',
  high: 'Target high',
  total: 'Total',
  chartRoi: 'ROAS (revenue ÷ spend) by channel against the 3:1–5:1 target',
  contribution: 'Contribution (gross margin − spend)',
  breakevenRoas: 'Break-even ROAS (1 ÷ margin)',
  intTitle: 'Bring in-house or outsource?',
  weeklyHours: 'Hours a week needed (marketing, sales, product)',
  externalFees: 'Yearly external fees',
  loadedSalary: 'Yearly loaded salary of an in-house marketer',
  dataNeed: 'Need for fast data iteration (yes/no)',
  monthlyBudget: 'Monthly marketing budget',
  results: 'Results',
  signal: 'Decision',
  signalWords: 'Decision in words',
  score: 'Signals on (0 to 3)',
  feesToSalary: 'Fees ÷ loaded salary',
  breakeven: 'Fees at which the signal turns on',
  tier: 'Budget tier',
  tierWords: 'Tier in words',
  decisionHeadline: 'Recommendation (signals and tier)',
  arbTitle: 'Allocation: each dollar by its return',
  totalBudget: 'Monthly budget to share',
  current: 'Monthly spend today',
  proposed: 'Proposed (MKT.ALLOCATE)',
  change: 'Change',
  chartArb: 'Current and proposed spend by channel',
  assTitle: 'Assumptions: thresholds in force',
  assIntro: 'Change a value in this block: every MKT formula of the workbook that reads its name follows.',
  name: 'Name',
  value: 'Value',
  meaning: 'Meaning',
  usedBy: 'Used by',
  source: 'Source',
  fixedTitle: 'Reference values (read-only): no formula MKT writes reads them, changing them changes no result',
  fixedNote: 'Fixed',
  capNote: 'The pane writes this cap into MKT.ALLOCATE (Allocation sheet); remove the argument from the formula to share without a cap.',
  decisionsTitle: 'Decisions taken',
  decision: 'Decision',
  note: 'Note',
  checklistTitle: 'Handover: what to document before running without outside help',
  done: 'Done (yes/no)',
  pilotTitle: 'Three-month pilot',
  month: 'Month',
  target: 'Target',
  actual: 'Actual',
  achievement: 'Achievement',
  reporting: 'Reporting received (yes/no)',
  pilotRoi: 'Pilot ROI (optional)',
  monthsElapsed: 'Months elapsed',
  kpiAchievement: 'Cumulative achievement',
  reportingOk: 'Regular reporting',
  verdict: 'Verdict',
  verdictWords: 'Verdict in words',
};

/** Québec's words where France's differ (impartition, fournisseur, courriel, pistes), never "euro". */
const QUEBEC: Partial<Strings> = {
  intTitle: 'Internaliser ou impartir ?',
  arbTitle: 'Arbitrage : chaque dollar selon son rendement',
  pilotTitle: 'Projet pilote sur trois mois',
  reporting: 'Rapport du fournisseur reçu (oui/non)',
  reportingOk: 'Rapports réguliers du fournisseur',
};

export const LABELS: Record<Language, Strings> = { fr: typesetAll(fr), en };
const QUEBEC_LABELS: Strings = typesetAll({ ...fr, ...QUEBEC } as Strings);

/** The words a workbook gets: Québec's for a French-speaking Québec business (RULES.md §6). */
export function labelsFor(profile: Pick<WorkbookProfile, 'lang' | 'region'>): Strings {
  return profile.lang === 'fr' && profile.region === 'QC' ? QUEBEC_LABELS : LABELS[profile.lang];
}

/** The language LABEL gets in the formulas written for this profile: fr-CA for Québec. */
export function labelLanguage(profile: Pick<WorkbookProfile, 'lang' | 'region'>): 'fr' | 'fr-CA' | 'en' {
  return profile.lang === 'fr' && profile.region === 'QC' ? 'fr-CA' : profile.lang;
}
