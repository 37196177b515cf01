/**
 * The portable copy's translator: each MKT call becomes a formula of classic native functions
 * only (SUM, SUMPRODUCT, SUMSQ, IF, AND, OR, ISNUMBER, ISTEXT, ISLOGICAL, MIN, MAX, LARGE, CHOOSE,
 * INDEX, MATCH, LN, EXP, SLOPE, RSQ, VALUE,
 * SUBSTITUTE, TRIM, TRANSPOSE …), which Excel 2010 and later, LibreOffice Calc and Google Sheets
 * compute without the add-in. No LET, LAMBDA, IFS, SWITCH, XLOOKUP, FILTER, SEQUENCE or other
 * dynamic-array function.
 *
 * Pure: a formula text in, a formula text out. One table entry per function (`NATIVE`, gathered
 * here from the native-*.ts files, one per section of RULES.md), so a new MKT function is one more
 * entry; a function with no entry, or whose arguments the translator cannot follow, is frozen (the
 * copy keeps its computed value and says so).
 *
 * How the arguments are read (readings.ts), the same way src/functions/coerce.ts reads them:
 * - an amount: `SUMPRODUCT(ISNUMBER(x)*NOT(ISLOGICAL(x)),x)` sums the numbers of a cell or range
 *   and skips blank, text and TRUE/FALSE cells (LibreOffice stores TRUE as a number: NOT(ISLOGICAL)
 *   keeps it out there too); `MIN(x)<0` gives #VALUE! for a negative one;
 * - another number: Excel arithmetic (`x+0`), numeric text read by VALUE with its spaces removed;
 * - yes/no: TRUE/FALSE, 1/0, and the texts yes/no, oui/non, true/false, vrai/faux;
 * - a text choice: `TRIM(x&"")`, compared with `=` (case-insensitive in every host);
 * - an incoming error goes on unchanged, and the arguments are read in the adapter's order
 *   (`IF(ISERROR(a),a,…)`), so the first bad argument gives the same error code as MKT.
 * Arguments keep their own expressions; one used several times is written several times.
 */
import { findMktCalls, mapMktCalls, type MktCallSite, type ReadOptions } from '../formula/mkt-calls';
import { DECISION_NATIVE } from './native-decision';
import { Frozen, MAX_FORMULA_LENGTH, type FreezeReason, type NativeArg, type NativeEntry, type ParamKind, type ResultKind, type TranslateContext } from './native-entry';
import { HIRING_NATIVE } from './native-hiring';
import { MARGINAL_NATIVE } from './native-marginal';
import { RETURNS_NATIVE } from './native-returns';
import { SIGNALS_NATIVE } from './native-signals';
import { canFail, guarded } from './readings';
import { operand, referenceOf } from './references';

export {
  Frozen,
  MAX_FORMULA_LENGTH,
  type FreezeReason,
  type NativeArg,
  type NativeEntry,
  type NativeParam,
  type ParamKind,
  type ResultKind,
  type TranslateContext,
} from './native-entry';
export { amountOf, numberOf, textOf, yesNoOf } from './readings';
export { operand, rangeShape, referenceOf, type ReferenceShape } from './references';
export { LABEL_TABLE } from './native-decision';

/** Every MKT function's native form, by id, section by section of RULES.md. */
export const NATIVE: Readonly<Record<string, NativeEntry>> = {
  ...SIGNALS_NATIVE,
  ...RETURNS_NATIVE,
  ...MARGINAL_NATIVE,
  ...HIRING_NATIVE,
  ...DECISION_NATIVE,
};

/** An argument written as a reference to more than one cell (B2:B6, B:B, Données!3:3). */
function isMultiCellRange(arg: NativeArg): boolean {
  const shape = referenceOf(arg.text);
  return shape !== undefined && shape.rows * shape.cols > 1;
}

/** An argument written as a reference to one cell (B2, 'Data'!$C$3). */
function isOneCell(arg: NativeArg): boolean {
  const shape = referenceOf(arg.text);
  return shape !== undefined && shape.rows * shape.cols === 1;
}

/**
 * An argument that holds many values where MKT reads one: a multi-cell reference, an array
 * constant, or a name the workbook defines over several cells. Excel lifts the call over it in a
 * dynamic-array formula (one result per value, spilled) and intersects it in a plain one; no
 * native formula does both, so the call is frozen to Excel's value.
 */
function holdsManyValues(arg: NativeArg, context: TranslateContext): boolean {
  if (arg.omitted) return false;
  const text = arg.text.trim();
  if (isMultiCellRange(arg) || text.startsWith('{')) return true;
  return context.multiCellNames?.has(text.toUpperCase()) === true;
}

// ---------------------------------------------------------------------------------------------
// Formulas

export interface CallTranslation {
  id: string;
  /** Whether this call was translated or frozen (when frozen, `reason` says why). */
  translated: boolean;
  reason?: FreezeReason;
}

export interface FormulaTranslation {
  /** The native formula, in the same form as given (a leading "=" kept if there was one). */
  formula?: string;
  /** Set when the formula cannot be translated: the cell keeps its computed value instead. */
  frozen?: Frozen;
  calls: CallTranslation[];
}

/**
 * A formula with every MKT call translated into native functions; nested calls are translated
 * first. When one call cannot be translated, the whole formula is frozen (`frozen` says why).
 * @example translateFormula('=MKT.ROI_RATIO(B2,C2)*2').formula
 * //=> '=IF(ISERROR(IF(MIN(B2)<0,…)),…)*2'
 */
