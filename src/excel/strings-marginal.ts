/**
 * Words for arbitrage by marginal return (RULES.md §7), fr/en: the explanations of the five
 * functions and what the pane writes and warns about. Kept apart from strings.ts so the family
 * reads in one place.
 */
import type { Language } from '../rules/labels';
import type { LinearReason } from '../rules/marginal';

export interface MarginalExplainStrings {
  curve: (a: string, b: string, doubling: string) => string;
  doubling: (b: string, factor: string) => string;
  linear: (a: string) => string;
  linearWhy: Record<LinearReason, (p: { months: number; spread: string; slope: string }) => string>;
  fitInputs: (months: number, r2: string) => string;
  marginalSummary: (spend: string, value: string) => string;
  marginalIs: (a: string, b: string, spend: string) => string;
  marginalLinear: (a: string) => string;
  optimalSummary: (spend: string, margin: string) => string;
  optimalIs: (breakeven: string) => string;
  breakevenSummary: (margin: string, ratio: string) => string;
  allocateSummary: (budget: string, lambda: string | undefined) => string;
  channelFree: (i: number, amount: string, lambda: string) => string;
  channelCeiling: (i: number, amount: string, cap: string, best: string, marginal: string) => string;
  channelZero: (i: number, firstUnit: string, lambda: string) => string;
  channelTied: (i: number, amount: string, ratio: string) => string;
  channelNoMonth: (i: number) => string;
  channelLinear: (i: number, why: string) => string;
  allocateRule: string;
}

const frNum = (n: number) => String(n);

