/**
 * Every string the workbook layer writes or shows, in French and English: sheet names, headers,
 * labels, the handover checklist, error and confirmation messages, explanation sentences.
 */
import type { Language } from '../rules/labels';
import type { WorkbookProfile } from './types';

/**
 * French typography for text written in a workbook: a no-break space inside « » and before : ; ? !
 * (never split from the word before it). Idempotent; an address (https://…) has no space before ":".
 * @example typeset('Total : 3 « A »') //=> 'Total\u00a0: 3 «\u00a0A\u00a0»'
 */
export function typeset(text: string): string {
  return text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/ ([:;?!])/g, '\u00a0$1');
}

function typesetAll<T extends Record<string, string>>(strings: T): T {
  return Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, typeset(v)])) as T;
}

export type SheetKind = 'diagnostic' | 'internalisation' | 'arbitrage' | 'assumptions' | 'pilot' | 'hiring';

export const SHEET_NAMES: Record<SheetKind, Record<Language, string>> = {
  diagnostic: { fr: 'Diagnostic', en: 'Diagnostic' },
  internalisation: { fr: 'Internalisation', en: 'In-house check' },
  arbitrage: { fr: 'Arbitrage', en: 'Allocation' },
  assumptions: { fr: 'Hypothèses', en: 'Assumptions' },
  pilot: { fr: 'Pilote', en: 'Pilot' },
  hiring: { fr: 'Coût d’un recrutement', en: 'Hiring cost' },
};

const fr = {
  // Diagnostic
  diagTitle: 'Diagnostic : retour sur investissement par canal',
  diagSource: 'Source',
  channel: 'Canal',
  spend: 'Dépenses',
  revenue: 'Revenus',
  roi: 'ROAS (CA ÷ dépense)',
  band: 'Bande',
  bandWords: 'Verdict',
  low: 'Cible basse',
  high: 'Cible haute',
  total: 'Total',
  chartRoi: 'ROAS (CA ÷ dépense) par canal et cible 3:1–5:1',
  contribution: 'Contribution (marge brute − dépenses)',
  breakevenRoas: 'ROAS d’équilibre (1 ÷ marge)',
  // Internalisation
  intTitle: 'Internaliser ou externaliser ?',
  weeklyHours: 'Heures par semaine nécessaires (marketing, ventes, produit)',
  externalFees: 'Honoraires externes annuels',
  loadedSalary: 'Salaire chargé annuel d’un profil interne',
  dataNeed: 'Besoin d’itération rapide sur les données (oui/non)',
  monthlyBudget: 'Budget marketing mensuel',
  results: 'Résultats',
  signal: 'Décision',
  signalWords: 'Décision en clair',
  score: 'Signaux allumés (0 à 3)',
  feesToSalary: 'Honoraires ÷ salaire chargé',
  breakeven: 'Honoraires à partir desquels le signal s’allume',
  tier: 'Palier de budget',
  tierWords: 'Palier en clair',
  decisionHeadline: 'Recommandation (signaux et palier)',
  // Arbitrage
  arbTitle: 'Arbitrage : chaque euro selon son rendement',
  totalBudget: 'Budget mensuel à répartir',
  current: 'Dépense mensuelle aujourd’hui',
  proposed: 'Proposé (MKT.ALLOCATE)',
  change: 'Écart',
  chartArb: 'Dépenses actuelles et proposées par canal',
  // Assumptions
  assTitle: 'Hypothèses : seuils en vigueur',
  assIntro: 'Modifiez une valeur de ce bloc : toutes les formules MKT du classeur qui lisent son nom suivent.',
  name: 'Nom',
  value: 'Valeur',
  meaning: 'Signification',
  usedBy: 'Utilisé par',
  source: 'Source',
  fixedTitle: 'Valeurs de référence (lecture seule) : aucune formule écrite par MKT ne les lit, les modifier ne change aucun résultat',
  fixedNote: 'Fixe',
  capNote: 'Le volet écrit ce plafond dans MKT.ALLOCATE (feuille Arbitrage) ; videz l’argument dans la formule pour répartir sans plafond.',
  decisionsTitle: 'Décisions prises',
  decision: 'Décision',
  note: 'Note',
  checklistTitle: 'Transfert : à documenter avant de se passer d’aide extérieure',
  done: 'Fait (oui/non)',
  // Pilot
  pilotTitle: 'Pilote sur trois mois',
  month: 'Mois',
  target: 'Objectif',
  actual: 'Réalisé',
  achievement: 'Atteinte',
  reporting: 'Reporting reçu (oui/non)',
  pilotRoi: 'ROI du pilote (facultatif)',
  monthsElapsed: 'Mois écoulés',
  kpiAchievement: 'Atteinte cumulée',
  reportingOk: 'Reporting régulier',
  verdict: 'Verdict',
  verdictWords: 'Verdict en clair',
};

