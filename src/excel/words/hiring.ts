/**
 * The words of the hiring-cost sheet (RULES.md §8) and of its explanations, in French (France and
 * Québec wording) and English. French strings get French typography (non-breaking spaces before
 * ":" ";" "?" "!" and inside « ») through `frenchTable`.
 */
import type { Language } from '../../rules/labels';
import { frenchSpacing, frenchTable } from '../../i18n/typography';
import type { Region } from '../types';

const fr = {
  title: 'Coût d’un recrutement : salaire chargé et mois de bascule',
  note: 'Coût employeur légal d’un salarié à temps plein, calculé par les fonctions MKT à partir des cellules jaunes (modifiables) : un repère, pas un conseil. Les valeurs par défaut du volet sont des hypothèses, à ajuster.',
  salary: 'Salaire',
  gross: 'Salaire brut saisi',
  period: 'Ce brut est (mensuel/annuel)',
  monthly: 'mensuel',
  yearly: 'annuel',
  grossYearly: 'Salaire brut annuel',
  headcount: 'Effectif de l’entreprise (salariés)',
  cadre: 'Statut cadre (oui/non)',
  atRate: 'Taux AT/MP notifié',
  cnesstRate: 'Taux CNESST de l’employeur',
  totalPayroll: 'Masse salariale annuelle de l’entreprise',
  benefitsRate: 'Assurances collectives (part employeur, en % du brut)',
  year: 'Année des taux',
  loaded: 'Salaire chargé annuel (coût employeur)',
  contributions: 'Charges de l’employeur (chargé − brut)',
  inhouse: 'Coût mensuel en interne',
  tools: 'Outils et logiciels par mois',
  managementHours: 'Heures d’encadrement par semaine',
  hourlyValue: 'Valeur de votre heure',
  inhouseMonthly: 'Coût mensuel du recrutement une fois en poste',
  crossover: 'Mois de bascule',
  outsourceMonthly: 'Coût mensuel de l’externalisation (honoraires)',
  recruitingRate: 'Frais de recrutement (% du brut annuel)',
  oneOff: 'Frais ponctuels de recrutement',
  monthsToHire: 'Mois pour recruter',
  rampMonths: 'Mois de montée en compétence',
  rampStart: 'Productivité de départ (100 % à la fin de la montée)',
  horizon: 'Mois affichés dans la trajectoire',
  crossoverMonth: 'Mois de bascule (0 : jamais dans les 60 mois)',
  crossoverWords: 'En clair',
  never: 'Le recrutement ne devient pas moins cher que l’externalisation en 60 mois.',
  cheaperPrefix: 'Le recrutement devient moins cher au ',
  cheaperFirst: '1er mois',
  cheaperSuffix: 'e mois',
  paths: 'Trajectoires des coûts cumulés',
  month: 'Mois',
  outsourceCumulative: 'Cumul externalisation',
  hireCumulative: 'Cumul recrutement',
  chart: 'Coûts cumulés : externaliser ou recruter',
};

export type HiringStrings = typeof fr;

const qc: HiringStrings = {
  ...fr,
  title: 'Coût d’une embauche : salaire chargé et mois de bascule',
  note: 'Coût employeur prévu par la loi pour un employé à temps plein, calculé par les fonctions MKT à partir des cellules jaunes (modifiables) : un repère, pas un conseil. Les valeurs par défaut du volet sont des hypothèses, à ajuster.',
  headcount: 'Nombre d’employés de l’entreprise',
  contributions: 'Cotisations de l’employeur (chargé − brut)',
  inhouse: 'Coût mensuel à l’interne',
  inhouseMonthly: 'Coût mensuel de l’embauche une fois en poste',
  outsourceMonthly: 'Coût mensuel de l’impartition (honoraires)',
  recruitingRate: 'Frais de recrutement (% du salaire brut annuel)',
  oneOff: 'Frais ponctuels d’embauche',
  monthsToHire: 'Mois pour embaucher',
  rampMonths: 'Mois d’intégration',
  never: 'L’embauche ne devient pas moins chère que l’impartition en 60 mois.',
  cheaperPrefix: 'L’embauche devient moins chère au ',
  outsourceCumulative: 'Cumul impartition',
  hireCumulative: 'Cumul embauche',
  chart: 'Coûts cumulés : impartir ou embaucher',
};

