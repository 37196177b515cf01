/**
 * The MKT custom functions inside HyperFormula, for tests and the check-workbook CLI. It calls the
 * same adapters as Excel (src/functions/functions.ts), never the rules directly, and hands them
 * arguments shaped the way Excel hands them:
 * - an amount (any[][]) parameter always gets a 2-D array, even for one cell or a literal;
 * - a scalar parameter gets the value; a multi-cell range stays a 2-D array, which the adapter
 *   refuses with "one value is expected" (our choice: we do not imitate array lifting);
 * - an omitted argument, `MKT.LTV(A1,0.8)`, or an empty one, `MKT.LTV(A1,0.8,)`, is null;
 * - a blank cell is null inside a range and "" as a scalar, so a blank yes/no reads FALSE while
 *   an omitted one takes its default (docs/RULES.md, Conventions);
 * - an error cell arrives as a CustomFunctions.Error; an error passed on comes back unchanged.
 * A CustomFunctions.Error thrown by an adapter becomes a HyperFormula CellError of the same type
 * and message; ALLOCATE and ALLOCATE_MARGINAL spill a column, RESPONSE_FIT a row of four,
 * COST_PATHS horizon rows of three.
 *
 * Dotted ids: HyperFormula's function-name token allows "." after the first letter (it has
 * NORM.DIST), so 'MKT.ROI_RATIO' is registered as is; no renaming is needed.
 *
 * Dev-only: nothing the add-in bundles may import this file (test/build/layout.test.ts,
 * test/engine/no-hyperformula-in-dist.test.ts), so HyperFormula (GPL-v3) never enters dist/.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { FunctionArgument, ImplementedFunctions } from 'hyperformula';
import * as adapters from '../functions/functions';
import { DEFAULT_PATHS_HORIZON, MAX_HORIZON } from '../rules/hiring';
import { ensureCustomFunctionsRuntime } from './custom-functions-runtime';

/** `range` for an any[][] parameter, `scalar` for an any one; optional ones end with `?`. */
type ParamKind = 'range' | 'scalar' | 'range?' | 'scalar?';

interface MktFunction {
  adapter: (...args: any[]) => unknown;
  params: ParamKind[];
  /** The spill's shape: ALLOCATE and ALLOCATE_MARGINAL a column, RESPONSE_FIT a row of four. */
  spills?: 'allocate' | 'allocateMarginal' | 'responseFit' | 'costPaths';
}

/** Every MKT function, by the Excel id of its JSDoc `@customfunction` tag. */
export const MKT_FUNCTIONS: Readonly<Record<string, MktFunction>> = {
  INTERNALISE_SIGNAL: { adapter: adapters.internaliseSignal, params: ['scalar', 'range', 'range', 'scalar?', 'scalar?', 'scalar?'] },
  INTERNALISE_SCORE: { adapter: adapters.internaliseScore, params: ['scalar', 'range', 'range', 'scalar?', 'scalar?', 'scalar?'] },
  FEES_TO_SALARY: { adapter: adapters.feesToSalary, params: ['range', 'range'] },
  BREAKEVEN_FEES: { adapter: adapters.breakevenFees, params: ['range', 'scalar?'] },
  ROI_RATIO: { adapter: adapters.roiRatio, params: ['range', 'range'] },
  CONTRIBUTION: { adapter: adapters.contribution, params: ['range', 'range', 'scalar'] },
  ROI_BAND: { adapter: adapters.roiBand, params: ['scalar', 'scalar?', 'scalar?'] },
  LTV: { adapter: adapters.ltv, params: ['range', 'scalar', 'scalar?'] },
  RETENTION_LEVER: { adapter: adapters.retentionLever, params: ['range', 'scalar', 'range', 'scalar?', 'scalar?'] },
  BUDGET_TIER: { adapter: adapters.budgetTier, params: ['range', 'scalar?', 'scalar?'] },
  PILOT_VERDICT: { adapter: adapters.pilotVerdict, params: ['scalar', 'scalar', 'scalar?', 'scalar?', 'scalar?', 'scalar?', 'scalar?', 'scalar?'] },
  ALLOCATE: { adapter: adapters.allocate, params: ['range', 'range', 'range', 'scalar?', 'scalar?'], spills: 'allocate' },
  RESPONSE_FIT: { adapter: adapters.responseFit, params: ['range', 'range'], spills: 'responseFit' },
  MARGINAL_ROAS: { adapter: adapters.marginalRoas, params: ['range', 'scalar'] },
  OPTIMAL_SPEND: { adapter: adapters.optimalSpend, params: ['range', 'scalar'] },
  BREAKEVEN_ROAS: { adapter: adapters.breakevenRoas, params: ['scalar'] },
  ALLOCATE_MARGINAL: {
    adapter: adapters.allocateMarginal,
    params: ['range', 'range', 'range', 'scalar?'],
    spills: 'allocateMarginal',
  },
  LOADED_SALARY_FR: { adapter: adapters.loadedSalaryFr, params: ['range', 'scalar?', 'scalar?', 'scalar?', 'scalar?'] },
  LOADED_SALARY_QC: { adapter: adapters.loadedSalaryQc, params: ['range', 'scalar?', 'range?', 'scalar?', 'scalar?'] },
  INHOUSE_MONTHLY: { adapter: adapters.inhouseMonthly, params: ['range', 'range?', 'scalar?', 'range?'] },
  CROSSOVER_MONTH: {
    adapter: adapters.crossoverMonth,
    params: ['range', 'range', 'range', 'scalar?', 'scalar?', 'scalar?', 'scalar?'],
  },
  COST_PATHS: {
    adapter: adapters.costPaths,
    params: ['range', 'range', 'range', 'scalar?', 'scalar?', 'scalar?', 'scalar?'],
    spills: 'costPaths',
  },
  DECISION: { adapter: adapters.decision, params: ['scalar', 'scalar', 'scalar?', 'scalar?'] },
  LABEL: { adapter: adapters.label, params: ['scalar', 'scalar?'] },
};