type Strings = typeof fr;

const en: Strings = {
  diagTitle: 'Diagnostic: return on investment by channel',
  diagSource: 'Source',
  channel: 'Channel',
  spend: 'Spend',
  revenue: 'Revenue',
  roi: 'ROAS (revenue ÷ spend)',
  band: 'Band',
  bandWords: 'Verdict',
  low: 'Target low',
  high: 'Target high',
  total: 'Total',
  chartRoi: 'ROAS (revenue ÷ spend) by channel against the 3:1–5:1 target',
  contribution: 'Contribution (gross margin − spend)',
  breakevenRoas: 'Break-even ROAS (1 ÷ margin)',
  intTitle: 'Bring in-house or outsource?',
  weeklyHours: 'Hours a week needed (marketing, sales, product)',
  externalFees: 'Yearly external fees',
  loadedSalary: 'Yearly loaded salary of an in-house marketer',
  dataNeed: 'Need for fast data iteration (yes/no)',
  monthlyBudget: 'Monthly marketing budget',
  results: 'Results',
  signal: 'Decision',
  signalWords: 'Decision in words',
  score: 'Signals on (0 to 3)',
  feesToSalary: 'Fees ÷ loaded salary',
  breakeven: 'Fees at which the signal turns on',
  tier: 'Budget tier',
  tierWords: 'Tier in words',
  decisionHeadline: 'Recommendation (signals and tier)',
  arbTitle: 'Allocation: each dollar by its return',
  totalBudget: 'Monthly budget to share',
  current: 'Monthly spend today',
  proposed: 'Proposed (MKT.ALLOCATE)',
  change: 'Change',
  chartArb: 'Current and proposed spend by channel',
  assTitle: 'Assumptions: thresholds in force',
  assIntro: 'Change a value in this block: every MKT formula of the workbook that reads its name follows.',
  name: 'Name',
  value: 'Value',
  meaning: 'Meaning',
  usedBy: 'Used by',
  source: 'Source',
  fixedTitle: 'Reference values (read-only): no formula MKT writes reads them, changing them changes no result',
  fixedNote: 'Fixed',
  capNote: 'The pane writes this cap into MKT.ALLOCATE (Allocation sheet); remove the argument from the formula to share without a cap.',
  decisionsTitle: 'Decisions taken',
  decision: 'Decision',
  note: 'Note',
  checklistTitle: 'Handover: what to document before running without outside help',
  done: 'Done (yes/no)',
  pilotTitle: 'Three-month pilot',
  month: 'Month',
  target: 'Target',
  actual: 'Actual',
  achievement: 'Achievement',
  reporting: 'Reporting received (yes/no)',
  pilotRoi: 'Pilot ROI (optional)',
  monthsElapsed: 'Months elapsed',
  kpiAchievement: 'Cumulative achievement',
  reportingOk: 'Regular reporting',
  verdict: 'Verdict',
  verdictWords: 'Verdict in words',
};

/** Québec's words where France's differ (impartition, fournisseur, courriel, pistes), never "euro". */
const QUEBEC: Partial<Strings> = {
  intTitle: 'Internaliser ou impartir ?',
  arbTitle: 'Arbitrage : chaque dollar selon son rendement',
  pilotTitle: 'Projet pilote sur trois mois',
  reporting: 'Rapport du fournisseur reçu (oui/non)',
  reportingOk: 'Rapports réguliers du fournisseur',
};

export const LABELS: Record<Language, Strings> = { fr: typesetAll(fr), en };
const QUEBEC_LABELS: Strings = typesetAll({ ...fr, ...QUEBEC } as Strings);

/** The words a workbook gets: Québec's for a French-speaking Québec business (RULES.md §6). */
export function labelsFor(profile: Pick<WorkbookProfile, 'lang' | 'region'>): Strings {
  return profile.lang === 'fr' && profile.region === 'QC' ? QUEBEC_LABELS : LABELS[profile.lang];
}

/** The language LABEL gets in the formulas written for this profile: fr-CA for Québec. */
export function labelLanguage(profile: Pick<WorkbookProfile, 'lang' | 'region'>): 'fr' | 'fr-CA' | 'en' {
  return profile.lang === 'fr' && profile.region === 'QC' ? 'fr-CA' : profile.lang;
}

