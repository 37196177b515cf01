/**
 * The employer's yearly cost of a full-time employee in France (docs/RULES.md §8): the gross,
 * the employer contributions, minus the réduction générale. Each month is computed for gross / 12
 * with the parameters in force on its 1st, as the reference model (modele-social) computes a
 * month; the year is the sum of the 12. Rates are data: src/rules/rates/fr-<year>.ts.
 */
import { checkNonNegative, checkRate, invalid, Result, RuleError } from './errors';
import { FrRates, monthlyValues } from './rates/france';
import { FR_2025 } from './rates/fr-2025';
import { FR_2026 } from './rates/fr-2026';

export const FR_DEFAULT_HEADCOUNT = 4;
export const FR_DEFAULT_YEAR = 2026;

/** One line of a loaded salary over the year: amount = base × rate (the réduction is negative). */
export interface PayrollLine {
  readonly key: string;
  /** The yearly base the rate applies to. */
  readonly base: number;
  /** The rate over the year: amount ÷ base (a rate that changes during the year is averaged). */
  readonly rate: number;
  readonly amount: number;
}

export interface LoadedSalaryBreakdown {
  /** gross + the sum of the line amounts: the employer's yearly cost. */
  readonly total: number;
  readonly gross: number;
  readonly lines: readonly PayrollLine[];
}

export interface LoadedSalaryFrInputs {
  readonly grossAnnual: number;
  readonly headcount?: number;
  readonly cadre?: boolean;
  /** The AT/MP rate notified to the company; omitted, the year's national average. */
  readonly atRate?: number;
  readonly year?: number;
}

/** The lines in the order the pane and Explain show them (employer share). */
export const FR_LINE_KEYS = [
  'maladie',
  'csa',
  'vieillesse_plafonnee',
  'vieillesse_deplafonnee',
  'allocations_familiales',
  'atmp',
  'chomage',
  'ags',
  'fnal',
  'dialogue_social',
  'retraite_complementaire_t1',
  'retraite_complementaire_t2',
  'ceg_t1',
  'ceg_t2',
  'cet',
  'formation_professionnelle',
  'taxe_apprentissage',
  'contribution_supplementaire_apprentissage',
  'peec',
  'apec',
  'prevoyance_cadre',
  'mutuelle',
  'forfait_social',
  'reduction_generale',
] as const;
export type FrLineKey = (typeof FR_LINE_KEYS)[number];

const LINE = Object.fromEntries(FR_LINE_KEYS.map((key, index) => [key, index])) as Record<FrLineKey, number>;
const LINE_COUNT = FR_LINE_KEYS.length;

interface PreparedYear {
  readonly rates: FrRates;
  readonly smic: readonly number[];
  readonly atMinimum: readonly number[];
  readonly chomage: readonly number[];
}

function prepare(rates: FrRates): PreparedYear {
  const hourly = monthlyValues(rates.smicHourly);
  return {
    rates,
    smic: hourly.map((perHour) => perHour * rates.legalHoursMonthly),
    atMinimum: monthlyValues(rates.atMinimum),
    chomage: monthlyValues(rates.chomage),
  };
}

const FR_YEARS: ReadonlyMap<number, PreparedYear> = new Map([FR_2025, FR_2026].map((rates) => [rates.year, prepare(rates)]));
export const FR_KNOWN_YEARS: readonly number[] = [...FR_YEARS.keys()];

/** The year's table, or #VALUE! naming the years MKT knows. */
function frYear(year: number): Result<PreparedYear> {
  return FR_YEARS.get(year) ?? invalid('unknownYear', { arg: 'year', year, years: FR_KNOWN_YEARS.join(', ') });
}

interface Checked {
  readonly year: PreparedYear;
  readonly gross: number;
  readonly headcount: number;
  readonly cadre: boolean;
  readonly atRate: number | undefined;
}

