/**
 * The test oracle: what an MKT formula should show, computed by calling src/rules directly on
 * the cells' values, with the argument conventions of docs/RULES.md restated here (not imported from
 * src/functions/coerce.ts), so that the bridge and the adapters are both checked against the spec.
 *
 * It knows formulas of the form MKT.NAME(arg, …) whose arguments are references, ranges,
 * literals or omitted; anything else is reported as "cannot check", which fails the test.
 */
import * as rules from '../../../src/rules';
import { formatMessage } from '../../../src/i18n/messages';

export interface ErrorValue {
  error: string; // '#VALUE!', '#DIV/0!', …
  message: string;
}

export type Scalar = number | string | boolean | null | ErrorValue;
export type Expected = Scalar | Scalar[][];

/** A reference's value: a scalar for one cell, rows of scalars for a range. */
export type Resolve = (sheet: string | undefined, from: string, to: string | undefined) => Scalar | Scalar[][];

type Arg =
  | { kind: 'omitted' }
  | { kind: 'literal'; value: Scalar }
  | { kind: 'ref'; value: Scalar | Scalar[][]; single: boolean };

const KIND_TO_CODE: Record<rules.RuleErrorKind, string> = { VALUE: '#VALUE!', DIV0: '#DIV/0!', NUM: '#NUM!', NA: '#N/A' };

/** Thrown inside the oracle to stop at the first error, as the adapters do. */
class Stop {
  constructor(readonly value: ErrorValue) {}
}

function ruleError(error: rules.RuleError): Stop {
  const message = error.kind === 'VALUE' || error.kind === 'NA' ? formatMessage(error.key, error.params, 'fr') : '';
  return new Stop({ error: KIND_TO_CODE[error.kind], message });
}

function orStop<T>(result: T | rules.RuleError): T {
  if (rules.isRuleError(result)) throw ruleError(result);
  return result;
}

export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value;
}

const isBlank = (v: Scalar) => v === null || v === '';

function cellsOf(arg: Arg): Scalar[] {
  if (arg.kind === 'omitted') return [null];
  if (arg.kind === 'literal') return [arg.value];
  return Array.isArray(arg.value) ? arg.value.flat() : [arg.value];
}

// Amounts: summed like SUM sums references — numbers only; text, blanks and booleans skipped.
function amount(arg: Arg, name: string): number {
  let sum = 0;
  for (const cell of cellsOf(arg)) {
    if (isErrorValue(cell)) throw new Stop(cell);
    if (typeof cell !== 'number') continue;
    if (cell < 0) throw ruleError(rules.invalid('negative', { arg: name }));
    sum += cell;
  }
  return sum;
}

function channels(arg: Arg, name: string): number[] {
  return cellsOf(arg).map((cell) => {
    if (isErrorValue(cell)) throw new Stop(cell);
    if (typeof cell !== 'number') return 0;
    if (cell < 0) throw ruleError(rules.invalid('negative', { arg: name }));
    return cell;
  });
}

function single(arg: Arg, name: string): Scalar {
  const cells = cellsOf(arg);
  if (cells.length !== 1) throw ruleError(rules.invalid('notOneValue', { arg: name }));
  if (isErrorValue(cells[0])) throw new Stop(cells[0]);
  return cells[0];
}

// Other numbers: like Excel arithmetic — blank 0, TRUE 1, numeric text read, other text #VALUE!.
function number(arg: Arg, name: string): number {
  const value = single(arg, name);
  if (typeof value === 'number') return value;
  if (isBlank(value)) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value).trim();
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  throw ruleError(rules.invalid('notANumber', { arg: name }));
}

function optionalNumber(arg: Arg, name: string): number | undefined {
  if (arg.kind === 'omitted') return undefined;
  return isBlank(single(arg, name)) ? undefined : number(arg, name);
}

// Yes/no: omitted takes the default, a blank cell is FALSE.
function yesNo(arg: Arg, name: string, whenOmitted: boolean): boolean {
  if (arg.kind === 'omitted') return whenOmitted;
  const value = single(arg, name);
  if (isBlank(value)) return false;
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (['yes', 'oui', 'true', 'vrai', '1'].includes(word)) return true;
  if (['no', 'non', 'false', 'faux', '0'].includes(word)) return false;
  throw ruleError(rules.invalid('yesNo', { arg: name }));
}

