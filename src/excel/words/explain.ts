/** Sentences of the explanations (src/excel/explain), fr/en. */
import type { Language } from '../../rules/labels';

/** Numbers arrive already formatted. */
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