export const MKT_NAMESPACE = 'MKT';

const EXCEL_CODE_TO_TYPE: Readonly<Record<string, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#REF!': ErrorType.REF,
};

const TYPE_TO_EXCEL_CODE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(EXCEL_CODE_TO_TYPE).map(([code, type]) => [type, code])),
  [ErrorType.CYCLE]: '#CYCLE!',
  [ErrorType.SPILL]: '#SPILL!',
  [ErrorType.LIC]: '#LIC!',
  [ErrorType.ERROR]: '#ERROR!',
};

/** The Excel text of a HyperFormula error type ('#DIV/0!' for DIV_BY_ZERO). */
export function excelErrorCode(type: ErrorType): string {
  return TYPE_TO_EXCEL_CODE[type] ?? `#${type}!`;
}

// The CustomFunctions.Error handed to an adapter for an error cell, and the CellError it stands for.
const incomingErrors = new WeakMap<object, CellError>();

function toIncomingError(error: CellError): object {
  const incoming = new CustomFunctions.Error(excelErrorCode(error.type) as CustomFunctions.ErrorCode, error.message);
  incomingErrors.set(incoming, error);
  return incoming;
}

/** What an adapter threw, as a HyperFormula error of the same type and message. */
function toCellError(thrown: unknown): CellError {
  if (typeof thrown === 'object' && thrown !== null) {
    const passedOn = incomingErrors.get(thrown);
    if (passedOn) return passedOn;
    const { code, message } = thrown as { code?: unknown; message?: unknown };
    const type = typeof code === 'string' ? EXCEL_CODE_TO_TYPE[code] : undefined;
    if (type) return new CellError(type, typeof message === 'string' && message !== '' ? message : undefined);
  }
  // Excel shows #VALUE! when a custom function throws anything else.
  return new CellError(ErrorType.VALUE, String(thrown));
}

type Blank = null | '';

function toExcelCell(value: unknown, blank: Blank): unknown {
  if (value === EmptyValue || value === undefined) return blank;
  if (value instanceof CellError) return toIncomingError(value);
  // Numbers with a format (a percent, a date) reach Excel's adapters as plain numbers.
  if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number') {
    return (value as { val: number }).val;
  }
  return value;
}

/** One evaluated argument, shaped as Excel passes it to a parameter of this kind. */
function toExcelArgument(value: unknown, kind: ParamKind, syntacticallyEmpty: boolean): unknown {
  if (value === undefined || syntacticallyEmpty) return null;
  const isRange = kind.startsWith('range');
  if (value instanceof SimpleRangeValue) {
    const data = value.data.map((row) => row.map((cell) => toExcelCell(cell, null)));
    if (!isRange && data.length === 1 && data[0].length === 1) return toExcelCell(value.data[0][0], '');
    return data;
  }
  return isRange ? [[toExcelCell(value, null)]] : toExcelCell(value, '');
}