function optionalText(arg: Arg, name: string): string | undefined {
  if (arg.kind === 'omitted') return undefined;
  const value = single(arg, name);
  if (isBlank(value)) return undefined;
  const text = String(value);
  return text.trim() === '' ? undefined : text;
}

// Months of a history: numbers kept (negatives too: the rule refuses them), any other cell left out.
function monthRows(arg: Arg): Array<Array<number | null>> {
  const rows = arg.kind === 'ref' && Array.isArray(arg.value) ? arg.value : [cellsOf(arg)];
  return rows.map((row) =>
    row.map((cell) => {
      if (isErrorValue(cell)) throw new Stop(cell);
      return typeof cell === 'number' ? cell : null;
    }),
  );
}

// A fit: the first two numbers in reading order; an error met before them is passed on.
function leadingNumbers(arg: Arg): number[] {
  const numbers: number[] = [];
  for (const cell of cellsOf(arg)) {
    if (numbers.length === 2) break;
    if (isErrorValue(cell)) throw new Stop(cell);
    if (typeof cell === 'number') numbers.push(cell);
  }
  return numbers;
}

type Body = (args: Arg[]) => number | string | number[] | Array<Array<number | string>>;

const FUNCTIONS: Record<string, Body> = {
  INTERNALISE_SIGNAL: (a) => internalise(a).code,
  INTERNALISE_SCORE: (a) => internalise(a).score,
  FEES_TO_SALARY: (a) => orStop(rules.feesToSalary(amount(a[0], 'external_fees'), amount(a[1], 'loaded_salary'))),
  BREAKEVEN_FEES: (a) =>
    orStop(rules.breakevenFees(amount(a[0], 'loaded_salary'), optionalNumber(a[1], 'ratio') ?? rules.CRITICAL_MASS_RATIO)),
  ROI_RATIO: (a) => orStop(rules.roiRatio(amount(a[0], 'revenue'), amount(a[1], 'spend'))),
  ROI_BAND: (a) =>
    orStop(
      rules.roiBand(
        number(a[0], 'ratio'),
        optionalNumber(a[1], 'low') ?? rules.ROI_TARGET_LOW,
        optionalNumber(a[2], 'high') ?? rules.ROI_TARGET_HIGH,
      ),
    ),
  LTV: (a) =>
    orStop(
      rules.lifetimeValue(amount(a[0], 'margin_per_period'), number(a[1], 'retention_rate'), optionalNumber(a[2], 'discount_rate') ?? 0),
    ),
  RETENTION_LEVER: (a) =>
    orStop(
      rules.compareLevers(
        amount(a[0], 'margin_per_period'),
        number(a[1], 'retention_rate'),
        amount(a[2], 'cac'),
        optionalNumber(a[3], 'retention_uplift') ?? rules.RETENTION_UPLIFT,
        optionalNumber(a[4], 'cac_cut') ?? rules.CAC_CUT,
      ),
    ).lever,
  BUDGET_TIER: (a) => {
    const budget = amount(a[0], 'monthly_budget');
    const profile = optionalText(a[1], 'profile');
    return orStop(rules.budgetTier(budget, profile === undefined ? 'standard' : orStop(rules.parseProfile(profile))));
  },
  PILOT_VERDICT: (a) =>
    orStop(
      rules.pilotVerdict({
        monthsElapsed: number(a[0], 'months_elapsed'),
        kpiAchievement: number(a[1], 'kpi_achievement'),
        roiRatio: optionalNumber(a[2], 'roi_ratio'),
        reportingOk: yesNo(a[3], 'reporting_ok', true),
      }),
    ),
  ALLOCATE: (a) =>
    orStop(
      rules.allocate(
        amount(a[0], 'total_budget'),
        channels(a[1], 'spend_range'),
        channels(a[2], 'revenue_range'),
        optionalNumber(a[3], 'floor') ?? rules.ALLOCATION_FLOOR,
      ),
    ),
  RESPONSE_FIT: (a) => {
    const fit = orStop(rules.responseFit(monthRows(a[0]).flat(), monthRows(a[1]).flat()));
    return [[fit.a, fit.b, fit.r2, fit.code]];
  },
  MARGINAL_ROAS: (a) => orStop(rules.marginalRoas(leadingNumbers(a[0]), number(a[1], 'monthly_spend'))),
  OPTIMAL_SPEND: (a) => orStop(rules.optimalSpend(leadingNumbers(a[0]), number(a[1], 'margin'))),
  BREAKEVEN_ROAS: (a) => orStop(rules.breakevenRoas(number(a[0], 'margin'))),
  ALLOCATE_MARGINAL: (a) =>
    orStop(
      rules.allocateMarginal(
        amount(a[0], 'monthly_budget'),
        monthRows(a[1]),
        monthRows(a[2]),
        optionalNumber(a[3], 'cap') ?? rules.MARGINAL_CAP,
      ),
    ).amounts,
  LABEL: (a) => {
    const code = optionalText(a[0], 'code') ?? '';
    const lang = optionalText(a[1], 'lang');
    return orStop(rules.labelOf(code, lang === undefined ? 'fr' : orStop(rules.parseLanguage(lang))));
  },
};

