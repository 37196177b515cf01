/**
 * Words for arbitrage by marginal return (RULES.md §7), fr/en: the explanations of the five
 * functions and what the pane writes and warns about. Kept apart from the other words so the family
 * reads in one place.
 */
import type { Language } from '../../rules/labels';
import type { LinearReason, ResponseFit } from '../../rules/marginal';
import { typeset } from './typography';
import type { WorkbookProfile } from '../types';

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

/** What the marginal Arbitrage sheet says: headers, inputs, chart, warnings. */
export interface MarginalLabels {
  title: string;
  monthlyBudget: string;
  grossMargin: string;
  breakeven: string;
  chartChannel: string;
  cap: string;
  total: string;
  channel: string;
  fit: string;
  today: string;
  proposed: string;
  roasToday: string;
  roasProposed: string;
  optimal: string;
  warning: string;
  dataMonthSpend: string;
  dataMonthRevenue: string;
  dataCurveSpend: string;
  dataCurveIn: string;
  dataCurveOut: string;
  dataTodaySpend: string;
  dataTodayRevenue: string;
  dataProposedSpend: string;
  dataProposedRevenue: string;
  chartTitle: string;
  seriesMonths: string;
  seriesCurve: string;
  seriesBeyond: string;
  seriesToday: string;
  seriesProposed: string;
  warnFewMonths: string;
  warnLittleVariation: string;
  warnNotDiminishing: string;
  warnCeiling: string;
  warnNoMonth: string;
  warnBudgetAboveCeilings: string;
}

export const MARGINAL_LABELS: Record<Language, MarginalLabels> = {
  fr: {
    title: 'Arbitrage au rendement marginal : chaque euro là où le prochain rapporte le plus',
    monthlyBudget: 'Budget mensuel à répartir',
    grossMargin: 'Marge brute (MKT_GROSS_MARGIN)',
    breakeven: 'ROAS d’équilibre',
    chartChannel: 'Canal du graphique (n°)',
    cap: 'Plafond (× le meilleur mois)',
    total: 'Totaux mensuels',
    channel: 'Canal',
    fit: 'Courbe',
    today: 'Dépense mensuelle moyenne',
    proposed: 'Proposé (MKT.ALLOCATE_MARGINAL)',
    roasToday: 'ROAS marginal aujourd’hui',
    roasProposed: 'ROAS marginal proposé',
    optimal: 'Dépense optimale (marge brute)',
    warning: 'À savoir',
    dataMonthSpend: 'Mois : dépenses',
    dataMonthRevenue: 'Mois : revenus',
    dataCurveSpend: 'Courbe : dépenses',
    dataCurveIn: 'Courbe (historique)',
    dataCurveOut: 'Courbe (au-delà de l’historique)',
    dataTodaySpend: 'Aujourd’hui : dépense',
    dataTodayRevenue: 'Aujourd’hui : revenus',
    dataProposedSpend: 'Proposé : dépense',
    dataProposedRevenue: 'Proposé : revenus',
    chartTitle: 'Courbe de réponse du canal choisi en B3 (revenus selon la dépense mensuelle)',
    seriesMonths: 'Mois de l’historique',
    seriesCurve: 'Courbe ajustée',
    seriesBeyond: 'Au-delà de l’historique (extrapolé)',
    seriesToday: 'Dépense d’aujourd’hui',
    seriesProposed: 'Dépense proposée',
    warnFewMonths: 'Rendement constant : moins de 6 mois avec dépenses et revenus supérieurs à 0.',
    warnLittleVariation: 'Rendement constant : les dépenses varient trop peu (moins de 1,5 × entre le plus petit et le plus gros mois).',
    warnNotDiminishing: 'Rendement constant : les revenus ne montrent pas de rendement décroissant (pente b hors de 0 à 1).',
    warnCeiling: 'Plafond atteint : le canal reçoit le plafond (D3) × son meilleur mois ; la courbe n’est pas fiable au-delà.',
    warnNoMonth: 'Aucun mois avec dépenses et revenus supérieurs à 0 : le canal reçoit 0.',
    warnBudgetAboveCeilings: 'Le budget dépasse 1,5 × le meilleur mois de chaque canal : la répartition affichera #N/A.',
  },
  en: {
    title: 'Allocation by marginal return: each dollar where the next one returns the most',
    monthlyBudget: 'Monthly budget to share',
    grossMargin: 'Gross margin (MKT_GROSS_MARGIN)',
    breakeven: 'Break-even ROAS',
    chartChannel: 'Channel in the chart (no.)',
    cap: 'Ceiling (× the best month)',
    total: 'Monthly totals',
    channel: 'Channel',
    fit: 'Curve',
    today: 'Average monthly spend',
    proposed: 'Proposed (MKT.ALLOCATE_MARGINAL)',
    roasToday: 'Marginal ROAS today',
    roasProposed: 'Marginal ROAS proposed',
    optimal: 'Optimal spend (gross margin)',
    warning: 'Note',
    dataMonthSpend: 'Month: spend',
    dataMonthRevenue: 'Month: revenue',
    dataCurveSpend: 'Curve: spend',
    dataCurveIn: 'Curve (history)',
    dataCurveOut: 'Curve (beyond the history)',
    dataTodaySpend: 'Today: spend',
    dataTodayRevenue: 'Today: revenue',
    dataProposedSpend: 'Proposed: spend',
    dataProposedRevenue: 'Proposed: revenue',
    chartTitle: 'Response curve of the channel chosen in B3 (revenue by monthly spend)',
    seriesMonths: 'Months of the history',
    seriesCurve: 'Fitted curve',
    seriesBeyond: 'Beyond the history (extrapolated)',
    seriesToday: 'Today’s spend',
    seriesProposed: 'Proposed spend',
    warnFewMonths: 'Constant return: fewer than 6 months with spend and revenue above 0.',
    warnLittleVariation: 'Constant return: spend varies too little (less than 1.5 × between the smallest and the largest month).',
    warnNotDiminishing: 'Constant return: revenue shows no diminishing return (slope b outside 0 to 1).',
    warnCeiling: 'Ceiling reached: the channel gets the ceiling (D3) × its best month; the curve is not trusted beyond it.',
    warnNoMonth: 'No month with both spend and revenue above 0: the channel gets 0.',
    warnBudgetAboveCeilings: 'The budget is more than 1.5 × the best month of every channel: the allocation will show #N/A.',
  },
};

