/**
 * Reading what a user types into the pane's fields. Each reader returns the number or an issue;
 * the issue is turned into words at render time, so switching language re-words it. Issues
 * reuse the functions' own messages (src/i18n/messages.ts) where one fits, so the pane and
 * `=MKT.…` say the same thing ("enter 80% or 0.8, not 80").
 */
import { checkNonNegative, checkRate, type MessageKey, type MessageParams } from '../../rules/errors';
import type { Language } from '../../rules/labels';
import { HOURS_IN_A_WEEK } from '../../rules/signals';
import { MAX_KPI_ACHIEVEMENT } from '../../rules/pilot';
import { formatMessage } from '../../i18n/messages';
import type { StringKey, Translate } from '../i18n';

export type Issue =
  | { readonly from: 'rule'; readonly key: MessageKey; readonly params: MessageParams }
  | { readonly from: 'pane'; readonly key: StringKey };

export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: Issue };

/**
 * amount: money, ≥ 0. hours: weekly hours, 0–168. achievement: a KPI achievement (1 = 100 %),
 * typed as 0.85 or 85 %, at most 10 like MKT.PILOT_VERDICT. ratio: an ROI ratio, ≥ 0. count: ≥ 0.
 * rate: a rate from 0 to 1, typed as 0.45 or 45 % (45 gets "enter 45% or 0.45"), like MKT.OPTIMAL_SPEND's margin.
 */
export type FieldKind = 'amount' | 'hours' | 'achievement' | 'ratio' | 'count' | 'rate';

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const fail = (issue: Issue): Reading<never> => ({ ok: false, issue });
const ruleIssue = (key: MessageKey, params: MessageParams = {}): Issue => ({ from: 'rule', key, params });

const SPACES = /[\s\u00a0\u202f]/g;
const CURRENCY = /^[€$]|(?:\$\s*CA|CA\s*\$|[€$])$/i;
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number as people type it: spaces as thousands separators, a decimal comma in French, a
 * thousands comma in English, an optional currency sign. Returns undefined for anything else
 * (including "1e5", which nobody means as an amount).
 */
export function toNumber(text: string, language: Language): number | undefined {
  let t = text.replace(SPACES, '').replace(CURRENCY, '');
  if (t === '') return undefined;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (comma >= 0) {
    t = language === 'fr' || !/^-?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(',', '.') : t.replace(/,/g, '');
  }
  return PLAIN_NUMBER.test(t) ? Number(t) : undefined;
}

/** Reads one field. Empty text gives undefined value (the caller decides whether it is required). */
export function readField(kind: FieldKind, text: string, language: Language): Reading<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(undefined);
  const isPercent = (kind === 'achievement' || kind === 'rate') && /%\s*$/.test(trimmed);
  const n = toNumber(isPercent ? trimmed.replace(/%\s*$/, '') : trimmed, language);
  if (n === undefined) return fail(ruleIssue('notANumber'));
  const value = isPercent ? n / 100 : n;
  const negative = checkNonNegative('value', value);
  if (negative) return fail(ruleIssue(negative.key));
  if (kind === 'hours' && value > HOURS_IN_A_WEEK) return fail(ruleIssue('hoursRange', { max: HOURS_IN_A_WEEK }));
  if (kind === 'rate') {
    const bad = checkRate('value', value);
    if (bad) return fail(ruleIssue(bad.key, bad.params));
  }
  if (kind === 'achievement' && value > MAX_KPI_ACHIEVEMENT) {
    return fail(ruleIssue('rateAsPercent', { typed: n, asRate: n / 100 }));
  }
  return ok(value);
}

/** The words for an issue about the field labelled `label`. */
export function describeIssue(issue: Issue, label: string, language: Language, t: Translate): string {
  if (issue.from === 'rule') return formatMessage(issue.key, { ...issue.params, arg: label }, language);
  return t(issue.key, { field: label });
}
