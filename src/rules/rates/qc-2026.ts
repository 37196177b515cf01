/** Québec, 2026: employer contributions on a salaried employee (docs/RULES.md §8). */
import type { QcRates } from './quebec';

export const QC_2026: QcRates = {
  year: 2026,
  rrqRate: 0.063, // Revenu Québec, RRQ 2026 : taux de cotisation de base, part employeur 6,30 %
  rrqExemption: 3500, // Revenu Québec, RRQ : exemption générale 3 500 $
  rrqMaximum: 74600, // Revenu Québec, RRQ 2026 : maximum des gains admissibles (MGA) 74 600 $
  rrq2Rate: 0.04, // Revenu Québec, RRQ 2026 : cotisation supplémentaire 2, part employeur 4 %
  rrq2Maximum: 85000, // Revenu Québec, RRQ 2026 : maximum supplémentaire des gains admissibles (MSGA) 85 000 $
  rqapRate: 0.00602, // RQAP / Revenu Québec 2026 : taux employeur 0,602 %
  rqapMaximum: 103000, // RQAP 2026 : maximum des revenus assurables 103 000 $
  eiRate: 0.0182, // Commission de l'assurance-emploi du Canada 2026 : 1,4 × le taux salarié du Québec 1,30 %
  eiMaximum: 68900, // Commission de l'assurance-emploi du Canada 2026 : maximum de la rémunération assurable 68 900 $
  fssLowRate: 0.0165, // Revenu Québec, FSS 2026 : 1,65 % si la masse salariale ≤ 1 M$ (secteur des services)
  fssHighRate: 0.0426, // Revenu Québec, FSS 2026 : 4,26 % à partir de 7,8 M$
  fssLowPayroll: 1_000_000, // Revenu Québec, FSS : seuil bas de la masse salariale totale
  fssHighPayroll: 7_800_000, // Revenu Québec, FSS : seuil haut
  cnesstDefaultRate: 0.0154, // CNESST 2026 : taux moyen provincial 1,54 $ par 100 $ de salaire assurable
  cnesstMaximum: 103000, // CNESST 2026 : maximum annuel assurable 103 000 $
  cntRate: 0.0006, // CNESST / Revenu Québec : cotisation relative aux normes du travail 0,06 %
};
