/**
 * Explaining an MKT formula in plain words (fr/en): its inputs, the thresholds it applies and which
 * signals are on. Pure: no Office.js. Arguments are read with the functions' own coercion module
 * (src/functions/coerce.ts) and decided by the rules (src/rules), so an explanation can never
 * disagree with the function it explains.
 */
import {
  readAmount,
  readChannelValues,
  readNumber,
  readOptionalChoice,
  readOptionalNumber,
  readOptionalText,
  readYesNo,
} from '../../functions/coerce';
import { findMktCalls } from '../../formula/mkt-calls';
import { formatMessage } from '../../i18n/messages';
import { allocate, ALLOCATION_FLOOR } from '../../rules/allocation';
import { isRuleError, RuleError } from '../../rules/errors';
import { CODE_LABELS, DecisionCode, labelOf, Language, parseLanguage } from '../../rules/labels';
import { EXPAND_KPI, EXTEND_KPI, pilotVerdict, PILOT_MONTHS } from '../../rules/pilot';
import { compareLevers, contribution, lifetimeValue, roiBand, roiRatio, ROI_TARGET_HIGH, ROI_TARGET_LOW } from '../../rules/roi';
import { decide, decisionReason, parseSignalCode, parseTierCode, PAYBACK_LIMIT } from '../../rules/decision';
import { assessInternalisation, breakevenFees, CRITICAL_MASS_RATIO, CRITICAL_MASS_STRONG_RATIO, criticalMassZone, feesToSalary, TIPPING_ZONE_WIDTH } from '../../rules/signals';
import { budgetTier, parseProfile, tierThresholds } from '../../rules/tiers';
import { repairHintFor } from '../repair/repair';
import { explainMarginalCall } from './marginal';
import { explainHiringCall, type HiringExplainOptions } from './hiring';
import { EXPLAIN, ExplainStrings } from '../words/explain';
import type { CellUnderCursor, Explanation, MktCall, Region } from '../types';

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * The MKT calls in a formula, in the order they open (outermost first), in every form the shared
 * reader knows (src/formula/mkt-calls.ts): `MKT.ID(`, Excel's stored `_xldudf_MKT_ID(`, a workbook
 * prefix, French names. Ids are the English ones. Strings, quoted sheet names and array
 * constants are skipped, so `="MKT.X("` is not a call.
 * @example parseMktCalls('=MKT.ROI_BAND(MKT.ROI_RATIO(B2:B13,C2:C13),MKT_ROI_LOW)')
 * //=> [{ id: 'ROI_BAND', args: ['MKT.ROI_RATIO(B2:B13,C2:C13)', 'MKT_ROI_LOW'] }, { id: 'ROI_RATIO', args: ['B2:B13', 'C2:C13'] }]
 */
export function parseMktCalls(formula: string): MktCall[] {
  if (!formula.startsWith('=')) return [];
  return findMktCalls(formula).map((call) => ({ id: call.id, args: call.args }));
}

const A1_REFERENCE = /^(?:(?:'(?:[^']|'')+'|[A-Za-z0-9_.\u00C0-\u024F]+)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** True when an argument is a cell reference or a defined name (not a literal, not an expression). */
export function isReference(arg: string): boolean {
  if (A1_REFERENCE.test(arg)) return true;
  return NAME.test(arg) && !/^(TRUE|FALSE)$/i.test(arg);
}

/** The distinct references and names read by the calls' arguments, in order. */
export function referencesOf(calls: readonly MktCall[]): string[] {
  const out: string[] = [];
  for (const call of calls) for (const arg of call.args) if (isReference(arg) && !out.includes(arg)) out.push(arg);
  return out;
}

/** The value of an argument: a literal, a loaded reference, or undefined when it is an expression or omitted. */
export function argumentValue(arg: string | undefined, inputs: Record<string, unknown>): unknown {
  if (arg === undefined || arg === '') return null;
  if (Object.prototype.hasOwnProperty.call(inputs, arg)) return inputs[arg];
  if (/^"(?:[^"]|"")*"$/.test(arg)) return arg.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(arg)) return Number(arg);
  if (/^TRUE$/i.test(arg)) return true;
  if (/^FALSE$/i.test(arg)) return false;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Explaining

function numberText(lang: Language, value: number, digits = 2): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: digits }).format(value);
}

const words = (code: string, lang: Language) => {
  const label = labelOf(code, lang);
  return isRuleError(label) ? code : label;
};

class Unknown extends Error {}

/** Reads with a coercion reader; a missing value (an expression we did not evaluate) stops the explanation. */
function read<T>(value: unknown, reader: (v: unknown) => T): T {
  if (value === undefined) throw new Unknown();
  return reader(value);
}

