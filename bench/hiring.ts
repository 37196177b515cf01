/**
 * What an in-house hire costs (RULES.md §8): cost per call of LOADED_SALARY_FR (12 months of
 * about 25 lines each), LOADED_SALARY_QC, CROSSOVER_MONTH (up to 60 months) and COST_PATHS (36
 * rows), through the adapters as Excel calls them (amounts as 1×1 arrays, omitted arguments null).
 * Target: LOADED_SALARY_FR and CROSSOVER_MONTH ≤ 5 µs a call.
 */
import { costPaths, crossoverMonth, isRuleError, loadedSalaryFr, loadedSalaryQc } from '../src/rules';
import type { AdapterSet } from './adapters';
import { amountIn, intIn, mulberry32 } from './lib/prng';
import { DEFAULT_MEASURE, MeasureOptions, measureVariants } from './lib/timing';

export const HIRING_TARGET_US = 5;

type HiringId = 'LOADED_SALARY_FR' | 'LOADED_SALARY_QC' | 'CROSSOVER_MONTH' | 'COST_PATHS';

export interface HiringCase {
  label: string;
  id: HiringId;
  /** Argument lists as Excel passes them. */
  inputs: unknown[][];
  /** Whether the bench judges this case against HIRING_TARGET_US. */
  judged: boolean;
}

const INPUTS = 16; // a power of two, as measureVariants asks

export function hiringCases(seed = 20261201): HiringCase[] {
  const random = mulberry32(seed);
  const many = (make: () => unknown[]) => Array.from({ length: INPUTS }, make);
  const paths = () => {
    const o = amountIn(random, 5000, 12_000);
    return [[[o]], [[o * amountIn(random, 0.6, 0.85)]], [[amountIn(random, 5000, 20_000)]], intIn(random, 0, 6), intIn(random, 0, 6), null, null];
  };
  return [
    {
      label: 'LOADED_SALARY_FR (gross, headcount, cadre, AT/MP, 2026)',
      id: 'LOADED_SALARY_FR',
      inputs: many(() => [[[amountIn(random, 21_000, 400_000)]], intIn(random, 1, 250), random() < 0.5, amountIn(random, 0.005, 0.06), null]),
      judged: true,
    },
    { label: 'LOADED_SALARY_FR (gross only)', id: 'LOADED_SALARY_FR', inputs: many(() => [[[amountIn(random, 21_000, 400_000)]], null, null, null, null]), judged: true },
    { label: 'LOADED_SALARY_QC (gross, CNESST, payroll)', id: 'LOADED_SALARY_QC', inputs: many(() => [[[amountIn(random, 30_000, 200_000)]], 0.0154, [[amountIn(random, 0, 9e6)]], null, null]), judged: false },
    { label: 'CROSSOVER_MONTH (horizon 60)', id: 'CROSSOVER_MONTH', inputs: many(paths), judged: true },
    { label: 'COST_PATHS (36 rows)', id: 'COST_PATHS', inputs: many(paths), judged: false },
  ];
}

function call(adapters: AdapterSet, c: HiringCase, a: unknown[]): unknown {
  return adapters[c.id](...a);
}

const first = (v: unknown) => (v as number[][])[0][0];

/** The adapter gives what the rule gives on every input of the case. */
export function checkHiringCase(adapters: AdapterSet, c: HiringCase): string[] {
  const problems: string[] = [];
  c.inputs.forEach((a, i) => {
    let actual: unknown;
    try {
      actual = call(adapters, c, a);
    } catch (error) {
      actual = { error: (error as { code?: string }).code };
    }
    const paths = () => ({ outsourceMonthly: first(a[0]), inhouseMonthly: first(a[1]), oneOff: first(a[2]), monthsToHire: a[3] as number, rampMonths: a[4] as number });
    const rule =
      c.id === 'LOADED_SALARY_FR'
        ? loadedSalaryFr({ grossAnnual: first(a[0]), headcount: (a[1] as number | null) ?? undefined, cadre: (a[2] as boolean | null) ?? false, atRate: (a[3] as number | null) ?? undefined })
        : c.id === 'LOADED_SALARY_QC'
          ? loadedSalaryQc({ grossAnnual: first(a[0]), cnesstRate: a[1] as number, totalPayroll: first(a[2]) })
          : c.id === 'CROSSOVER_MONTH'
            ? crossoverMonth(paths())
            : costPaths(paths());
    const expected = isRuleError(rule) ? { error: rule.kind === 'NA' ? '#N/A' : '#VALUE!' } : rule;
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${c.label} input ${i}: adapter ${JSON.stringify(actual)?.slice(0, 120)}, rule ${JSON.stringify(expected)?.slice(0, 120)}`);
  });
  return problems;
}

export interface HiringCallResult {
  label: string;
  id: HiringId;
  judged: boolean;
  /** Median µs per call. */
  us: number;
}

export function measureHiringPerCall(adapters: AdapterSet, options: MeasureOptions = DEFAULT_MEASURE, onResult?: (r: HiringCallResult) => void): HiringCallResult[] {
  return hiringCases().map((c) => {
    const [timing] = measureVariants(c.label, c.inputs, [{ name: 'adapter', fn: (a) => call(adapters, c, a) }], options);
    const result = { label: c.label, id: c.id, judged: c.judged, us: timing.ns / 1000 };
    onResult?.(result);
    return result;
  });
}