function fromAdapterResult(result: unknown): unknown {
  return Array.isArray(result) ? SimpleRangeValue.onlyValues(result as number[][]) : result;
}

interface ProcedureAstLike {
  args: Array<{ type: string }>;
}

function metadataFor(fn: MktFunction, method: string) {
  const parameters: FunctionArgument[] = fn.params.map((kind) => ({
    argumentType: FunctionArgumentType.ANY,
    optionalArg: kind.endsWith('?') || undefined,
  }));
  return {
    method,
    parameters,
    ...(fn.spills ? { sizeOfResultArrayMethod: `${fn.spills}Size`, vectorizationForbidden: true } : {}),
  };
}

/** HyperFormula plugin class: one method per MKT function, all going through `callAdapter`. */
export class MktPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    Object.entries(MKT_FUNCTIONS).map(([id, fn]) => [`${MKT_NAMESPACE}.${id}`, metadataFor(fn, methodName(id))]),
  );

  constructor(interpreter: ConstructorParameters<typeof FunctionPlugin>[0]) {
    super(interpreter);
    readErroredSpillsAsTheirError(interpreter as unknown as InterpreterLike);
  }

  protected callAdapter(id: string, ast: ProcedureAstLike, state: unknown): unknown {
    const fn = MKT_FUNCTIONS[id];
    const metadata = this.metadata(`${MKT_NAMESPACE}.${id}`);
    const emptyFlags = ast.args.map((arg) => arg.type === 'EMPTY');
    // The adapter returns a number, a text or a number[][]; HyperFormula's value types admit all three.
    return this.runFunction(ast.args as never, state as never, metadata, (...values: unknown[]): never => {
      const args = fn.params.map((kind, i) => toExcelArgument(values[i], kind, emptyFlags[i] ?? false));
      try {
        return fromAdapterResult(fn.adapter(...args)) as never;
      } catch (thrown) {
        return toCellError(thrown) as never;
      }
    });
  }

  /**
   * ALLOCATE spills one row per cell of spend_range. HyperFormula sizes a spill before computing
   * it, and an error result fills the whole area; when the two ranges differ in size (#VALUE!)
   * we size it as one cell, as Excel shows an error in the anchor only.
   */
  protected allocateSize(ast: ProcedureAstLike, state: unknown): ArraySize {
    const [, spend, revenue] = ast.args;
    if (spend === undefined || revenue === undefined || spend.type === 'EMPTY') return ArraySize.scalar();
    const cells = (arg: { type: string }) => {
      const size = this.arraySizeForAst(arg as never, state as never);
      return size.width * size.height;
    };
    const channels = cells(spend);
    return channels === cells(revenue) ? new ArraySize(1, Math.max(1, channels)) : ArraySize.scalar();
  }

  /** RESPONSE_FIT spills a row of four; when the two ranges differ in size (#VALUE!), one cell. */
  protected responseFitSize(ast: ProcedureAstLike, state: unknown): ArraySize {
    const [spend, revenue] = ast.args;
    if (spend === undefined || revenue === undefined) return ArraySize.scalar();
    const a = this.arraySizeForAst(spend as never, state as never);
    const b = this.arraySizeForAst(revenue as never, state as never);
    return a.width * a.height === b.width * b.height ? new ArraySize(4, 1) : ArraySize.scalar();
  }

  /** ALLOCATE_MARGINAL spills one row per channel (a row of the histories); one cell when the shapes differ. */
  protected allocateMarginalSize(ast: ProcedureAstLike, state: unknown): ArraySize {
    const [, spend, revenue] = ast.args;
    if (spend === undefined || revenue === undefined || spend.type === 'EMPTY') return ArraySize.scalar();
    const a = this.arraySizeForAst(spend as never, state as never);
    const b = this.arraySizeForAst(revenue as never, state as never);
    return a.width === b.width && a.height === b.height ? new ArraySize(1, Math.max(1, a.height)) : ArraySize.scalar();
  }

  /**
   * COST_PATHS spills horizon rows of three. HyperFormula sizes a spill at parse time, before any
   * cell is read, so (as its own SEQUENCE) only a literal horizon, or none (36), gives the size; a
   * horizon from a cell, or out of 1..600, is sized as one cell. Excel sizes it from the value.
   */
  protected costPathsSize(ast: ProcedureAstLike): ArraySize {
    const horizon = ast.args[6] as { type: string; value?: unknown } | undefined;
    if (horizon === undefined || horizon.type === 'EMPTY') return new ArraySize(3, DEFAULT_PATHS_HORIZON);
    const rows = horizon.type === 'NUMBER' && typeof horizon.value === 'number' ? Math.trunc(horizon.value) : NaN;
    return rows >= 1 && rows <= MAX_HORIZON ? new ArraySize(3, rows) : ArraySize.scalar();
  }
}