/** The handover checklist in Québec's words (fournisseur, rapports, courriel). */
const QUEBEC_CHECKLIST: readonly string[] = [
  'Processus d’acquisition par canal : qui fait quoi, à quelle fréquence, avec quels outils',
  'Accès et propriété des comptes (publicité, analytique, CRM, site, réseaux sociaux, courriel)',
  'Indicateurs suivis (pistes, ventes), leur définition et où les trouver (tableau de bord)',
  'Calendrier et contenu des rapports du fournisseur',
  'Hypothèses de cette feuille et qui peut les modifier',
  'Budget par canal et règle d’arbitrage (seuil de ROI)',
  'Historique des campagnes : ce qui a marché, ce qui a été arrêté et pourquoi',
  'Contrats et préavis des fournisseurs',
].map(typeset);

export function checklistFor(profile: Pick<WorkbookProfile, 'lang' | 'region'>): readonly string[] {
  return profile.lang === 'fr' && profile.region === 'QC' ? QUEBEC_CHECKLIST : CHECKLIST[profile.lang];
}

/** The standard handover checklist (seed 000, step 3 "Transfert"; seed 003, pilot and reporting). */
export const CHECKLIST: Record<Language, readonly string[]> = {
  fr: [
    'Processus d’acquisition par canal : qui fait quoi, à quelle fréquence, avec quels outils',
    'Accès et propriété des comptes (publicité, analytique, CRM, site, réseaux sociaux)',
    'Indicateurs suivis, leur définition et où les trouver (tableau de bord)',
    'Calendrier et contenu du reporting du prestataire',
    'Hypothèses de cette feuille et qui peut les modifier',
    'Budget par canal et règle d’arbitrage (seuil de ROI)',
    'Historique des campagnes : ce qui a marché, ce qui a été arrêté et pourquoi',
    'Contrats et préavis des prestataires',
  ].map(typeset),
  en: [
    'Acquisition process per channel: who does what, how often, with which tools',
    'Account access and ownership (ads, analytics, CRM, website, social media)',
    'Metrics tracked, their definition and where to find them (dashboard)',
    'Schedule and content of the provider’s reporting',
    'The assumptions on this sheet and who may change them',
    'Budget per channel and the allocation rule (ROI floor)',
    'Campaign history: what worked, what was stopped and why',
    'Provider contracts and notice periods',
  ],
};

export type FailureKey =
  | 'protected'
  | 'workbookProtected'
  | 'editMode'
  | 'tooLarge'
  | 'sourceMissing'
  | 'emptySource'
  | 'noLayout'
  | 'badReference'
  | 'refInsideBlock'
  | 'refSheetMissing'
  | 'badNumber'
  | 'noMktFormula'
  | 'noHiringBlock'
  | 'unsupported'
  | 'unknown';

