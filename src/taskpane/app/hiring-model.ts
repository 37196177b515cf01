/**
 * The hiring-cost panel's model (RULES.md §8), pure: the form as the owner typed it, its readings,
 * what the rules compute from it (the loaded salary and its lines, the monthly cost in-house, the
 * crossover month, the two cumulative paths) and the input of `writeHiringCost`. No Office.js.
 */
import {
  costPaths,
  crossoverMonth,
  DEFAULT_MONTHS_TO_HIRE,
  DEFAULT_RAMP_MONTHS,
  DEFAULT_RAMP_START,
  FR_DEFAULT_HEADCOUNT,
  FR_KNOWN_YEARS,
  inhouseMonthly,
  isRuleError,
  loadedSalaryFrLines,
  loadedSalaryQcLines,
  QC_KNOWN_YEARS,
  WEEKS_PER_MONTH,
  type CostPathRow,
  type LoadedSalaryBreakdown,
} from '../../rules';
import { FR_2025 } from '../../rules/rates/fr-2025';
import { FR_2026 } from '../../rules/rates/fr-2026';
import { QC_2026 } from '../../rules/rates/qc-2026';
import type { HiringInput, InputCell, WorkbookProfile } from '../../excel';
import type { Language } from '../i18n';
import { readField, type FieldKind, type Issue } from './input';

/** Task-pane defaults (RULES.md §8, project defaults, shown and editable). */
export const HIRING_DEFAULTS = {
  toolsMonth: { FR: 250, QC: 300 },
  managementHours: 2,
  recruitingRate: { FR: 0.2, QC: 0.15 },
  monthsToHire: DEFAULT_MONTHS_TO_HIRE,
  rampMonths: DEFAULT_RAMP_MONTHS,
  /** A lead or strategy role. */
  rampMonthsLead: 6,
  rampStart: DEFAULT_RAMP_START,
} as const;

/** The paths drawn: at least three years, longer when the crossover comes later (whole years, ≤ 72 months: past the 60 CROSSOVER_MONTH looks at, and short enough for the portable copy to keep COST_PATHS native). */
export const MIN_CHART_MONTHS = 36;
export const MAX_CHART_MONTHS = 72;

export type HiringMarket = 'FR' | 'QC';
export type HiringTextField =
  | 'gross'
  | 'headcount'
  | 'atRate'
  | 'cnesstRate'
  | 'payroll'
  | 'benefits'
  | 'tools'
  | 'hours'
  | 'hourlyValue'
  | 'outsource'
  | 'recruiting'
  | 'monthsToHire'
  | 'ramp'
  | 'rampStart';

export const HIRING_FIELD_KINDS: Record<HiringTextField, FieldKind> = {
  gross: 'amount',
  headcount: 'count',
  atRate: 'rate',
  cnesstRate: 'rate',
  payroll: 'amount',
  benefits: 'rate',
  tools: 'amount',
  hours: 'hours',
  hourlyValue: 'amount',
  outsource: 'amount',
  recruiting: 'rate',
  monthsToHire: 'count',
  ramp: 'count',
  rampStart: 'rate',
};

/** Fields the owner must fill (the hourly value is asked, never guessed). Payroll is optional. */
const REQUIRED: Record<HiringMarket, readonly HiringTextField[]> = {
  FR: ['gross', 'headcount', 'atRate', 'tools', 'hours', 'hourlyValue', 'outsource', 'recruiting', 'monthsToHire', 'ramp', 'rampStart'],
  QC: ['gross', 'cnesstRate', 'benefits', 'tools', 'hours', 'hourlyValue', 'outsource', 'recruiting', 'monthsToHire', 'ramp', 'rampStart'],
};

export interface HiringForm {
  texts: Record<HiringTextField, string>;
  period: 'monthly' | 'yearly';
  year: number;
  cadre: boolean;
  lead: boolean;
}

export const knownYears = (market: HiringMarket): readonly number[] => (market === 'QC' ? QC_KNOWN_YEARS : FR_KNOWN_YEARS);

