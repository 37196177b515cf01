/**
 * Explaining the functions of arbitrage by marginal return (RULES.md §7) in plain words: what b
 * means ("each doubling of spend multiplies revenue by 2^b"), why a fit is LINEAR, why a channel
 * got its amount (its marginal return, its ceiling). Pure; arguments are read with the
 * functions' own coercion module and decided by the rules, like explain.ts's.
 */
import { readAmount, readLeadingNumbers, readMonthRows, readMonths, readNumber, readOptionalNumber } from '../../functions/coerce';
import { formatMessage } from '../../i18n/messages';
import { isRuleError, RuleError } from '../../rules/errors';
import type { Language } from '../../rules/labels';
import {
  allocateMarginal,
  breakevenRoas,
  MARGINAL_CAP,
  type MarginalAllocation,
  marginalRoas,
  optimalSpend,
  parseFit,
  responseFit,
} from '../../rules/marginal';
import { EXPLAIN } from '../words/explain';
import { fitWords, MARGINAL_EXPLAIN, numberText } from '../words/marginal';
import type { Explanation, MktCall } from '../types';

export const MARGINAL_IDS: ReadonlySet<string> = new Set(['RESPONSE_FIT', 'MARGINAL_ROAS', 'OPTIMAL_SPEND', 'BREAKEVEN_ROAS', 'ALLOCATE_MARGINAL']);

class Unknown extends Error {}

function read<T>(value: unknown, reader: (v: unknown) => T): T {
  if (value === undefined) throw new Unknown();
  return reader(value);
}

function errorExplanation(error: RuleError, lang: Language, lines: string[] = []): Explanation {
  return { summary: EXPLAIN[lang].error(formatMessage(error.key, error.params, lang)), lines };
}

/** Explains one call of the §7 family, or undefined for another id or an argument not known. */
export function explainMarginalCall(call: MktCall, args: readonly unknown[], lang: Language): Explanation | undefined {
  if (!MARGINAL_IDS.has(call.id)) return undefined;
  const t = MARGINAL_EXPLAIN[lang];
  const num = (v: number, d = 2) => numberText(lang, v, d);
  const ratio = (v: number) => `${num(v, 2)}:1`;
  const pct = (v: number) => `${num(v * 100, 0)}${lang === 'fr' ? '\u00a0%' : '%'}`;
  const arg = (i: number) => (i < args.length ? args[i] : null);
  try {
    switch (call.id) {
      case 'RESPONSE_FIT': {
        const spend = read(arg(0), (v) => readMonths('spend', v));
        const revenue = read(arg(1), (v) => readMonths('revenue', v));
        const fit = responseFit(spend, revenue);
        if (isRuleError(fit)) return errorExplanation(fit, lang);
        const words = fitWords(fit, lang);
        return { summary: words.summary, lines: [...(words.why ? [words.why] : []), t.fitInputs(fit.months, num(fit.r2, 3))] };
      }
      case 'MARGINAL_ROAS': {
        const numbers = read(arg(0), (v) => readLeadingNumbers('fit', v, 2));
        const spend = read(arg(1), (v) => readNumber('monthly_spend', v));
        const value = marginalRoas(numbers, spend);
        if (isRuleError(value)) return errorExplanation(value, lang);
        const curve = parseFit(numbers);
        if (isRuleError(curve)) return errorExplanation(curve, lang);
        const lines =
          curve.b === 1
            ? [t.marginalLinear(num(curve.a))]
            : [t.marginalIs(num(curve.a, 3), num(curve.b, 3), num(spend, 0)), `${t.doubling(num(curve.b, 3), num(Math.pow(2, curve.b), 2))}.`];
        return { summary: t.marginalSummary(num(spend, 0), num(value)), lines };
      }
      case 'OPTIMAL_SPEND': {
        const numbers = read(arg(0), (v) => readLeadingNumbers('fit', v, 2));
        const margin = read(arg(1), (v) => readNumber('margin', v));
        const value = optimalSpend(numbers, margin);
        if (isRuleError(value)) return errorExplanation(value, lang);
        const lines = margin > 0 ? [t.optimalIs(ratio(1 / margin))] : [];
        return { summary: t.optimalSummary(num(value, 0), pct(margin)), lines };
      }
      case 'BREAKEVEN_ROAS': {
        const margin = read(arg(0), (v) => readNumber('margin', v));
        const value = breakevenRoas(margin);
        if (isRuleError(value)) return errorExplanation(value, lang);
        return { summary: t.breakevenSummary(pct(margin), ratio(value)), lines: [] };
      }
      case 'ALLOCATE_MARGINAL': {
        const budget = read(arg(0), (v) => readAmount('monthly_budget', v));
        const spend = read(arg(1), (v) => readMonthRows('spend_history', v));
        const revenue = read(arg(2), (v) => readMonthRows('revenue_history', v));
        const cap = read(arg(3), (v) => readOptionalNumber('cap', v)) ?? MARGINAL_CAP;
        const result = allocateMarginal(budget, spend, revenue, cap);
        if (isRuleError(result)) return errorExplanation(result, lang);
        const lambdaText = result.lambda === undefined ? undefined : num(result.lambda, 3);
        const lines = channelLines(result, cap, lambdaText, lang);
        lines.push(t.allocateRule);
        return { summary: t.allocateSummary(num(budget, 0), lambdaText), lines };
      }
      default:
        return undefined;
    }
  } catch (error) {
    if (error instanceof RuleError) return errorExplanation(error, lang);
    return undefined;
  }
}

/** Why each channel got its amount: free at the common marginal return, at its ceiling, cut, tied (LINEAR), or without a month. */
function channelLines({ amounts, fits, ceilings }: MarginalAllocation, cap: number, lambdaText: string | undefined, lang: Language): string[] {
  const t = MARGINAL_EXPLAIN[lang];
  const num = (v: number, d = 2) => numberText(lang, v, d);
  const lines: string[] = [];
  amounts.forEach((x, k) => {
    const i = k + 1;
    const fit = fits[k];
    if (fit === undefined) {
      lines.push(t.channelNoMonth(i));
      return;
    }
    const amount = num(x, 0);
    if (x > 0 && x >= ceilings[k]) {
      const marginal = fit.a * fit.b * Math.pow(ceilings[k], fit.b - 1);
      lines.push(t.channelCeiling(i, amount, num(cap, 2), num(fit.maxSpend, 0), num(marginal, 3)));
    } else if (x === 0) {
      lines.push(t.channelZero(i, fit.code === 'LINEAR' ? num(fit.a, 3) : '∞', lambdaText ?? '—'));
    } else if (fit.code === 'LINEAR') {
      lines.push(t.channelTied(i, amount, num(fit.a, 3)));
    } else {
      lines.push(t.channelFree(i, amount, lambdaText ?? '—'));
    }
    if (fit.code === 'LINEAR') lines.push(t.channelLinear(i, fitWords(fit, lang).why ?? ''));
  });
  return lines;
}