/**
 * Explains one call given the values of its arguments (a scalar, a 2-D range, null when omitted,
 * undefined when not known) and the cell's result.
 * @returns undefined when the function is unknown or an argument could not be read
 */
export function explainCall(call: MktCall, args: readonly unknown[], result: unknown, lang: Language, hiring: HiringExplainOptions = {}): Explanation | undefined {
  const num = (v: number, d = 2) => numberText(lang, v, d);
  const context: CallContext = {
    t: EXPLAIN[lang],
    lang,
    num,
    ratio: (v) => `${num(v, 1)}:1`,
    pct: (v) => `${num(v * 100, 0)} %`.replace(' %', lang === 'fr' ? '\u00a0%' : '%'),
    arg: (i) => (i < args.length ? args[i] : null),
    result,
  };
  const explain = Object.prototype.hasOwnProperty.call(EXPLAINERS, call.id) ? EXPLAINERS[call.id] : undefined;
  try {
    return explain ? explain(context) : (explainHiringCall(call, args, lang, hiring) ?? explainMarginalCall(call, args, lang));
  } catch (error) {
    if (error instanceof RuleError) return errorExplanation(error, lang, []);
    return undefined;
  }
}

/** What an explainer reads: the words, the number formats, the call's arguments and the cell's result. */
interface CallContext {
  t: ExplainStrings;
  lang: Language;
  num: (v: number, digits?: number) => string;
  ratio: (v: number) => string;
  pct: (v: number) => string;
  /** The i-th argument's value: null when omitted, undefined when not known (`read` then stops). */
  arg: (i: number) => unknown;
  result: unknown;
}

/** The explainer of each function of the core families; the §7 and §8 families have their own modules. */
const EXPLAINERS: Record<string, (context: CallContext) => Explanation> = {
  ROI_RATIO: explainRoiRatio,
  ROI_BAND: explainRoiBand,
  INTERNALISE_SIGNAL: explainSignals,
  INTERNALISE_SCORE: explainSignals,
  FEES_TO_SALARY: explainFeesToSalary,
  BREAKEVEN_FEES: explainBreakevenFees,
  BUDGET_TIER: explainBudgetTier,
  PILOT_VERDICT: explainPilotVerdict,
  ALLOCATE: explainAllocate,
  CONTRIBUTION: explainContribution,
  DECISION: explainDecision,
  LTV: explainLtv,
  RETENTION_LEVER: explainRetentionLever,
  LABEL: explainLabel,
};

function explainRoiRatio({ t, lang, num, ratio, arg }: CallContext): Explanation {
  const revenue = read(arg(0), (v) => readAmount('revenue', v));
  const spend = read(arg(1), (v) => readAmount('spend', v));
  const value = roiRatio(revenue, spend);
  if (isRuleError(value)) return errorExplanation(value, lang, [t.revenue(num(revenue)), t.spend(num(spend))]);
  const band = roiBand(value) as string;
  return {
    summary: t.roiSummary(ratio(value), words(band, lang)),
    lines: [t.revenue(num(revenue)), t.spend(num(spend)), t.roiIs(num(revenue), num(spend), ratio(value)), t.roiTarget(ratio(ROI_TARGET_LOW), ratio(ROI_TARGET_HIGH))],
  };
}

function explainRoiBand({ t, lang, ratio, arg }: CallContext): Explanation {
  const value = read(arg(0), (v) => readNumber('ratio', v));
  const low = read(arg(1), (v) => readOptionalNumber('low', v)) ?? ROI_TARGET_LOW;
  const high = read(arg(2), (v) => readOptionalNumber('high', v)) ?? ROI_TARGET_HIGH;
  const band = roiBand(value, low, high);
  if (isRuleError(band)) return errorExplanation(band, lang, []);
  const rule = band === 'BELOW' ? t.below(ratio(value), ratio(low)) : band === 'ABOVE' ? t.above(ratio(value), ratio(high)) : t.within(ratio(value), ratio(low), ratio(high));
  return { summary: `${words(band, lang)}${lang === 'fr' ? ' : ' : ': '}${rule}`, lines: [t.roiTarget(ratio(low), ratio(high))] };
}