/** The national / provincial average rate of a year, the default of the AT/MP or CNESST field. */
export function averageRate(market: HiringMarket, year: number): number {
  if (market === 'QC') return QC_2026.cnesstDefaultRate;
  return (year === 2025 ? FR_2025 : FR_2026).atAverage;
}

/** A number as the pane shows it in a field: "2,08 %" in French, "2.08%" in English. */
export function rateText(rate: number, language: Language): string {
  const n = Number((rate * 100).toFixed(4));
  return language === 'fr' ? `${String(n).replace('.', ',')}\u00a0%` : `${n}%`;
}

const numberText = (n: number, language: Language) => (language === 'fr' ? String(n).replace('.', ',') : String(n));

/**
 * The form with the contract's pane defaults. `yearlyFees`: the in-house step's external fees,
 * when known, give today's monthly outsourcing (÷ 12).
 */
export function defaultHiringForm(market: HiringMarket, language: Language, yearlyFees?: number): HiringForm {
  const year = Math.max(...knownYears(market));
  const d = HIRING_DEFAULTS;
  return {
    period: 'monthly',
    year,
    cadre: false,
    lead: false,
    texts: {
      gross: '',
      headcount: String(FR_DEFAULT_HEADCOUNT),
      atRate: rateText(averageRate('FR', year), language),
      cnesstRate: rateText(averageRate('QC', year), language),
      payroll: '',
      benefits: rateText(0, language),
      tools: String(d.toolsMonth[market]),
      hours: String(d.managementHours),
      hourlyValue: '',
      outsource: yearlyFees !== undefined && yearlyFees > 0 ? numberText(Math.round((yearlyFees / 12) * 100) / 100, language) : '',
      recruiting: rateText(d.recruitingRate[market], language),
      monthsToHire: String(d.monthsToHire),
      ramp: String(d.rampMonths),
      rampStart: rateText(d.rampStart, language),
    },
  };
}

/** Ticking "lead role" moves the ramp between its two defaults; a ramp the owner typed stays. */
export function withLead(form: HiringForm, lead: boolean): HiringForm {
  const from = String(lead ? HIRING_DEFAULTS.rampMonths : HIRING_DEFAULTS.rampMonthsLead);
  const to = String(lead ? HIRING_DEFAULTS.rampMonthsLead : HIRING_DEFAULTS.rampMonths);
  return { ...form, lead, texts: { ...form.texts, ramp: form.texts.ramp.trim() === from ? to : form.texts.ramp } };
}

export type HiringCrossover = { kind: 'month'; month: number } | { kind: 'never'; horizon: number } | { kind: 'notCheaper' };

export interface HiringView {
  /** A bad value in a field (always), or a missing required one (once the owner tried to write). */
  issues: Partial<Record<HiringTextField, Issue>>;
  values: Partial<Record<HiringTextField, number>>;
  grossAnnual?: number;
  breakdown?: LoadedSalaryBreakdown;
  /** The rules' own message key when the loaded salary cannot be computed. */
  loadedIssue?: Issue;
  inhouse?: { total: number; salary: number; tools: number; management: number };
  crossover?: HiringCrossover;
  paths?: CostPathRow[];
  /** Rows of the paths drawn and written. */
  horizon: number;
}

const REQUIRED_ISSUE: Issue = { from: 'pane', key: 'field.required' };