interface InterpreterLike {
  evaluateAstWithoutPostprocessing(ast: unknown, state: unknown): unknown;
  dependencyGraph: {
    arrayMapping: { getArrayByCorner(address: unknown): { array: unknown } | undefined };
  };
}

const patchedInterpreters = new WeakSet<object>();

/**
 * HyperFormula 3.5 throws "Unknown array" (an engine exception, for the whole workbook) when a
 * range is exactly the area of a spill whose formula gave an error, e.g. `O2:R2` over a
 * RESPONSE_FIT in O2 that gave #N/A: its interpreter handles a computed array and a CellError,
 * not the ErroredArray it stores for a sized spill that errored. Such a range is read as that
 * error, which is what each of its cells holds (an error result fills the sized area), so an MKT
 * function passes it on as Excel's adapter does and a built-in (SUM) gives it too. Any other
 * throw, and every range that does not throw, is left as HyperFormula answers it.
 */
function readErroredSpillsAsTheirError(interpreter: InterpreterLike): void {
  if (patchedInterpreters.has(interpreter)) return;
  patchedInterpreters.add(interpreter);
  const evaluate = interpreter.evaluateAstWithoutPostprocessing;
  interpreter.evaluateAstWithoutPostprocessing = function (this: InterpreterLike, ast: unknown, state: unknown) {
    try {
      return evaluate.call(this, ast, state);
    } catch (thrown) {
      const error = thrown instanceof Error && thrown.message === 'Unknown array' ? erroredSpillOf(this, ast, state) : undefined;
      if (error) return error;
      throw thrown;
    }
  };
}

function erroredSpillOf(interpreter: InterpreterLike, ast: unknown, state: unknown): CellError | undefined {
  const { type, start } = ast as { type?: unknown; start?: { toSimpleCellAddress?(base: unknown): unknown } };
  const base = (state as { formulaAddress?: unknown } | undefined)?.formulaAddress;
  if (type !== 'CELL_RANGE' || typeof start?.toSimpleCellAddress !== 'function' || base === undefined) return undefined;
  const vertex = interpreter.dependencyGraph.arrayMapping.getArrayByCorner(start.toSimpleCellAddress(base));
  const error = (vertex?.array as { error?: unknown } | undefined)?.error;
  return error instanceof CellError ? error : undefined;
}

function methodName(id: string): string {
  return `mkt_${id}`;
}

// One method per id, as HyperFormula looks methods up by name.
for (const id of Object.keys(MKT_FUNCTIONS)) {
  Object.defineProperty(MktPlugin.prototype, methodName(id), {
    value(this: MktPlugin, ast: ProcedureAstLike, state: unknown) {
      return (this as unknown as { callAdapter: MktPlugin['callAdapter'] }).callAdapter(id, ast, state);
    },
  });
}
// HyperFormula finds the size methods by name (allocateSize, responseFitSize, allocateMarginalSize, costPathsSize).

let registered = false;

/** Registers the MKT functions in HyperFormula (once per process) and installs the runtime stub. */
export function registerMktFunctions(): void {
  ensureCustomFunctionsRuntime();
  if (registered) return;
  const names = Object.fromEntries(Object.keys(MktPlugin.implementedFunctions).map((name) => [name, name]));
  HyperFormula.registerFunctionPlugin(MktPlugin, { enGB: names });
  registered = true;
}

/**
 * Calls an MKT adapter outside the engine, its arguments evaluated as the engine evaluates them
 * (a value, a SimpleRangeValue for a range, undefined when omitted) and shaped exactly as inside
 * the engine. Returns the adapter's result or the CellError it gave. Used by check-workbook for
 * MKT cells whose arguments are all literals and stored values (see direct-mkt.ts).
 */
export function callMktOutsideEngine(id: string, values: unknown[], emptyFlags: boolean[]): unknown {
  ensureCustomFunctionsRuntime();
  const fn = MKT_FUNCTIONS[id];
  const args = fn.params.map((kind, i) => toExcelArgument(values[i], kind, emptyFlags[i] ?? false));
  try {
    return fn.adapter(...args);
  } catch (thrown) {
    return toCellError(thrown);
  }
}
