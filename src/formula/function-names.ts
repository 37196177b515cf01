/**
 * The MKT function ids and the French names fr-FR and fr-CA Excel show for them. Kept equal to
 * src/functions/metadata-fr.json by test/formula/function-names.test.ts (that file, with its
 * descriptions, is too large for the pane and functions bundles). Ids are forever.
 */
export const FRENCH_FUNCTION_NAMES: Readonly<Record<string, string>> = {
  INTERNALISE_SIGNAL: 'SIGNAL_INTERNALISER',
  INTERNALISE_SCORE: 'SCORE_INTERNALISER',
  FEES_TO_SALARY: 'HONORAIRES_SUR_SALAIRE',
  BREAKEVEN_FEES: 'HONORAIRES_BASCULE',
  ROI_RATIO: 'RATIO_ROI',
  CONTRIBUTION: 'CONTRIBUTION_MARGE',
  ROI_BAND: 'ZONE_ROI',
  LTV: 'VALEUR_VIE_CLIENT',
  RETENTION_LEVER: 'LEVIER_RETENTION',
  BUDGET_TIER: 'PALIER_BUDGET',
  PILOT_VERDICT: 'VERDICT_PILOTE',
  ALLOCATE: 'REPARTIR_BUDGET',
  RESPONSE_FIT: 'COURBE_REPONSE',
  MARGINAL_ROAS: 'ROAS_MARGINAL',
  OPTIMAL_SPEND: 'DEPENSE_OPTIMALE',
  BREAKEVEN_ROAS: 'ROAS_EQUILIBRE',
  ALLOCATE_MARGINAL: 'REPARTIR_MARGINAL',
  DECISION: 'RECOMMANDATION',
  LABEL: 'LIBELLE_CODE',
};

/** Every MKT function id, in the order of the function reference. */
export const MKT_FUNCTION_IDS: readonly string[] = Object.keys(FRENCH_FUNCTION_NAMES);

export type NameLanguage = 'en' | 'fr';

const BY_NAME = new Map<string, { id: string; language: NameLanguage }>();
for (const [id, french] of Object.entries(FRENCH_FUNCTION_NAMES)) {
  BY_NAME.set(id, { id, language: 'en' });
  const clash = BY_NAME.get(french);
  // A French name equal to another function's English id would make a formula ambiguous.
  if (clash && clash.id !== id) throw new Error(`MKT function name ${french} is both ${clash.id} and ${id}`);
  if (!clash) BY_NAME.set(french, { id, language: 'fr' });
}

/**
 * The function a name (after `MKT.` or `_xldudf_MKT_`) stands for, in English or French, any case.
 * @example resolveFunctionName('ratio_roi') //=> { id: 'ROI_RATIO', language: 'fr' }
 * @returns undefined for a name that is no MKT function
 */
export function resolveFunctionName(name: string): { id: string; language: NameLanguage } | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** The name French Excel shows for an id (the id itself when it has no French name). */
export function frenchNameOf(id: string): string {
  return FRENCH_FUNCTION_NAMES[id] ?? id;
}
