/**
 * Native forms of the internalisation signals (RULES.md §1: INTERNALISE_SIGNAL, INTERNALISE_SCORE,
 * FEES_TO_SALARY, BREAKEVEN_FEES), the budget tier (§3: BUDGET_TIER) and the pilot's verdict
 * (§4: PILOT_VERDICT).
 */
import { DIV0_ERROR, VALUE_ERROR, type NativeEntry } from './native-entry';
import { failing, guarded, optional, p, rateRefused, ratioOf, read } from './readings';
import { operand } from './references';

function internaliseScore(r: string[]): string {
  const [hours, fees, salary, dataNeed, hoursThreshold, feesRatio] = r;
  // fees ÷ salary past the largest double (1e308 ÷ 0.5) is #NUM! in a spreadsheet and ∞ ≥ the ratio in MKT.
  return `(${hours}>=${operand(hoursThreshold)})+IFERROR(${fees}/${salary}>=${operand(feesRatio)},TRUE)+${operand(dataNeed)}`;
}

function internaliseBody(r: string[], body: string): string {
  const [hours, , salary, , hoursThreshold, feesRatio] = r;
  // The thresholds' checks (1..168 hours, a rate above 0) only when one is given.
  const given = hoursThreshold !== '40' || feesRatio !== '0.6';
  const checked = given ? `IF(OR(${hoursThreshold}<1,${hoursThreshold}>168,${rateRefused(feesRatio, 'lowOpen')}),${VALUE_ERROR},${body})` : body;
  return guarded(r.map(failing), `IF(OR(${hours}<0,${hours}>168),${VALUE_ERROR},IF(${salary}=0,${DIV0_ERROR},${checked}))`);
}

const INTERNALISE_PARAMS = [
  p('weekly_hours', 'number'),
  p('external_fees', 'amount'),
  p('loaded_salary', 'amount'),
  p('data_need', 'yesno', 'FALSE'),
  p('hours_threshold', 'number', '40'),
  p('fees_ratio', 'number', '0.6'),
];

export const SIGNALS_NATIVE: Readonly<Record<string, NativeEntry>> = {
  INTERNALISE_SIGNAL: {
    params: INTERNALISE_PARAMS,
    result: 'text',
    translate(args) {
      const r = read(INTERNALISE_PARAMS, args);
      return internaliseBody(r, `INDEX({"OUTSOURCE","PREPARE","INTERNALISE","INTERNALISE"},1,${internaliseScore(r)}+1)`);
    },
  },
  INTERNALISE_SCORE: {
    params: INTERNALISE_PARAMS,
    result: 'number',
    translate(args) {
      const r = read(INTERNALISE_PARAMS, args);
      return internaliseBody(r, internaliseScore(r));
    },
  },
  FEES_TO_SALARY: {
    params: [p('external_fees', 'amount'), p('loaded_salary', 'amount')],
    result: 'number',
    translate: ratioOf([p('external_fees', 'amount'), p('loaded_salary', 'amount')]),
  },
  BREAKEVEN_FEES: {
    params: [p('loaded_salary', 'amount'), p('ratio', 'number', '0.6')],
    result: 'number',
    translate(args) {
      const r = read(this.params, args);
      const [salary, ratio] = r;
      return guarded(r.map(failing), `IF(${rateRefused(ratio, 'lowOpen')},${VALUE_ERROR},${salary}*${operand(ratio)})`, [ratio]);
    },
  },
  BUDGET_TIER: {
    params: [p('monthly_budget', 'amount'), p('profile', 'text', '""'), p('scale', 'number', '1')],
    result: 'text',
    translate(args) {
      const r = read(this.params, args);
      const [budget, profile, scale] = r;
      const is = (names: string[]) => `OR(${names.map((n) => `${profile}="${n}"`).join(',')})`;
      const factor =
        `IF(${is(['', 'standard'])},1,IF(${is(['high_margin', 'clickable', 'forte_marge', 'cliquable'])},0.75,` +
        `IF(${is(['local_low_margin', 'local_faible_marge'])},1.25,${VALUE_ERROR})))`;
      const b = operand(budget);
      // Each threshold × the profile's factor, then × the scale when one is given (above 0, else #VALUE!).
      const times = scale === '1' ? `*${factor}` : `*${factor}*${operand(scale)}`;
      const tiers = `IF(${b}<500${times},"IN_HOUSE",IF(${b}<1500${times},"PARTIAL",IF(${b}<=4000${times},"REGULAR","FULL")))`;
      if (scale === '1') return guarded([failing(budget), failing(profile) ? factor : undefined], tiers, [budget, factor]);
      return guarded([failing(budget), failing(profile) ? factor : undefined, failing(scale)], `IF(${scale}<=0,${VALUE_ERROR},${tiers})`, [budget, factor]);
    },
  },
  PILOT_VERDICT: {
    params: [
      p('months_elapsed', 'number'),
      p('kpi_achievement', 'number'),
      optional('roi_ratio', 'number'),
      p('reporting_ok', 'yesno', 'TRUE'),
      p('pilot_months', 'number', '3'),
      p('expand_at', 'number', '1'),
      p('extend_at', 'number', '0.8'),
      p('roi_floor', 'number', '3'),
    ],
    result: 'text',
    translate(args) {
      const roiOmitted = args[2] === undefined || args[2].omitted;
      const r = read(this.params, args);
      const [months, kpi, roi, reporting, pilotMonths, expandAt, extendAt, roiFloor] = r;
      const [pm, ea, xa, rf] = [pilotMonths, expandAt, extendAt, roiFloor].map(operand);
      // The thresholds' rules (RULES.md §4) are checked only when one is given.
      const given = pilotMonths !== '3' || expandAt !== '1' || extendAt !== '0.8' || roiFloor !== '3';
      const thresholds = given ? `,${pm}<1,${pm}>36,${xa}<=0,${xa}>${ea},${ea}>10,${rf}<0` : '';
      const refused = roiOmitted ? `OR(${months}<0,${kpi}<0,${kpi}>10${thresholds})` : `OR(${months}<0,${kpi}<0,${kpi}>10,${roi}<0${thresholds})`;
      const expand = roiOmitted ? `${kpi}>=${ea}` : `AND(${kpi}>=${ea},${roi}>=${rf})`;
      return guarded(
        [failing(months), failing(kpi), roiOmitted ? undefined : failing(roi), failing(reporting), ...[pilotMonths, expandAt, extendAt, roiFloor].map(failing)],
        `IF(${refused},${VALUE_ERROR},IF(${months}<${pm},"TOO_EARLY",IF(NOT(${reporting}),"STOP",` +
          `IF(${expand},"EXPAND",IF(${kpi}>=${xa},"EXTEND","TAKE_BACK")))))`,
        roiOmitted ? [months, kpi] : [months, kpi, roi],
      );
    },
  },
};
