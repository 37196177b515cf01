/**
 * The words people put in budget sheets, French (France, Québec) and English, and what they say.
 * Matching is done on normalised text: lower case, accents and punctuation removed.
 */

/** Lower case, accents and punctuation removed, words separated by one space. */
export function normalise(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** A channel's name as compared: trimmed, spaces collapsed, case ignored. */
export function channelKey(name: string): string {
  return name.replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLocaleLowerCase('fr');
}

/** What a header or a line word says. */
export type Word = 'channel' | 'spend' | 'actual' | 'plan' | 'revenue' | 'total' | 'subtotal' | 'ratio' | 'month' | 'other';

const RATIO = /\b(roi|roas|ratios?|taux|rates?|marges?|margins?|cpa|cac|cpl|cpc|cpm|rendements?|ecarts?|variances?|delta|positions?|en clair|ltv|%)\b|\b(couts?|costs?|depenses?|spend) (par|per|moyen|moyens|average)\b/;
const SUBTOTAL = /^(sous total|subtotal|sub total)\b/;
const TOTAL = /^(total|totaux|totals|grand total|somme|sum|ensemble|cumul|ytd)\b|^(montant )?(total|totaux)$/;
const PLAN = /\b(prevus?|prevues?|previsions?|previsionnels?|plan|planned|planifies?|objectifs?|targets?|forecasts?|budgete|budgeted)\b|^budgets?$|^budget (annuel|mensuel|prevu|initial)\b/;
const ACTUAL = /\b(reels?|reelles?|realises?|actuals?|effectifs?)\b/;
const SPEND = /\b(depenses?|dep|couts?|investissements?|investis?|invest|spend|spending|spent|costs?|frais)\b/;
const REVENUE = /(^| )(ca|c a|chiffres? d affaires|ventes?|revenus?|revenues?|sales|recettes?|incomes?|turnover)( |$)/;
const CHANNEL = /^(canal|canaux|channels?|sources?|leviers?|medias?|supports?|campagnes?|campaigns?|postes?|actions?)\b/;
const MONTH_WORD = /^(mois|month|months|date|periode|period)\b/;

/** What a header (a column's title) or a line word (Prévu, Réel, CA attribué) says. */
export function wordOf(value: unknown): Word {
  const raw = typeof value === 'string' ? value : '';
  const text = normalise(raw);
  if (!text) return 'other';
  if (/÷/.test(raw)) return 'ratio';
  if (SUBTOTAL.test(text)) return 'subtotal';
  if (TOTAL.test(text)) return 'total';
  if (RATIO.test(text)) return 'ratio';
  const spend = SPEND.test(text);
  const revenue = REVENUE.test(text);
  if (spend && revenue) return 'other'; // "CA / dépenses": a ratio or a mix, never one of them
  if (ACTUAL.test(text) && !revenue) return 'actual'; // "Réel", "Budget réel", "Coût réel"
  if (PLAN.test(text)) return 'plan';
  if (spend) return 'spend';
  if (revenue) return 'revenue';
  if (CHANNEL.test(text)) return 'channel';
  if (MONTH_WORD.test(text)) return 'month';
  return 'other';
}

/** The role a word gives a measure: actual spend and spend are the same thing. */
export function measureOf(word: Word): 'spend' | 'revenue' | 'plan' | undefined {
  return word === 'spend' || word === 'actual' ? 'spend' : word === 'revenue' ? 'revenue' : word === 'plan' ? 'plan' : undefined;
}

/** Month tokens, French and English, without accents. */
const MONTHS: ReadonlyArray<RegExp> = [
  /^(janvier|janv|jan|january)$/,
  /^(fevrier|fevr|fev|february|feb)$/,
  /^(mars|mar|march)$/,
  /^(avril|avr|april|apr)$/,
  /^(mai|may)$/,
  /^(juin|june|jun)$/,
  /^(juillet|juil|july|jul)$/,
  /^(aout|august|aug)$/,
  /^(septembre|sept|sep|september)$/,
  /^(octobre|oct|october)$/,
  /^(novembre|nov|november)$/,
  /^(decembre|dec|december)$/,
];

/** Serial numbers of 2000-01-01 and 2100-01-01: a number between them in a month column is a date. */
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73051;

/** Year and month (0–11) of an Excel date serial. */
function serialMonth(serial: number): { year: number; month: number } {
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

/** A month read from a cell: its index 0–11, and a sortable key when the year is known. */
export interface MonthOf {
  month: number;
  /** year × 12 + month when the year is known, else the month alone. */
  key: number;
  label: string;
}

/**
 * The month a cell names: "janv.", "Janvier 2025", "Jan-25", "2025-01", "01/2025", "M3", or a date.
 * @example monthOf('févr. 2025') //=> { month: 1, key: 24301, label: 'févr. 2025' }
 */
export function monthOf(value: unknown, { dates = true }: { dates?: boolean } = {}): MonthOf | undefined {
  if (typeof value === 'number') {
    if (!dates || !Number.isFinite(value) || value < SERIAL_2000 || value > SERIAL_2100) return undefined;
    const { year, month } = serialMonth(value);
    return { month, key: year * 12 + month, label: `${year}-${String(month + 1).padStart(2, '0')}` };
  }
  if (typeof value !== 'string') return undefined;
  const label = value.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$/.exec(label) ?? undefined;
  if (iso && +iso[2] >= 1 && +iso[2] <= 12) return { month: +iso[2] - 1, key: +iso[1] * 12 + +iso[2] - 1, label };
  const dmy = /^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$/.exec(label);
  if (dmy && +dmy[2] >= 1 && +dmy[2] <= 12) return { month: +dmy[2] - 1, key: +dmy[3] * 12 + +dmy[2] - 1, label };
  const tokens = normalise(label).split(' ').filter(Boolean);
  if (tokens.length === 0 || tokens.length > 3) return undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const token of tokens) {
    const m = MONTHS.findIndex((words) => words.test(token));
    const numbered = /^m(\d{1,2})$/.exec(token);
    if (m >= 0 && month === undefined) month = m;
    else if (numbered && +numbered[1] >= 1 && +numbered[1] <= 12 && month === undefined) month = +numbered[1] - 1;
    else if (/^(19|20)\d\d$/.test(token)) year = +token;
    else if (/^\d\d$/.test(token) && month !== undefined) year = 2000 + +token;
    else if (measureOf(wordOf(token))) continue; // "Dép. janv", "CA mars": the measure is read apart
    else return undefined; // "Mars Attacks", "Total mai": not a month header
  }
  if (month === undefined) return undefined;
  // "Dép. janv" is labelled "janv": the measure word is not part of the period.
  const named = label.split(/\s+/).filter((part) => !measureOf(wordOf(part))).join(' ');
  return { month, key: year === undefined ? month : year * 12 + month, label: named || label };
}

/** A name that ends a table: a total or subtotal line. */
export function totalOf(name: string): 'total' | 'subtotal' | undefined {
  const w = wordOf(name);
  return w === 'total' || w === 'subtotal' ? w : undefined;
}

/** What a header says once a leading "Total" is set aside ("Total dépenses" → spend), for one-total-per-channel columns. */
export function wordBesideTotal(value: unknown): Word {
  const w = wordOf(value);
  if (w !== 'total' || typeof value !== 'string') return w;
  const rest = value.replace(/^\s*(grand\s+)?(total(e?s?)?|totaux|somme|sum|cumul)\b[\s:.-]*/i, '');
  return rest && rest !== value ? wordOf(rest) : w;
}
