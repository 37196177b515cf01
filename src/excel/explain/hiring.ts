/**
 * The §8 functions explained (RULES.md): a loaded salary line by line (each contribution from the
 * rules' lines functions), INHOUSE_MONTHLY's three parts, CROSSOVER_MONTH in words with the
 * cumulative difference either side of the month, and one month of COST_PATHS (its two totals and
 * how each is made). Arguments are read with the functions' coercion module and computed by the
 * rules, so an explanation cannot disagree with the cell. Pure.
 */
import { readAmount, readOptionalNumber, readYesNo } from '../../functions/coerce';
import { formatMessage } from '../../i18n/messages';
import { LINE_LABELS } from '../../i18n/payroll-lines';
import { isRuleError, RuleError } from '../../rules/errors';
import { costPaths, crossoverMonth, DEFAULT_MONTHS_TO_HIRE, DEFAULT_RAMP_MONTHS, DEFAULT_RAMP_START, inhouseMonthly, WEEKS_PER_MONTH, type HiringPathInputs } from '../../rules/hiring';
import type { Language } from '../../rules/labels';
import { loadedSalaryFrLines, type LoadedSalaryBreakdown } from '../../rules/payroll-fr';
import { loadedSalaryQcLines } from '../../rules/payroll-qc';
import { crossoverWords, hiringExplainStrings, type HiringExplainStrings } from '../words/hiring';
import type { Explanation, MktCall, Region } from '../types';

class Unknown extends Error {}

function read<T>(value: unknown, reader: (v: unknown) => T): T {
  if (value === undefined) throw new Unknown();
  return reader(value);
}

const HIRING_IDS = new Set(['LOADED_SALARY_FR', 'LOADED_SALARY_QC', 'INHOUSE_MONTHLY', 'CROSSOVER_MONTH', 'COST_PATHS']);

export const isHiringCall = (id: string): boolean => HIRING_IDS.has(id);

export interface HiringExplainOptions {
  /** The 1-based row of the COST_PATHS table the cell is on (its month); default the first. */
  pathRow?: number;
  /** Wording: Québec (embauche, impartition) or France; LOADED_SALARY_QC is always Québec. */
  region?: Region;
}

/**
 * Explains a §8 call from its arguments' values (null when omitted, undefined when not known).
 * @returns undefined when the call is not a §8 function or an argument could not be read
 */
export function explainHiringCall(call: MktCall, args: readonly unknown[], lang: Language, options: HiringExplainOptions = {}): Explanation | undefined {
  if (!isHiringCall(call.id)) return undefined;
  const region: Region = call.id === 'LOADED_SALARY_QC' ? 'QC' : call.id === 'LOADED_SALARY_FR' ? 'FR' : (options.region ?? 'FR');
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const context: HiringCall = {
    call,
    args,
    lang,
    region,
    locale,
    options,
    t: hiringExplainStrings(lang, region),
    money: (v) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v),
    pct: (v) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(v),
    arg: (i) => (i < args.length ? args[i] : null),
    fail: (e, lines = []) => ({ summary: `${lang === 'fr' ? 'Erreur\u00a0: ' : 'Error: '}${formatMessage(e.key, e.params, lang)}.`, lines }),
  };
  try {
    return HIRING_EXPLAINERS[call.id](context);
  } catch (error) {
    if (error instanceof RuleError) return context.fail(error);
    return undefined;
  }
}

/** What a §8 explainer reads: the call, its words and number formats, its arguments. */
interface HiringCall {
  call: MktCall;
  args: readonly unknown[];
  lang: Language;
  region: Region;
  locale: string;
  options: HiringExplainOptions;
  t: HiringExplainStrings;
  money: (v: number) => string;
  pct: (v: number) => string;
  arg: (i: number) => unknown;
  fail: (e: RuleError, lines?: string[]) => Explanation;
}

const HIRING_EXPLAINERS: Record<string, (context: HiringCall) => Explanation> = {
  LOADED_SALARY_FR: explainLoadedSalary,
  LOADED_SALARY_QC: explainLoadedSalary,
  INHOUSE_MONTHLY: explainInhouseMonthly,
  CROSSOVER_MONTH: explainCostPaths,
  COST_PATHS: explainCostPaths,
};

function explainLoadedSalary({ call, t, lang, money, pct, arg, fail }: HiringCall): Explanation {
  const grossAnnual = read(arg(0), (v) => readAmount('gross_annual', v));
  let breakdown: LoadedSalaryBreakdown | RuleError;
  if (call.id === 'LOADED_SALARY_FR') {
    breakdown = loadedSalaryFrLines({
      grossAnnual,
      headcount: read(arg(1), (v) => readOptionalNumber('headcount', v)),
      cadre: read(arg(2), (v) => readYesNo('cadre', v, false)),
      atRate: read(arg(3), (v) => readOptionalNumber('at_rate', v)),
      year: read(arg(4), (v) => readOptionalNumber('year', v)),
    });
  } else {
    const payroll = read(arg(2), (v) => (v === null || v === '' ? undefined : readAmount('total_payroll', v)));
    breakdown = loadedSalaryQcLines({
      grossAnnual,
      cnesstRate: read(arg(1), (v) => readOptionalNumber('cnesst_rate', v)),
      totalPayroll: payroll,
      benefitsRate: read(arg(3), (v) => readOptionalNumber('benefits_rate', v)),
      year: read(arg(4), (v) => readOptionalNumber('year', v)),
    });
  }
  if (isRuleError(breakdown)) return fail(breakdown);
  const share = breakdown.gross > 0 ? breakdown.total / breakdown.gross - 1 : 0;
  const lines = breakdown.lines
    .filter((l) => l.amount !== 0 || l.key !== 'benefits')
    .map((l) => {
      const label = LINE_LABELS[lang][l.key] ?? l.key;
      return l.amount < 0 ? t.reduction(label, money(-l.amount)) : t.line(label, money(l.base), pct(l.rate), money(l.amount));
    });
  return { summary: t.loadedSummary(money(breakdown.total), money(breakdown.gross), pct(share)), lines: [...lines, call.id === 'LOADED_SALARY_FR' ? t.leftOutFr : t.leftOutQc] };
}

