/**
 * Every message the functions show, in French and English. Excel shows a message only on
 * #VALUE! and #N/A; the others are kept for the task pane's explanations.
 */
import type { Language } from '../rules/labels';
import type { MessageKey, MessageParams } from '../rules/errors';

type Template = (p: MessageParams, n: (v: string | number | undefined) => string) => string;

const MESSAGES: Record<Language, Record<MessageKey, Template>> = {
  fr: {
    notANumber: (p) => `${p.arg} : un nombre est attendu`,
    notOneValue: (p) => `${p.arg} : une seule valeur est attendue, pas une plage`,
    negative: (p) => `${p.arg} : un montant ou un nombre positif ou nul est attendu`,
    hoursRange: (p, n) => `${p.arg} : entre 0 et ${n(p.max)} heures par semaine`,
    rateAsPercent: (p, n) => `${p.arg} : saisissez ${n(p.typed)} % ou ${n(p.asRate)}, pas ${n(p.typed)}`,
    rateRange: (p, n) => `${p.arg} : un taux entre ${n(p.min)} et ${n(p.max)} est attendu (80 % = 0,8)`,
    yesNo: (p) => `${p.arg} : VRAI/FAUX, oui/non ou 1/0 est attendu`,
    unknownProfile: (p) => `${p.arg} : profil inconnu ; profils valides : ${p.valid}`,
    unknownCode: (p) => `${p.arg} : code inconnu « ${p.value} »`,
    unknownLanguage: (p) => `${p.arg} : langue inconnue ; langues valides : ${p.valid}`,
    lowAboveHigh: (p, n) => `low (${n(p.low)}) doit être inférieur ou égal à high (${n(p.high)})`,
    rangeSizes: (p) =>
      `spend_range (${p.spendCells} cellules) et revenue_range (${p.revenueCells} cellules) doivent avoir la même taille`,
    noChannelAtFloor: (p, n) => `aucun canal n'atteint le plancher de ROI de ${n(p.floor)}:1`,
    divisionByZero: (p) => `${p.arg} : division par zéro`,
    infiniteLifetime: (p) => `${p.arg} : un client gardé pour toujours a une valeur infinie`,
    notFinite: (p) => `${p.arg} : le résultat n'est pas un nombre fini`,
    notText: (p) => `${p.arg} : un texte est attendu`,
  },
  en: {
    notANumber: (p) => `${p.arg}: a number is expected`,
    notOneValue: (p) => `${p.arg}: one value is expected, not a range`,
    negative: (p) => `${p.arg}: an amount or count of 0 or more is expected`,
    hoursRange: (p, n) => `${p.arg}: between 0 and ${n(p.max)} hours a week`,
    rateAsPercent: (p, n) => `${p.arg}: enter ${n(p.typed)}% or ${n(p.asRate)}, not ${n(p.typed)}`,
    rateRange: (p, n) => `${p.arg}: a rate between ${n(p.min)} and ${n(p.max)} is expected (80% = 0.8)`,
    yesNo: (p) => `${p.arg}: TRUE/FALSE, yes/no or 1/0 is expected`,
    unknownProfile: (p) => `${p.arg}: unknown profile; valid profiles: ${p.valid}`,
    unknownCode: (p) => `${p.arg}: unknown code "${p.value}"`,
    unknownLanguage: (p) => `${p.arg}: unknown language; valid languages: ${p.valid}`,
    lowAboveHigh: (p, n) => `low (${n(p.low)}) must be less than or equal to high (${n(p.high)})`,
    rangeSizes: (p) =>
      `spend_range (${p.spendCells} cells) and revenue_range (${p.revenueCells} cells) must be the same size`,
    noChannelAtFloor: (p, n) => `no channel reaches the ROI floor of ${n(p.floor)}:1`,
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

export function formatMessage(key: MessageKey, params: MessageParams, language: Language): string {
  return MESSAGES[language][key](params, numberFormatter(language));
}

export const MESSAGE_KEYS = Object.keys(MESSAGES.en) as MessageKey[];