const en: HiringStrings = {
  title: 'The cost of a hire: loaded salary and crossover month',
  note: 'The employer’s statutory cost of a full-time employee, computed by the MKT functions from the yellow cells (editable): a reference, not advice. The pane’s defaults are assumptions to adjust.',
  salary: 'Salary',
  gross: 'Gross salary as entered',
  period: 'This gross is (monthly/yearly)',
  monthly: 'monthly',
  yearly: 'yearly',
  grossYearly: 'Yearly gross salary',
  headcount: 'Company headcount (employees)',
  cadre: 'Cadre status (yes/no)',
  atRate: 'AT/MP rate notified',
  cnesstRate: 'Employer’s CNESST rate',
  totalPayroll: 'Company’s yearly payroll',
  benefitsRate: 'Group insurance (employer share, % of the gross)',
  year: 'Year of the rates',
  loaded: 'Yearly loaded salary (employer cost)',
  contributions: 'Employer contributions (loaded − gross)',
  inhouse: 'Monthly cost in-house',
  tools: 'Tools and software a month',
  managementHours: 'Management hours a week',
  hourlyValue: 'Your hourly value',
  inhouseMonthly: 'Monthly cost of the hire once in place',
  crossover: 'Crossover month',
  outsourceMonthly: 'Monthly cost of outsourcing (fees)',
  recruitingRate: 'Recruiting fee (% of the yearly gross)',
  oneOff: 'One-off hiring costs',
  monthsToHire: 'Months to hire',
  rampMonths: 'Months of ramp-up',
  rampStart: 'Starting productivity (100% at the end of the ramp-up)',
  horizon: 'Months shown in the paths',
  crossoverMonth: 'Crossover month (0: never within 60 months)',
  crossoverWords: 'In words',
  never: 'Hiring does not become cheaper than outsourcing within 60 months.',
  cheaperPrefix: 'Hiring becomes cheaper in month ',
  cheaperFirst: '1',
  cheaperSuffix: '',
  paths: 'Cumulative cost paths',
  month: 'Month',
  outsourceCumulative: 'Cumulative outsourcing',
  hireCumulative: 'Cumulative hiring',
  chart: 'Cumulative costs: outsource or hire',
};

const FR = frenchTable(fr);
const QC = frenchTable(qc);

/** The sheet's words for a language and a market (Québec wording in French for a Québec profile). */
export function hiringLabels(lang: Language, region: Region): HiringStrings {
  if (lang === 'en') return en;
  return region === 'QC' ? QC : FR;
}

/** The crossover month in words: "le recrutement devient moins cher au 18e mois". */
export function crossoverWords(month: number, lang: Language, region: Region): string {
  const L = hiringLabels(lang, region);
  if (!(month >= 1)) return L.never;
  const when = month === 1 ? L.cheaperFirst : `${month}${L.cheaperSuffix}`;
  return `${L.cheaperPrefix}${when}.`;
}

/** Sentences of the hiring explanations (explain/hiring.ts). Numbers arrive formatted. */
export interface HiringExplainStrings {
  loadedSummary: (loaded: string, gross: string, share: string) => string;
  line: (label: string, base: string, rate: string, amount: string) => string;
  reduction: (label: string, amount: string) => string;
  leftOutFr: string;
  leftOutQc: string;
  inhouseSummary: (total: string) => string;
  inhouseSalary: (loaded: string, monthly: string) => string;
  inhouseTools: (tools: string) => string;
  inhouseManagement: (hours: string, value: string, monthly: string) => string;
  crossoverRule: (outsource: string, inhouse: string, oneOff: string) => string;
  crossoverPhases: (hire: number, ramp: number, start: string) => string;
  crossoverBalance: (month: number, before: string, after: string) => string;
  pathsSummary: (month: number, outsource: string, hire: string) => string;
  pathsOutsource: (month: number, monthly: string, total: string) => string;
  pathsHire: (oneOff: string, monthsOutside: number, rampMonths: number, inPlace: number, total: string) => string;
  pathsCheaper: (hireCheaper: boolean, diff: string) => string;
  rowOutOfRange: (row: number, horizon: number) => string;
}

const explainFr: HiringExplainStrings = {
  loadedSummary: (l, g, s) => `Salaire chargé : ${l} par an pour un brut de ${g} (+ ${s}).`,
  line: (label, base, rate, amount) => `${label} : ${rate} × ${base} = ${amount}`,
  reduction: (label, amount) => `${label} : − ${amount}`,
  leftOutFr: 'Non compris : versement mobilité, ce qu’ajoute une convention collective, Alsace-Moselle, JEI, LODEOM, ZRR, apprentis, temps partiel.',
  leftOutQc: 'Non compris : la règle du 1 % en formation (masse salariale au-delà de 2 M$), les taux d’autres secteurs que les services.',
  inhouseSummary: (t) => `Coût mensuel en interne : ${t}.`,
  inhouseSalary: (l, m) => `Salaire chargé ÷ 12 : ${l} ÷ 12 = ${m}`,
  inhouseTools: (t) => `Outils et logiciels : ${t} par mois`,
  inhouseManagement: (h, v, m) => `Votre temps d’encadrement : ${h} h par semaine × 52 ÷ 12 × ${v} = ${m}`,
  crossoverRule: (o, i, x) => `Externaliser coûte ${o} par mois ; recruter coûte ${x} au départ, puis ${i} par mois une fois la personne en poste.`,
  crossoverPhases: (h, r, s) => `Pendant les ${h} mois de recrutement, le travail reste acheté à l’extérieur ; puis ${r} mois de montée en compétence à partir de ${s} de productivité, le reste encore acheté à l’extérieur.`,
  crossoverBalance: (m, b, a) => `Écart cumulé (recruter − externaliser) : ${b} à la fin du mois ${m - 1}, ${a} à la fin du mois ${m}.`,
  pathsSummary: (m, o, h) => `Mois ${m} : externaliser a coûté ${o} en tout, recruter ${h}.`,
  pathsOutsource: (m, mo, t) => `Externalisation : ${m} × ${mo} = ${t}`,
  pathsHire: (x, out, ramp, inPlace, t) => `Recrutement : ${x} de frais ponctuels, ${out} mois encore externalisés, ${ramp} mois de montée en compétence, ${inPlace} mois en poste = ${t}`,
  pathsCheaper: (hire, d) => (hire ? `Le recrutement est moins cher de ${d} à ce mois.` : `L’externalisation est moins chère de ${d} à ce mois.`),
  rowOutOfRange: (r, h) => `La ligne ${r} est hors de la trajectoire (${h} mois).`,
};

