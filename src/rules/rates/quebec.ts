/**
 * The shape of a Québec rates table (one file per year: qc-2026.ts). Rates are fractions, amounts
 * in Canadian dollars a year.
 */
export interface QcRates {
  readonly year: number;
  /** RRQ (Régime de rentes du Québec), base plan: rate on the earnings between the exemption and the MGA. */
  readonly rrqRate: number;
  readonly rrqExemption: number;
  readonly rrqMaximum: number;
  /** RRQ2, the additional plan: rate on the earnings between the MGA and the MGAP. */
  readonly rrq2Rate: number;
  readonly rrq2Maximum: number;
  /** RQAP (Régime québécois d'assurance parentale), employer rate, up to the maximum insurable earnings. */
  readonly rqapRate: number;
  readonly rqapMaximum: number;
  /** Employment insurance, employer rate (1.4 × the Québec employee rate) up to the maximum insurable earnings. */
  readonly eiRate: number;
  readonly eiMaximum: number;
  /** FSS (Fonds des services de santé), services sector: the rate at and below the low payroll, at and above the high one, linear between. */
  readonly fssLowRate: number;
  readonly fssHighRate: number;
  readonly fssLowPayroll: number;
  readonly fssHighPayroll: number;
  /** CNESST: the default employer rate and the maximum insurable earnings it applies up to. */
  readonly cnesstDefaultRate: number;
  readonly cnesstMaximum: number;
  /** Normes du travail (CNT) contribution, up to the same maximum. */
  readonly cntRate: number;
}