function explainSignals({ t, lang, num, pct, arg }: CallContext): Explanation {
  const weeklyHours = read(arg(0), (v) => readNumber('weekly_hours', v));
  const externalFees = read(arg(1), (v) => readAmount('external_fees', v));
  const loadedSalary = read(arg(2), (v) => readAmount('loaded_salary', v));
  const dataNeed = read(arg(3), (v) => readYesNo('data_need', v, false));
  const hoursThreshold = read(arg(4), (v) => readOptionalNumber('hours_threshold', v));
  const feesRatio = read(arg(5), (v) => readOptionalNumber('fees_ratio', v));
  const a = assessInternalisation({ weeklyHours, externalFees, loadedSalary, dataNeed, hoursThreshold, feesRatio });
  if (isRuleError(a)) return errorExplanation(a, lang, []);
  const strongFrom = a.feesRatio === CRITICAL_MASS_RATIO ? CRITICAL_MASS_STRONG_RATIO : a.feesRatio + TIPPING_ZONE_WIDTH;
  const zone = a.criticalMassZone === 'TIPPING' ? t.tipping(pct(a.feesRatio), pct(strongFrom)) : a.criticalMassZone === 'STRONG' ? t.strong(pct(strongFrom)) : '';
  const given = hoursThreshold !== undefined || feesRatio !== undefined;
  return {
    summary: t.signalSummary(a.score, words(a.code, lang)),
    lines: [
      t.s1(num(weeklyHours), num(a.hoursThreshold), a.complexity),
      t.s2(pct(a.feesToSalary), pct(a.feesRatio), a.criticalMass, zone),
      t.s3(a.dataCulture),
      t.decisionRule,
      ...(given ? [t.thresholdsGiven(num(a.hoursThreshold), pct(a.feesRatio))] : []),
    ],
  };
}

function explainFeesToSalary({ t, lang, num, pct, arg }: CallContext): Explanation {
  const fees = read(arg(0), (v) => readAmount('external_fees', v));
  const salary = read(arg(1), (v) => readAmount('loaded_salary', v));
  const value = feesToSalary(fees, salary);
  if (isRuleError(value)) return errorExplanation(value, lang, []);
  const zone = criticalMassZone(value);
  return {
    summary: t.feesSummary(
      pct(value),
      zone === 'OFF' ? t.off : zone === 'TIPPING' ? t.tipping(pct(CRITICAL_MASS_RATIO), pct(CRITICAL_MASS_STRONG_RATIO)) : t.strong(pct(CRITICAL_MASS_STRONG_RATIO)),
    ),
    lines: [t.feesIs(num(fees), num(salary), pct(value)), t.zones(pct(CRITICAL_MASS_RATIO), pct(CRITICAL_MASS_STRONG_RATIO))],
  };
}

function explainBreakevenFees({ t, lang, num, pct, arg }: CallContext): Explanation {
  const salary = read(arg(0), (v) => readAmount('loaded_salary', v));
  const share = read(arg(1), (v) => readOptionalNumber('ratio', v)) ?? CRITICAL_MASS_RATIO;
  const value = breakevenFees(salary, share);
  if (isRuleError(value)) return errorExplanation(value, lang, []);
  return { summary: t.breakeven(num(value, 0)), lines: [t.breakevenIs(num(salary, 0), pct(share), num(value, 0))] };
}

function explainBudgetTier({ t, lang, num, arg }: CallContext): Explanation {
  const budget = read(arg(0), (v) => readAmount('monthly_budget', v));
  const profileText = read(arg(1), (v) => readOptionalChoice('profile', v)) ?? 'standard';
  const profile = parseProfile(profileText);
  if (isRuleError(profile)) return errorExplanation(profile, lang, []);
  const scale = read(arg(2), (v) => readOptionalNumber('scale', v));
  const tier = budgetTier(budget, profile, scale ?? 1);
  if (isRuleError(tier)) return errorExplanation(tier, lang, []);
  const th = tierThresholds(profile, scale ?? 1);
  return {
    summary: t.tierSummary(num(budget, 0), words(tier, lang)),
    lines: [t.profile(profile), t.tiers(num(th.partial, 0), num(th.regular, 0), num(th.full, 0)), ...(scale === undefined ? [] : [t.scale(num(scale, 4))])],
  };
}