/** What the marginal Arbitrage sheet writes: French typography, and Québec's "dollar" for a Québec business. */
export function marginalLabelsFor(profile: Pick<WorkbookProfile, 'lang' | 'region'>): MarginalLabels {
  if (profile.lang === 'en') return MARGINAL_LABELS.en;
  const words: MarginalLabels = profile.region === 'QC'
    ? { ...MARGINAL_LABELS.fr, title: 'Arbitrage au rendement marginal : chaque dollar là où le prochain rapporte le plus' }
    : MARGINAL_LABELS.fr;
  return Object.fromEntries(Object.entries(words).map(([k, v]) => [k, typeset(v)])) as unknown as MarginalLabels;
}

/** A number in the words of the §7 family (fr-FR, en-US). */
export function numberText(lang: Language, value: number, digits = 2): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: digits }).format(value);
}

/** Why a fit is what it is, in words: the curve and what b means, or why it fell back to LINEAR. */
export function fitWords(fit: ResponseFit, lang: Language): { summary: string; why?: string } {
  const t = MARGINAL_EXPLAIN[lang];
  const num = (v: number, d = 2) => numberText(lang, v, d);
  if (fit.code === 'CURVE') {
    return { summary: t.curve(num(fit.a, 3), num(fit.b, 3), t.doubling(num(fit.b, 3), num(Math.pow(2, fit.b), 2))) };
  }
  const why = t.linearWhy[fit.reason ?? 'notDiminishing']({
    months: fit.months,
    // Rounded down: a spread of 1.49999 must not read as the 1.5 it falls short of.
    spread: num(Math.floor((fit.maxSpend / fit.minSpend) * 100 + 1e-9) / 100, 2),
    slope: fit.logSlope === undefined ? '—' : num(fit.logSlope, 2),
  });
  return { summary: t.linear(num(fit.a, 2)), why };
}