export function hiringView(form: HiringForm, market: HiringMarket, language: Language, submitted = false): HiringView {
  const issues: HiringView['issues'] = {};
  const values: HiringView['values'] = {};
  for (const id of Object.keys(HIRING_FIELD_KINDS) as HiringTextField[]) {
    const reading = readField(HIRING_FIELD_KINDS[id], form.texts[id], language);
    if (!reading.ok) issues[id] = reading.issue;
    else if (reading.value !== undefined) values[id] = reading.value;
    else if (submitted && REQUIRED[market].includes(id)) issues[id] = REQUIRED_ISSUE;
  }
  const view: HiringView = { issues, values, horizon: MIN_CHART_MONTHS };
  const v = values;
  if (v.gross === undefined) return view;
  const grossAnnual = form.period === 'monthly' ? v.gross * 12 : v.gross;
  view.grossAnnual = grossAnnual;
  const breakdown =
    market === 'QC'
      ? loadedSalaryQcLines({ grossAnnual, cnesstRate: v.cnesstRate, totalPayroll: v.payroll, benefitsRate: v.benefits ?? 0, year: form.year })
      : loadedSalaryFrLines({ grossAnnual, headcount: v.headcount, cadre: form.cadre, atRate: v.atRate, year: form.year });
  if (isRuleError(breakdown)) {
    view.loadedIssue = { from: 'rule', key: breakdown.key, params: breakdown.params };
    return view;
  }
  view.breakdown = breakdown;
  const tools = v.tools ?? 0;
  const hours = v.hours ?? 0;
  if (v.hourlyValue === undefined) return view;
  const total = inhouseMonthly({ loadedSalary: breakdown.total, toolsMonth: tools, managementHoursWeek: hours, hourlyValue: v.hourlyValue });
  if (isRuleError(total)) return view;
  view.inhouse = { total, salary: breakdown.total / 12, tools, management: hours * WEEKS_PER_MONTH * v.hourlyValue };
  if (v.outsource === undefined || v.recruiting === undefined) return view;
  const path = {
    outsourceMonthly: v.outsource,
    inhouseMonthly: total,
    oneOff: v.recruiting * grossAnnual,
    monthsToHire: v.monthsToHire ?? HIRING_DEFAULTS.monthsToHire,
    rampMonths: v.ramp ?? HIRING_DEFAULTS.rampMonths,
    rampStart: v.rampStart ?? HIRING_DEFAULTS.rampStart,
  };
  const month = crossoverMonth(path);
  if (isRuleError(month)) {
    if (month.key === 'inhouseNotCheaper') view.crossover = { kind: 'notCheaper' };
    else if (month.key === 'noCrossover') view.crossover = { kind: 'never', horizon: Number(month.params.horizon) };
    else return view;
  } else {
    view.crossover = { kind: 'month', month };
  }
  view.horizon = chartMonths(view.crossover);
  const paths = costPaths({ ...path, horizon: view.horizon });
  if (!isRuleError(paths)) view.paths = paths;
  return view;
}

/** Enough months to see the crossing and a little after, in whole years, 36 to 72. */
export function chartMonths(crossover: HiringCrossover | undefined): number {
  if (crossover?.kind !== 'month') return crossover?.kind === 'never' ? Math.min(Math.max(crossover.horizon, MIN_CHART_MONTHS), MAX_CHART_MONTHS) : MIN_CHART_MONTHS;
  return Math.min(Math.max(Math.ceil((crossover.month + 6) / 12) * 12, MIN_CHART_MONTHS), MAX_CHART_MONTHS);
}

/** True when every field the market needs holds a valid value. */
export function hiringReady(form: HiringForm, market: HiringMarket, language: Language): boolean {
  const view = hiringView(form, market, language, true);
  return Object.keys(view.issues).length === 0;
}

const cell = (value: number | undefined): InputCell => ({ value: value ?? 0 });

/** The input of `writeHiringCost`, from a form that `hiringReady` accepted. */
export function hiringInput(form: HiringForm, market: HiringMarket, language: Language, profile: WorkbookProfile): HiringInput {
  const view = hiringView(form, market, language, true);
  const v = view.values;
  return {
    profile,
    gross: cell(v.gross),
    grossPeriod: form.period,
    year: form.year,
    ...(market === 'QC'
      ? { quebec: { cnesstRate: cell(v.cnesstRate), ...(v.payroll !== undefined ? { totalPayroll: cell(v.payroll) } : {}), benefitsRate: cell(v.benefits) } }
      : { france: { headcount: cell(v.headcount), cadre: form.cadre, atRate: cell(v.atRate) } }),
    toolsMonth: cell(v.tools),
    managementHours: cell(v.hours),
    hourlyValue: cell(v.hourlyValue),
    outsourceMonthly: cell(v.outsource),
    recruitingRate: cell(v.recruiting),
    monthsToHire: cell(v.monthsToHire),
    rampMonths: cell(v.ramp),
    rampStart: cell(v.rampStart),
    horizon: view.horizon,
  };
}
