/**
 * The portable copy's native forms of the §8 functions (RULES.md): LOADED_SALARY_QC,
 * INHOUSE_MONTHLY, CROSSOVER_MONTH, COST_PATHS, and LOADED_SALARY_FR. Classic functions only (IF,
 * MIN, MAX, INT, TRUNC, ROUND, SUMPRODUCT, CHOOSE, array constants). The rates come from the
 * rules' tables (src/rules/rates), one branch per year the tables hold, so next year's table is
 * translated too.
 *
 * Where the copy and MKT can differ (README limits): CROSSOVER_MONTH and COST_PATHS use closed
 * forms of the sums MKT accumulates month by month, so a cumulative difference within rounding of
 * exactly 0 at a month's end may fall on the other month; COST_PATHS needs an array formula over
 * its stored area (the table's rows); LOADED_SALARY_FR adds its lines in another order (within
 * 1e-9 relative), and its long form is frozen when an argument's expression makes it pass 8 192.
 */
import { FR_2025 } from '../rules/rates/fr-2025';
import { FR_2026 } from '../rules/rates/fr-2026';
import { monthlyValues, type FrRates } from '../rules/rates/france';
import { QC_2026 } from '../rules/rates/qc-2026';
import type { QcRates } from '../rules/rates/quebec';
import { HOURS_IN_A_WEEK } from '../rules/signals';
import { DEFAULT_CROSSOVER_HORIZON, DEFAULT_MONTHS_TO_HIRE, DEFAULT_PATHS_HORIZON, DEFAULT_RAMP_MONTHS, DEFAULT_RAMP_START, MAX_HORIZON, MAX_MONTHS_TO_HIRE, MAX_RAMP_MONTHS } from '../rules/hiring';
import { FR_DEFAULT_HEADCOUNT } from '../rules/payroll-fr';
import { Frozen, NA_ERROR as NA, VALUE_ERROR as VALUE, type NativeEntry, type NativeParam, type TranslateContext } from './native-entry';
import { failing, guarded, p, read } from './readings';
import { operand } from './references';

/** The rates tables translated, one per year (a new year's table goes here too: a test checks it). */
export const QC_TABLES: readonly QcRates[] = [QC_2026];
export const FR_TABLES: readonly FrRates[] = [FR_2025, FR_2026];

/** A double as a formula literal that reads back to the same double (no exponent: every engine reads it). */
export function literalNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  for (let digits = 1; digits <= 20; digits++) {
    const text = x.toFixed(digits);
    if (Number(text) === x) return text.replace(/0+$/, '');
  }
  return x.toFixed(20).replace(/0+$/, '');
}

const refused = (x: string) => `OR(${x}<0,${x}>1)`;
const outside = (x: string, min: number, max: number) => `OR(TRUNC(${x})<${min},TRUNC(${x})>${max})`;

/** Months 1..n as an array constant, a row ({1,2,…}) or a column ({1;2;…}). */
const months = (n: number, column = false) => `{${Array.from({ length: n }, (_, i) => i + 1).join(column ? ';' : ',')}}`;

const PATH_PARAMS: NativeParam[] = [
  p('outsource_monthly', 'amount'),
  p('inhouse_monthly', 'amount'),
  p('one_off', 'amount'),
  p('months_to_hire', 'number', String(DEFAULT_MONTHS_TO_HIRE)),
  p('ramp_months', 'number', String(DEFAULT_RAMP_MONTHS)),
  p('ramp_start', 'number', String(DEFAULT_RAMP_START)),
];

/** The paths' readings and their checks (src/rules/hiring.ts checkPath): #VALUE! when one is out of range. */
function pathChecks(r: string[]): string {
  const [, , , h, ramp, start, horizon] = r;
  return `OR(${outside(h, 0, MAX_MONTHS_TO_HIRE)},${outside(ramp, 0, MAX_RAMP_MONTHS)},${refused(start)},${outside(horizon, 1, MAX_HORIZON)})`;
}

const qcParams: NativeParam[] = [
  p('gross_annual', 'amount'),
  p('cnesst_rate', 'number', String(QC_2026.cnesstDefaultRate)),
  { name: 'total_payroll', kind: 'amount', optional: true },
  p('benefits_rate', 'number', '0'),
  p('year', 'number', String(QC_2026.year)),
];

const frParams: NativeParam[] = [
  p('gross_annual', 'amount'),
  p('headcount', 'number', String(FR_DEFAULT_HEADCOUNT)),
  p('cadre', 'yesno', 'FALSE'),
  { name: 'at_rate', kind: 'number', optional: true },
  p('year', 'number', String(FR_2026.year)),
];