export const FAILURES: Record<Language, Record<FailureKey, (p: Record<string, string | number>) => string>> = {
  fr: {
    protected: (p) => `La feuille « ${p.sheet} » est protégée : ôtez la protection (Révision > Ôter la protection) puis recommencez. Rien n’a été modifié.`,
    workbookProtected: () => 'La structure du classeur est protégée : aucune feuille ne peut être ajoutée. Ôtez la protection puis recommencez. Rien n’a été modifié.',
    editMode: () => 'Une cellule est en cours de modification : validez-la (Entrée) ou annulez (Échap), puis recommencez. Rien n’a été modifié.',
    tooLarge: (p) => `Les données sont trop volumineuses pour Excel (${p.detail}). Sélectionnez moins de lignes ou de colonnes. Rien n’a été modifié.`,
    sourceMissing: (p) => `Les données « ${p.source} » sont introuvables : ont-elles été déplacées ou supprimées ?`,
    emptySource: () => 'La sélection est vide : sélectionnez le tableau des canaux, dépenses et revenus.',
    noLayout: () => 'Aucune colonne de nombres n’a été trouvée : indiquez les colonnes des canaux, dépenses et revenus.',
    badReference: (p) => `« ${p.ref} » n’est pas une référence de cellule valide.`,
    refInsideBlock: (p) => `« ${p.ref} » est dans les cellules que le volet écrit sur « ${p.sheet} » : la formule se lirait elle-même. Choisissez une cellule hors de ce bloc. Rien n’a été modifié.`,
    refSheetMissing: (p) => `« ${p.ref} » : la feuille « ${p.sheet} » n’existe plus. Choisissez une autre cellule. Rien n’a été modifié.`,
    badNumber: (p) => `« ${p.field} » : un nombre est attendu.`,
    noMktFormula: () => 'La cellule sélectionnée ne contient pas de formule MKT.',
    noHiringBlock: () => 'Salaire chargé : saisissez-le, ou calculez-le d’abord avec le coût d’un recrutement (bloc MKT_LOADED_SALARY). Rien n’a été modifié.',
    unsupported: () => 'Cette version d’Excel ne permet pas cette action (ExcelApi 1.9 requis).',
    unknown: (p) => `Excel a refusé l’opération (${p.detail}). Rien n’a été modifié.`,
  },
  en: {
    protected: (p) => `The sheet "${p.sheet}" is protected: unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.`,
    workbookProtected: () => 'The workbook structure is protected: no sheet can be added. Unprotect it and try again. Nothing was changed.',
    editMode: () => 'A cell is being edited: press Enter or Esc, then try again. Nothing was changed.',
    tooLarge: (p) => `The data is too large for Excel (${p.detail}). Select fewer rows or columns. Nothing was changed.`,
    sourceMissing: (p) => `The data "${p.source}" cannot be found: was it moved or deleted?`,
    emptySource: () => 'The selection is empty: select the table of channels, spend and revenue.',
    noLayout: () => 'No column of numbers was found: say which columns hold channels, spend and revenue.',
    badReference: (p) => `"${p.ref}" is not a valid cell reference.`,
    refInsideBlock: (p) => `"${p.ref}" is among the cells the pane writes on "${p.sheet}": the formula would read itself. Pick a cell outside that block. Nothing was changed.`,
    refSheetMissing: (p) => `"${p.ref}": the sheet "${p.sheet}" no longer exists. Pick another cell. Nothing was changed.`,
    badNumber: (p) => `"${p.field}": a number is expected.`,
    noMktFormula: () => 'The selected cell holds no MKT formula.',
    noHiringBlock: () => 'Loaded salary: enter it, or compute it first with the cost of a hire (the MKT_LOADED_SALARY block). Nothing was changed.',
    unsupported: () => 'This version of Excel cannot do this (ExcelApi 1.9 required).',
    unknown: (p) => `Excel refused the operation (${p.detail}). Nothing was changed.`,
  },
};

const list = (sheets: readonly string[], fr: boolean) => sheets.map((n) => (fr ? `« ${n} »` : `"${n}"`)).join(', ');

/** After a refused batch that had started to rewrite a sheet of the pane: what is not as it was. */
export const PARTIAL_REPLACE: Record<Language, (sheets: readonly string[]) => string> = {
  fr: (s) => `Attention : ce que le volet avait écrit dans ${list(s, true)} a pu être en partie effacé ou réécrit avant ce refus (vos propres cellules n’ont pas été touchées). Relancez l’action une fois le problème réglé pour le réécrire en entier. Les noms MKT et les autres feuilles sont comme avant.`,
  en: (s) => `Warning: what the pane had written in ${list(s, false)} may have been partly cleared or rewritten before this refusal (your own cells were not touched). Run the action again once the problem is solved to rewrite it in full. The MKT names and the other sheets are as they were.`,
};

/** After a refused batch whose undo Excel refused too. */
export const NOT_UNDONE: Record<Language, (sheets: readonly string[]) => string> = {
  fr: (s) => `Excel a aussi refusé l’annulation : vérifiez ${list(s, true)} et les noms MKT_ (Formules > Gestionnaire de noms).`,
  en: (s) => `Excel refused the undo too: check ${list(s, false)} and the MKT_ names (Formulas > Name Manager).`,
};

/** A failure message without its closing "nothing was changed", when that is not true. */
export function stripNothingChanged(message: string): string {
  return message.replace(/\s*(Rien n’a été modifié|Nothing was changed)\.\s*$/, '');
}

/** After a write that changed the MKT_PROFILE cell to the pane's profile. */
export const PROFILE_CHANGED: Record<Language, (from: string, to: string) => string> = {
  fr: (from, to) => `Le profil de budget (MKT_PROFILE) est passé de « ${from} » à « ${to} », le profil choisi dans le volet : MKT.BUDGET_TIER le suit.`,
  en: (from, to) => `The budget profile (MKT_PROFILE) changed from "${from}" to "${to}", the profile chosen in the pane: MKT.BUDGET_TIER follows it.`,
};

