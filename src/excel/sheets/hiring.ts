/**
 * The hiring-cost sheet (RULES.md §8): the gross salary as the owner typed it (monthly or yearly)
 * made yearly by a formula; the loaded salary as a live =MKT.LOADED_SALARY_FR / _QC (the market
 * from the profile), named MKT_LOADED_SALARY so the internalisation sheet's Signal 2 can read it;
 * =MKT.INHOUSE_MONTHLY with the pane's defaults in input cells; the crossover month as
 * =IFERROR(MKT.CROSSOVER_MONTH(…),0), named MKT_CROSSOVER_MONTH (what MKT.DECISION reads), and in
 * words; a spilled =MKT.COST_PATHS table and a line chart of its two cumulative paths. Pure.
 */
import { cellAddress, currencyFormat, INTEGER_FORMAT, parseAddress, PERCENT_FORMAT, rangeAddress } from '../common/sheet-utils';
import { CellData, CellWrite, ChartPlan, formulasAt, inputFormula, literal, PlanInputError, SheetPlan, textAt } from './plan';
import { registryName, parseRecordFormula } from '../common/registry';
import { hiringLabels, type HiringStrings } from '../words/hiring';
import type { HiringInput } from '../types';

export const LOADED_SALARY_NAME = 'MKT_LOADED_SALARY';
export const CROSSOVER_NAME = 'MKT_CROSSOVER_MONTH';
export const HIRING_CHART = 'MKT_HIRING_PATHS';
/** Excel's whole-number limits of COST_PATHS's horizon (RULES.md §8). */
export const MAX_HORIZON = 600;

const RATE_FORMAT = '0.00%';

/** 1-based rows of the sheet's cells, for the plan, the explanations and the tests. */
export const HIRING_ROWS = {
  gross: 5,
  period: 6,
  grossYearly: 7,
  market1: 8,
  market2: 9,
  market3: 10,
  year: 11,
  loaded: 12,
  contributions: 13,
  tools: 16,
  managementHours: 17,
  hourlyValue: 18,
  inhouse: 19,
  outsource: 22,
  recruitingRate: 23,
  oneOff: 24,
  monthsToHire: 25,
  rampMonths: 26,
  rampStart: 27,
  horizon: 28,
  crossover: 29,
  words: 30,
  pathsHeader: 32,
  paths: 33,
} as const;

const R = HIRING_ROWS;
const B = (row: number) => `B${row}`;