function explainPilotVerdict({ t, lang, num, ratio, pct, arg }: CallContext): Explanation {
  const monthsElapsed = read(arg(0), (v) => readNumber('months_elapsed', v));
  const kpiAchievement = read(arg(1), (v) => readNumber('kpi_achievement', v));
  const roi = read(arg(2), (v) => readOptionalNumber('roi_ratio', v));
  const reportingOk = read(arg(3), (v) => readYesNo('reporting_ok', v, true));
  const given = [4, 5, 6, 7].map((i, k) => read(arg(i), (v) => readOptionalNumber(['pilot_months', 'expand_at', 'extend_at', 'roi_floor'][k], v)));
  const [pilotMonths = PILOT_MONTHS, expandAt = EXPAND_KPI, extendAt = EXTEND_KPI, roiFloor = ROI_TARGET_LOW] = given;
  const verdict = pilotVerdict({ monthsElapsed, kpiAchievement, roiRatio: roi, reportingOk, pilotMonths, expandAt, extendAt, roiFloor });
  if (isRuleError(verdict)) return errorExplanation(verdict, lang, []);
  const why = {
    TOO_EARLY: t.tooEarly(num(monthsElapsed), pilotMonths),
    STOP: t.stop,
    EXPAND: t.expand(pct(kpiAchievement), pct(expandAt), roi === undefined ? undefined : ratio(roi), ratio(roiFloor)),
    EXTEND: t.extend(pct(kpiAchievement), pct(extendAt)),
    TAKE_BACK: t.takeBack(pct(kpiAchievement), pct(extendAt)),
  }[verdict];
  const thresholds = given.some((g) => g !== undefined) ? [t.pilotThresholds(num(pilotMonths), pct(expandAt), pct(extendAt), ratio(roiFloor))] : [];
  return { summary: `${words(verdict, lang)} — ${why}`, lines: [t.pilotInputs(num(monthsElapsed), pct(kpiAchievement), reportingOk), why, ...thresholds] };
}

function explainAllocate({ t, lang, num, ratio, arg }: CallContext): Explanation {
  const total = read(arg(0), (v) => readAmount('total_budget', v));
  const spend = read(arg(1), (v) => readChannelValues('spend_range', v));
  const revenue = read(arg(2), (v) => readChannelValues('revenue_range', v));
  const floor = read(arg(3), (v) => readOptionalNumber('floor', v)) ?? ALLOCATION_FLOOR;
  const cap = read(arg(4), (v) => readOptionalNumber('cap', v));
  const amounts = allocate(total, spend, revenue, floor, cap);
  const capLine = cap === undefined ? [] : [t.cap(num(cap), isRuleError(amounts) ? 0 : amounts.filter((a, i) => a > 0 && a >= cap * spend[i] * (1 - 1e-9)).length)];
  if (isRuleError(amounts)) return errorExplanation(amounts, lang, [t.floor(ratio(floor)), ...capLine]);
  const cut = amounts.filter((a, i) => a === 0 && spend[i] > 0).length;
  return {
    summary: t.allocateSummary(num(total, 0), amounts.length - amounts.filter((a) => a === 0).length, cut),
    lines: [t.floor(ratio(floor)), t.allocateRule, ...capLine],
  };
}

function explainContribution({ t, lang, num, ratio, pct, arg }: CallContext): Explanation {
  const revenue = read(arg(0), (v) => readAmount('revenue', v));
  const spend = read(arg(1), (v) => readAmount('spend', v));
  const margin = read(arg(2), (v) => readNumber('margin', v));
  const value = contribution(revenue, spend, margin);
  if (isRuleError(value)) return errorExplanation(value, lang, []);
  const roas = spend > 0 && margin > 0 ? [t.breakevenRoas(ratio(revenue / spend), ratio(1 / margin), value >= 0)] : [];
  return {
    summary: t.contribution(num(Math.abs(value), 0), value >= 0),
    lines: [t.contributionIs(num(revenue, 0), pct(margin), num(spend, 0), num(value, 0)), ...roas],
  };
}

function explainDecision({ t, lang, num, arg }: CallContext): Explanation {
  const signalText = read(arg(0), (v) => readOptionalChoice('signal_code', v)) ?? '';
  const tierText = read(arg(1), (v) => readOptionalChoice('tier_code', v)) ?? '';
  const crossoverMonth = read(arg(2), (v) => readOptionalNumber('crossover_month', v));
  const paybackLimit = read(arg(3), (v) => readOptionalNumber('payback_limit', v)) ?? PAYBACK_LIMIT;
  const signal = parseSignalCode(signalText);
  if (isRuleError(signal)) return errorExplanation(signal, lang, []);
  const tier = parseTierCode(tierText);
  if (isRuleError(tier)) return errorExplanation(tier, lang, []);
  const inputs = { signal, tier, crossoverMonth, paybackLimit };
  const code = decide(inputs);
  if (isRuleError(code)) return errorExplanation(code, lang, []);
  const reason = t.decisionReason[decisionReason(inputs)](words(tier, lang), num(crossoverMonth ?? 0, 0), num(paybackLimit, 0));
  return {
    summary: t.decisionSummary(words(code, lang), reason),
    lines: [t.decisionInputs(words(signal, lang), words(tier, lang), crossoverMonth === undefined ? undefined : num(crossoverMonth, 0), num(paybackLimit, 0))],
  };
}

