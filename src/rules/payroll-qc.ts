/**
 * The employer's yearly cost of a salaried employee in Québec (docs/RULES.md §8): gross + RRQ +
 * RRQ2 + RQAP + EI + FSS + CNESST + CNT + group insurance. The salary is taken to include vacation
 * pay and statutory holidays, so nothing is added on top for them. Rates: src/rules/rates/qc-<year>.ts.
 */
import { checkNonNegative, checkRate, invalid, Result, RuleError } from './errors';
import type { LoadedSalaryBreakdown, PayrollLine } from './payroll-fr';
import type { QcRates } from './rates/quebec';
import { QC_2026 } from './rates/qc-2026';

export const QC_DEFAULT_YEAR = 2026;

export interface LoadedSalaryQcInputs {
  readonly grossAnnual: number;
  /** The employer's CNESST rate; omitted, the year's provincial average. */
  readonly cnesstRate?: number;
  /** The company's whole yearly payroll, for the FSS rate; omitted, the employee's own gross. */
  readonly totalPayroll?: number;
  /** Employer's share of group insurance, as a fraction of the gross. */
  readonly benefitsRate?: number;
  readonly year?: number;
}

export const QC_LINE_KEYS = ['rrq', 'rrq2', 'rqap', 'ei', 'fss', 'cnesst', 'cnt', 'benefits'] as const;
export type QcLineKey = (typeof QC_LINE_KEYS)[number];

const QC_YEARS: ReadonlyMap<number, QcRates> = new Map([QC_2026].map((rates) => [rates.year, rates]));
export const QC_KNOWN_YEARS: readonly number[] = [...QC_YEARS.keys()];

/** The FSS rate for a yearly payroll: flat below the low threshold and above the high one, a straight line between. */
export function fssRate(rates: QcRates, totalPayroll: number): number {
  if (totalPayroll <= rates.fssLowPayroll) return rates.fssLowRate;
  if (totalPayroll >= rates.fssHighPayroll) return rates.fssHighRate;
  const share = (totalPayroll - rates.fssLowPayroll) / (rates.fssHighPayroll - rates.fssLowPayroll);
  return rates.fssLowRate + share * (rates.fssHighRate - rates.fssLowRate);
}

function computeLines(inputs: LoadedSalaryQcInputs): Result<LoadedSalaryBreakdown> {
  const g = inputs.grossAnnual;
  const bad =
    checkNonNegative('gross_annual', g) ??
    (inputs.cnesstRate === undefined ? undefined : checkRate('cnesst_rate', inputs.cnesstRate)) ??
    (inputs.totalPayroll === undefined ? undefined : checkNonNegative('total_payroll', inputs.totalPayroll)) ??
    (inputs.benefitsRate === undefined ? undefined : checkRate('benefits_rate', inputs.benefitsRate));
  if (bad) return bad;
  const year = inputs.year ?? QC_DEFAULT_YEAR;
  const r = QC_YEARS.get(year);
  if (!r) return invalid('unknownYear', { arg: 'year', year, years: QC_KNOWN_YEARS.join(', ') });
  const line = (key: QcLineKey, base: number, rate: number): PayrollLine => ({ key, base, rate, amount: base * rate });
  const lines = [
    line('rrq', Math.max(Math.min(g, r.rrqMaximum) - r.rrqExemption, 0), r.rrqRate),
    line('rrq2', Math.max(Math.min(g, r.rrq2Maximum) - r.rrqMaximum, 0), r.rrq2Rate),
    line('rqap', Math.min(g, r.rqapMaximum), r.rqapRate),
    line('ei', Math.min(g, r.eiMaximum), r.eiRate),
    line('fss', g, fssRate(r, inputs.totalPayroll ?? g)),
    line('cnesst', Math.min(g, r.cnesstMaximum), inputs.cnesstRate ?? r.cnesstDefaultRate),
    line('cnt', Math.min(g, r.cnesstMaximum), r.cntRate),
    line('benefits', g, inputs.benefitsRate ?? 0),
  ];
  return { total: lines.reduce((sum, l) => sum + l.amount, g), gross: g, lines };
}

/**
 * The lines of LOADED_SALARY_QC (for the pane's breakdown and Explain), each with its yearly
 * base, rate and amount; total is LOADED_SALARY_QC's result. Every line is listed, 0 included.
 */
export function loadedSalaryQcLines(inputs: LoadedSalaryQcInputs): Result<LoadedSalaryBreakdown> {
  return computeLines(inputs);
}

/** LOADED_SALARY_QC: the employer's yearly cost, not rounded. */
export function loadedSalaryQc(inputs: LoadedSalaryQcInputs): Result<number> {
  const breakdown = computeLines(inputs);
  return breakdown instanceof RuleError ? breakdown : breakdown.total;
}