function check(inputs: LoadedSalaryFrInputs): Checked | RuleError {
  const headcount = inputs.headcount ?? FR_DEFAULT_HEADCOUNT;
  const bad =
    checkNonNegative('gross_annual', inputs.grossAnnual) ??
    (headcount >= 1 ? undefined : invalid('headcountBelowOne', { arg: 'headcount' })) ??
    (inputs.atRate === undefined ? undefined : checkRate('at_rate', inputs.atRate));
  if (bad) return bad;
  const year = frYear(inputs.year ?? FR_DEFAULT_YEAR);
  if (year instanceof RuleError) return year;
  return { year, gross: inputs.grossAnnual, headcount, cadre: inputs.cadre ?? false, atRate: inputs.atRate };
}

/** Reduction coefficient of the réduction générale dégressive unique, rounded to 4 decimals as the law says. */
function rgduCoefficient(rates: FrRates, smic: number, gross: number, headcount: number): number {
  if (gross <= 0 || gross >= 3 * smic) return 0;
  const tDelta = headcount < 50 ? rates.rgduTDeltaUnder50 : rates.rgduTDeltaFrom50;
  const raw = rates.rgduTMin + tDelta * Math.pow(0.5 * ((3 * smic) / gross - 1), rates.rgduPower);
  const capped = Math.min(raw, rates.rgduTMin + tDelta);
  // The model rounds with Math.round((x + ε) × 10⁴) / 10⁴: the same here, so ties fall the same way.
  return Math.round((capped + Number.EPSILON) * 1e4) / 1e4;
}

function add(bases: Float64Array, amounts: Float64Array, line: number, base: number, rate: number): void {
  bases[line] += base;
  amounts[line] += base * rate;
}

/**
 * Adds one month's bases and amounts into the two arrays (indexed by LINE). The thresholds are
 * written as the model writes them (< 11, > 10, < 50, ≥ 250), so a fractional headcount falls the same way.
 */
function addMonth(c: Checked, month: number, bases: Float64Array, amounts: Float64Array): void {
  const r = c.year.rates;
  const g = c.gross / 12;
  const pass = r.passMonthly;
  const n = c.headcount;
  const upToPass = Math.min(g, pass);
  const upTo4Pass = Math.min(g, 4 * pass);
  const pass1To8 = Math.min(Math.max(g - pass, 0), 7 * pass);
  add(bases, amounts, LINE.maladie, g, r.maladie);
  add(bases, amounts, LINE.csa, g, r.csa);
  add(bases, amounts, LINE.vieillesse_plafonnee, upToPass, r.vieillessePlafonnee);
  add(bases, amounts, LINE.vieillesse_deplafonnee, g, r.vieillesseDeplafonnee);
  add(bases, amounts, LINE.allocations_familiales, g, r.allocationsFamiliales);
  add(bases, amounts, LINE.atmp, g, Math.max(c.atRate ?? r.atAverage, c.year.atMinimum[month]));
  add(bases, amounts, LINE.chomage, upTo4Pass, c.year.chomage[month]);
  add(bases, amounts, LINE.ags, upTo4Pass, r.ags);
  if (n < 50) add(bases, amounts, LINE.fnal, upToPass, r.fnalUnder50);
  else add(bases, amounts, LINE.fnal, g, r.fnalFrom50);
  add(bases, amounts, LINE.dialogue_social, g, r.dialogueSocial);
  add(bases, amounts, LINE.retraite_complementaire_t1, upToPass, r.agircArrcoT1);
  add(bases, amounts, LINE.retraite_complementaire_t2, pass1To8, r.agircArrcoT2);
  add(bases, amounts, LINE.ceg_t1, upToPass, r.cegT1);
  add(bases, amounts, LINE.ceg_t2, pass1To8, r.cegT2);
  if (g > pass) add(bases, amounts, LINE.cet, Math.min(g, 8 * pass), r.cet);
  add(bases, amounts, LINE.formation_professionnelle, g, n < 11 ? r.formationUnder11 : r.formationFrom11);
  add(bases, amounts, LINE.taxe_apprentissage, g, r.taxeApprentissage);
  if (n >= 250) add(bases, amounts, LINE.contribution_supplementaire_apprentissage, g, n >= 2000 ? r.csaApprentissageFrom2000 : r.csaApprentissageFrom250);
  if (n >= 50) add(bases, amounts, LINE.peec, g, r.peec);
  const mutuelle = r.mutuelleMonthly * r.mutuelleEmployerShare;
  add(bases, amounts, LINE.mutuelle, r.mutuelleMonthly, r.mutuelleEmployerShare);
  let prevoyance = mutuelle;
  if (c.cadre) {
    add(bases, amounts, LINE.apec, upTo4Pass, r.apec);
    add(bases, amounts, LINE.prevoyance_cadre, upToPass, r.prevoyanceCadre);
    prevoyance += upToPass * r.prevoyanceCadre;
  }
  if (n > 10) add(bases, amounts, LINE.forfait_social, prevoyance, r.forfaitSocial);
  const coefficient = rgduCoefficient(r, c.year.smic[month], g, n);
  if (coefficient > 0) add(bases, amounts, LINE.reduction_generale, g, -coefficient);
}