export function hiringPlan(input: HiringInput): SheetPlan {
  const { profile } = input;
  const L = hiringLabels(profile.lang, profile.region);
  const money = currencyFormat(profile);
  const picks: SheetPlan['picks'] = [];
  const [yes, no] = yesNo(profile.lang);
  const horizon = Math.trunc(input.horizon);
  if (!Number.isFinite(horizon) || horizon < 1 || horizon > MAX_HORIZON) throw new PlanInputError('badNumber', { field: L.horizon });
  if (!Number.isInteger(input.year)) throw new PlanInputError('badNumber', { field: L.year });
  const cell = (field: string, value: HiringInput['gross'], single = true) => inputFormula(field, value, { singleCell: single, picks });

  const inputs: Array<[number, string, CellData, string]> = [[R.gross, L.gross, cell('gross', input.gross, false), money]];
  const texts: CellWrite[] = [textAt(R.period - 1, 1, [[input.grossPeriod === 'monthly' ? L.monthly : L.yearly]], 'input')];
  const { loadedFormula, marketLabels } = marketInputs(input, L, cell, inputs, texts);
  inputs.push(
    [R.year, '', input.year, INTEGER_FORMAT],
    [R.tools, '', cell('tools_month', input.toolsMonth, false), money],
    [R.managementHours, '', cell('management_hours_week', input.managementHours), INTEGER_FORMAT],
    [R.hourlyValue, '', cell('hourly_value', input.hourlyValue, false), money],
    [R.outsource, '', cell('outsource_monthly', input.outsourceMonthly, false), money],
    [R.recruitingRate, '', cell('recruiting_rate', input.recruitingRate), PERCENT_FORMAT],
    [R.monthsToHire, '', cell('months_to_hire', input.monthsToHire), INTEGER_FORMAT],
    [R.rampMonths, '', cell('ramp_months', input.rampMonths), INTEGER_FORMAT],
    [R.rampStart, '', cell('ramp_start', input.rampStart), PERCENT_FORMAT],
    [R.horizon, '', horizon, INTEGER_FORMAT],
  );

  const crossoverArgs = [R.outsource, R.inhouse, R.oneOff, R.monthsToHire, R.rampMonths, R.rampStart].map(B).join(',');
  const results = hiringResults(L, loadedFormula, crossoverArgs, money);
  const lastPath = R.paths + horizon - 1;
  const pathRows = (column: string) => `${column}${R.paths}:${column}${lastPath}`;
  const isResult = new Set([R.loaded, R.inhouse, R.crossover]);
  return {
    kind: 'hiring',
    writes: [
      textAt(0, 0, [[L.title]], 'title'),
      textAt(1, 0, [[L.note]], 'note'),
      textAt(3, 0, [[L.salary]], 'header'),
      textAt(14, 0, [[L.inhouse]], 'header'),
      textAt(20, 0, [[L.crossover]], 'header'),
      ...labelRows(L, marketLabels).map(([row, label]) => textAt(row - 1, 0, [[label]])),
      ...inputs.map(([row, , data, format]) => formulasAt(row - 1, 1, [[data]], [[format]], 'input')),
      ...texts,
      ...results.map(([row, formula, format]) => formulasAt(row - 1, 1, [[formula]], [[format]], isResult.has(row as 12 | 19 | 29) ? 'total' : undefined)),
      textAt(R.pathsHeader - 1, 0, [[L.month, L.outsourceCumulative, L.hireCumulative]], 'header'),
      // The cells the table spills into get their number formats only (a value would block the spill).
      { address: rangeAddress(R.paths - 1, 0, horizon, 3), kind: 'formats', data: [], numberFormat: Array.from({ length: horizon }, () => [INTEGER_FORMAT, money, money]) },
      // One formula; the table spills below it (horizon rows × 3).
      formulasAt(R.paths - 1, 0, [[`=MKT.COST_PATHS(${crossoverArgs},${B(R.horizon)})`]], [[INTEGER_FORMAT]]),
    ],
    fills: [],
    names: [
      { name: LOADED_SALARY_NAME, address: cellAddress(R.loaded - 1, 1, true), comment: 'Loaded salary (RULES.md §8), read by the in-house check' },
      { name: CROSSOVER_NAME, address: cellAddress(R.crossover - 1, 1, true), comment: 'Crossover month, 0 = never (RULES.md §8), read by MKT.DECISION' },
    ],
    highlights: [],
    charts: [hiringChart(L, pathRows)],
    validations: [
      { address: B(R.period), list: profile.lang === 'fr' ? 'mensuel,annuel' : 'monthly,yearly' },
      ...(profile.region === 'QC' ? [] : [{ address: B(R.market2), list: `${yes},${no}` }]),
    ],
    widths: { A: 330, B: 120, C: 130 },
    region: { row: 0, column: 0, rows: lastPath, columns: 3 },
    anchor: B(R.gross),
    picks,
  };
}

/** The market's inputs (France: headcount, cadre, AT rate; Québec: CNESST, payroll, benefits), added to `inputs` and `texts`, and the loaded salary's formula. */
function marketInputs(
  input: HiringInput,
  L: HiringStrings,
  cell: (field: string, value: HiringInput['gross'], single?: boolean) => CellData,
  inputs: Array<[number, string, CellData, string]>,
  texts: CellWrite[],
): { loadedFormula: string; marketLabels: string[] } {
  const money = currencyFormat(input.profile);
  if (input.profile.region === 'QC') {
    const q = input.quebec;
    if (!q) throw new PlanInputError('badNumber', { field: L.cnesstRate });
    inputs.push(
      [R.market1, '', cell('cnesst_rate', q.cnesstRate), RATE_FORMAT],
      // The company's payroll; left out, the employee's own gross (the function's default), live.
      [R.market2, '', q.totalPayroll ? cell('total_payroll', q.totalPayroll, false) : `=${B(R.grossYearly)}`, money],
      [R.market3, '', cell('benefits_rate', q.benefitsRate), RATE_FORMAT],
    );
    const loadedFormula = `=MKT.LOADED_SALARY_QC(${B(R.grossYearly)},${B(R.market1)},${B(R.market2)},${B(R.market3)},${B(R.year)})`;
    return { loadedFormula, marketLabels: [L.cnesstRate, L.totalPayroll, L.benefitsRate] };
  }
  const f = input.france;
  if (!f) throw new PlanInputError('badNumber', { field: L.headcount });
  inputs.push([R.market1, '', cell('headcount', f.headcount), INTEGER_FORMAT], [R.market3, '', cell('at_rate', f.atRate), RATE_FORMAT]);
  // oui/non as text: MKT reads it as yes/no, and the owner reads it as a word.
  const [yes, no] = yesNo(input.profile.lang);
  texts.push(textAt(R.market2 - 1, 1, [[f.cadre ? yes : no]], 'input'));
  const loadedFormula = `=MKT.LOADED_SALARY_FR(${B(R.grossYearly)},${B(R.market1)},${B(R.market2)},${B(R.market3)},${B(R.year)})`;
  return { loadedFormula, marketLabels: [L.headcount, L.cadre, L.atRate] };
}