const explainQc: HiringExplainStrings = {
  ...explainFr,
  inhouseSummary: (t) => `Coût mensuel à l’interne : ${t}.`,
  crossoverRule: (o, i, x) => `L’impartition coûte ${o} par mois ; l’embauche coûte ${x} au départ, puis ${i} par mois une fois la personne en poste.`,
  crossoverPhases: (h, r, s) => `Pendant les ${h} mois d’embauche, le travail reste imparti ; puis ${r} mois d’intégration à partir de ${s} de productivité, le reste encore imparti.`,
  crossoverBalance: (m, b, a) => `Écart cumulé (embaucher − impartir) : ${b} à la fin du mois ${m - 1}, ${a} à la fin du mois ${m}.`,
  pathsSummary: (m, o, h) => `Mois ${m} : l’impartition a coûté ${o} en tout, l’embauche ${h}.`,
  pathsOutsource: (m, mo, t) => `Impartition : ${m} × ${mo} = ${t}`,
  pathsHire: (x, out, ramp, inPlace, t) => `Embauche : ${x} de frais ponctuels, ${out} mois encore impartis, ${ramp} mois d’intégration, ${inPlace} mois en poste = ${t}`,
  pathsCheaper: (hire, d) => (hire ? `L’embauche est moins chère de ${d} à ce mois.` : `L’impartition est moins chère de ${d} à ce mois.`),
};

const explainEn: HiringExplainStrings = {
  loadedSummary: (l, g, s) => `Loaded salary: ${l} a year for a gross of ${g} (+${s}).`,
  line: (label, base, rate, amount) => `${label}: ${rate} × ${base} = ${amount}`,
  reduction: (label, amount) => `${label}: −${amount}`,
  leftOutFr: 'Not included: versement mobilité, what a convention collective adds, Alsace-Moselle, JEI, LODEOM, ZRR, apprentices, part time.',
  leftOutQc: 'Not included: the 1% training rule (payroll above $2M), rates of sectors other than services.',
  inhouseSummary: (t) => `Monthly cost in-house: ${t}.`,
  inhouseSalary: (l, m) => `Loaded salary ÷ 12: ${l} ÷ 12 = ${m}`,
  inhouseTools: (t) => `Tools and software: ${t} a month`,
  inhouseManagement: (h, v, m) => `Your management time: ${h} h a week × 52 ÷ 12 × ${v} = ${m}`,
  crossoverRule: (o, i, x) => `Outsourcing costs ${o} a month; hiring costs ${x} up front, then ${i} a month once the hire is in place.`,
  crossoverPhases: (h, r, s) => `During the ${h} months of hiring the work is still bought outside; then ${r} months of ramp-up from ${s} productivity, the rest still bought outside.`,
  crossoverBalance: (m, b, a) => `Cumulative difference (hire − outsource): ${b} at the end of month ${m - 1}, ${a} at the end of month ${m}.`,
  pathsSummary: (m, o, h) => `Month ${m}: outsourcing has cost ${o} in total, hiring ${h}.`,
  pathsOutsource: (m, mo, t) => `Outsourcing: ${m} × ${mo} = ${t}`,
  pathsHire: (x, out, ramp, inPlace, t) => `Hiring: ${x} one-off, ${out} months still outsourced, ${ramp} months of ramp-up, ${inPlace} months in place = ${t}`,
  pathsCheaper: (hire, d) => `${hire ? 'Hiring' : 'Outsourcing'} is cheaper by ${d} at that month.`,
  rowOutOfRange: (r, h) => `Row ${r} is outside the paths (${h} months).`,
};

/** French typography on the sentences' output. */
const spaced = (table: HiringExplainStrings): HiringExplainStrings =>
  Object.fromEntries(
    Object.entries(table).map(([k, v]) => [k, typeof v === 'string' ? frenchSpacing(v) : (...args: never[]) => frenchSpacing((v as (...a: never[]) => string)(...args))]),
  ) as unknown as HiringExplainStrings;

const EXPLAIN_FR = spaced(explainFr);
const EXPLAIN_QC = spaced(explainQc);

export function hiringExplainStrings(lang: Language, region: Region): HiringExplainStrings {
  if (lang === 'en') return explainEn;
  return region === 'QC' ? EXPLAIN_QC : EXPLAIN_FR;
}