function explainInhouseMonthly({ t, locale, money, arg, fail }: HiringCall): Explanation {
  const loadedSalary = read(arg(0), (v) => readAmount('loaded_salary', v));
  const toolsMonth = read(arg(1), (v) => (v === null ? 0 : readAmount('tools_month', v)));
  const hours = read(arg(2), (v) => readOptionalNumber('management_hours_week', v)) ?? 0;
  const hourly = read(arg(3), (v) => (v === null ? 0 : readAmount('hourly_value', v)));
  const total = inhouseMonthly({ loadedSalary, toolsMonth, managementHoursWeek: hours, hourlyValue: hourly });
  if (isRuleError(total)) return fail(total);
  return {
    summary: t.inhouseSummary(money(total)),
    lines: [
      t.inhouseSalary(money(loadedSalary), money(loadedSalary / 12)),
      t.inhouseTools(money(toolsMonth)),
      t.inhouseManagement(new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hours), money(hourly), money(hours * WEEKS_PER_MONTH * hourly)),
    ],
  };
}

function explainCostPaths({ call, t, lang, region, money, pct, fail, options, args }: HiringCall): Explanation {
  const inputs = pathInputs(args);
  const described = [
    t.crossoverRule(money(inputs.outsourceMonthly), money(inputs.inhouseMonthly), money(inputs.oneOff)),
    t.crossoverPhases(Math.trunc(inputs.monthsToHire ?? DEFAULT_MONTHS_TO_HIRE), Math.trunc(inputs.rampMonths ?? DEFAULT_RAMP_MONTHS), pct(inputs.rampStart ?? DEFAULT_RAMP_START)),
  ];
  if (call.id === 'CROSSOVER_MONTH') {
    const month = crossoverMonth(inputs);
    if (isRuleError(month)) return { summary: crossoverError(month, lang, region), lines: described };
    const rows = costPaths({ ...inputs, horizon: month });
    if (isRuleError(rows)) return fail(rows, described);
    const difference = (m: number) => (m === 0 ? inputs.oneOff : rows[m - 1][2] - rows[m - 1][1]);
    return { summary: crossoverWords(month, lang, region), lines: [...described, t.crossoverBalance(month, money(difference(month - 1)), money(difference(month)))] };
  }
  const rows = costPaths(inputs);
  if (isRuleError(rows)) return fail(rows, described);
  const row = Math.trunc(options.pathRow ?? 1);
  if (row < 1 || row > rows.length) return { summary: t.rowOutOfRange(row, rows.length), lines: described };
  const [m, outsource, hire] = rows[row - 1];
  const toHire = Math.trunc(inputs.monthsToHire ?? DEFAULT_MONTHS_TO_HIRE);
  const ramp = Math.trunc(inputs.rampMonths ?? DEFAULT_RAMP_MONTHS);
  const outside = Math.min(m, toHire);
  const ramping = Math.min(Math.max(m - toHire, 0), ramp);
  const inPlace = Math.max(m - toHire - ramp, 0);
  return {
    summary: t.pathsSummary(m, money(outsource), money(hire)),
    lines: [
      t.pathsOutsource(m, money(inputs.outsourceMonthly), money(outsource)),
      t.pathsHire(money(inputs.oneOff), outside, ramping, inPlace, money(hire)),
      ...(hire === outsource ? [] : [t.pathsCheaper(hire < outsource, money(Math.abs(outsource - hire)))]),
      ...described,
    ],
  };
}

/** CROSSOVER_MONTH's and COST_PATHS's arguments, read as the functions read them. */
function pathInputs(args: readonly unknown[]): HiringPathInputs {
  const arg = (i: number) => (i < args.length ? args[i] : null);
  return {
    outsourceMonthly: read(arg(0), (v) => readAmount('outsource_monthly', v)),
    inhouseMonthly: read(arg(1), (v) => readAmount('inhouse_monthly', v)),
    oneOff: read(arg(2), (v) => readAmount('one_off', v)),
    monthsToHire: read(arg(3), (v) => readOptionalNumber('months_to_hire', v)),
    rampMonths: read(arg(4), (v) => readOptionalNumber('ramp_months', v)),
    rampStart: read(arg(5), (v) => readOptionalNumber('ramp_start', v)),
    horizon: read(arg(6), (v) => readOptionalNumber('horizon', v)),
  };
}

/** "No crossover" in the words of the sheet: the #N/A message, or the rule's message for bad input. */
function crossoverError(error: RuleError, lang: Language, region: Region): string {
  if (error.key === 'noCrossover' && Number(error.params.horizon) === 60) return crossoverWords(0, lang, region);
  const message = formatMessage(error.key, error.params, lang);
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}