export const MARGINAL_EXPLAIN: Record<Language, MarginalExplainStrings> = {
  fr: {
    curve: (a, b, d) => `Courbe à rendement décroissant : revenus = ${a} × dépenses^${b} ; ${d}.`,
    doubling: (b, f) => `chaque doublement de la dépense multiplie le revenu par 2^b = 2^${b} = ${f}`,
    linear: (a) => `Rendement constant : ${a} de revenus pour 1 dépensé, le ratio moyen des mois retenus.`,
    linearWhy: {
      fewMonths: ({ months }) => `Pas de courbe : ${frNum(months)} mois avec dépenses et revenus supérieurs à 0, il en faut au moins 6.`,
      littleVariation: ({ spread }) => `Pas de courbe : les dépenses varient trop peu (le plus gros mois vaut ${spread} × le plus petit ; il faut au moins 1,5 ×).`,
      notDiminishing: ({ slope }) => `Pas de courbe : la pente b = ${slope} n’est pas décroissante (il faut 0 < b < 1) ; le ratio moyen est la réponse honnête.`,
    },
    fitInputs: (m, r2) => `${frNum(m)} mois retenus (dépenses et revenus supérieurs à 0) ; r² de l’ajustement en log : ${r2}.`,
    marginalSummary: (s, v) => `À ${s} par mois, une unité de dépense de plus rapporte ${v} de revenus.`,
    marginalIs: (a, b, s) => `ROAS marginal = a × b × dépense^(b − 1) = ${a} × ${b} × ${s}^(${b} − 1).`,
    marginalLinear: (a) => `Rendement constant (b = 1) : chaque unité rapporte ${a}, quelle que soit la dépense.`,
    optimalSummary: (s, m) => `Dépense mensuelle optimale : ${s}. Au-delà, une unité de plus rapporte moins que son coût en marge brute (${m}).`,
    optimalIs: (r) => `À cette dépense, le ROAS marginal vaut ${r} = 1 ÷ marge : le seuil d’équilibre.`,
    breakevenSummary: (m, r) => `À ${m} de marge brute, le marketing se paie à partir d’un ratio de ${r} ; en dessous, il coûte plus qu’il ne rapporte.`,
    allocateSummary: (b, l) =>
      l === undefined
        ? `${b} répartis : chaque canal à son plafond ou à 0.`
        : `${b} répartis là où la prochaine unité rapporte le plus : les canaux libres finissent au même rendement marginal, ${l}.`,
    channelFree: (i, x, l) => `Canal ${i} : ${x}, là où son rendement marginal tombe à ${l}.`,
    channelCeiling: (i, x, c, best, m) => `Canal ${i} : ${x}, son plafond (${c} × son meilleur mois, ${best}) ; son rendement marginal y vaut encore ${m}, mais la courbe n’est pas fiable au-delà de l’historique.`,
    channelZero: (i, f, l) => `Canal ${i} : 0, sa première unité rapporte ${f}, moins que ${l}.`,
    channelTied: (i, x, r) => `Canal ${i} : ${x}, rendement constant de ${r}, égal au rendement marginal des autres : il partage le reste avec ses pareils, au prorata des plafonds.`,
    channelNoMonth: (i) => `Canal ${i} : 0, aucun mois avec dépenses et revenus supérieurs à 0.`,
    channelLinear: (i, why) => `Canal ${i} — ${why}`,
    allocateRule: 'Les montants maximisent la somme des revenus prévus a × dépense^b, sans dépasser le plafond de chaque canal.',
  },
  en: {
    curve: (a, b, d) => `Diminishing-returns curve: revenue = ${a} × spend^${b}; ${d}.`,
    doubling: (b, f) => `each doubling of spend multiplies revenue by 2^b = 2^${b} = ${f}`,
    linear: (a) => `Constant return: ${a} of revenue for 1 spent, the average ratio of the months kept.`,
    linearWhy: {
      fewMonths: ({ months }) => `No curve: ${months} month${months === 1 ? '' : 's'} with spend and revenue above 0; at least 6 are needed.`,
      littleVariation: ({ spread }) => `No curve: spend varies too little (the largest month is ${spread} × the smallest; at least 1.5 × is needed).`,
      notDiminishing: ({ slope }) => `No curve: the slope b = ${slope} is not diminishing (0 < b < 1 is needed); the average ratio is the honest answer.`,
    },
    fitInputs: (m, r2) => `${m} month${m === 1 ? '' : 's'} kept (spend and revenue above 0); r² of the log fit: ${r2}.`,
    marginalSummary: (s, v) => `At ${s} a month, one more unit of spend brings back ${v} of revenue.`,
    marginalIs: (a, b, s) => `Marginal ROAS = a × b × spend^(b − 1) = ${a} × ${b} × ${s}^(${b} − 1).`,
    marginalLinear: (a) => `Constant return (b = 1): each unit brings back ${a}, whatever the spend.`,
    optimalSummary: (s, m) => `Optimal monthly spend: ${s}. Beyond it, one more unit returns less than its cost in gross margin (${m}).`,
    optimalIs: (r) => `At that spend the marginal ROAS is ${r} = 1 ÷ margin: the break-even point.`,
    breakevenSummary: (m, r) => `At a ${m} gross margin, marketing pays for itself from a ROI ratio of ${r}; below it, it costs more than it brings.`,
    allocateSummary: (b, l) =>
      l === undefined
        ? `${b} shared: every channel at its ceiling or at 0.`
        : `${b} shared where the next unit returns the most: the free channels end at the same marginal return, ${l}.`,
    channelFree: (i, x, l) => `Channel ${i}: ${x}, where its marginal return falls to ${l}.`,
    channelCeiling: (i, x, c, best, m) => `Channel ${i}: ${x}, its ceiling (${c} × its best month, ${best}); its marginal return there is still ${m}, but the curve is not trusted beyond the history.`,
    channelZero: (i, f, l) => `Channel ${i}: 0; its first unit returns ${f}, less than ${l}.`,
    channelTied: (i, x, r) => `Channel ${i}: ${x}, a constant return of ${r}, equal to the others' marginal return: it shares what is left with its peers, in proportion to their ceilings.`,
    channelNoMonth: (i) => `Channel ${i}: 0, no month with both spend and revenue above 0.`,
    channelLinear: (i, why) => `Channel ${i} — ${why}`,
    allocateRule: 'The amounts maximise the sum of expected revenue a × spend^b, each channel within its ceiling.',
  },
};
