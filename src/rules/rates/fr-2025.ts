/**
 * France, 2025, as the reference model (modele-social 11.1.0, test/payroll) computes a 2025 month:
 * the year's SMIC, PASS, vieillesse déplafonnée, AT/MP average and floor and chômage rate, with
 * the model's one reduction scheme. That model applies the 2026 réduction générale dégressive and
 * the full maladie and family rates to 2025 dates too; the 2025 law had instead the Fillon
 * reduction up to 1.6 SMIC and reduced rates (maladie 7 % up to 2.25 SMIC, family 3.45 % up to
 * 3.3 SMIC), which this table does not hold (README, "What a loaded salary leaves out").
 */
import type { FrRates } from './france';
import { FR_2026 } from './fr-2026';

export const FR_2025: FrRates = {
  ...FR_2026, // every other rate: unchanged from 2025 to 2026 in the model (sources in fr-2026.ts)
  year: 2025,
  smicHourly: [{ from: 1, value: 11.88 }], // service-public.fr, Smic au 1er novembre 2024, en vigueur toute l'année 2025
  passMonthly: 3925, // URSSAF, plafond de la sécurité sociale 2025 (47 100 € par an)
  vieillesseDeplafonnee: 0.0202, // URSSAF, vieillesse déplafonnée 2024-2025
  atAverage: 0.0212, // URSSAF / ameli, taux AT/MP moyen national 2025
  atMinimum: [
    { from: 1, value: 0.0046 }, // ameli, taux AT/MP minimum jusqu'en avril 2025
    { from: 5, value: 0.005 }, // ameli, taux AT/MP minimum à partir de mai 2025
  ],
  chomage: [
    { from: 1, value: 0.0405 }, // URSSAF, assurance chômage jusqu'au 30 avril 2025
    { from: 5, value: 0.04 }, // URSSAF, assurance chômage à partir du 1er mai 2025
  ],
};
