/**
 * French names of the functions' arguments, as French Excel shows them in its formula tooltips,
 * so a French message names the argument the user sees. Kept equal to the parameter names of
 * src/functions/metadata-fr.json by test/functions/messages.test.ts (that file is too large to
 * ship in the functions bundle).
 */
export const FRENCH_ARGUMENT_NAMES: Readonly<Record<string, string>> = {
  weekly_hours: 'heures_hebdo',
  external_fees: 'honoraires_externes',
  loaded_salary: 'salaire_chargé',
  data_need: 'besoin_données',
  ratio: 'ratio',
  revenue: 'revenus',
  spend: 'dépenses',
  low: 'bas',
  high: 'haut',
  margin_per_period: 'marge_par_période',
  retention_rate: 'taux_rétention',
  discount_rate: 'taux_actualisation',
  cac: 'coût_acquisition',
  retention_uplift: 'hausse_rétention',
  cac_cut: 'baisse_coût',
  monthly_budget: 'budget_mensuel',
  profile: 'profil',
  months_elapsed: 'mois_écoulés',
  kpi_achievement: 'atteinte_kpi',
  roi_ratio: 'ratio_roi',
  reporting_ok: 'reporting_ok',
  total_budget: 'budget_total',
  spend_range: 'plage_dépenses',
  revenue_range: 'plage_revenus',
  floor: 'plancher',
  code: 'code',
  lang: 'langue',
};
