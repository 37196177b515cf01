/** The Internalisation sheet: the in-house check's inputs, signals, tier and decision. */
import { labelLanguage, labelsFor } from '../words/sheets';
import { currencyFormat, INTEGER_FORMAT, PERCENT_FORMAT } from '../common/sheet-utils';
import { CellData, formulasAt, inputFormula, literal, PlanInputError, SheetPlan, textAt } from './plan';
import type { InternalisationInput } from '../types';

/**
 * The in-house check. Signal 2's loaded salary is the owner's own value or cell when given; left to
 * the hiring block (`{ hiring: true }`), it reads `=MKT_LOADED_SALARY`, live, when that name exists.
 */
export function internalisationPlan(input: InternalisationInput, names: ReadonlySet<string> = new Set()): SheetPlan {
  const { profile } = input;
  const L = labelsFor(profile);
  const money = currencyFormat(profile);
  const lang = literal(labelLanguage(profile));
  const picks: SheetPlan['picks'] = [];
  const inputs: Array<[string, CellData, string]> = [
    [L.weeklyHours, inputFormula('weekly_hours', input.weeklyHours, { picks }), INTEGER_FORMAT],
    [L.externalFees, inputFormula('external_fees', input.externalFees, { singleCell: false, picks }), money],
    [L.loadedSalary, loadedSalaryCell(input.loadedSalary, names, picks), money],
    [L.dataNeed, inputFormula('data_need', input.dataNeed, { picks }), 'General'],
    [L.monthlyBudget, inputFormula('monthly_budget', input.monthlyBudget, { singleCell: false, picks }), money],
  ];
  // Inputs in B3:B7 (1-based rows 3–7); the thresholds come from the assumptions sheet's names.
  const signals = 'B3,B4,B5,B6,MKT_COMPLEXITY_HOURS,MKT_CRITICAL_MASS';
  const results: Array<[string, string, string, string?]> = [
    [L.signal, `=MKT.INTERNALISE_SIGNAL(${signals})`, 'General', `=MKT.LABEL(B9,${lang})`],
    [L.score, `=MKT.INTERNALISE_SCORE(${signals})`, INTEGER_FORMAT],
    [L.feesToSalary, '=MKT.FEES_TO_SALARY(B4,B5)', PERCENT_FORMAT],
    [L.breakeven, '=MKT.BREAKEVEN_FEES(B5,MKT_CRITICAL_MASS)', money],
    [L.tier, '=MKT.BUDGET_TIER(B7,MKT_PROFILE,MKT_TIER_SCALE)', 'General', `=MKT.LABEL(B13,${lang})`],
    // The one answer (RULES.md §9), live: the signals' code, the tier's and, when the hiring-cost
    // panel wrote it, the month a hire starts to pay (0 when it never does).
    [L.decisionHeadline, input.crossover ? '=MKT.DECISION(B9,B13,IFERROR(MKT_CROSSOVER_MONTH,0))' : '=MKT.DECISION(B9,B13)', 'General', `=MKT.LABEL(B14,${lang})`],
  ];
  return {
    kind: 'internalisation',
    writes: [
      textAt(0, 0, [[L.intTitle]], 'title'),
      textAt(2, 0, inputs.map(([label]) => [label])),
      formulasAt(2, 1, inputs.map(([, v]) => [v]), inputs.map(([, , f]) => [f]), 'input'),
      textAt(7, 0, [[L.results]], 'header'),
      textAt(8, 0, results.map(([label]) => [label])),
      formulasAt(8, 1, results.map(([, f]) => [f]), results.map(([, , nf]) => [nf]), 'total'),
      formulasAt(8, 2, [[results[0][3]!]]),
      formulasAt(12, 2, [[results[4][3]!], [results[5][3]!]]),
    ],
    fills: [],
    names: [],
    highlights: [],
    charts: [],
    validations: [],
    widths: { A: 330, B: 110, C: 170 },
    region: { row: 0, column: 0, rows: 14, columns: 3 },
    anchor: 'B3',
    picks,
  };
}

/** The hiring block's named loaded salary (hiring.ts). */
const LOADED_SALARY = 'MKT_LOADED_SALARY';

function loadedSalaryCell(cell: InternalisationInput['loadedSalary'], names: ReadonlySet<string>, picks: NonNullable<SheetPlan['picks']>): CellData {
  if ('hiring' in cell) {
    if (!names.has(LOADED_SALARY)) throw new PlanInputError('noHiringBlock', {});
    return `=${LOADED_SALARY}`;
  }
  return inputFormula('loaded_salary', cell, { singleCell: false, picks });
}
