/**
 * Every message the functions show, in French and English. Excel shows a message only on
 * #VALUE! and #N/A; the others are kept for the task pane's explanations.
 */
import type { Language } from '../rules/labels';
import type { MessageKey, MessageParams } from '../rules/errors';
import { FRENCH_ARGUMENT_NAMES } from './argument-names';

type Template = (p: MessageParams, n: (v: string | number | undefined) => string) => string;

const FR_BOUNDS: Record<string, string> = {
  closed: 'un taux de 0 à 1 est attendu (80 % = 0,8)',
  lowOpen: 'un taux supérieur à 0 et au plus 1 est attendu (60 % = 0,6)',
  highOpen: 'un taux de 0 à moins de 1 est attendu (10 % = 0,1)',
};
const EN_BOUNDS: Record<string, string> = {
  closed: 'a rate from 0 to 1 is expected (80% = 0.8)',
  lowOpen: 'a rate above 0 and at most 1 is expected (60% = 0.6)',
  highOpen: 'a rate from 0 to less than 1 is expected (10% = 0.1)',
};

const MESSAGES: Record<Language, Record<MessageKey, Template>> = {
  fr: {
    notANumber: (p) => `${p.arg} : un nombre est attendu`,
    ambiguousComma: (p, n) => `${p.arg} : « ${p.text} » se lit ${n(p.thousands)} en anglais et ${n(p.decimal)} en français ; saisissez ${n(p.thousands)} ou ${n(p.decimal)}`,
    notOneValue: (p) => `${p.arg} : une seule valeur est attendue, pas une plage`,
    negative: (p) => `${p.arg} : une valeur positive ou nulle est attendue`,
    hoursRange: (p, n) => `${p.arg} : entre 0 et ${n(p.max)} heures par semaine`,
    rateAsPercent: (p, n) => `${p.arg} : saisissez ${n(p.typed)} % ou ${n(p.asRate)}, pas ${n(p.typed)}`,
    rateRange: (p) => `${p.arg} : ${FR_BOUNDS[p.bounds] ?? FR_BOUNDS.closed}`,
    yesNo: (p) => `${p.arg} : VRAI/FAUX, oui/non ou 1/0 est attendu`,
    unknownProfile: (p) => `${p.arg} : profil inconnu ; profils valides : ${p.valid}`,
    unknownCode: (p) => `${p.arg} : code inconnu « ${p.value} »`,
    unknownLanguage: (p) => `${p.arg} : langue inconnue ; langues valides : ${p.valid}`,
    lowAboveHigh: (p, n) => `bas (${n(p.low)}) doit être inférieur ou égal à haut (${n(p.high)})`,
    rangeSizes: (p) =>
      `plage_dépenses (${p.spendCells} cellules) et plage_revenus (${p.revenueCells} cellules) doivent avoir la même taille`,
    noChannelAtFloor: (p, n) => `aucun canal n'atteint le plancher de ROI de ${n(p.floor)}:1`,
    noReturnToShare: (p, n) => `les canaux au plancher de ${n(p.floor)}:1 n'ont rien rapporté : aucun rendement à répartir`,
    divisionByZero: (p) => `${p.arg} : division par zéro`,
    infiniteLifetime: (p) => `${p.arg} : un client gardé pour toujours a une valeur infinie`,
    notFinite: (p) => `${p.arg} : le résultat n'est pas un nombre fini`,
    notText: (p) => `${p.arg} : un texte est attendu`,
    monthCounts: (p) =>
      `dépenses (${p.spendCells} cellules) et revenus (${p.revenueCells} cellules) doivent avoir le même nombre de cellules`,
    noMonthCounted: () => 'aucun mois avec des dépenses et des revenus supérieurs à 0',
    historyShapes: (p) =>
      `historique_dépenses (${p.spendShape}) et historique_revenus (${p.revenueShape}) doivent avoir la même forme : une ligne par canal, une cellule par mois`,
    capBelowOne: (p, n) => `${p.arg} : 1 ou plus est attendu (1,5 = 150 % du meilleur mois), pas ${n(p.cap)}`,
    budgetAboveCeilings: (p, n) =>
      `le budget (${n(p.budget)}) dépasse ${n(p.cap)} × le meilleur mois de chaque canal (${n(p.ceilings)} au total)`,
    fitNumbers: (p) => `${p.arg} : une plage dont les deux premiers nombres sont a et b est attendue (une ligne de MKT.COURBE_REPONSE)`,
    fitBounds: (p) => `${p.arg} : a ≥ 0 et 0 < b ≤ 1 sont attendus (une ligne de MKT.COURBE_REPONSE)`,
    firstUnitUnbounded: (p) => `${p.arg} : à 0, le rendement de la première unité d'une courbe est sans borne`,
    constantReturns: (p) => `${p.arg} : à rendement constant (b = 1), il n'y a pas de dépense optimale finie`,
    numberRange: (p, n) => `${p.arg} : un nombre de ${n(p.min)} à ${n(p.max)} est attendu`,
    numberAtLeast: (p, n) => `${p.arg} : un nombre de ${n(p.min)} ou plus est attendu`,
    notPositive: (p) => `${p.arg} : un nombre supérieur à 0 est attendu (1 = les seuils de l'article)`,
    pilotThresholds: (p, n) =>
      `seuil_prolonger (${n(p.extend)}) doit être supérieur à 0 et au plus seuil_étendre (${n(p.expand)}), lui-même au plus ${n(p.max)}`,
    allocateCapBelowOne: (p, n) => `${p.arg} : 1 ou plus est attendu (1,5 = 150 % des dépenses du canal), pas ${n(p.cap)}`,
    budgetAboveCaps: (p, n) =>
      `le budget (${n(p.budget)}) dépasse ${n(p.cap)} × les dépenses des canaux retenus (${n(p.ceilings)} au total)`,
  },
  en: {
    notANumber: (p) => `${p.arg}: a number is expected`,
    ambiguousComma: (p, n) => `${p.arg}: "${p.text}" reads ${n(p.thousands)} in English and ${n(p.decimal)} in French; enter ${n(p.thousands)} or ${n(p.decimal)}`,
    notOneValue: (p) => `${p.arg}: one value is expected, not a range`,
    negative: (p) => `${p.arg}: 0 or more is expected`,
    hoursRange: (p, n) => `${p.arg}: between 0 and ${n(p.max)} hours a week`,
    rateAsPercent: (p, n) => `${p.arg}: enter ${n(p.typed)}% or ${n(p.asRate)}, not ${n(p.typed)}`,
    rateRange: (p) => `${p.arg}: ${EN_BOUNDS[p.bounds] ?? EN_BOUNDS.closed}`,
    yesNo: (p) => `${p.arg}: TRUE/FALSE, yes/no or 1/0 is expected`,
    unknownProfile: (p) => `${p.arg}: unknown profile; valid profiles: ${p.valid}`,
    unknownCode: (p) => `${p.arg}: unknown code "${p.value}"`,
    unknownLanguage: (p) => `${p.arg}: unknown language; valid languages: ${p.valid}`,
    lowAboveHigh: (p, n) => `low (${n(p.low)}) must be less than or equal to high (${n(p.high)})`,
    rangeSizes: (p) =>
      `spend_range (${p.spendCells} cells) and revenue_range (${p.revenueCells} cells) must be the same size`,
    noChannelAtFloor: (p, n) => `no channel reaches the ROI floor of ${n(p.floor)}:1`,
    noReturnToShare: (p, n) => `the channels at the ${n(p.floor)}:1 floor returned nothing: no return to share by`,
    divisionByZero: (p) => `${p.arg}: division by zero`,
    infiniteLifetime: (p) => `${p.arg}: a customer kept forever has an infinite value`,
    notFinite: (p) => `${p.arg}: the result is not a finite number`,
    notText: (p) => `${p.arg}: a text is expected`,
    monthCounts: (p) =>
      `spend (${p.spendCells} cells) and revenue (${p.revenueCells} cells) must have the same number of cells`,
    noMonthCounted: () => 'no month with both spend and revenue above 0',
    historyShapes: (p) =>
      `spend_history (${p.spendShape}) and revenue_history (${p.revenueShape}) must have the same shape: one row per channel, one cell per month`,
    capBelowOne: (p, n) => `${p.arg}: 1 or more is expected (1.5 = 150% of the best month), not ${n(p.cap)}`,
    budgetAboveCeilings: (p, n) =>
      `the budget (${n(p.budget)}) is more than ${n(p.cap)} × the best month of every channel (${n(p.ceilings)} in all)`,
    fitNumbers: (p) => `${p.arg}: a range whose first two numbers are a and b is expected (a row of MKT.RESPONSE_FIT)`,
    fitBounds: (p) => `${p.arg}: a ≥ 0 and 0 < b ≤ 1 are expected (a row of MKT.RESPONSE_FIT)`,
    firstUnitUnbounded: (p) => `${p.arg}: at 0, the first unit's return on a curve is unbounded`,
    constantReturns: (p) => `${p.arg}: at constant return (b = 1) there is no finite optimal spend`,
    numberRange: (p, n) => `${p.arg}: a number from ${n(p.min)} to ${n(p.max)} is expected`,
    numberAtLeast: (p, n) => `${p.arg}: a number of ${n(p.min)} or more is expected`,
    notPositive: (p) => `${p.arg}: a number above 0 is expected (1 = the article's thresholds)`,
    pilotThresholds: (p, n) =>
      `extend_at (${n(p.extend)}) must be above 0 and at most expand_at (${n(p.expand)}), itself at most ${n(p.max)}`,
    allocateCapBelowOne: (p, n) => `${p.arg}: 1 or more is expected (1.5 = 150% of the channel's spend), not ${n(p.cap)}`,
    budgetAboveCaps: (p, n) =>
      `the budget (${n(p.budget)}) is more than ${n(p.cap)} × what the kept channels spent (${n(p.ceilings)} in all)`,
  },
};

function numberFormatter(language: Language): (v: string | number | undefined) => string {
  return (v) => {
    if (typeof v !== 'number') return String(v ?? '');
    const text = String(Number(v.toPrecision(12)));
    return language === 'fr' ? text.replace('.', ',') : text;
  };
}

/** The message in the language; in French the argument is named as French Excel shows it. */
export function formatMessage(key: MessageKey, params: MessageParams, language: Language): string {
  const arg = typeof params.arg === 'string' && language === 'fr' ? FRENCH_ARGUMENT_NAMES[params.arg] : undefined;
  return MESSAGES[language][key](arg ? { ...params, arg } : params, numberFormatter(language));
}

export const MESSAGE_KEYS = Object.keys(MESSAGES.en) as MessageKey[];