function internalise(a: Arg[]) {
  return orStop(
    rules.assessInternalisation({
      weeklyHours: number(a[0], 'weekly_hours'),
      externalFees: amount(a[1], 'external_fees'),
      loadedSalary: amount(a[2], 'loaded_salary'),
      dataNeed: yesNo(a[3], 'data_need', false),
    }),
  );
}

/** Splits "a,b,(c,d),"e,f"" at top-level commas. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') inString = !inString;
    if (!inString && ch === '(') depth++;
    if (!inString && ch === ')') depth--;
    if (!inString && depth === 0 && ch === ',') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

const CALL = /^MKT\.([A-Z_]+)\((.*)\)$/is;
const REF = /^(?:(?:'((?:[^']|'')+)'|([^!'"(),]+))!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?$/i;

export class CannotCheck extends Error {}

/** What the formula should show, or CannotCheck when the formula is outside what the oracle reads. */
export function expectedValue(formula: string, resolve: Resolve): Expected {
  const call = CALL.exec(formula.trim().replace(/^=/, ''));
  if (!call) throw new CannotCheck(`not a single MKT call: ${formula}`);
  const body = FUNCTIONS[call[1].toUpperCase()];
  if (!body) throw new CannotCheck(`unknown function MKT.${call[1]}`);
  const texts = call[2].trim() === '' ? [] : splitArguments(call[2]);
  const args: Arg[] = texts.map((text) => {
    if (text === '') return { kind: 'omitted' };
    if (/^"(?:[^"]|"")*"$/.test(text)) return { kind: 'literal', value: text.slice(1, -1).replace(/""/g, '"') };
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { kind: 'literal', value: Number(text) };
    if (/^(TRUE|FALSE)$/i.test(text)) return { kind: 'literal', value: text.toUpperCase() === 'TRUE' };
    const ref = REF.exec(text);
    if (!ref) throw new CannotCheck(`argument ${text} of ${formula}`);
    const sheet = ref[1]?.replace(/''/g, "'") ?? ref[2];
    return { kind: 'ref', value: resolve(sheet, ref[3], ref[4]), single: ref[4] === undefined };
  });
  while (args.length < 5) args.push({ kind: 'omitted' });
  // Excel hands no call to a function whose single-cell argument is an error: that error shows.
  for (const arg of args) if (arg.kind !== 'omitted' && !Array.isArray(arg.value) && isErrorValue(arg.value)) return arg.value;
  try {
    const result = body(args);
    if (Array.isArray(result) && result.every(Array.isArray)) {
      const rows = result as Array<Array<number | string>>;
      if (!rows.flat().every((v) => typeof v === 'string' || Number.isFinite(v))) return { error: '#NUM!', message: '' };
      return rows;
    }
    if (Array.isArray(result)) {
      if (!(result as number[]).every(Number.isFinite)) return { error: '#NUM!', message: '' };
      return (result as number[]).map((v) => [v]);
    }
    if (typeof result === 'number' && !Number.isFinite(result)) return { error: '#NUM!', message: '' };
    return result;
  } catch (stop) {
    if (stop instanceof Stop) return stop.value;
    throw stop;
  }
}
