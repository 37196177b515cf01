/**
 * Words for the decision codes (docs/RULES.md §6). Codes stay English and stable; words are fr or en.
 */
import { invalid, Result } from './errors';

export type Language = 'fr' | 'en';

export const CODE_LABELS = {
  INTERNALISE: { fr: 'Internaliser', en: 'Bring in-house' },
  PREPARE: { fr: 'Préparer la transition', en: 'Prepare the transition' },
  OUTSOURCE: { fr: 'Externaliser', en: 'Outsource' },
  BELOW: { fr: 'Sous la cible', en: 'Below target' },
  TARGET: { fr: 'Dans la cible', en: 'On target' },
  ABOVE: { fr: 'Au-dessus de la cible', en: 'Above target' },
  IN_HOUSE: { fr: 'Interne', en: 'In-house' },
  PARTIAL: { fr: 'Externalisation partielle', en: 'Partial outsourcing' },
  REGULAR: { fr: 'Externalisation régulière', en: 'Regular outsourcing' },
  FULL: { fr: 'Externalisation complète', en: 'Full outsourcing' },
  RETENTION: { fr: 'Rétention', en: 'Retention' },
  ACQUISITION: { fr: 'Acquisition', en: 'Acquisition' },
  TOO_EARLY: { fr: 'Trop tôt', en: 'Too early' },
  STOP: { fr: 'Arrêter', en: 'Stop' },
  EXPAND: { fr: 'Étendre', en: 'Expand' },
  EXTEND: { fr: 'Prolonger', en: 'Extend' },
  TAKE_BACK: { fr: 'Reprendre en interne', en: 'Take back in-house' },
  CURVE: { fr: 'Courbe à rendement décroissant', en: 'Diminishing-returns curve' },
  LINEAR: { fr: 'Rendement constant (ratio moyen)', en: 'Constant return (average ratio)' },
} as const satisfies Record<string, Record<Language, string>>;

export type DecisionCode = keyof typeof CODE_LABELS;
export const DECISION_CODES = Object.keys(CODE_LABELS) as DecisionCode[];

/** Reads a language: fr or en, also as a locale tag (fr-CA, en-US), trimmed and case-insensitive. */
export function parseLanguage(text: string): Result<Language> {
  const tag = text.trim().toLowerCase();
  const primary = tag.slice(0, 2);
  if ((primary === 'fr' || primary === 'en') && (tag.length === 2 || tag[2] === '-' || tag[2] === '_')) return primary;
  return invalid('unknownLanguage', { arg: 'lang', valid: 'fr, en' });
}

export function labelOf(code: string, language: Language = 'fr'): Result<string> {
  const key = code.trim().toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(CODE_LABELS, key)) {
    return invalid('unknownCode', { arg: 'code', value: code.trim().slice(0, 40) });
  }
  return CODE_LABELS[key as DecisionCode][language];
}