/** The bind check could not rewrite MKT cells left at #NAME? (French display, office-js issue 891). */
export const NOT_BOUND: Record<Language, (sheet: string) => string> = {
  fr: (sheet) => `Excel n’a pas reconnu certaines fonctions MKT écrites dans « ${sheet} » (#NOM?) : sélectionnez une de ces cellules, appuyez sur F2 puis Entrée, ou relancez l’écriture.`,
  en: (sheet) => `Excel did not recognise some MKT functions written in "${sheet}" (#NAME?): select one of those cells, press F2 then Enter, or run the write again.`,
};

export const CONFIRM_REPLACE: Record<Language, (sheets: string[]) => string> = {
  fr: (s) => `Remplacer ce que le volet a écrit dans ${s.map((n) => `« ${n} »`).join(', ')} ? Vos autres feuilles ne sont pas touchées.`,
  en: (s) => `Replace what the pane wrote in ${s.map((n) => `"${n}"`).join(', ')}? Your other sheets are not touched.`,
};

/** The question before "Retirer ce que MKT a écrit" (remove.ts). */
export const CONFIRM_REMOVE: Record<Language, (sheets: string[]) => string> = {
  fr: (s) =>
    `MKT retire ${s.length > 0 ? 'les feuilles ci-dessous et ' : ''}ses noms MKT_ du classeur. Une feuille où vous avez écrit vous-même est gardée\u00a0: seules les cellules de MKT y sont effacées. Vos autres feuilles et vos noms ne sont pas touchés.`,
  en: (s) =>
    `MKT removes ${s.length > 0 ? 'the sheets below and ' : ''}its MKT_ names from the workbook. A sheet where you wrote yourself is kept: only MKT's cells are cleared there. Your other sheets and names are not touched.`,
};

/** Sentences of the explanations (explain.ts). Numbers arrive already formatted. */
export interface ExplainStrings {
  revenue: (v: string) => string;
  spend: (v: string) => string;
  roiIs: (revenue: string, spend: string, ratio: string) => string;
  roiTarget: (low: string, high: string) => string;
  roiSummary: (ratio: string, band: string) => string;
  below: (ratio: string, low: string) => string;
  above: (ratio: string, high: string) => string;
  within: (ratio: string, low: string, high: string) => string;
  signalSummary: (score: number, decision: string) => string;
  s1: (hours: string, threshold: string, on: boolean) => string;
  s2: (share: string, threshold: string, on: boolean, zone: string) => string;
  s3: (on: boolean) => string;
  decisionRule: string;
  tipping: (low: string, high: string) => string;
  strong: (high: string) => string;
  off: string;
  thresholdsGiven: (hours: string, ratio: string) => string;
  feesSummary: (share: string, zone: string) => string;
  feesIs: (fees: string, salary: string, share: string) => string;
  zones: (low: string, strong: string) => string;
  breakeven: (fees: string) => string;
  breakevenIs: (salary: string, share: string, fees: string) => string;
  tierSummary: (budget: string, tier: string) => string;
  profile: (profile: string) => string;
  tiers: (partial: string, regular: string, full: string) => string;
  scale: (scale: string) => string;
  pilotThresholds: (months: string, expand: string, extend: string, roiFloor: string) => string;
  cap: (cap: string, capped: number) => string;
  contribution: (value: string, gains: boolean) => string;
  contributionIs: (revenue: string, margin: string, spend: string, value: string) => string;
  breakevenRoas: (ratio: string, roas: string, gains: boolean) => string;
  decisionSummary: (words: string, reason: string) => string;
  decisionInputs: (signal: string, tier: string, crossover: string | undefined, limit: string) => string;
  decisionReason: Record<'outsource' | 'prepare' | 'neverPaysBack' | 'paysBackTooLate' | 'hireLead' | 'hire', (tier: string, crossover: string, limit: string) => string>;
  tooEarly: (months: string, needed: number) => string;
  stop: string;
  expand: (kpi: string, needed: string, roi: string | undefined, roiNeeded: string) => string;
  extend: (kpi: string, needed: string) => string;
  takeBack: (kpi: string, needed: string) => string;
  pilotInputs: (months: string, kpi: string, reporting: boolean) => string;
  floor: (floor: string) => string;
  allocateSummary: (total: string, funded: number, cut: number) => string;
  allocateRule: string;
  ltv: (value: string) => string;
  ltvIs: (margin: string, retention: string, discount: string) => string;
  lever: (lever: string) => string;
  leverIs: (retention: string, acquisition: string) => string;
  label: (code: string, words: string) => string;
  error: (message: string) => string;
  notEvaluated: (id: string) => string;
}