export const HIRING_NATIVE: Readonly<Record<string, NativeEntry>> = {
  LOADED_SALARY_FR: {
    params: frParams,
    result: 'number',
    note: {
      fr: 'les lignes ajoutées dans un autre ordre (à 1e-9 près) ; gelée quand la traduction dépasse 8 192 caractères',
      en: 'the lines added in another order (within 1e-9); frozen when the translation passes 8,192 characters',
    },
    translate(args) {
      const atOmitted = (args[3] ?? { omitted: true }).omitted;
      const r = read(frParams, args);
      const [gross, headcount, cadre, atRead, year] = r;
      const y = operand(year);
      const body = frenchBody(FR_TABLES, `(${operand(gross)}/12)`, operand(headcount), operand(cadre), atOmitted ? undefined : operand(atRead), y, operand(gross));
      // A year the tables do not hold: #VALUE!, as MKT (which names the years it knows).
      const known = `OR(${FR_TABLES.map((t) => `${y}=${t.year}`).join(',')})`;
      const checks = `IF(${operand(headcount)}<1,${VALUE},${atOmitted ? '' : `IF(${refused(operand(atRead))},${VALUE},`}IF(${known},${body},${VALUE})${atOmitted ? '' : ')'})`;
      return guarded([failing(gross), failing(headcount), failing(cadre), atOmitted ? undefined : failing(atRead), failing(year)], checks);
    },
  },
  LOADED_SALARY_QC: {
    params: qcParams,
    result: 'number',
    translate(args) {
      const payrollOmitted = (args[2] ?? { omitted: true }).omitted;
      const r = read(qcParams, args);
      const [gross, cnesst, payrollRead, benefits, year] = r;
      const g = operand(gross);
      const payroll = payrollOmitted ? g : operand(payrollRead);
      const c = operand(cnesst);
      const b = operand(benefits);
      let body = VALUE;
      for (const t of [...QC_TABLES].reverse()) body = `IF(${operand(year)}=${t.year},${quebecYear(t, g, c, payroll, b)},${body})`;
      return guarded(
        [failing(gross), failing(cnesst), payrollOmitted ? undefined : failing(payrollRead), failing(benefits), failing(year)],
        `IF(OR(${refused(c)},${refused(b)}),${VALUE},${body})`,
      );
    },
  },
  INHOUSE_MONTHLY: {
    params: [p('loaded_salary', 'amount'), p('tools_month', 'amount', '0'), p('management_hours_week', 'number', '0'), p('hourly_value', 'amount', '0')],
    result: 'number',
    translate(args) {
      const r = read(this.params, args);
      const [salary, tools, hours, hourly] = r.map(operand);
      // The rule's order: salary / 12 + tools + hours × (52 / 12) × hourly value.
      return guarded(r.map(failing), `IF(OR(${hours}<0,${hours}>${HOURS_IN_A_WEEK}),${VALUE},${salary}/12+${tools}+${hours}*(52/12)*${hourly})`);
    },
  },
  CROSSOVER_MONTH: {
    params: [...PATH_PARAMS, p('horizon', 'number', String(DEFAULT_CROSSOVER_HORIZON))],
    result: 'number',
    note: {
      fr: 'formes fermées des sommes cumulées : un écart cumulé égal à 0 à l’arrondi près peut tomber sur le mois voisin',
      en: 'closed forms of the cumulative sums: a cumulative difference within rounding of 0 may fall on the next month',
    },
    translate(args) {
      const r = read(this.params, args);
      const [o, m, x, h, ramp, start, horizon] = r.map(operand);
      const [hT, rT, HT] = [`TRUNC(${h})`, `TRUNC(${ramp})`, `TRUNC(${horizon})`];
      // D(t) = one_off + Σ (hire_s − O): 0 a month while hiring, M − p_k × O in ramp month k, M − O after.
      // After the hiring months the increments never grow, so the months with D < 0 are all those
      // from the first: in the ramp, 1 + the ramp months with D ≥ 0; after it, solved in closed form.
      const k = months(MAX_RAMP_MONTHS);
      // Written once each (no LET in classic functions): the ramp months with D ≥ 0 are all of them
      // when D is still ≥ 0 at the ramp's end, and then the months after it add INT(D ÷ (O − M)).
      const inRamp = `${x}+${k}*${m}-${o}*(${k}*${start}+(1-${start})*${k}*(${k}+1)/(2*MAX(${rT},1)))`;
      const rampEnd = `${x}+${rT}*${m}-${o}*(${rT}*${start}+(1-${start})*(${rT}+1)/2*(${rT}>0))`;
      const month = `${hT}+1+SUMPRODUCT((${k}<=${rT})*(${inRamp}>=0))+INT(MAX(${rampEnd},0)/(${o}-${m}))`;
      return guarded(r.map(failing), `IF(${pathChecks(r)},${VALUE},IF(${m}>=${o},${NA},IF(${month}>${HT},${NA},${month})))`);
    },
  },
  COST_PATHS: {
    params: [...PATH_PARAMS, p('horizon', 'number', String(DEFAULT_PATHS_HORIZON))],
    result: 'table',
    note: {
      fr: 'formule matricielle (Ctrl+Maj+Entrée) sur la zone du tableau enregistrée (ses lignes) ; formes fermées des sommes cumulées (à 1e-9 près)',
      en: 'an array formula (Ctrl+Shift+Enter) over the table’s stored area (its rows); closed forms of the cumulative sums (within 1e-9)',
    },
    translate(args, context: TranslateContext) {
      if (!context.arrayFormula) return new Frozen('notArrayFormula', 'COST_PATHS');
      // The table's rows are the stored area's (horizon rows when the file was saved), three columns.
      if (!context.spill || context.spill.cols !== 3 || context.spill.rows > MAX_HORIZON) return new Frozen('channelShape', 'COST_PATHS');
      const r = read(this.params, args);
      const [o, m, x, h, ramp, start, horizon] = r.map(operand);
      const [hT, rT, HT] = [`TRUNC(${h})`, `TRUNC(${ramp})`, `TRUNC(${horizon})`];
      const t = months(context.spill.rows, true);
      // Hiring's total at month t: one_off + t × M + (O − M) for each month of hiring + (1 − p_j) × O
      // for each ramp month j: with u hiring months and k ramp months, Σ (1 − p_j) = (1 − a) × k × (1 − (k + 1) / 2r).
      // Per month in the array formula (IF works cell by cell there; MIN and MAX would not).
      const since = `(${t}-${hT})`;
      const hired = `IF(${t}<${hT},${t},${hT})`;
      const ramped = `IF(${since}<0,0,IF(${since}>${rT},${rT},${since}))`;
      const hiring = `${x}+${t}*${m}+${hired}*(${o}-${m})+${o}*(1-${start})*${ramped}*(1-(${ramped}+1)/(2*MAX(${rT},1)))`;
      // A row past the horizon (the horizon cell lowered since) is #N/A, as beyond a smaller spill.
      const table = `IF(${t}>${HT},${NA},CHOOSE({1,2,3},${t},${t}*${o},${hiring}))`;
      return guarded(r.map(failing), `IF(${pathChecks(r)},${VALUE},${table})`);
    },
  },
};

function quebecYear(t: QcRates, g: string, c: string, payroll: string, b: string): string {
  const L = literalNumber;
  const fss = `IF(${payroll}<=${L(t.fssLowPayroll)},${L(t.fssLowRate)},IF(${payroll}>=${L(t.fssHighPayroll)},${L(t.fssHighRate)},${L(t.fssLowRate)}+(${payroll}-${L(t.fssLowPayroll)})/(${L(t.fssHighPayroll)}-${L(t.fssLowPayroll)})*(${L(t.fssHighRate)}-${L(t.fssLowRate)})))`;
  // The rule's lines in its order, each base × rate, added to the gross from the left.
  return [
    g,
    `MAX(MIN(${g},${L(t.rrqMaximum)})-${L(t.rrqExemption)},0)*${L(t.rrqRate)}`,
    `MAX(MIN(${g},${L(t.rrq2Maximum)})-${L(t.rrqMaximum)},0)*${L(t.rrq2Rate)}`,
    `MIN(${g},${L(t.rqapMaximum)})*${L(t.rqapRate)}`,
    `MIN(${g},${L(t.eiMaximum)})*${L(t.eiRate)}`,
    `${g}*${fss}`,
    `MIN(${g},${L(t.cnesstMaximum)})*${c}`,
    `MIN(${g},${L(t.cnesstMaximum)})*${L(t.cntRate)}`,
    `${g}*${b}`,
  ].join('+');
}

/**
 * LOADED_SALARY_FR (src/rules/payroll-fr.ts addMonth, summed over the 12 months) in one body for
 * every year of the tables: a rate that differs between years is picked by the year
 * (CHOOSE), the others written once. The lines that do not change during a year count 12 times;
 * the months are grouped where any year's SMIC, AT/MP floor or chômage rate changes, each group
 * counted by its months. Arguments are written as few times as the lines allow (no LET).
 */
function frenchBody(tables: readonly FrRates[], g: string, n: string, c: string, atGiven: string | undefined, y: string, gross: string): string {
  const L = literalNumber;
  const first = tables[0].year;
  const contiguous = tables.every((t, i) => t.year === first + i);
  /** A rate of the tables: one literal when every year has the same, else picked by the year. */
  const pick = (value: (t: FrRates) => number): string => {
    const values = tables.map(value);
    if (values.every((v) => v === values[0])) return L(values[0]);
    if (contiguous) return `CHOOSE(${y}-${first - 1},${values.map(L).join(',')})`;
    return values.reduceRight((rest, v, i) => `IF(${y}=${tables[i].year},${L(v)},${rest})`, VALUE);
  };
  const P = pick((t) => t.passMonthly);
  const upToPass = `MIN(${g},${P})`;
  const upTo4Pass = `MIN(${g},${pick((t) => 4 * t.passMonthly)})`;
  const pass1To8 = `MIN(MAX(${g}-${P},0),${pick((t) => 7 * t.passMonthly)})`;
  // The rates on the whole gross, by headcount (< 11, < 50, ≥ 50, ≥ 250, ≥ 2 000).
  const onGross = [
    pick((t) => t.maladie + t.csa + t.vieillesseDeplafonnee + t.allocationsFamiliales + t.dialogueSocial + t.taxeApprentissage),
    `IF(${n}<11,${pick((t) => t.formationUnder11)},${pick((t) => t.formationFrom11)})`,
    `IF(${n}<50,0,${pick((t) => t.fnalFrom50 + t.peec)})`,
    `IF(${n}>=250,IF(${n}>=2000,${pick((t) => t.csaApprentissageFrom2000)},${pick((t) => t.csaApprentissageFrom250)}),0)`,
  ].join('+');
  const onPass = `${pick((t) => t.vieillessePlafonnee + t.agircArrcoT1 + t.cegT1)}+IF(${n}<50,${pick((t) => t.fnalUnder50)},0)`;
  const mutuelle = pick((t) => t.mutuelleMonthly * t.mutuelleEmployerShare);
  const forfait = pick((t) => t.forfaitSocial);
  // A cadre: prévoyance up to the PASS (with the forfait social on it from 11), APEC up to 4 PASS.
  const cadreLines = `IF(${c},${upToPass}*${pick((t) => t.prevoyanceCadre)}*(1+(${n}>10)*${forfait})+${upTo4Pass}*${pick((t) => t.apec)},0)`;
  const steady =
    `${g}*(${onGross})+${upToPass}*(${onPass})+${upTo4Pass}*${pick((t) => t.ags)}+${pass1To8}*${pick((t) => t.agircArrcoT2 + t.cegT2)}` +
    `+IF(${g}>${P},MIN(${g},${pick((t) => 8 * t.passMonthly)})*${pick((t) => t.cet)},0)+${mutuelle}*(1+(${n}>10)*${forfait})+${cadreLines}`;
  // Months grouped where any year's monthly parameters change.
  const perMonth = tables.map((t) => ({ smic: monthlyValues(t.smicHourly).map((h) => h * t.legalHoursMonthly), floor: monthlyValues(t.atMinimum), chomage: monthlyValues(t.chomage) }));
  const groups: Array<{ from: number; count: number }> = [];
  for (let m = 0; m < 12; m++) {
    const same = m > 0 && perMonth.every((t) => t.smic[m] === t.smic[m - 1] && t.floor[m] === t.floor[m - 1] && t.chomage[m] === t.chomage[m - 1]);
    if (same) groups[groups.length - 1].count++;
    else groups.push({ from: m, count: 1 });
  }
  const at = atGiven ?? pick((t) => t.atAverage);
  const tMin = pick((t) => t.rgduTMin);
  const tDelta = `IF(${n}<50,${pick((t) => t.rgduTDeltaUnder50)},${pick((t) => t.rgduTDeltaFrom50)})`;
  const varying = groups.map(({ from, count }) => {
    const at3 = (i: number) => perMonth[i];
    const s3 = pick((t) => 3 * at3(tables.indexOf(t)).smic[from]);
    const floor = pick((t) => at3(tables.indexOf(t)).floor[from]);
    const chomage = pick((t) => at3(tables.indexOf(t)).chomage[from]);
    // The réduction's coefficient, rounded to 4 decimals as the rule rounds it (0 at 3 SMIC and above).
    const raw = `${tMin}+${tDelta}*(0.5*(${s3}/${g}-1))^${pick((t) => t.rgduPower)}`;
    const coefficient = `IF(OR(${g}<=0,${g}>=${s3}),0,ROUND(MIN(${raw},${tMin}+${tDelta}),4))`;
    return `${count}*(${g}*(MAX(${at},${floor})-${coefficient})+${upTo4Pass}*${chomage})`;
  });
  return `${gross}+12*(${steady})+${varying.join('+')}`;
}

