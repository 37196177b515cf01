/**
 * France, 2026: employer contributions on a full-time private-sector employee (régime général).
 * Checked against modele-social 11.1.0 (the rules of mon-entreprise.urssaf.fr), test/payroll.
 */
import type { FrRates } from './france';

export const FR_2026: FrRates = {
  year: 2026,
  smicHourly: [
    { from: 1, value: 12.02 }, // service-public.fr, « Smic : montant au 1er janvier 2026 »
    { from: 6, value: 12.31 }, // service-public.fr, revalorisation du Smic au 1er juin 2026
  ],
  passMonthly: 4005, // URSSAF, plafond de la sécurité sociale 2026 (48 060 € par an)
  legalHoursMonthly: (35 * 52) / 12, // Code du travail L3121-27 (35 h), en mois comme modele-social
  maladie: 0.13, // URSSAF, maladie-maternité-invalidité-décès, taux plein (taux réduit supprimé en 2026)
  csa: 0.003, // URSSAF, contribution solidarité autonomie
  vieillessePlafonnee: 0.0855, // URSSAF, vieillesse plafonnée
  vieillesseDeplafonnee: 0.0211, // URSSAF, vieillesse déplafonnée 2026
  allocationsFamiliales: 0.0525, // URSSAF, allocations familiales, taux plein (taux réduit supprimé en 2026)
  atAverage: 0.0208, // URSSAF / ameli, taux AT/MP moyen national 2026 (taux collectif par défaut)
  atMinimum: [{ from: 1, value: 0.005 }], // ameli, taux AT/MP minimum
  chomage: [{ from: 1, value: 0.04 }], // URSSAF, assurance chômage (4,00 % depuis mai 2025)
  ags: 0.0025, // URSSAF, AGS (garantie des salaires), depuis juillet 2024
  fnalUnder50: 0.001, // URSSAF, FNAL moins de 50 salariés (sur la part plafonnée)
  fnalFrom50: 0.005, // URSSAF, FNAL 50 salariés et plus (sur la totalité)
  dialogueSocial: 0.00016, // URSSAF, contribution au dialogue social
  agircArrcoT1: 0.0472, // Agirc-Arrco, retraite complémentaire tranche 1 (part employeur)
  agircArrcoT2: 0.1295, // Agirc-Arrco, tranche 2 (part employeur)
  cegT1: 0.0129, // Agirc-Arrco, contribution d'équilibre général tranche 1
  cegT2: 0.0162, // Agirc-Arrco, CEG tranche 2
  cet: 0.0021, // Agirc-Arrco, contribution d'équilibre technique (salaire au-dessus du PASS)
  formationUnder11: 0.0055, // URSSAF, contribution à la formation professionnelle, moins de 11 salariés
  formationFrom11: 0.01, // URSSAF, 11 salariés et plus
  taxeApprentissage: 0.0068, // URSSAF, taxe d'apprentissage 0,59 % + solde 0,09 %
  csaApprentissageFrom250: 0.004, // URSSAF, contribution supplémentaire à l'apprentissage, moins de 1 % d'alternants
  csaApprentissageFrom2000: 0.006, // URSSAF, idem à partir de 2 000 salariés
  peec: 0.0045, // URSSAF, participation à l'effort de construction, 50 salariés et plus
  forfaitSocial: 0.08, // URSSAF, forfait social sur la prévoyance, 11 salariés et plus
  apec: 0.00036, // Agirc-Arrco / APEC, cotisation APEC part employeur (cadres)
  prevoyanceCadre: 0.015, // ANI du 17 novembre 2017, prévoyance des cadres (1,50 % jusqu'au PASS)
  mutuelleMonthly: 40, // modele-social, complémentaire santé par défaut (40 € par mois)
  mutuelleEmployerShare: 0.5, // service-public.fr, part employeur minimale de la mutuelle (50 %)
  rgduTMin: 0.02, // URSSAF, réduction générale dégressive unique 2026 (Tmin)
  rgduTDeltaUnder50: 0.3781, // URSSAF, RGDU, Tdelta moins de 50 salariés
  rgduTDeltaFrom50: 0.3821, // URSSAF, RGDU, Tdelta 50 salariés et plus
  rgduPower: 1.75, // URSSAF, RGDU, exposant P
};