// Scratch arrays of the fast path: filled and read within one call, so the function stays pure.
const scratchBases = new Float64Array(LINE_COUNT);
const scratchAmounts = new Float64Array(LINE_COUNT);

function accumulate(c: Checked, bases: Float64Array, amounts: Float64Array): number {
  bases.fill(0);
  amounts.fill(0);
  for (let month = 0; month < 12; month++) addMonth(c, month, bases, amounts);
  let total = c.gross;
  for (let line = 0; line < LINE_COUNT; line++) total += amounts[line];
  return total;
}

/**
 * One month of LOADED_SALARY_FR: the employer's cost of month 1..12 for gross_annual / 12, as the
 * reference model gives a month (the contract's examples are months).
 */
export function loadedSalaryFrMonth(inputs: LoadedSalaryFrInputs, month: number): Result<number> {
  const c = check(inputs);
  if (c instanceof RuleError) return c;
  if (!Number.isInteger(month) || month < 1 || month > 12) return invalid('wholeNumberRange', { arg: 'month', min: 1, max: 12 });
  const bases = new Float64Array(LINE_COUNT);
  const amounts = new Float64Array(LINE_COUNT);
  addMonth(c, month - 1, bases, amounts);
  let total = c.gross / 12;
  for (let line = 0; line < LINE_COUNT; line++) total += amounts[line];
  return total;
}

/** LOADED_SALARY_FR: the employer's yearly cost, not rounded. */
export function loadedSalaryFr(inputs: LoadedSalaryFrInputs): Result<number> {
  const c = check(inputs);
  if (c instanceof RuleError) return c;
  return accumulate(c, scratchBases, scratchAmounts);
}

/**
 * The lines of LOADED_SALARY_FR (for the pane's breakdown and Explain): every line that applies
 * to the situation, with its yearly base, rate and amount; total is LOADED_SALARY_FR's result.
 */
export function loadedSalaryFrLines(inputs: LoadedSalaryFrInputs): Result<LoadedSalaryBreakdown> {
  const c = check(inputs);
  if (c instanceof RuleError) return c;
  const bases = new Float64Array(LINE_COUNT);
  const amounts = new Float64Array(LINE_COUNT);
  const total = accumulate(c, bases, amounts);
  const lines: PayrollLine[] = [];
  FR_LINE_KEYS.forEach((key, index) => {
    if (bases[index] === 0 && amounts[index] === 0) return;
    lines.push({ key, base: bases[index], rate: bases[index] === 0 ? 0 : amounts[index] / bases[index], amount: amounts[index] });
  });
  return { total, gross: c.gross, lines };
}
