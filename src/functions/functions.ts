/**
 * The MKT custom functions. Each is a thin adapter: read the arguments (coerce.ts, or
 * shared-inputs.ts where several functions read the same ones), call one rule (src/rules), map its
 * error (excel-errors.ts). Each body is its own try/catch (see toThrown). The JSDoc is the single
 * source of functions.json, from this one file (the metadata plugin and the tests read it); the
 * ids are stored in users' workbooks and never change.
 */
import * as rules from '../rules';
import { finiteColumn, finiteNumber, toThrown, unwrap } from './excel-errors';
import {
  readAmount,
  readChannelValues,
  readLeadingNumbers,
  readMonthRows,
  readMonths,
  readNumber,
  readOptionalChoice,
  readOptionalNumber,
  readOptionalText,
  readYesNo,
} from './coerce';
import { hiringPathInputs, internaliseInputs } from './shared-inputs';

/**
 * Whether to bring marketing in-house: INTERNALISE (2 or 3 signals), PREPARE (1) or OUTSOURCE (0). Signals: 40 h a week or more; external fees at 60 % of a loaded salary or more; a need for fast data iteration. Both thresholds can be changed.
 * @customfunction INTERNALISE_SIGNAL
 * @helpurl https://localhost:3000/help.html#INTERNALISE_SIGNAL
 * @param weekly_hours Hours a week that marketing, sales and product work together need (0 to 168).
 * @param external_fees Yearly external marketing fees: a cell or a range, summed.
 * @param loaded_salary Yearly loaded salary of an in-house marketer: a cell or a range, summed.
 * @param [data_need] TRUE if the business needs fast data iteration and institutional memory (yes/no). Default FALSE.
 * @param [hours_threshold] Weekly hours from which the complexity signal is on, 1 to 168. Default 40.
 * @param [fees_ratio] Fees ÷ loaded salary from which the critical-mass signal is on, above 0 and up to 1. Default 0.6.
 * @returns INTERNALISE, PREPARE or OUTSOURCE.
 */