export function translateFormula(formula: string, context: TranslateContext = {}, options?: ReadOptions): FormulaTranslation {
  const sites = findMktCalls(formula, options);
  if (sites.length === 0) return { formula, calls: [] };
  const calls: CallTranslation[] = [];
  let frozen: Frozen | undefined;
  const kinds = new Map<string, ResultKind>();
  const out = mapMktCalls(
    formula,
    (site: MktCallSite, args: string[]) => {
      // Once one call is frozen the whole formula is: the rest is not translated (and a hostile
      // nesting, whose translation would grow with each level, stops at the first call too long).
      if (frozen) {
        calls.push({ id: site.id, translated: false, reason: frozen.reason });
        return formula.slice(site.span.start, site.span.end);
      }
      const result = translateCall(site, args, kinds, site.parent === undefined ? context : { arrayFormula: context.arrayFormula, multiCellNames: context.multiCellNames });
      if (result instanceof Frozen) {
        frozen ??= result;
        calls.push({ id: site.id, translated: false, reason: result.reason });
        return formula.slice(site.span.start, site.span.end);
      }
      if (result.length > MAX_FORMULA_LENGTH) {
        frozen = new Frozen('tooLong', site.id);
        calls.push({ id: site.id, translated: false, reason: frozen.reason });
        return formula.slice(site.span.start, site.span.end);
      }
      calls.push({ id: site.id, translated: true });
      const text = `(${result})`;
      kinds.set(text, NATIVE[site.id].result);
      return text;
    },
    options,
  );
  if (frozen) return { frozen, calls };
  const native = unwrapOuter(out);
  if (native.length > MAX_FORMULA_LENGTH) return { frozen: new Frozen('tooLong', sites[0].id), calls };
  return { formula: native, calls };
}

/** `=(X)` → `=X`: the parentheses put around each call are not needed when it is the whole formula. */
function unwrapOuter(formula: string): string {
  const eq = formula.startsWith('=') ? '=' : '';
  const body = formula.slice(eq.length);
  if (body.startsWith('(') && body.endsWith(')')) {
    let depth = 0;
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch === '"') {
        i++;
        while (i < body.length && !(body[i] === '"' && body[i + 1] !== '"')) i += body[i] === '"' ? 2 : 1;
        continue;
      }
      if (ch === '{') {
        while (i < body.length && body[i] !== '}') {
          if (body[i] === '"') {
            i++;
            while (i < body.length && !(body[i] === '"' && body[i + 1] !== '"')) i += body[i] === '"' ? 2 : 1;
          }
          i++;
        }
        continue;
      }
      if (ch === '(') depth++;
      else if (ch === ')') {
        depth--;
        if (depth === 0 && i < body.length - 1) return formula;
      }
    }
    return eq + body.slice(1, -1);
  }
  return formula;
}

function translateCall(site: MktCallSite, args: string[], kinds: Map<string, ResultKind>, context: TranslateContext): string | Frozen {
  if (!site.closed) return new Frozen('unclosed', site.id);
  // A call behind a workbook prefix ([1]!MKT.X) never reached MKT in Excel; the copy computes it natively all the same.
  if (!site.known) return new Frozen('unknownFunction', site.id);
  const entry = NATIVE[site.id];
  if (!entry) return new Frozen('noNativeForm', site.id);
  const required = entry.params.filter((param) => param.default === undefined && !param.optional).length;
  // Excel refuses a call with too few or too many arguments (#N/A when typed, #NAME? for an unbound name).
  if (args.length > entry.params.length || args.length < required) return new Frozen('arity', site.id);
  // A required argument left empty (`MKT.ROI_RATIO(,B2)`) reaches MKT as null, which the readings read as blank.
  const nativeArgs: NativeArg[] = args.map((text) => ({ text, omitted: text.trim() === '', resultKind: kinds.get(text.trim()) }));
  const oneValue = (kind: ParamKind) => kind === 'number' || kind === 'yesno' || kind === 'text';
  if (nativeArgs.some((arg, i) => oneValue(entry.params[i].kind) && holdsManyValues(arg, context))) return new Frozen('manyValues', site.id);
  const translated = entry.translate(nativeArgs, context);
  if (translated instanceof Frozen) return translated;
  // Excel does not call a custom function given an error as a single value: it shows the first
  // such error. Only an error inside a range reaches the function (and its reading order). An
  // amount or a range written otherwise than as one cell (a name, B:B, an expression) may hold
  // many values: guarding it as one would make the guard intersect or lift it.
  const single = nativeArgs
    .filter((arg, i) => {
      if (arg.omitted || !canFail(arg.text.trim())) return false;
      return oneValue(entry.params[i].kind) || isOneCell(arg);
    })
    .map((arg) => operand(arg.text));
  return guarded(single, translated);
}

/**
 * MKT functions frozen to their values: ALLOCATE_MARGINAL is an iterative solver (a bisection on
 * the marginal return, with a walk over the LINEAR channels' steps) with no reasonable native
 * form. Every other MKT function has an entry
 * in NATIVE (test/portable/native-table.test.ts checks it).
 */
export const FROZEN_BY_DESIGN: ReadonlySet<string> = new Set(['ALLOCATE_MARGINAL']);

/** Whether the translator has a native form for this MKT function id. */
export function hasNativeForm(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(NATIVE, id);
}
