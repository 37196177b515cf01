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
