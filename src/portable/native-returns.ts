/**
 * Native forms of the returns (RULES.md §2: ROI_RATIO, CONTRIBUTION, ROI_BAND, LTV,
 * RETENTION_LEVER) and of the allocation by ROI ratio (§5: ALLOCATE, an array formula).
 */
import { DIV0_ERROR, Frozen, NA_ERROR, NUM_ERROR, VALUE_ERROR, type NativeEntry } from './native-entry';
import { failing, guarded, optional, p, rateRefused, ratioOf, read } from './readings';
import { operand, rangeShape } from './references';

/** A channel range's cells as numbers (blank, text, TRUE/FALSE: 0), in an array formula. */
function channelValues(range: string): string {
  return `IF(ISNUMBER(${range}),IF(ISLOGICAL(${range}),0,${range}),0)`;
}

export const RETURNS_NATIVE: Readonly<Record<string, NativeEntry>> = {
  ROI_RATIO: {
    params: [p('revenue', 'amount'), p('spend', 'amount')],
    result: 'number',
    translate: ratioOf([p('revenue', 'amount'), p('spend', 'amount')]),
  },
  CONTRIBUTION: {
    params: [p('revenue', 'amount'), p('spend', 'amount'), p('margin', 'number')],
    result: 'number',
    translate(args) {
      const r = read(this.params, args);
      const [revenue, spend, margin] = r;
      return guarded(r.map(failing), `IF(${rateRefused(margin)},${VALUE_ERROR},${operand(revenue)}*${operand(margin)}-${operand(spend)})`, [margin]);
    },
  },
  ROI_BAND: {
    params: [p('ratio', 'number'), p('low', 'number', '3'), p('high', 'number', '5')],
    result: 'text',
    translate(args) {
      const r = read(this.params, args);
      const [ratio, low, high] = r;
      return guarded(
        r.map(failing),
        `IF(OR(${ratio}<0,${low}<0,${high}<0,${low}>${high}),${VALUE_ERROR},` +
          `IF(${ratio}<${low},"BELOW",IF(${ratio}>${high},"ABOVE","TARGET")))`,
        r,
      );
    },
  },
  LTV: {
    params: [p('margin_per_period', 'amount'), p('retention_rate', 'number'), p('discount_rate', 'number', '0')],
    result: 'number',
    translate(args) {
      const r = read(this.params, args);
      const [margin, rate, discount] = r;
      const d = operand(discount);
      return guarded(
        r.map(failing),
        `IF(OR(${rateRefused(rate)},${rateRefused(discount)}),${VALUE_ERROR},` +
          `IF(1+${d}-${operand(rate)}<=0,${NUM_ERROR},${operand(margin)}*(1+${d})/(1+${d}-${operand(rate)})))`,
        [rate, discount],
      );
    },
  },
  RETENTION_LEVER: {
    params: [
      p('margin_per_period', 'amount'),
      p('retention_rate', 'number'),
      p('cac', 'amount'),
      p('retention_uplift', 'number', '0.1'),
      p('cac_cut', 'number', '0.1'),
    ],
    result: 'text',
    translate(args) {
      const r = read(this.params, args);
      const [m, rate, cac, uplift, cut] = r.map(operand);
      const improved = `${rate}*(1+${uplift})`;
      const retention = `${m}/(1-${improved})/${cac}`;
      const acquisition = `${m}/(1-${rate})/(${cac}*(1-${cut}))`;
      // MKT's tie tolerance, 1e-12 of the larger ratio (both are ≥ 0): a tie goes to RETENTION.
      return guarded(
        r.map(failing),
        `IF(OR(${rateRefused(rate)},${rateRefused(uplift)},${rateRefused(cut, 'highOpen')}),${VALUE_ERROR},` +
          `IF(${cac}=0,${DIV0_ERROR},IF(OR(1-${improved}<=0,1-${rate}<=0),${NUM_ERROR},` +
          `IF(${retention}>=${acquisition}*(1-0.000000000001),"RETENTION","ACQUISITION"))))`,
        [r[1], r[3], r[4]],
      );
    },
  },
  ALLOCATE: {
    params: [p('total_budget', 'amount'), p('spend_range', 'range'), p('revenue_range', 'range'), p('floor', 'number', '3'), optional('cap', 'number')],
    result: 'column',
    note: {
      fr: 'formule matricielle (Ctrl+Maj+Entrée) sur la colonne de résultats ; plages écrites en références (une colonne ou une ligne) ; avec un plafond (cap), figée à ses valeurs',
      en: 'an array formula (Ctrl+Shift+Enter) over the result column; ranges written as references (one column or one row); with a cap, frozen to its values',
    },
    translate(args, context) {
      const [, spendArg, revenueArg] = args;
      // The capped shares are a fixed point (ceilings passed on until none is exceeded): their
      // closed form needs an N × N matrix several times over, far beyond Excel's formula length.
      if (args[4] !== undefined && !args[4].omitted) return new Frozen('noNativeForm', 'ALLOCATE');
      if (!spendArg || !revenueArg || spendArg.omitted || revenueArg.omitted) return new Frozen('channelShape', 'ALLOCATE');
      const spendShape = rangeShape(spendArg.text);
      const revenueShape = rangeShape(revenueArg.text);
      if (!spendShape || !revenueShape) return new Frozen('channelShape', 'ALLOCATE');
      const cells = spendShape.rows * spendShape.cols;
      const line = (s: { rows: number; cols: number }) => s.rows === 1 || s.cols === 1;
      if (!line(spendShape) || !line(revenueShape) || cells !== revenueShape.rows * revenueShape.cols) {
        return new Frozen('channelShape', 'ALLOCATE');
      }
      if (!context.arrayFormula) return new Frozen('notArrayFormula', 'ALLOCATE');
      if (context.spill && (context.spill.rows !== cells || context.spill.cols !== 1)) return new Frozen('channelShape', 'ALLOCATE');
      const r = read(this.params.slice(0, 4), args);
      const [total, spendRef, revenueRef, floor] = r;
      // Reading order is the range's own; a row becomes the spilled column through TRANSPOSE.
      const column = (ref: string, shape: { rows: number; cols: number }) => (shape.rows === 1 && shape.cols > 1 ? `TRANSPOSE(${ref})` : ref);
      const s = column(spendRef, spendShape);
      const v = column(revenueRef, revenueShape);
      const spend = channelValues(s);
      const revenue = channelValues(v);
      const f = operand(floor);
      const reaches = `IF(${spend}>0,IF(${revenue}/${spend}>=${f},1,0),0)`;
      const kept = `IF(${spend}>0,IF(${revenue}/${spend}>=${f},${revenue}/${spend},0),0)`;
      const negative = (ref: string) => `IF(MIN(${ref})<0,${VALUE_ERROR},0)`;
      return guarded(
        [failing(total), negative(spendRef), negative(revenueRef), failing(floor)],
        `IF(${f}<0,${VALUE_ERROR},IF(SUM(${reaches})=0,${NA_ERROR},IF(SUM(${kept})=0,${NA_ERROR},` +
          `${operand(total)}*(${kept}/SUM(${kept})))))`,
      );
    },
  },
};
