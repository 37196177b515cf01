/**
 * Native forms of the arbitrage by marginal return (RULES.md §7): RESPONSE_FIT (an array formula
 * of four cells), MARGINAL_ROAS and OPTIMAL_SPEND (from a fit's range), BREAKEVEN_ROAS.
 * ALLOCATE_MARGINAL has none (translate.ts FROZEN_BY_DESIGN).
 */
import { CURVE_MIN_MONTHS, CURVE_MIN_SPREAD, SLOPE_ROUND_OFF, SPREAD_ROUND_OFF } from '../rules/marginal';
import { DIV0_ERROR, Frozen, MAX_FORMULA_LENGTH, NA_ERROR, NUM_ERROR, VALUE_ERROR, type NativeArg, type NativeEntry, type NativeParam } from './native-entry';
import { failing, guarded, p, rateRefused, read } from './readings';
import { operand, rangeShape } from './references';

// The rule's round-off tolerances as plain decimals (not every engine reads an exponent in a formula).
const formulaNumber = (x: number) => {
  const text = x.toFixed(Math.max(0, 15 - Math.floor(Math.log10(Math.abs(x))))).replace(/\.?0+$/, '');
  if (Number(text) !== x) throw new Error(`no exact decimal for ${x}`);
  return text;
};
const NATIVE_SLOPE_ROUND_OFF = formulaNumber(SLOPE_ROUND_OFF);
const NATIVE_SPREAD_ROUND_OFF = formulaNumber(SPREAD_ROUND_OFF);
const NATIVE_BELOW_ONE = formulaNumber(-(1 - SLOPE_ROUND_OFF));

/**
 * RESPONSE_FIT's row of four (src/rules/marginal.ts responseFit), computed the same way: the months
 * that count (spend and revenue both numbers above 0), the means of their logs, the centred sums,
 * b = Sxy / Sxx, a = e^(ȳ − b x̄), r² = 1 − SSE / Syy clamped to 0..1 (0 when Syy = 0); CURVE when
 * there are 6 months or more, the largest spend is at least 1.5 × the smallest, 0 < b < 1 and a is
 * finite; otherwise LINEAR: Σ revenue / Σ spend, 1, the log fit's r² (0 without one). CHOOSE picks
 * from one list so that b is written as few times as possible (no LET in classic functions). Same
 * operations in the same order as the rule: the test engine gives the same bits, boundaries included.
 */
function responseFitBody(s: string, v: string): string {
  const m = `ISNUMBER(${s})*ISNUMBER(${v})*(${s}>0)*(${v}>0)`;
  const n = `SUM(${m})`;
  const mx = `AVERAGE(IF(${m},LN(${s})))`;
  const my = `AVERAGE(IF(${m},LN(${v})))`;
  const dx = `(LN(${s})-${mx})`;
  const dy = `(LN(${v})-${my})`;
  const sxx = `SUMSQ(IF(${m},${dx}))`;
  const sxy = `SUM(IF(${m},${dx}*${dy}))`;
  const syy = `SUMSQ(IF(${m},${dy}))`;
  const b = `(${sxy}/${sxx})`;
  const a = `EXP(${my}-${b}*${mx})`;
  const sse = `SUMSQ(IF(${m},LN(${v})-(${my}+${b}*${dx})))`;
  // The rule's round-off guards: equal revenues fit slope 0 and r² 0; a slope within 1e-9 of 1 is 1.
  const flat = `(MAX(IF(${m},LN(${v})))=MIN(IF(${m},LN(${v}))))`;
  const sseAtOne = `SUMSQ(IF(${m},LN(${v})-(${my}+${dx})))`;
  const r2 = `IF(OR(${flat},NOT(${syy}>0)),0,MEDIAN(0,1,1-IF(ABS(${b}-1)<=${NATIVE_SLOPE_ROUND_OFF},${sseAtOne},${sse})/${syy}))`;
  const max = `MAX(IF(${m},${s}))`;
  const min = `MIN(IF(${m},${s}))`;
  const ratio = `SUM(IF(${m},${v}))/SUM(IF(${m},${s}))`;
  // 0 < b < 1 − 1e-9 in one comparison: b × {1, −1} > {0, −(1 − 1e-9)}; a spread of 1.5 to round-off.
  const curve = `AND(${n}>=${CURVE_MIN_MONTHS},${max}>=${CURVE_MIN_SPREAD}*${min}*(1-${NATIVE_SPREAD_ROUND_OFF}),NOT(${flat}),${b}*{1,-1}>{0,${NATIVE_BELOW_ONE}},ISNUMBER(${a}))`;
  return (
    `IF(${n}=0,${NA_ERROR},IF(AND(${max}<>${min},${sxx}>0),` +
    `CHOOSE(IF(${curve},{1,2,3,4},{5,6,3,7}),${a},${b},${r2},"CURVE",${ratio},1,"LINEAR"),` +
    `CHOOSE({1,2,3,4},${ratio},1,0,"LINEAR")))`
  );
}