const onOff = (lang: Language, on: boolean) => (lang === 'fr' ? (on ? 'allumé' : 'éteint') : on ? 'on' : 'off');

export const EXPLAIN: Record<Language, ExplainStrings> = {
  fr: {
    revenue: (v) => `Revenus : ${v} (somme des cellules)`,
    spend: (v) => `Dépenses : ${v} (somme des cellules)`,
    roiIs: (r, s, x) => `ROAS (CA ÷ dépense) = ${r} ÷ ${s} = ${x}`,
    roiTarget: (l, h) => `Cible : de ${l} à ${h} (« ratio de 3:1 à 5:1 pour chaque dollar investi »)`,
    roiSummary: (x, b) => `ROI de ${x} : ${b.toLowerCase()}.`,
    below: (x, l) => `${x} est sous le minimum de ${l}, canal à revoir ou à couper.`,
    above: (x, h) => `${x} dépasse ${h}.`,
    within: (x, l, h) => `${x} est entre ${l} et ${h}.`,
    signalSummary: (n, d) => `${n} ${n > 1 ? 'signaux' : 'signal'} sur 3 allumé${n > 1 ? 's' : ''} : ${d}.`,
    s1: (h, t, on) => `Complexité : ${h} h/semaine, seuil ${t} h → ${onOff('fr', on)}`,
    s2: (s, t, on, z) => `Masse critique : honoraires = ${s} du salaire chargé, seuil ${t} → ${onOff('fr', on)}${z ? ` (${z})` : ''}`,
    s3: (on) => `Culture data : besoin d’itération rapide → ${onOff('fr', on)}`,
    decisionRule: 'Règle : 2 ou 3 signaux → internaliser ; 1 → préparer la transition ; 0 → externaliser.',
    tipping: (l, h) => `zone de bascule, ${l} à ${h}`,
    strong: (h) => `signal fort, ${h} et plus`,
    off: 'sous le seuil',
    thresholdsGiven: (h, r) => `Seuils appliqués : ${h} h/semaine et ${r} du salaire chargé (ceux de l’article : 40 h et 60 %).`,
    feesSummary: (s, z) => `Les honoraires représentent ${s} du salaire chargé : ${z}.`,
    feesIs: (f, s, x) => `${f} ÷ ${s} = ${x}`,
    zones: (l, s) => `Signal allumé à partir de ${l} ; fort à partir de ${s}.`,
    breakeven: (f) => `Le signal de masse critique s’allume à ${f} d’honoraires par an.`,
    breakevenIs: (s, x, f) => `${s} × ${x} = ${f}`,
    tierSummary: (b, t) => `Budget mensuel de ${b} : ${t.toLowerCase()}.`,
    profile: (p) => `Profil : ${p}`,
    tiers: (p, r, f) => `Paliers : moins de ${p} interne ; ${p} à ${r} partiel ; ${r} à ${f} régulier ; au-delà de ${f} complet.`,
    scale: (x) => `Échelle : les seuils de l’article (en euros, marché français) × ${x}.`,
    pilotThresholds: (m, e, x, r) => `Seuils : pilote de ${m} mois ; étendre dès ${e} d’atteinte (et un ROI d’au moins ${r} s’il est donné) ; prolonger dès ${x}.`,
    cap: (c, n) => `Plafond : aucun canal ne reçoit plus de ${c} × ses dépenses${n > 0 ? ` ; ${n} ${n > 1 ? 'canaux plafonnés' : 'canal plafonné'}, leur surplus réparti entre les autres selon leur ROI` : ''}.`,
    contribution: (v, g) => `Contribution : ${v} ${g ? 'de marge après les dépenses' : 'de perte : la marge ne couvre pas les dépenses'}.`,
    contributionIs: (r, m, s, v) => `Revenus × taux de marge − dépenses = ${r} × ${m} − ${s} = ${v}`,
    breakevenRoas: (x, e, g) => `ROAS (CA ÷ dépense) de ${x}, ${g ? 'au-dessus' : 'en dessous'} du ROAS d’équilibre de ${e} (1 ÷ marge).`,
    decisionSummary: (w, r) => `${w} : ${r}`,
    decisionInputs: (s, t, c, l) => `Signaux : ${s} ; palier : ${t}${c === undefined ? ' ; coût du recrutement non calculé' : ` ; mois de bascule : ${c} (délai maximal ${l} mois)`}.`,
    decisionReason: {
      outsource: (t) => `aucun signal d’internalisation n’est allumé, le budget décide : ${t.toLowerCase()}.`,
      prepare: (t) => `un seul signal est allumé : continuer au palier « ${t.toLowerCase()} » et documenter les processus (Transfert) pour qu’un recrutement puisse reprendre.`,
      neverPaysBack: () => 'les signaux sont allumés, mais un recrutement ne devient jamais moins cher que l’externalisation : préparer la transition.',
      paysBackTooLate: (_t, c, l) => `les signaux sont allumés, mais un recrutement ne devient moins cher qu’au mois ${c}, au-delà de ${l} mois : préparer la transition.`,
      hireLead: () => 'les signaux sont allumés et le budget est au palier complet : un responsable interne, avec des spécialistes externes gardés pour le volume.',
      hire: () => 'les signaux sont allumés et un recrutement devient moins cher à temps : recruter en interne.',
    },
    tooEarly: (m, n) => `${m} mois écoulés sur ${n} : trop tôt pour juger.`,
    stop: 'Pas de reporting régulier : signal d’alarme, arrêter.',
    expand: (k, n, r, rn) => `Objectif atteint à ${k} (≥ ${n})${r ? ` et ROI de ${r} (≥ ${rn})` : ''} : étendre.`,
    extend: (k, n) => `Objectif atteint à ${k} (≥ ${n}) : prolonger.`,
    takeBack: (k, n) => `Objectif atteint à ${k} seulement (< ${n}) : reprendre en interne.`,
    pilotInputs: (m, k, r) => `Mois écoulés : ${m} ; atteinte : ${k} ; reporting : ${r ? 'oui' : 'non'}`,
    floor: (f) => `Plancher : un canal dont le ROI est sous ${f} ne reçoit rien.`,
    allocateSummary: (t, n, c) => `${t} répartis entre ${n} ${n > 1 ? 'canaux' : 'canal'} selon leur ROI ; ${c} ${c > 1 ? 'canaux coupés' : 'canal coupé'}.`,
    allocateRule: 'Les canaux retenus se partagent le budget en proportion de leur ROI.',
    ltv: (v) => `Valeur vie client : ${v}.`,
    ltvIs: (m, r, d) => `Marge par période ${m}, rétention ${r}, actualisation ${d}.`,
    lever: (l) => `Levier le plus rentable : ${l.toLowerCase()}.`,
    leverIs: (r, a) => `LTV:CAC avec +10 % de rétention : ${r} ; avec −10 % de coût d’acquisition : ${a}.`,
    label: (c, w) => `${c} se dit « ${w} ».`,
    error: (m) => `Erreur : ${m}.`,
    notEvaluated: (id) => `MKT.${id} : les arguments sont des calculs, sélectionnez les cellules qu’ils lisent pour le détail.`,
  },
  en: {
    revenue: (v) => `Revenue: ${v} (sum of the cells)`,
    spend: (v) => `Spend: ${v} (sum of the cells)`,
    roiIs: (r, s, x) => `ROAS (revenue ÷ spend) = ${r} ÷ ${s} = ${x}`,
    roiTarget: (l, h) => `Target: ${l} to ${h} ("a 3:1 to 5:1 ratio for each dollar invested")`,
    roiSummary: (x, b) => `ROI of ${x}: ${b.toLowerCase()}.`,
    below: (x, l) => `${x} is under the ${l} minimum, review or cut the channel.`,
    above: (x, h) => `${x} is over ${h}.`,
    within: (x, l, h) => `${x} is between ${l} and ${h}.`,
    signalSummary: (n, d) => `${n} of 3 signals on: ${d}.`,
    s1: (h, t, on) => `Complexity: ${h} h a week, threshold ${t} h → ${onOff('en', on)}`,
    s2: (s, t, on, z) => `Critical mass: fees = ${s} of the loaded salary, threshold ${t} → ${onOff('en', on)}${z ? ` (${z})` : ''}`,
    s3: (on) => `Data culture: need for fast iteration → ${onOff('en', on)}`,
    decisionRule: 'Rule: 2 or 3 signals → bring in-house; 1 → prepare the transition; 0 → outsource.',
    tipping: (l, h) => `tipping zone, ${l} to ${h}`,
    strong: (h) => `strong signal, ${h} and more`,
    off: 'below the threshold',
    thresholdsGiven: (h, r) => `Thresholds applied: ${h} h a week and ${r} of the loaded salary (the article's: 40 h and 60%).`,
    feesSummary: (s, z) => `Fees are ${s} of the loaded salary: ${z}.`,
    feesIs: (f, s, x) => `${f} ÷ ${s} = ${x}`,
    zones: (l, s) => `The signal is on from ${l}; strong from ${s}.`,
    breakeven: (f) => `The critical-mass signal turns on at ${f} of fees a year.`,
    breakevenIs: (s, x, f) => `${s} × ${x} = ${f}`,
    tierSummary: (b, t) => `Monthly budget of ${b}: ${t.toLowerCase()}.`,
    profile: (p) => `Profile: ${p}`,
    tiers: (p, r, f) => `Tiers: under ${p} in-house; ${p} to ${r} partial; ${r} to ${f} regular; over ${f} full.`,
    scale: (x) => `Scale: the article's thresholds (euros, French market) × ${x}.`,
    pilotThresholds: (m, e, x, r) => `Thresholds: a ${m}-month pilot; expand from ${e} achievement (and an ROI of at least ${r} when given); extend from ${x}.`,
    cap: (c, n) => `Cap: no channel gets more than ${c} × its spend${n > 0 ? `; ${n} channel${n === 1 ? '' : 's'} capped, the surplus shared among the others by ROI` : ''}.`,
    contribution: (v, g) => `Contribution: ${v} ${g ? 'of margin after the spend' : 'lost: the margin does not cover the spend'}.`,
    contributionIs: (r, m, s, v) => `Revenue × margin rate − spend = ${r} × ${m} − ${s} = ${v}`,
    breakevenRoas: (x, e, g) => `ROAS (revenue ÷ spend) of ${x}, ${g ? 'above' : 'below'} the break-even ROAS of ${e} (1 ÷ margin).`,
    decisionSummary: (w, r) => `${w}: ${r}`,
    decisionInputs: (s, t, c, l) => `Signals: ${s}; tier: ${t}${c === undefined ? '; cost of hiring not computed' : `; crossover month: ${c} (limit ${l} months)`}.`,
    decisionReason: {
      outsource: (t) => `no in-house signal is on, the budget decides: ${t.toLowerCase()}.`,
      prepare: (t) => `only one signal is on: go on at the "${t.toLowerCase()}" tier and document the processes (Handover) so that a hire can take over.`,
      neverPaysBack: () => 'the signals are on, but a hire never becomes cheaper than outsourcing: prepare the transition.',
      paysBackTooLate: (_t, c, l) => `the signals are on, but a hire only becomes cheaper in month ${c}, after ${l} months: prepare the transition.`,
      hireLead: () => 'the signals are on and the budget is at the full tier: an in-house lead, with outside specialists kept for volume.',
      hire: () => 'the signals are on and a hire becomes cheaper in time: hire in-house.',
    },
    tooEarly: (m, n) => `${m} of ${n} months elapsed: too early to judge.`,
    stop: 'No regular reporting: an alarm signal, stop.',
    expand: (k, n, r, rn) => `Target reached at ${k} (≥ ${n})${r ? ` with an ROI of ${r} (≥ ${rn})` : ''}: expand.`,
    extend: (k, n) => `Target reached at ${k} (≥ ${n}): extend.`,
    takeBack: (k, n) => `Target reached at only ${k} (< ${n}): take back in-house.`,
    pilotInputs: (m, k, r) => `Months elapsed: ${m}; achievement: ${k}; reporting: ${r ? 'yes' : 'no'}`,
    floor: (f) => `Floor: a channel whose ROI is under ${f} gets nothing.`,
    allocateSummary: (t, n, c) => `${t} shared between ${n} channel${n === 1 ? '' : 's'} by ROI; ${c} channel${c === 1 ? '' : 's'} cut.`,
    allocateRule: 'The channels kept share the budget in proportion to their ROI.',
    ltv: (v) => `Customer lifetime value: ${v}.`,
    ltvIs: (m, r, d) => `Margin per period ${m}, retention ${r}, discount ${d}.`,
    lever: (l) => `Most profitable lever: ${l.toLowerCase()}.`,
    leverIs: (r, a) => `LTV:CAC with retention +10%: ${r}; with acquisition cost −10%: ${a}.`,
    label: (c, w) => `${c} reads "${w}".`,
    error: (m) => `Error: ${m}.`,
    notEvaluated: (id) => `MKT.${id}: its arguments are calculations; select the cells they read for the detail.`,
  },
};