function explainLtv({ t, lang, num, pct, arg }: CallContext): Explanation {
  const margin = read(arg(0), (v) => readAmount('margin_per_period', v));
  const retention = read(arg(1), (v) => readNumber('retention_rate', v));
  const discount = read(arg(2), (v) => readOptionalNumber('discount_rate', v)) ?? 0;
  const value = lifetimeValue(margin, retention, discount);
  if (isRuleError(value)) return errorExplanation(value, lang, []);
  return { summary: t.ltv(num(value)), lines: [t.ltvIs(num(margin), pct(retention), pct(discount))] };
}

function explainRetentionLever({ t, lang, num, arg }: CallContext): Explanation {
  const margin = read(arg(0), (v) => readAmount('margin_per_period', v));
  const retention = read(arg(1), (v) => readNumber('retention_rate', v));
  const cac = read(arg(2), (v) => readAmount('cac', v));
  const uplift = read(arg(3), (v) => readOptionalNumber('retention_uplift', v));
  const cut = read(arg(4), (v) => readOptionalNumber('cac_cut', v));
  const c = compareLevers(margin, retention, cac, uplift, cut);
  if (isRuleError(c)) return errorExplanation(c, lang, []);
  return { summary: t.lever(words(c.lever, lang)), lines: [t.leverIs(num(c.retentionLtvToCac), num(c.acquisitionLtvToCac))] };
}

function explainLabel({ t, arg, result }: CallContext): Explanation {
  const code = read(arg(0), (v) => readOptionalText('code', v)) ?? '';
  const language = read(arg(1), (v) => readOptionalChoice('lang', v)) ?? 'fr';
  const parsed = parseLanguage(language);
  const key = code.trim().toUpperCase();
  const known = Object.prototype.hasOwnProperty.call(CODE_LABELS, key);
  if (isRuleError(parsed) || !known) return { summary: String(result ?? ''), lines: [] };
  return { summary: t.label(key, labelOf(key, parsed) as string), lines: [] };
}

function errorExplanation(error: RuleError, lang: Language, lines: string[]): Explanation {
  return { summary: EXPLAIN[lang].error(formatMessage(error.key, error.params, lang)), lines };
}

/**
 * How the host passes a referenced blank cell to a custom function: Excel for Windows and Mac as
 * 0, Excel on the web as null (office-js issues 4702, 5262; RULES.md, Conventions).
 */
export type BlankShape = 'zero' | 'null';

/** The blank shape of an `Office.context.platform` value: the web passes null, the others 0. */
export function blankShapeOf(platform: string | undefined): BlankShape {
  return platform === 'OfficeOnline' ? 'null' : 'zero';
}

/** A referenced single blank cell as the host hands it to the function (Office.js reads it as ""). */
function asHostPasses(value: unknown, shape: BlankShape): unknown {
  const single = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1;
  if (!single || (value as unknown[][])[0][0] !== '') return value;
  return shape === 'null' ? null : 0;
}

/**
 * Explains the cell's MKT formula: the first MKT call whose arguments are all known, then the
 * calls nested in it (their lines follow). A blank cell it references is read the way the host
 * passes it to the function (`shape`), so the explanation agrees with the cell.
 */
export function explainFormula(cell: CellUnderCursor, lang: Language, shape: BlankShape = 'zero', region?: Region): Explanation | undefined {
  const calls = parseMktCalls(cell.formula);
  if (calls.length === 0) return undefined;
  const explained: Explanation[] = [];
  for (const [index, call] of calls.entries()) {
    const args = call.args.map((a) => (isReference(a) ? asHostPasses(argumentValue(a, cell.inputs), shape) : argumentValue(a, cell.inputs)));
    const e = explainCall(call, args, index === 0 ? cell.value : undefined, lang, { pathRow: cell.spillRow, region });
    if (e) explained.push(e);
  }
  // A cell Excel has not bound says so first, with the fix: its value is #NAME?, not the result.
  const hint = repairHintFor(cell.formula, cell.value, lang);
  if (explained.length === 0) {
    const lines = calls[0].args.map((a, i) => `${i + 1}. ${a}`);
    return { summary: EXPLAIN[lang].notEvaluated(calls[0].id), lines: hint ? [hint, ...lines] : lines };
  }
  const [first, ...rest] = explained;
  const lines = [...first.lines, ...rest.flatMap((e) => [e.summary, ...e.lines])];
  return { summary: first.summary, lines: hint ? [hint, ...lines] : lines };
}