/**
 * RESPONSE_FIT's row of four in fewer characters, for ranges whose long references make the exact
 * form pass Excel's 8 192 (another sheet's history): SLOPE and RSQ compute b and r² in their own
 * order, so a slope within rounding of the rule's bounds (0, and 1 − 1e-9: revenue exactly proportional
 * to spend) may be decided the other way — a documented limit. Elsewhere the values agree to 1e-9.
 */
function responseFitCompact(s: string, v: string): string {
  const m = `ISNUMBER(${s})*ISNUMBER(${v})*(${s}>0)*(${v}>0)`;
  const n = `SUM(${m})`;
  const lx = `IF(${m},LN(${s}))`;
  const ly = `IF(${m},LN(${v}))`;
  const b = `SLOPE(${ly},${lx})`;
  const a = `EXP(AVERAGE(${ly})-${b}*AVERAGE(${lx}))`;
  const flat = `(MAX(${ly})=MIN(${ly}))`;
  // A slope the rule snaps to 1 (within 1e-9) changes r² by at most (1e-9)² × Sxx / Syy: RSQ is kept.
  const r2 = `IF(${flat},0,IFERROR(MEDIAN(0,1,RSQ(${ly},${lx})),0))`;
  const max = `MAX(IF(${m},${s}))`;
  const min = `MIN(IF(${m},${s}))`;
  const ratio = `SUM(IF(${m},${v}))/SUM(IF(${m},${s}))`;
  const linear = `CHOOSE({1,2,3,4},${ratio},1,0,"LINEAR")`;
  // 0 < b < 1 − 1e-9 in one comparison: b × {1, −1} > {0, −(1 − 1e-9)}; a spread of 1.5 to round-off.
  const curve = `AND(${n}>=${CURVE_MIN_MONTHS},${max}>=${CURVE_MIN_SPREAD}*${min}*(1-${NATIVE_SPREAD_ROUND_OFF}),NOT(${flat}),${b}*{1,-1}>{0,${NATIVE_BELOW_ONE}},ISNUMBER(${a}))`;
  return (
    `IF(${n}=0,${NA_ERROR},IF(${max}<>${min},` +
    `IFERROR(CHOOSE(IF(${curve},{1,2,3,4},{5,6,3,7}),${a},${b},${r2},"CURVE",${ratio},1,"LINEAR"),${linear}),${linear}))`
  );
}

/**
 * A fit range's first two numbers in reading order (coerce.ts readLeadingNumbers), in a formula
 * that needs no array entry: SUMPRODUCT evaluates LARGE over the range's cells. `pos` is each
 * cell's place in reading order (a constant: the test engine's COLUMN gives no array); p1, p2 the
 * places of the first two numbers (K when missing), pe of the first error. Undefined when the fit is not a range written as a reference.
 */
function fitReading(arg: NativeArg): { a: string; b: string; errorFirst: string; error: string; missing: string } | undefined {
  if (arg.omitted || arg.resultKind !== undefined) return undefined;
  const ref = arg.text.trim();
  const shape = rangeShape(ref);
  if (!shape) return undefined;
  const cells = shape.rows * shape.cols;
  if (cells === 1) return { a: ref, b: VALUE_ERROR, errorFirst: 'FALSE', error: ref, missing: 'TRUE' };
  const k = cells + 1;
  // Each cell's place, as a constant of the range's shape (it does not move with the reference).
  const pos = `{${Array.from({ length: shape.rows }, (_, r) => Array.from({ length: shape.cols }, (_, c) => r * shape.cols + c + 1).join(',')).join(';')}}`;
  const isNum = `ISNUMBER(${ref})*NOT(ISLOGICAL(${ref}))`;
  const place = (which: string, nth: number) => `(${k}-SUMPRODUCT(LARGE(${which}*(${k}-${pos}),${nth})))`;
  const at = (p: string) =>
    shape.rows === 1
      ? `INDEX(${ref},1,${p})`
      : shape.cols === 1
        ? `INDEX(${ref},${p},1)`
        : `INDEX(${ref},INT((${p}-1)/${shape.cols})+1,MOD(${p}-1,${shape.cols})+1)`;
  const p1 = place(isNum, 1);
  const p2 = place(isNum, 2);
  const pe = place(`ISERROR(${ref})`, 1);
  return { a: at(p1), b: at(p2), errorFirst: `${pe}<${p2}`, error: at(pe), missing: `${p2}=${k}` };
}

/**
 * MARGINAL_ROAS and OPTIMAL_SPEND: the fit read first (an error before its two numbers passed
 * on), then the other argument, then the fit's bounds (a ≥ 0, 0 < b ≤ 1), then `body`.
 */