/** The computed rows: yearly gross, loaded salary, contributions, in-house monthly, one-off cost, crossover month and in words. */
function hiringResults(L: HiringStrings, loadedFormula: string, crossoverArgs: string, money: string): Array<[number, CellData, string]> {
  return [
    [R.grossYearly, `=IF(OR(${B(R.period)}=${literal('mensuel')},${B(R.period)}=${literal('monthly')}),${B(R.gross)}*12,${B(R.gross)})`, money],
    [R.loaded, loadedFormula, money],
    [R.contributions, `=${B(R.loaded)}-${B(R.grossYearly)}`, money],
    [R.inhouse, `=MKT.INHOUSE_MONTHLY(${B(R.loaded)},${B(R.tools)},${B(R.managementHours)},${B(R.hourlyValue)})`, money],
    [R.oneOff, `=${B(R.recruitingRate)}*${B(R.grossYearly)}`, money],
    [R.crossover, `=IFERROR(MKT.CROSSOVER_MONTH(${crossoverArgs}),0)`, INTEGER_FORMAT],
    [
      R.words,
      `=IF(${B(R.crossover)}=0,${literal(L.never)},${literal(L.cheaperPrefix)}&IF(${B(R.crossover)}=1,${literal(L.cheaperFirst)},${B(R.crossover)}&${literal(L.cheaperSuffix)})&".")`,
      'General',
    ],
  ];
}

/** Each row's label in column A. */
function labelRows(L: HiringStrings, marketLabels: string[]): Array<[number, string]> {
  return [
    [R.gross, L.gross],
    [R.period, L.period],
    [R.grossYearly, L.grossYearly],
    [R.market1, marketLabels[0]],
    [R.market2, marketLabels[1]],
    [R.market3, marketLabels[2]],
    [R.year, L.year],
    [R.loaded, L.loaded],
    [R.contributions, L.contributions],
    [R.tools, L.tools],
    [R.managementHours, L.managementHours],
    [R.hourlyValue, L.hourlyValue],
    [R.inhouse, L.inhouseMonthly],
    [R.outsource, L.outsourceMonthly],
    [R.recruitingRate, L.recruitingRate],
    [R.oneOff, L.oneOff],
    [R.monthsToHire, L.monthsToHire],
    [R.rampMonths, L.rampMonths],
    [R.rampStart, L.rampStart],
    [R.horizon, L.horizon],
    [R.crossover, L.crossoverMonth],
    [R.words, L.crossoverWords],
  ];
}

/** The line chart of both cumulative costs over the horizon written. */
function hiringChart(L: HiringStrings, pathRows: (column: string) => string): ChartPlan {
  return {
    name: HIRING_CHART,
    title: L.chart,
    type: 'line',
    categories: pathRows('A'),
    series: [
      { name: L.outsourceCumulative, values: pathRows('B') },
      { name: L.hireCumulative, values: pathRows('C') },
    ],
    position: ['E4', 'M24'],
  };
}

const yesNo = (lang: 'fr' | 'en'): [string, string] => (lang === 'fr' ? ['oui', 'non'] : ['yes', 'no']);

/**
 * When a cell lies in the COST_PATHS table of the pane's hiring sheet (its record `MKT_SHEET_HIRING`
 * says which sheet), the table's anchor cell and the cell's 1-based row in the table: a spilled
 * cell holds a value, not the formula, so Explain reads the formula from the anchor. Pure.
 */
export function costPathsCellOf(address: string, names: ReadonlyArray<{ name: string; formula: string }>): { sheet: string; anchor: string; row: number } | undefined {
  const cell = parseAddress(address);
  const record = names.find((n) => n.name.toUpperCase() === registryName('hiring'));
  const parsed = record ? parseRecordFormula(String(record.formula ?? '')) : undefined;
  if (!cell?.sheet || !parsed || parsed.sheet.toLowerCase() !== cell.sheet.toLowerCase()) return undefined;
  const { row, column } = cell.rect;
  if (column > 2 || row < R.paths - 1 || row >= R.paths - 1 + MAX_HORIZON) return undefined;
  return { sheet: parsed.sheet, anchor: `A${R.paths}`, row: row - (R.paths - 1) + 1 };
}