export function internaliseSignal(
  weekly_hours: any,
  external_fees: any[][],
  loaded_salary: any[][],
  data_need?: any,
  hours_threshold?: any,
  fees_ratio?: any,
): string {
  try {
    return internaliseInputs(weekly_hours, external_fees, loaded_salary, data_need, hours_threshold, fees_ratio).code;
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * How many of the three internalisation signals are on, from 0 to 3.
 * @customfunction INTERNALISE_SCORE
 * @helpurl https://localhost:3000/help.html#INTERNALISE_SCORE
 * @param weekly_hours Hours a week that marketing, sales and product work together need (0 to 168).
 * @param external_fees Yearly external marketing fees: a cell or a range, summed.
 * @param loaded_salary Yearly loaded salary of an in-house marketer: a cell or a range, summed.
 * @param [data_need] TRUE if the business needs fast data iteration and institutional memory (yes/no). Default FALSE.
 * @param [hours_threshold] Weekly hours from which the complexity signal is on, 1 to 168. Default 40.
 * @param [fees_ratio] Fees ÷ loaded salary from which the critical-mass signal is on, above 0 and up to 1. Default 0.6.
 * @returns The number of signals on, 0 to 3.
 */
export function internaliseScore(
  weekly_hours: any,
  external_fees: any[][],
  loaded_salary: any[][],
  data_need?: any,
  hours_threshold?: any,
  fees_ratio?: any,
): number {
  try {
    return internaliseInputs(weekly_hours, external_fees, loaded_salary, data_need, hours_threshold, fees_ratio).score;
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Yearly external fees divided by the yearly loaded salary of an in-house profile. From 0.60 the budget reaches critical mass.
 * @customfunction FEES_TO_SALARY
 * @helpurl https://localhost:3000/help.html#FEES_TO_SALARY
 * @param external_fees Yearly external marketing fees: a cell or a range, summed.
 * @param loaded_salary Yearly loaded salary of an in-house marketer: a cell or a range, summed.
 * @returns The fees-to-salary ratio (0.6 = 60 %).
 */
export function feesToSalary(external_fees: any[][], loaded_salary: any[][]): number {
  try {
    return finiteNumber(
      unwrap(rules.feesToSalary(readAmount('external_fees', external_fees), readAmount('loaded_salary', loaded_salary))),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The yearly external fees at which the budget reaches critical mass: loaded salary × ratio.
 * @customfunction BREAKEVEN_FEES
 * @helpurl https://localhost:3000/help.html#BREAKEVEN_FEES
 * @param loaded_salary Yearly loaded salary of an in-house marketer: a cell or a range, summed.
 * @param [ratio] Share of the salary at which fees tip the balance, above 0 and up to 1. Default 0.6.
 * @returns Yearly external fees, in the salary's currency.
 */
export function breakevenFees(loaded_salary: any[][], ratio?: any): number {
  try {
    return finiteNumber(
      unwrap(
        rules.breakevenFees(
          readAmount('loaded_salary', loaded_salary),
          readOptionalNumber('ratio', ratio) ?? rules.CRITICAL_MASS_RATIO,
        ),
      ),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Revenue returned per unit of marketing spend: SUM(revenue) / SUM(spend). 4 means 4 back for 1 spent.
 * @customfunction ROI_RATIO
 * @helpurl https://localhost:3000/help.html#ROI_RATIO
 * @param revenue Revenue from the marketing: a cell or a range, summed.
 * @param spend Marketing spend: a cell or a range, summed.
 * @returns The ROI ratio (revenue per unit spent).
 */
export function roiRatio(revenue: any[][], spend: any[][]): number {
  try {
    return finiteNumber(unwrap(rules.roiRatio(readAmount('revenue', revenue), readAmount('spend', spend))));
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * What the marketing leaves after its spend, in gross margin: SUM(revenue) × margin − SUM(spend). Negative when it loses money.
 * @customfunction CONTRIBUTION
 * @helpurl https://localhost:3000/help.html#CONTRIBUTION
 * @param revenue Revenue from the marketing: a cell or a range, summed.
 * @param spend Marketing spend: a cell or a range, summed.
 * @param margin Gross margin rate, 0 to 1 (30 % = 0.3).
 * @returns The contribution, in the revenue's currency.
 */
export function contribution(revenue: any[][], spend: any[][], margin: any): number {
  try {
    return finiteNumber(
      unwrap(rules.contribution(readAmount('revenue', revenue), readAmount('spend', spend), readNumber('margin', margin))),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Where a ROI ratio stands against the 3:1 to 5:1 target: BELOW, TARGET or ABOVE.
 * @customfunction ROI_BAND
 * @helpurl https://localhost:3000/help.html#ROI_BAND
 * @param ratio A ROI ratio, such as the result of MKT.ROI_RATIO.
 * @param [low] Lowest ratio on target. Default 3.
 * @param [high] Highest ratio on target. Default 5.
 * @returns BELOW, TARGET or ABOVE.
 */
export function roiBand(ratio: any, low?: any, high?: any): string {
  try {
    return unwrap(
      rules.roiBand(
        readNumber('ratio', ratio),
        readOptionalNumber('low', low) ?? rules.ROI_TARGET_LOW,
        readOptionalNumber('high', high) ?? rules.ROI_TARGET_HIGH,
      ),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Customer lifetime value: margin × (1 + d) / (1 + d − r). With no discount rate, margin / (1 − retention).
 * @customfunction LTV
 * @helpurl https://localhost:3000/help.html#LTV
 * @param margin_per_period Gross margin per customer per period: a cell or a range, summed.
 * @param retention_rate Probability that a customer stays each period, 0 to 1 (80 % = 0.8).
 * @param [discount_rate] Discount rate per period, 0 to 1. Default 0.
 * @returns The lifetime value, in the margin's currency.
 */
export function ltv(margin_per_period: any[][], retention_rate: any, discount_rate?: any): number {
  try {
    return finiteNumber(
      unwrap(
        rules.lifetimeValue(
          readAmount('margin_per_period', margin_per_period),
          readNumber('retention_rate', retention_rate),
          readOptionalNumber('discount_rate', discount_rate) ?? 0,
        ),
      ),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Which lever raises LTV:CAC more: RETENTION (retention up 10 %) or ACQUISITION (acquisition cost down 10 %). A tie goes to RETENTION.
 * @customfunction RETENTION_LEVER
 * @helpurl https://localhost:3000/help.html#RETENTION_LEVER
 * @param margin_per_period Gross margin per customer per period: a cell or a range, summed.
 * @param retention_rate Probability that a customer stays each period, 0 to 1 (80 % = 0.8).
 * @param cac Customer acquisition cost: a cell or a range, summed.
 * @param [retention_uplift] Relative rise of retention, 0 to 1. Default 0.1.
 * @param [cac_cut] Relative cut of the acquisition cost, 0 to less than 1. Default 0.1.
 * @returns RETENTION or ACQUISITION.
 */
export function retentionLever(
  margin_per_period: any[][],
  retention_rate: any,
  cac: any[][],
  retention_uplift?: any,
  cac_cut?: any,
): string {
  try {
    return unwrap(
      rules.compareLevers(
        readAmount('margin_per_period', margin_per_period),
        readNumber('retention_rate', retention_rate),
        readAmount('cac', cac),
        readOptionalNumber('retention_uplift', retention_uplift) ?? rules.RETENTION_UPLIFT,
        readOptionalNumber('cac_cut', cac_cut) ?? rules.CAC_CUT,
      ),
    ).lever;
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * How far to outsource for a monthly marketing budget: IN_HOUSE (under 500), PARTIAL (500 to 1 500), REGULAR (1 500 to 4 000) or FULL (above 4 000), thresholds scaled by the profile.
 * @customfunction BUDGET_TIER
 * @helpurl https://localhost:3000/help.html#BUDGET_TIER
 * @param monthly_budget Monthly marketing budget: a cell or a range, summed.
 * @param [profile] standard (×1), high_margin or clickable (×0.75), local_low_margin (×1.25); French: forte_marge, cliquable, local_faible_marge. Default standard.
 * @param [scale] Multiplies the three thresholds after the profile, for another market or currency (the thresholds are euros of the French market); above 0. Default 1.
 * @returns IN_HOUSE, PARTIAL, REGULAR or FULL.
 */
export function budgetTier(monthly_budget: any[][], profile?: any, scale?: any): string {
  try {
    const budget = readAmount('monthly_budget', monthly_budget);
    const profileText = readOptionalChoice('profile', profile);
    const parsed = profileText === undefined ? 'standard' : unwrap(rules.parseProfile(profileText));
    return unwrap(rules.budgetTier(budget, parsed, readOptionalNumber('scale', scale) ?? 1));
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Verdict of a three-month outsourcing pilot: TOO_EARLY, STOP, EXPAND, EXTEND or TAKE_BACK.
 * @customfunction PILOT_VERDICT
 * @helpurl https://localhost:3000/help.html#PILOT_VERDICT
 * @param months_elapsed Months since the pilot started.
 * @param kpi_achievement Actual KPI divided by its target (1 = 100 %, up to 10).
 * @param [roi_ratio] ROI ratio of the pilot; when given, expanding needs 3 or more.
 * @param [reporting_ok] TRUE if the provider reports regularly and openly (yes/no). Default TRUE.
 * @param [pilot_months] Length of the pilot in months, 1 to 36. Default 3.
 * @param [expand_at] KPI achievement from which to expand, at least extend_at and at most 10. Default 1.
 * @param [extend_at] KPI achievement from which to extend, above 0 and at most expand_at. Default 0.8.
 * @param [roi_floor] Lowest ROI ratio of the pilot to expand, 0 or more. Default 3.
 * @returns TOO_EARLY, STOP, EXPAND, EXTEND or TAKE_BACK.
 */
export function pilotVerdict(
  months_elapsed: any,
  kpi_achievement: any,
  roi_ratio?: any,
  reporting_ok?: any,
  pilot_months?: any,
  expand_at?: any,
  extend_at?: any,
  roi_floor?: any,
): string {
  try {
    return unwrap(
      rules.pilotVerdict({
        monthsElapsed: readNumber('months_elapsed', months_elapsed),
        kpiAchievement: readNumber('kpi_achievement', kpi_achievement),
        roiRatio: readOptionalNumber('roi_ratio', roi_ratio),
        reportingOk: readYesNo('reporting_ok', reporting_ok, true),
        pilotMonths: readOptionalNumber('pilot_months', pilot_months),
        expandAt: readOptionalNumber('expand_at', expand_at),
        extendAt: readOptionalNumber('extend_at', extend_at),
        roiFloor: readOptionalNumber('roi_floor', roi_floor),
      }),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Shares a budget between channels by their ROI ratio; channels below the floor get 0. Spills one amount per channel, in a column.
 * @customfunction ALLOCATE
 * @helpurl https://localhost:3000/help.html#ALLOCATE
 * @param total_budget Budget to share: a cell or a range, summed.
 * @param spend_range Spend per channel, one cell per channel.
 * @param revenue_range Revenue per channel, same size as spend_range.
 * @param [floor] Lowest ROI ratio that gets a share. Default 3.
 * @param [cap] Ceiling of each channel as a multiple of its own spend, 1 or more (1.5 = 150 %); what a capped channel cannot take goes to the others. Default: no ceiling.
 * @returns One amount per channel, summing to the budget.
 */
export function allocate(total_budget: any[][], spend_range: any[][], revenue_range: any[][], floor?: any, cap?: any): number[][] {
  try {
    return finiteColumn(
      unwrap(
        rules.allocate(
          readAmount('total_budget', total_budget),
          readChannelValues('spend_range', spend_range),
          readChannelValues('revenue_range', revenue_range),
          readOptionalNumber('floor', floor) ?? rules.ALLOCATION_FLOOR,
          readOptionalNumber('cap', cap),
        ),
      ),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Fits one channel's diminishing returns, revenue = a × spend^b, to its monthly history. Spills a row of four: a, b, r2, CURVE or LINEAR (the average ratio, when there are fewer than 6 months, too little variation in spend, or no diminishing slope).
 * @customfunction RESPONSE_FIT
 * @helpurl https://localhost:3000/help.html#RESPONSE_FIT
 * @param spend One channel's monthly spend, one cell per month. Months with a 0, a blank, a text or TRUE/FALSE are left out.
 * @param revenue The same months' revenue, as many cells as spend, paired in reading order.
 * @returns A row of four: a, b, r2 and CURVE or LINEAR.
 */
export function responseFit(spend: any[][], revenue: any[][]): any[][] {
  try {
    const fit = unwrap(rules.responseFit(readMonths('spend', spend), readMonths('revenue', revenue)));
    return [[finiteNumber(fit.a), finiteNumber(fit.b), finiteNumber(fit.r2), fit.code]];
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The revenue one more unit of spend brings at a monthly spend: a × b × spend^(b − 1), from a fit of MKT.RESPONSE_FIT.
 * @customfunction MARGINAL_ROAS
 * @helpurl https://localhost:3000/help.html#MARGINAL_ROAS
 * @param fit A row of MKT.RESPONSE_FIT: its first two numbers are a (0 or more) and b (above 0, at most 1).
 * @param monthly_spend Monthly spend at which to measure the return, 0 or more.
 * @returns The marginal ROAS: revenue per extra unit of spend.
 */
export function marginalRoas(fit: any[][], monthly_spend: any): number {
  try {
    return finiteNumber(
      unwrap(rules.marginalRoas(readLeadingNumbers('fit', fit, 2), readNumber('monthly_spend', monthly_spend))),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The monthly spend at which one more unit of spend returns exactly its cost in gross margin: (a × b × margin)^(1 / (1 − b)). Spending more loses money.
 * @customfunction OPTIMAL_SPEND
 * @helpurl https://localhost:3000/help.html#OPTIMAL_SPEND
 * @param fit A row of MKT.RESPONSE_FIT: its first two numbers are a (0 or more) and b (above 0, at most 1).
 * @param margin Gross margin rate, 0 to 1 (40 % = 0.4).
 * @returns The optimal monthly spend, in the history's currency.
 */
export function optimalSpend(fit: any[][], margin: any): number {
  try {
    return finiteNumber(unwrap(rules.optimalSpend(readLeadingNumbers('fit', fit, 2), readNumber('margin', margin))));
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The ROI ratio at which marketing pays for itself out of gross margin: 1 / margin. At a 25 % margin, 4:1 only breaks even.
 * @customfunction BREAKEVEN_ROAS
 * @helpurl https://localhost:3000/help.html#BREAKEVEN_ROAS
 * @param margin Gross margin rate, above 0 and at most 1 (25 % = 0.25).
 * @returns The break-even ROI ratio.
 */
export function breakevenRoas(margin: any): number {
  try {
    return finiteNumber(unwrap(rules.breakevenRoas(readNumber('margin', margin))));
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * Shares a monthly budget where the next unit of spend returns the most: one curve per channel (row), each channel at most cap × its best month. Spills one monthly amount per channel, in a column.
 * @customfunction ALLOCATE_MARGINAL
 * @helpurl https://localhost:3000/help.html#ALLOCATE_MARGINAL
 * @param monthly_budget Monthly budget to share: a cell or a range, summed.
 * @param spend_history Monthly spend, one row per channel and one cell per month (channels in columns: use TRANSPOSE).
 * @param revenue_history Monthly revenue, the same shape as spend_history.
 * @param [cap] Ceiling of each channel, as a multiple of its best month: 1 or more. Default 1.5.
 * @returns One monthly amount per channel, summing to the budget.
 */
export function allocateMarginal(monthly_budget: any[][], spend_history: any[][], revenue_history: any[][], cap?: any): number[][] {
  try {
    return finiteColumn(
      unwrap(
        rules.allocateMarginal(
          readAmount('monthly_budget', monthly_budget),
          readMonthRows('spend_history', spend_history),
          readMonthRows('revenue_history', revenue_history),
          readOptionalNumber('cap', cap) ?? rules.MARGINAL_CAP,
        ),
      ).amounts,
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The employer's yearly cost of a full-time employee in France: gross + employer contributions − réduction générale, each month at the rates of its 1st. Leaves out versement mobilité, conventions collectives, special schemes (Alsace-Moselle, JEI, LODEOM, ZRR), apprentices and part time. The statutory cost, not advice.
 * @customfunction LOADED_SALARY_FR
 * @helpurl https://localhost:3000/help.html#LOADED_SALARY_FR
 * @param gross_annual Yearly gross salary, full time, paid leave included: a cell or a range, summed.
 * @param [headcount] The company's employees (effectif), 1 or more. Default 4.
 * @param [cadre] TRUE for a cadre: adds APEC and the cadre prévoyance (yes/no). Default FALSE.
 * @param [at_rate] The company's AT/MP rate, 0 to 1 (2 % = 0.02). Default the year's national average (2.08 % in 2026).
 * @param [year] 2025 or 2026. Default 2026.
 * @returns The employer's yearly cost, in euros, not rounded.
 */
export function loadedSalaryFr(gross_annual: any[][], headcount?: any, cadre?: any, at_rate?: any, year?: any): number {
  try {
    return finiteNumber(
      unwrap(
        rules.loadedSalaryFr({
          grossAnnual: readAmount('gross_annual', gross_annual),
          headcount: readOptionalNumber('headcount', headcount),
          cadre: readYesNo('cadre', cadre, false),
          atRate: readOptionalNumber('at_rate', at_rate),
          year: readOptionalNumber('year', year),
        }),
      ),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The employer's yearly cost of a salaried employee in Québec: gross + RRQ + RRQ2 + RQAP + EI + FSS + CNESST + CNT + group insurance. The salary includes vacation pay. Leaves out the 1 % training rule and sector FSS rates other than services. The statutory cost, not advice.
 * @customfunction LOADED_SALARY_QC
 * @helpurl https://localhost:3000/help.html#LOADED_SALARY_QC
 * @param gross_annual Yearly gross salary: a cell or a range, summed.
 * @param [cnesst_rate] The employer's CNESST rate, 0 to 1 (1.54 $ per 100 $ = 0.0154). Default 0.0154.
 * @param [total_payroll] The company's whole yearly payroll, for the FSS rate: a cell or a range, summed. Default the employee's own gross.
 * @param [benefits_rate] Employer's share of group insurance, as a fraction of the gross, 0 to 1. Default 0.
 * @param [year] 2026. Default 2026.
 * @returns The employer's yearly cost, in dollars, not rounded.
 */
export function loadedSalaryQc(gross_annual: any[][], cnesst_rate?: any, total_payroll?: any[][], benefits_rate?: any, year?: any): number {
  try {
    return finiteNumber(
      unwrap(
        rules.loadedSalaryQc({
          grossAnnual: readAmount('gross_annual', gross_annual),
          cnesstRate: readOptionalNumber('cnesst_rate', cnesst_rate),
          totalPayroll: total_payroll === null || total_payroll === undefined ? undefined : readAmount('total_payroll', total_payroll),
          benefitsRate: readOptionalNumber('benefits_rate', benefits_rate),
          year: readOptionalNumber('year', year),
        }),
      ),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * What an in-house hire costs a month once in place: loaded_salary / 12 + tools + management hours a week × 52 / 12 × the owner's hourly value.
 * @customfunction INHOUSE_MONTHLY
 * @helpurl https://localhost:3000/help.html#INHOUSE_MONTHLY
 * @param loaded_salary Yearly loaded salary, such as MKT.LOADED_SALARY_FR: a cell or a range, summed.
 * @param [tools_month] Tools and software a month: a cell or a range, summed. Default 0.
 * @param [management_hours_week] Hours a week the owner spends managing the hire (0 to 168). Default 0.
 * @param [hourly_value] The owner's own hourly value: a cell or a range, summed. Default 0.
 * @returns The monthly cost of the hire.
 */
export function inhouseMonthly(loaded_salary: any[][], tools_month?: any[][], management_hours_week?: any, hourly_value?: any[][]): number {
  try {
    return finiteNumber(
      unwrap(
        rules.inhouseMonthly({
          loadedSalary: readAmount('loaded_salary', loaded_salary),
          toolsMonth: readAmount('tools_month', tools_month),
          managementHoursWeek: readOptionalNumber('management_hours_week', management_hours_week),
          hourlyValue: readAmount('hourly_value', hourly_value),
        }),
      ),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The first month, counted from the decision to hire, at the end of which hiring has cost less in total than going on outsourcing: the recruiting cost, the months to hire and the ramp-up counted. #N/A when no month within the horizon.
 * @customfunction CROSSOVER_MONTH
 * @helpurl https://localhost:3000/help.html#CROSSOVER_MONTH
 * @param outsource_monthly What outsourcing costs a month: a cell or a range, summed.
 * @param inhouse_monthly What the hire costs a month once in place, such as MKT.INHOUSE_MONTHLY: a cell or a range, summed.
 * @param one_off Recruiting fee and job ads, paid at the decision: a cell or a range, summed.
 * @param [months_to_hire] Months before the hire starts, still outsourced (0 to 120). Default 3.
 * @param [ramp_months] Months for the hire to reach full output (0 to 60). Default 3.
 * @param [ramp_start] Share of the output the hire delivers at the start, 0 to 1. Default 0.25.
 * @param [horizon] Last month looked at (1 to 600). Default 60.
 * @returns The crossover month, from 1.
 */
export function crossoverMonth(
  outsource_monthly: any[][],
  inhouse_monthly: any[][],
  one_off: any[][],
  months_to_hire?: any,
  ramp_months?: any,
  ramp_start?: any,
  horizon?: any,
): number {
  try {
    return unwrap(
      rules.crossoverMonth(hiringPathInputs(outsource_monthly, inhouse_monthly, one_off, months_to_hire, ramp_months, ramp_start, horizon)),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The two cumulative paths, month by month: spills horizon rows of three cells — the month, what outsourcing has cost so far, what hiring has cost so far. The table behind a chart.
 * @customfunction COST_PATHS
 * @helpurl https://localhost:3000/help.html#COST_PATHS
 * @param outsource_monthly What outsourcing costs a month: a cell or a range, summed.
 * @param inhouse_monthly What the hire costs a month once in place, such as MKT.INHOUSE_MONTHLY: a cell or a range, summed.
 * @param one_off Recruiting fee and job ads, paid at the decision: a cell or a range, summed.
 * @param [months_to_hire] Months before the hire starts, still outsourced (0 to 120). Default 3.
 * @param [ramp_months] Months for the hire to reach full output (0 to 60). Default 3.
 * @param [ramp_start] Share of the output the hire delivers at the start, 0 to 1. Default 0.25.
 * @param [horizon] Number of months, one row each (1 to 600). Default 36.
 * @returns Rows of month, cumulative outsourcing cost, cumulative hiring cost.
 */
export function costPaths(
  outsource_monthly: any[][],
  inhouse_monthly: any[][],
  one_off: any[][],
  months_to_hire?: any,
  ramp_months?: any,
  ramp_start?: any,
  horizon?: any,
): number[][] {
  try {
    const rows = unwrap(
      rules.costPaths(hiringPathInputs(outsource_monthly, inhouse_monthly, one_off, months_to_hire, ramp_months, ramp_start, horizon)),
    );
    return rows.map(([month, outsourcing, hiring]) => [month, finiteNumber(outsourcing), finiteNumber(hiring)]);
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * The one recommendation: the signals' code, the budget tier and the month a hire pays back combined. OUTSOURCE gives the tier; PREPARE gives PREPARE; INTERNALISE gives HIRE (HIRE_LEAD at the FULL tier), or PREPARE when a hire never pays back or pays back after payback_limit months.
 * @customfunction DECISION
 * @helpurl https://localhost:3000/help.html#DECISION
 * @param signal_code A code of MKT.INTERNALISE_SIGNAL: INTERNALISE, PREPARE or OUTSOURCE.
 * @param tier_code A code of MKT.BUDGET_TIER: IN_HOUSE, PARTIAL, REGULAR or FULL.
 * @param [crossover_month] The month hiring becomes cheaper (MKT.CROSSOVER_MONTH), 0 for never. Leave out when the cost of hiring was not computed.
 * @param [payback_limit] Longest payback accepted for a hire, in months, 1 or more. Default 36.
 * @returns HIRE, HIRE_LEAD, PREPARE, IN_HOUSE, PARTIAL, REGULAR or FULL.
 */
export function decision(signal_code: any, tier_code: any, crossover_month?: any, payback_limit?: any): string {
  try {
    // A blank code reads the same on every host (0, null, ""): no code, #VALUE!.
    const signal = unwrap(rules.parseSignalCode(readOptionalChoice('signal_code', signal_code) ?? ''));
    const tier = unwrap(rules.parseTierCode(readOptionalChoice('tier_code', tier_code) ?? ''));
    return unwrap(
      rules.decide({
        signal,
        tier,
        crossoverMonth: readOptionalNumber('crossover_month', crossover_month),
        paybackLimit: readOptionalNumber('payback_limit', payback_limit),
      }),
    );
  } catch (error) {
    throw toThrown(error);
  }
}

/**
 * A decision code in words, in French (fr, or fr-CA for Québec's words) or English.
 * @customfunction LABEL
 * @helpurl https://localhost:3000/help.html#LABEL
 * @param code A code returned by an MKT function, such as TARGET or FULL.
 * @param [lang] fr, fr-CA (also qc: Québec's words, such as Impartition) or en. Default fr.
 * @returns The code in words.
 */
export function label(code: any, lang?: any): string {
  try {
    const codeText = readOptionalText('code', code) ?? '';
    const langText = readOptionalChoice('lang', lang);
    const language = langText === undefined ? 'fr' : unwrap(rules.parseLanguage(langText));
    return unwrap(rules.labelOf(codeText, language));
  } catch (error) {
    throw toThrown(error);
  }
}