function withFit(args: NativeArg[], param: NativeParam, body: (a: string, b: string, x: string) => string, refused: (x: string) => string): string | Frozen {
  const fit = fitReading(args[0] ?? { text: '', omitted: true });
  if (!fit) return new Frozen('channelShape', 'FIT');
  const [x] = read([param], [args[1] ?? { text: '', omitted: true }]);
  const { a, b } = fit;
  const checked =
    `IF(${fit.missing},${VALUE_ERROR},IF(OR(${a}<0,${b}<=0,${b}>1,${refused(x)}),${VALUE_ERROR},${body(a, b, operand(x))}))`;
  const inner = guarded([failing(x)], checked);
  return fit.errorFirst === 'FALSE' ? inner : `IF(${fit.errorFirst},${fit.error},${inner})`;
}

export const MARGINAL_NATIVE: Readonly<Record<string, NativeEntry>> = {
  RESPONSE_FIT: {
    params: [p('spend', 'range'), p('revenue', 'range')],
    result: 'row',
    note: {
      fr: 'formule matricielle (Ctrl+Maj+Entrée) sur les quatre cellules ; plages écrites en références (même forme, ou une ligne et une colonne)',
      en: 'an array formula (Ctrl+Shift+Enter) over the four cells; ranges written as references (the same shape, or one row and one column)',
    },
    translate(args, context) {
      const [spendArg, revenueArg] = args;
      if (!spendArg || !revenueArg || spendArg.omitted || revenueArg.omitted) return new Frozen('channelShape', 'RESPONSE_FIT');
      const spendShape = rangeShape(spendArg.text);
      const revenueShape = rangeShape(revenueArg.text);
      if (!spendShape || !revenueShape) return new Frozen('channelShape', 'RESPONSE_FIT');
      if (!context.arrayFormula) return new Frozen('notArrayFormula', 'RESPONSE_FIT');
      if (context.spill && (context.spill.rows !== 1 || context.spill.cols !== 4)) return new Frozen('channelShape', 'RESPONSE_FIT');
      const s = spendArg.text.trim();
      const cells = spendShape.rows * spendShape.cols;
      const sameShape = spendShape.rows === revenueShape.rows && spendShape.cols === revenueShape.cols;
      const line = (shape: { rows: number; cols: number }) => shape.rows === 1 || shape.cols === 1;
      let v = revenueArg.text.trim();
      const ref = v;
      let body: string;
      if (cells !== revenueShape.rows * revenueShape.cols) body = VALUE_ERROR;
      else if (!sameShape && !(line(spendShape) && line(revenueShape))) return new Frozen('channelShape', 'RESPONSE_FIT');
      else {
        // Months paired in reading order: a row against a column is turned to the spend's way.
        if (!sameShape) v = `TRANSPOSE(${v})`;
        body = responseFitBody(s, v);
      }
      // Both histories are read before any check (an error in either first), then the counts and the negative months.
      const checked = (inner: string) =>
        `IF(ISERROR(MIN(${s})),MIN(${s}),IF(ISERROR(MIN(${ref})),MIN(${ref}),` +
        `IF(OR(MIN(${s})<0,MIN(${ref})<0),${VALUE_ERROR},${inner})))`;
      // The exact form where it fits Excel's limit, else the compact one (another sheet's long references).
      const exact = checked(body);
      return exact.length <= MAX_FORMULA_LENGTH || body === VALUE_ERROR ? exact : checked(responseFitCompact(s, v));
    },
  },
  MARGINAL_ROAS: {
    params: [p('fit', 'range'), p('monthly_spend', 'number')],
    result: 'number',
    note: {
      fr: 'ajustement écrit en référence de plage',
      en: 'fit written as a range reference',
    },
    translate(args) {
      const out = withFit(
        args,
        this.params[1],
        (a, b, x) => `IF(${b}=1,${a},IF(${x}=0,${NUM_ERROR},${a}*${b}*POWER(${x},${b}-1)))`,
        (x) => `${x}<0`,
      );
      return out instanceof Frozen ? new Frozen(out.reason, 'MARGINAL_ROAS') : out;
    },
  },
  OPTIMAL_SPEND: {
    params: [p('fit', 'range'), p('margin', 'number')],
    result: 'number',
    note: {
      fr: 'ajustement écrit en référence de plage',
      en: 'fit written as a range reference',
    },
    translate(args) {
      const out = withFit(
        args,
        this.params[1],
        (a, b, m) => `IF(${b}=1,${NUM_ERROR},IF(${a}*${b}*${m}=0,0,EXP(LN(${a}*${b}*${m})/(1-${b}))))`,
        (m) => rateRefused(m),
      );
      return out instanceof Frozen ? new Frozen(out.reason, 'OPTIMAL_SPEND') : out;
    },
  },
  BREAKEVEN_ROAS: {
    params: [p('margin', 'number')],
    result: 'number',
    translate(args) {
      const r = read(this.params, args);
      const [margin] = r;
      return guarded(r.map(failing), `IF(${rateRefused(margin)},${VALUE_ERROR},IF(${margin}=0,${DIV0_ERROR},1/${operand(margin)}))`, [margin]);
    },
  },
};
