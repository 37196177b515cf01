/**
 * Words for the decision codes (docs/RULES.md §6). Codes stay English and stable; words are fr,
 * fr-CA (fr except where Québec says it otherwise) or en.
 */
import { invalid, Result } from './errors';

export type Language = 'fr' | 'en';
/** LABEL's languages: fr-CA is French with Québec's words where they differ. */
export type LabelLanguage = Language | 'fr-CA';

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
  HIRE: { fr: 'Recruter en interne', en: 'Hire in-house' },
  HIRE_LEAD: { fr: 'Recruter un responsable, garder des spécialistes externes', en: 'Hire a lead, keep outside specialists' },
} as const satisfies Record<string, Record<Language, string>>;

/** Québec's words where they differ from France's (seed 000 speaks of "impartition marketing"). */
export const QUEBEC_LABELS: Readonly<Partial<Record<keyof typeof CODE_LABELS, string>>> = {
  OUTSOURCE: 'Impartir',
  PARTIAL: 'Impartition partielle',
  REGULAR: 'Impartition régulière',
  FULL: 'Impartition complète',
};

export type DecisionCode = keyof typeof CODE_LABELS;
export const DECISION_CODES = Object.keys(CODE_LABELS) as DecisionCode[];

/**
 * Reads a language, trimmed and case-insensitive: fr-CA (fr_CA, qc) for Québec, else fr or en,
 * also as a locale tag (fr-FR, en-US).
 */
export function parseLanguage(text: string): Result<LabelLanguage> {
  const tag = text.trim().toLowerCase();
  if (tag === 'qc' || tag === 'fr-ca' || tag === 'fr_ca') return 'fr-CA';
  const primary = tag.slice(0, 2);
  if ((primary === 'fr' || primary === 'en') && (tag.length === 2 || tag[2] === '-' || tag[2] === '_')) return primary;
  return invalid('unknownLanguage', { arg: 'lang', valid: 'fr, fr-CA, qc, en' });
}

export function labelOf(code: string, language: LabelLanguage = 'fr'): Result<string> {
  const key = code.trim().toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(CODE_LABELS, key)) {
    return invalid('unknownCode', { arg: 'code', value: code.trim().slice(0, 40) });
  }
  const words = CODE_LABELS[key as DecisionCode];
  if (language === 'fr-CA') return QUEBEC_LABELS[key as DecisionCode] ?? words.fr;
  return words[language];
}
