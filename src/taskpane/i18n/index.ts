/**
 * The task pane's words and number formats: language and market from Office's display language,
 * the string tables, and how amounts look in the pane and in the sheets the pane writes.
 */
import type { Language } from '../../rules/labels';
import { en, type StringKey } from './en';
import { fr } from './fr';
import { qc } from './qc';

export type { StringKey };
export type { Language };
export type Market = 'FR' | 'QC' | 'OTHER';
export type CurrencyCode = 'EUR' | 'CAD';

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: StringKey, params?: Params) => string;

const PLACEHOLDER = /\{(\w+)\}/g;
/** `{n|feuille|feuilles}`: the singular or the plural, by the number `n` stands for. */
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;

/** French takes the singular below 2 (0 and 1: « 0 feuille »), English for 1 only. */
export function isSingular(language: Language, n: number): boolean {
  return language === 'fr' ? Math.abs(n) < 2 : n === 1;
}

/** The string for a key in a language, Québec wording when the market is Québec and the pane speaks French. */
export function translate(language: Language, market: Market, key: StringKey, params: Params = {}): string {
  return fillTemplate(language, (language === 'fr' && market === 'QC' ? qc[key] : undefined) ?? (language === 'fr' ? fr : en)[key], params);
}

/** A template's placeholders and plurals filled (a table of a chunk of its own uses it too). */
export function fillTemplate(language: Language, template: string, params: Params = {}): string {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return template
    .replace(PLURAL, (whole, name: string, one: string, many: string) => (has(name) ? (isSingular(language, Number(params[name])) ? one : many) : whole))
    .replace(PLACEHOLDER, (whole, name: string) => (has(name) ? String(params[name]) : whole));
}

/** fr or en from a locale tag (Office.context.displayLanguage, e.g. "fr-CA"); French when unknown. */
export function toLanguage(tag: string | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'fr';
}

/** The default market for a locale tag: Canada → Québec (CAD), French elsewhere → France (EUR), else other. */
export function toMarket(tag: string | undefined): Market {
  const [primary, region] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (region === 'ca') return 'QC';
  if (primary === 'fr' || primary === '') return 'FR';
  return 'OTHER';
}

export function currencyOf(market: Market): CurrencyCode | undefined {
  if (market === 'FR') return 'EUR';
  if (market === 'QC') return 'CAD';
  return undefined;
}

/** The Intl locale the pane formats numbers with. */
export function intlLocale(language: Language, market: Market): string {
  if (market === 'QC') return language === 'fr' ? 'fr-CA' : 'en-CA';
  if (market === 'FR') return language === 'fr' ? 'fr-FR' : 'en-IE';
  return language === 'fr' ? 'fr-FR' : 'en-US';
}

/**
 * The Excel number format (en-US format codes, as Range.numberFormat expects) for the amounts
 * the pane writes: euros after the number for France, Canadian dollars in the Québec style.
 */
export function excelCurrencyFormat(language: Language, market: Market): string {
  if (market === 'FR') return '#,##0.00 [$€-40C]';
  if (market === 'QC') return language === 'fr' ? '#,##0.00 [$$-C0C]' : '[$$-1009]#,##0.00';
  return '#,##0.00';
}

export interface Formats {
  /** An amount in the market's currency. */
  amount(value: number): string;
  /** A plain number. */
  number(value: number, maxDecimals?: number): string;
  /** A rate as a percent: 0.6 → "60 %". */
  percent(value: number): string;
  /** Weekly hours: 40 → "40 h". */
  hours(value: number): string;
}

export function formatsFor(language: Language, market: Market): Formats {
  const locale = intlLocale(language, market);
  const currency = currencyOf(market);
  const amount = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    amount: (value) => amount.format(value),
    number: (value, maxDecimals = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }).format(value),
    percent: (value) => percent.format(value),
    hours: (value) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} h`,
  };
}
