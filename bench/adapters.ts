/**
 * The adapters by their Excel id, either from the source (src/functions/functions.ts, as
 * tests and the HyperFormula bridge run them) or from the built bundle (dist/functions.js, the code
 * Excel runs): the bundle is evaluated with a stub CustomFunctions runtime and the functions it
 * hands to CustomFunctions.associate are kept.
 *
 * The bundle is what the per-call benchmark measures: under tsx or ts-jest (CommonJS), the source's
 * `import * as rules from '../rules'` reads every rule through the barrel's re-export getters, which
 * costs tens of ns per call and is not in the shipped code (webpack concatenates the modules).
 */
import fs from 'node:fs';
import vm from 'node:vm';
import * as source from '../src/functions/functions';
import { ensureCustomFunctionsRuntime } from '../src/engine/custom-functions-runtime';

export type AdapterFn = (...args: unknown[]) => unknown;
export type AdapterSet = Readonly<Record<string, AdapterFn>>;

export const FUNCTION_IDS = [
  'INTERNALISE_SIGNAL',
  'INTERNALISE_SCORE',
  'FEES_TO_SALARY',
  'BREAKEVEN_FEES',
  'ROI_RATIO',
  'ROI_BAND',
  'LTV',
  'RETENTION_LEVER',
  'BUDGET_TIER',
  'PILOT_VERDICT',
  'ALLOCATE',
  'RESPONSE_FIT',
  'MARGINAL_ROAS',
  'OPTIMAL_SPEND',
  'BREAKEVEN_ROAS',
  'ALLOCATE_MARGINAL',
  'LOADED_SALARY_FR',
  'LOADED_SALARY_QC',
  'INHOUSE_MONTHLY',
  'CROSSOVER_MONTH',
  'COST_PATHS',
  'LABEL',
] as const;

/** The adapters of src/functions/functions.ts, by id. */
export function sourceAdapters(): AdapterSet {
  ensureCustomFunctionsRuntime();
  return {
    INTERNALISE_SIGNAL: source.internaliseSignal as AdapterFn,
    INTERNALISE_SCORE: source.internaliseScore as AdapterFn,
    FEES_TO_SALARY: source.feesToSalary as AdapterFn,
    BREAKEVEN_FEES: source.breakevenFees as AdapterFn,
    ROI_RATIO: source.roiRatio as AdapterFn,
    ROI_BAND: source.roiBand as AdapterFn,
    LTV: source.ltv as AdapterFn,
    RETENTION_LEVER: source.retentionLever as AdapterFn,
    BUDGET_TIER: source.budgetTier as AdapterFn,
    PILOT_VERDICT: source.pilotVerdict as AdapterFn,
    ALLOCATE: source.allocate as AdapterFn,
    RESPONSE_FIT: source.responseFit as AdapterFn,
    MARGINAL_ROAS: source.marginalRoas as AdapterFn,
    OPTIMAL_SPEND: source.optimalSpend as AdapterFn,
    BREAKEVEN_ROAS: source.breakevenRoas as AdapterFn,
    ALLOCATE_MARGINAL: source.allocateMarginal as AdapterFn,
    LOADED_SALARY_FR: source.loadedSalaryFr as AdapterFn,
    LOADED_SALARY_QC: source.loadedSalaryQc as AdapterFn,
    INHOUSE_MONTHLY: source.inhouseMonthly as AdapterFn,
    CROSSOVER_MONTH: source.crossoverMonth as AdapterFn,
    COST_PATHS: source.costPaths as AdapterFn,
    LABEL: source.label as AdapterFn,
  };
}

/**
 * The adapters the built functions.js registers. Runs the bundle in this realm (so its errors are
 * instances of the same stub CustomFunctions.Error class) with a recording associate.
 */
export function bundleAdapters(functionsJs: string): AdapterSet {
  ensureCustomFunctionsRuntime();
  const globals = globalThis as { CustomFunctions: { associate: (id: unknown, fn?: unknown) => void } };
  const runtime = globals.CustomFunctions;
  const original = runtime.associate;
  const found: Record<string, AdapterFn> = {};
  runtime.associate = (id: unknown, fn?: unknown) => {
    if (typeof id === 'string') found[id] = fn as AdapterFn;
    else Object.assign(found, id as Record<string, AdapterFn>);
  };
  try {
    vm.runInThisContext(fs.readFileSync(functionsJs, 'utf8'), { filename: functionsJs });
  } finally {
    runtime.associate = original;
  }
  const missing = FUNCTION_IDS.filter((id) => typeof found[id] !== 'function');
  if (missing.length > 0) throw new Error(`${functionsJs} did not register ${missing.join(', ')}`);
  return found;
}
