/**
 * The shape of a French rates table (one file per year: fr-2025.ts, fr-2026.ts). Rates are
 * fractions (13 % = 0.13), amounts in euros. A value that changes during the year is a list of
 * steps `{ from: month (1..12), value }`, the value in force from the 1st of that month.
 */
export interface MonthStep {
  readonly from: number;
  readonly value: number;
}

export interface FrRates {
  readonly year: number;
  /** SMIC per hour, by month. */
  readonly smicHourly: readonly MonthStep[];
  /** Plafond de la sécurité sociale, per month. */
  readonly passMonthly: number;
  /** Hours a month at the legal 35 hours a week, as the model counts them: 35 × 52 / 12. */
  readonly legalHoursMonthly: number;
  readonly maladie: number;
  readonly csa: number;
  readonly vieillessePlafonnee: number;
  readonly vieillesseDeplafonnee: number;
  readonly allocationsFamiliales: number;
  /** AT/MP: the national average (the default rate) and the floor of any notified rate, by month. */
  readonly atAverage: number;
  readonly atMinimum: readonly MonthStep[];
  readonly chomage: readonly MonthStep[];
  readonly ags: number;
  readonly fnalUnder50: number;
  readonly fnalFrom50: number;
  readonly dialogueSocial: number;
  readonly agircArrcoT1: number;
  readonly agircArrcoT2: number;
  readonly cegT1: number;
  readonly cegT2: number;
  readonly cet: number;
  readonly formationUnder11: number;
  readonly formationFrom11: number;
  /** Taxe d'apprentissage: the base (0.59 %) and the solde (0.09 %). */
  readonly taxeApprentissage: number;
  /** Contribution supplémentaire à l'apprentissage, with no work-study contracts: from 250, from 2 000. */
  readonly csaApprentissageFrom250: number;
  readonly csaApprentissageFrom2000: number;
  readonly peec: number;
  readonly forfaitSocial: number;
  readonly apec: number;
  readonly prevoyanceCadre: number;
  /** Complementary health insurance: the whole monthly premium and the employer's share of it. */
  readonly mutuelleMonthly: number;
  readonly mutuelleEmployerShare: number;
  /** Réduction générale dégressive unique: coefficient = tMin + tDelta × (½ × (3 × SMIC / gross − 1))^power. */
  readonly rgduTMin: number;
  readonly rgduTDeltaUnder50: number;
  readonly rgduTDeltaFrom50: number;
  readonly rgduPower: number;
}

/** The 12 values of a stepped rate, January first. */
export function monthlyValues(steps: readonly MonthStep[]): number[] {
  const values: number[] = [];
  for (let month = 1; month <= 12; month++) {
    let value = steps[0].value;
    for (const step of steps) if (step.from <= month) value = step.value;
    values.push(value);
  }
  return values;
}
