/**
 * The portable copy's translator: each MKT call becomes a formula of classic native functions
 * only (SUM, SUMPRODUCT, SUMSQ, IF, AND, OR, ISNUMBER, ISTEXT, ISLOGICAL, MIN, MAX, LARGE, CHOOSE,
 * INDEX, MATCH, LN, EXP, SLOPE, RSQ, VALUE,
 * SUBSTITUTE, TRIM, TRANSPOSE …), which Excel 2010 and later, LibreOffice Calc and Google Sheets
 * compute without the add-in. No LET, LAMBDA, IFS, SWITCH, XLOOKUP, FILTER, SEQUENCE or other
 * dynamic-array function.
 *
 * Pure: a formula text in, a formula text out. One table entry per function (`NATIVE`), so a new
 * MKT function is one more entry; a function with no entry, or whose arguments the translator
 * cannot follow, is frozen (the copy keeps its computed value and says so).
 *
 * How the arguments are read, the same way src/functions/coerce.ts reads them:
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
import { toNumberFromText } from '../functions/coerce';
import { isRuleError } from '../rules/errors';
import { CODE_LABELS, labelOf, parseLanguage, type LabelLanguage } from '../rules/labels';
import { CURVE_MIN_MONTHS, CURVE_MIN_SPREAD, SLOPE_ROUND_OFF, SPREAD_ROUND_OFF } from '../rules/marginal';
import { findMktCalls, mapMktCalls, type MktCallSite, type ReadOptions } from '../formula/mkt-calls';
import { decisionEntries } from './native-decision';
import { hiringNative } from './translate-hiring';

/** Excel's limit on a formula's length. */
export const MAX_FORMULA_LENGTH = 8192;

export type ParamKind = 'amount' | 'number' | 'yesno' | 'text' | 'range';

export interface NativeParam {
  name: string;
  kind: ParamKind;
  /** The value when omitted, as a native expression. */
  default?: string;
  /** Optional with no default value (PILOT_VERDICT's roi_ratio: left out, its condition does not apply). */
  optional?: true;
}

/** What a translated call returns: a number, a code or word, a spilled column, a spilled row (RESPONSE_FIT), or a table (COST_PATHS). */
export type ResultKind = 'number' | 'text' | 'column' | 'row' | 'table';

/** Why a call was frozen rather than translated. */
export type FreezeReason =
  | 'noNativeForm'
  | 'unknownFunction'
  | 'tooLong'
  | 'channelShape'
  | 'notArrayFormula'
  | 'unclosed'
  | 'arity'
  | 'manyValues';

export class Frozen {
  constructor(
    readonly reason: FreezeReason,
    readonly id: string,
  ) {}
}

/** One argument as the translator sees it. */
export interface NativeArg {
  /** The expression as written (nested MKT calls already translated); '' when omitted. */
  text: string;
  omitted: boolean;
  /** Set when the argument is a translated MKT call: its result is already clean. */
  resultKind?: ResultKind;
}

export interface TranslateContext {
  /**
   * The cells the formula spills into as stored in the file (ALLOCATE's column), rows × columns;
   * undefined when not known.
   */
  spill?: { rows: number; cols: number };
  /**
   * Whether the cell holds an array formula (`t="array"`, a dynamic array in Excel 365): only
   * there may ALLOCATE's column be computed by Excel 2010 and LibreOffice.
   */
  arrayFormula?: boolean;
  /** The workbook's defined names (upper-cased) that refer to more than one cell. */
  multiCellNames?: ReadonlySet<string>;
}

export interface NativeEntry {
  params: NativeParam[];
  result: ResultKind;
  /** The native formula (without "="), or a Frozen. */
  translate(args: NativeArg[], context: TranslateContext): string | Frozen;
  /** A note for the README table (what differs, if anything). */
  note?: { fr: string; en: string };
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const VALUE_ERROR = '#VALUE!';
const DIV0_ERROR = '#DIV/0!';
const NUM_ERROR = '#NUM!';
const NA_ERROR = '#N/A';

const SIMPLE_OPERAND = /^(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|[A-Za-z_\\][A-Za-z0-9_.]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"]|"")*")$/;

/** The expression as an operand: parenthesised unless it is one reference, name, number or text. */
export function operand(expression: string): string {
  const text = expression.trim();
  if (SIMPLE_OPERAND.test(text) || referenceOf(text) !== undefined || isWholeCall(text)) return text;
  return `(${text})`;
}

// A sheet before "!": quoted ('O''Brien & Co', quotes doubled) or bare, any letter (Données, Übersicht, 売上), as Excel writes them.
const SHEET = String.raw`(?:'(?:[^']|'')+'|[\p{L}\p{N}_.\\]+)!`;
const CELL_REF = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const REFERENCE = new RegExp(
  String.raw`^(?:${SHEET})?(?:(${CELL_REF})(?::(${CELL_REF}))?|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})|(\$?\d{1,7}):(\$?\d{1,7}))$`,
  'u',
);
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface ReferenceShape {
  rows: number;
  cols: number;
  /** A whole column or row (B:B, 3:3). */
  whole: boolean;
}

/** Rows × columns of a reference written as one (B2, 'Data'!C3:H3, Données!B:B, 3:5), undefined for anything else. */
export function referenceOf(text: string): ReferenceShape | undefined {
  const m = REFERENCE.exec(text.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters.replace('$', '').toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const num = (digits: string) => Number(digits.replace('$', ''));
  if (m[3] !== undefined) return { rows: MAX_ROWS, cols: Math.abs(col(m[4]) - col(m[3])) + 1, whole: true };
  if (m[5] !== undefined) return { rows: Math.abs(num(m[6]) - num(m[5])) + 1, cols: MAX_COLS, whole: true };
  const [, from, to = from] = m;
  const a = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(from)!;
  const b = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(to)!;
  return { rows: Math.abs(Number(b[2]) - Number(a[2])) + 1, cols: Math.abs(col(b[1]) - col(a[1])) + 1, whole: false };
}

/** `NAME(…)` whose parenthesis closes at the very end (one call, not `F(1)+G(2)`). */
function isWholeCall(text: string): boolean {
  const open = /^[A-Za-z_][A-Za-z0-9_.]*\(/.exec(text);
  if (!open || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = open[0].length - 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i !== text.length - 1) return false;
    }
  }
  return depth === 0;
}

const NUMBER_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TEXT_LITERAL = /^"(?:[^"]|"")*"$/;
const BOOLEAN_LITERAL = /^(?:TRUE|FALSE)(?:\(\))?$/i;

function isNumberLiteral(text: string): boolean {
  return NUMBER_LITERAL.test(text.trim());
}

/** A literal that an amount parameter receives as a cell SUM skips (text, TRUE/FALSE): 0. */
function isSkippedLiteral(text: string): boolean {
  const t = text.trim();
  return TEXT_LITERAL.test(t) || BOOLEAN_LITERAL.test(t);
}

/**
 * `IF(ISERROR(r1),r1,IF(ISERROR(r2),r2,…body))`: readings that can fail, in the adapter's order,
 * so the first bad argument's error is the one shown. `firstChecks`: the readings whose errors the
 * body's first condition passes on (inside OR or a comparison); when the last reading that can
 * fail is one of them, it needs no guard — formulas stay shorter, and nested calls fit Excel's limit.
 */
function guarded(readings: Array<string | undefined>, body: string, firstChecks: readonly string[] = []): string {
  let out = body;
  let last = true;
  for (let i = readings.length - 1; i >= 0; i--) {
    const r = readings[i];
    if (r === undefined) continue;
    if (!(last && firstChecks.includes(r))) out = `IF(ISERROR(${r}),${r},${out})`;
    last = false;
  }
  return out;
}

/** Whether reading can fail (a literal number, an omitted argument, a constant cannot). */
function canFail(reading: string): boolean {
  return !isNumberLiteral(reading) && !TEXT_LITERAL.test(reading) && !/^(?:TRUE|FALSE)$/.test(reading);
}

function failing(reading: string): string | undefined {
  return canFail(reading) ? reading : undefined;
}

/** An amount: a cell or a range summed like SUM sums references; a negative number is #VALUE!. */
export function amountOf(arg: NativeArg): string {
  if (arg.omitted) return '0';
  if (arg.resultKind === 'number') return operand(arg.text);
  const x = arg.text.trim();
  if (isSkippedLiteral(x)) return '0';
  if (isNumberLiteral(x)) return Number(x) < 0 ? VALUE_ERROR : x;
  const shape = referenceOf(x);
  // A whole column is summed by SUM itself (SUM skips text and TRUE/FALSE in references), not
  // walked cell by cell through SUMPRODUCT's arrays.
  if (shape?.whole) return `IF(MIN(${x})<0,${VALUE_ERROR},SUM(${x}))`;
  // A reference or a name: MIN reads it whole. An expression (B2:B6*2, IF(…,range)) may give an
  // array, which only SUMPRODUCT evaluates as one in a plain formula.
  const negative = shape || /^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(x) ? `MIN(${x})<0` : `SUMPRODUCT(ISNUMBER(${operand(x)})*(${operand(x)}<0))>0`;
  return `IF(${negative},${VALUE_ERROR},SUMPRODUCT(ISNUMBER(${x})*NOT(ISLOGICAL(${x})),${x}))`;
}

/** A number read like Excel arithmetic: blank 0, TRUE 1, numeric text read, other text #VALUE!. */
export function numberOf(arg: NativeArg, fallback?: string): string {
  if (arg.omitted) return fallback ?? '0';
  if (arg.resultKind === 'number') return operand(arg.text);
  const x = arg.text.trim();
  if (isNumberLiteral(x)) return x;
  if (TEXT_LITERAL.test(x)) {
    const inner = x.slice(1, -1).replace(/""/g, '"');
    if (inner === '') return '0';
    // Text written in the formula is read here, by MKT's own reader ("1 500,50", "80 %"; "12 34" refused).
    const read = toNumberFromText(inner);
    return read === undefined ? VALUE_ERROR : String(read).toUpperCase();
  }
  const o = operand(x);
  // IFERROR only sees text here (an error argument takes the last branch): LibreOffice's VALUE
  // gives Err:502 (#NUM!) for text that is no number, Excel's #VALUE!.
  return `IF(ISTEXT(${o}),IF(${o}="",0,IFERROR(VALUE(SUBSTITUTE(${o}," ","")),${VALUE_ERROR})),${o}+0)`;
}

const YES_WORDS = ['yes', 'oui', 'true', 'vrai', '1'];
const NO_WORDS = ['no', 'non', 'false', 'faux', '0'];

/**
 * Text trimmed as MKT trims it (JavaScript's trim): spaces, no-break and narrow no-break spaces,
 * tabs and line breaks around it. TRIM alone removes spaces only; CLEAN removes the control
 * characters (tabs, line breaks: LibreOffice's CHAR(9) is no tab), inner ones too, and TRIM
 * collapses inner runs of spaces: no choice has either. Other Unicode spaces are a documented limit.
 */
function trimmed(text: string): string {
  return `TRIM(CLEAN(SUBSTITUTE(SUBSTITUTE(${text},"\u00a0"," "),"\u202f"," ")))`;
}

/** A yes/no: TRUE/FALSE, 1/0, yes/no, oui/non, true/false, vrai/faux; blank is FALSE. */
export function yesNoOf(arg: NativeArg, whenOmitted: boolean): string {
  if (arg.omitted) return whenOmitted ? 'TRUE' : 'FALSE';
  const x = arg.text.trim();
  if (BOOLEAN_LITERAL.test(x)) return x.toUpperCase().startsWith('TRUE') ? 'TRUE' : 'FALSE';
  const o = operand(x);
  const t = trimmed(o);
  // One comparison with an array constant: the trimmed text is written once per list, not per word
  // (OR over an array needs no array entry, in Excel as in LibreOffice).
  const anyOf = (words: string[]) => `OR(${t}={${words.map((w) => `"${w}"`).join(',')}})`;
  const text = `IF(${o}="",FALSE,IF(${anyOf(YES_WORDS)},TRUE,IF(${anyOf(NO_WORDS)},FALSE,${VALUE_ERROR})))`;
  return (
    `IF(ISLOGICAL(${o}),${o},IF(ISNUMBER(${o}),IF(${o}=1,TRUE,IF(${o}=0,FALSE,${VALUE_ERROR})),` +
    `IF(ISTEXT(${o}),${text},${o}*0=1)))`
  );
}

/**
 * A text choice, trimmed: '' when blank or omitted. `optionalChoice`: an optional choice (a
 * profile, a language), for which a blank cell read as 0 (Excel for Windows and Mac) takes the
 * default too, as in MKT.
 */
export function textOf(arg: NativeArg, optionalChoice = false): string {
  if (arg.omitted) return '""';
  const x = arg.text.trim();
  if (TEXT_LITERAL.test(x)) return `"${x.slice(1, -1).replace(/""/g, '"').trim().replace(/"/g, '""')}"`;
  if (arg.resultKind === 'text') return operand(x);
  if (optionalChoice && isNumberLiteral(x) && Number(x) === 0) return '""';
  const o = operand(x);
  return optionalChoice ? `IF(ISNUMBER(${o}),IF(${o}=0,"",${o}&""),${trimmed(`${o}&""`)})` : trimmed(`${o}&""`);
}

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
// The functions

const p = (name: string, kind: ParamKind, optionalDefault?: string): NativeParam => ({ name, kind, default: optionalDefault });
const optional = (name: string, kind: ParamKind): NativeParam => ({ name, kind, optional: true });

/** Readings of every argument, in order, as native expressions. */
function read(params: NativeParam[], args: NativeArg[]): string[] {
  return params.map((param, i) => {
    const arg = args[i] ?? { text: '', omitted: true };
    if (arg.omitted && param.default !== undefined) return param.default;
    switch (param.kind) {
      case 'amount':
        return amountOf(arg);
      case 'number':
        return numberOf(arg);
      case 'yesno':
        return yesNoOf(arg, param.default === 'TRUE');
      case 'text':
        return textOf(arg, param.default !== undefined);
      case 'range':
        return arg.text.trim();
    }
  });
}

/** Rate checks of src/rules/errors.ts checkRate, as a condition that is TRUE when the rate is refused. */
function rateRefused(x: string, bounds: 'closed' | 'lowOpen' | 'highOpen' = 'closed'): string {
  const low = bounds === 'lowOpen' ? `${x}<=0` : `${x}<0`;
  const high = bounds === 'highOpen' ? `${x}>=1` : `${x}>1`;
  return `OR(${low},${high})`;
}

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

/** A ratio of two amounts (ROI_RATIO, FEES_TO_SALARY): #DIV/0! when the divisor is 0. */
function ratioOf(params: NativeParam[]) {
  return (args: NativeArg[]) => {
    const r = read(params, args);
    return guarded(r.map(failing), `IF(${r[1]}=0,${DIV0_ERROR},${r[0]}/${r[1]})`, [r[1]]);
  };
}

// LABEL's words come from the rules' one table, so a new code (CURVE, LINEAR…) is translated too.
const LABEL_CODES: ReadonlyArray<readonly [string, string, string]> = Object.entries(CODE_LABELS).map(([code, words]) => [code, words.fr, words.en] as const);
/** fr-CA's words, in LABEL_CODES order (French where Québec says the same). */
const QUEBEC_WORDS: readonly string[] = LABEL_CODES.map(([code]) => labelOf(code, 'fr-CA') as string);

/** The codes LABEL knows, for the test that keeps this table equal to src/rules/labels.ts. */
export const LABEL_TABLE: ReadonlyArray<readonly [string, string, string]> = LABEL_CODES;

const arrayConstant = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  `{${rows.map((row) => row.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join(';')}}`;

/** A channel range's cells as numbers (blank, text, TRUE/FALSE: 0), in an array formula. */
function channelValues(range: string): string {
  return `IF(ISNUMBER(${range}),IF(ISLOGICAL(${range}),0,${range}),0)`;
}

/** Rows × columns of a literal range reference such as B2:B6 or 'Data'!C3:H3, if it is one (a whole column is not). */
export function rangeShape(text: string): { rows: number; cols: number } | undefined {
  const shape = referenceOf(text);
  return shape && !shape.whole ? { rows: shape.rows, cols: shape.cols } : undefined;
}

// The rule's round-off tolerances as plain decimals (not every engine reads an exponent in a formula).
const formulaNumber = (x: number) => {
  const text = x.toFixed(Math.max(0, 15 - Math.floor(Math.log10(Math.abs(x))))).replace(/\.?0+$/, '');
  if (Number(text) !== x) throw new Error(`no exact decimal for ${x}`);
  return text;
};
const NATIVE_SLOPE_ROUND_OFF = formulaNumber(SLOPE_ROUND_OFF);
const NATIVE_SPREAD_ROUND_OFF = formulaNumber(SPREAD_ROUND_OFF);
const NATIVE_BELOW_ONE = formulaNumber(-(1 - SLOPE_ROUND_OFF));

/**
 * RESPONSE_FIT's row of four (src/rules/marginal.ts responseFit), computed the same way: the months
 * that count (spend and revenue both numbers above 0), the means of their logs, the centred sums,
 * b = Sxy / Sxx, a = e^(ȳ − b x̄), r² = 1 − SSE / Syy clamped to 0..1 (0 when Syy = 0); CURVE when
 * there are 6 months or more, the largest spend is at least 1.5 × the smallest, 0 < b < 1 and a is
 * finite; otherwise LINEAR: Σ revenue / Σ spend, 1, the log fit's r² (0 without one). CHOOSE picks
 * from one list so that b is written as few times as possible (no LET in classic functions). Same
 * operations in the same order as the rule: the test engine gives the same bits, boundaries included.
 */
function responseFitBody(s: string, v: string): string {
  const m = `ISNUMBER(${s})*ISNUMBER(${v})*(${s}>0)*(${v}>0)`;
  const n = `SUM(${m})`;
  const mx = `AVERAGE(IF(${m},LN(${s})))`;
  const my = `AVERAGE(IF(${m},LN(${v})))`;
  const dx = `(LN(${s})-${mx})`;
  const dy = `(LN(${v})-${my})`;
  const sxx = `SUMSQ(IF(${m},${dx}))`;
  const sxy = `SUM(IF(${m},${dx}*${dy}))`;
  const syy = `SUMSQ(IF(${m},${dy}))`;
  const b = `(${sxy}/${sxx})`;
  const a = `EXP(${my}-${b}*${mx})`;
  const sse = `SUMSQ(IF(${m},LN(${v})-(${my}+${b}*${dx})))`;
  // The rule's round-off guards: equal revenues fit slope 0 and r² 0; a slope within 1e-9 of 1 is 1.
  const flat = `(MAX(IF(${m},LN(${v})))=MIN(IF(${m},LN(${v}))))`;
  const sseAtOne = `SUMSQ(IF(${m},LN(${v})-(${my}+${dx})))`;
  const r2 = `IF(OR(${flat},NOT(${syy}>0)),0,MEDIAN(0,1,1-IF(ABS(${b}-1)<=${NATIVE_SLOPE_ROUND_OFF},${sseAtOne},${sse})/${syy}))`;
  const max = `MAX(IF(${m},${s}))`;
  const min = `MIN(IF(${m},${s}))`;
  const ratio = `SUM(IF(${m},${v}))/SUM(IF(${m},${s}))`;
  // 0 < b < 1 − 1e-9 in one comparison: b × {1, −1} > {0, −(1 − 1e-9)}; a spread of 1.5 to round-off.
  const curve = `AND(${n}>=${CURVE_MIN_MONTHS},${max}>=${CURVE_MIN_SPREAD}*${min}*(1-${NATIVE_SPREAD_ROUND_OFF}),NOT(${flat}),${b}*{1,-1}>{0,${NATIVE_BELOW_ONE}},ISNUMBER(${a}))`;
  return (
    `IF(${n}=0,${NA_ERROR},IF(AND(${max}<>${min},${sxx}>0),` +
    `CHOOSE(IF(${curve},{1,2,3,4},{5,6,3,7}),${a},${b},${r2},"CURVE",${ratio},1,"LINEAR"),` +
    `CHOOSE({1,2,3,4},${ratio},1,0,"LINEAR")))`
  );
}

/**
 * RESPONSE_FIT's row of four in fewer characters, for ranges whose long references make the exact
 * form pass Excel's 8 192 (another sheet's history): SLOPE and RSQ compute b and r² in their own
 * order, so a slope within rounding of the rule's bounds (0, and 1 − 1e-9: revenue exactly proportional
 * to spend) may be decided the other way — a documented limit. Elsewhere the values agree to 1e-9.
 */
function responseFitCompact(s: string, v: string): string {
  const m = `ISNUMBER(${s})*ISNUMBER(${v})*(${s}>0)*(${v}>0)`;
  const n = `SUM(${m})`;
  const lx = `IF(${m},LN(${s}))`;
  const ly = `IF(${m},LN(${v}))`;
  const b = `SLOPE(${ly},${lx})`;
  const a = `EXP(AVERAGE(${ly})-${b}*AVERAGE(${lx}))`;
  const flat = `(MAX(${ly})=MIN(${ly}))`;
  // A slope the rule snaps to 1 (within 1e-9) changes r² by at most (1e-9)² × Sxx / Syy: RSQ is kept.
  const r2 = `IF(${flat},0,IFERROR(MEDIAN(0,1,RSQ(${ly},${lx})),0))`;
  const max = `MAX(IF(${m},${s}))`;
  const min = `MIN(IF(${m},${s}))`;
  const ratio = `SUM(IF(${m},${v}))/SUM(IF(${m},${s}))`;
  const linear = `CHOOSE({1,2,3,4},${ratio},1,0,"LINEAR")`;
  // 0 < b < 1 − 1e-9 in one comparison: b × {1, −1} > {0, −(1 − 1e-9)}; a spread of 1.5 to round-off.
  const curve = `AND(${n}>=${CURVE_MIN_MONTHS},${max}>=${CURVE_MIN_SPREAD}*${min}*(1-${NATIVE_SPREAD_ROUND_OFF}),NOT(${flat}),${b}*{1,-1}>{0,${NATIVE_BELOW_ONE}},ISNUMBER(${a}))`;
  return (
    `IF(${n}=0,${NA_ERROR},IF(${max}<>${min},` +
    `IFERROR(CHOOSE(IF(${curve},{1,2,3,4},{5,6,3,7}),${a},${b},${r2},"CURVE",${ratio},1,"LINEAR"),${linear}),${linear}))`
  );
}

/**
 * A fit range's first two numbers in reading order (coerce.ts readLeadingNumbers), in a formula
 * that needs no array entry: SUMPRODUCT evaluates LARGE over the range's cells. `pos` is each
 * cell's place in reading order (a constant: the test engine's COLUMN gives no array); p1, p2 the
 * places of the first two numbers (K when missing), pe of the first error. Undefined when the fit is not a range written as a reference.
 */
function fitReading(arg: NativeArg): { a: string; b: string; errorFirst: string; error: string; missing: string } | undefined {
  if (arg.omitted || arg.resultKind !== undefined) return undefined;
  const ref = arg.text.trim();
  const shape = rangeShape(ref);
  if (!shape) return undefined;
  const cells = shape.rows * shape.cols;
  if (cells === 1) return { a: ref, b: VALUE_ERROR, errorFirst: 'FALSE', error: ref, missing: 'TRUE' };
  const k = cells + 1;
  // Each cell's place, as a constant of the range's shape (it does not move with the reference).
  const pos = `{${Array.from({ length: shape.rows }, (_, r) => Array.from({ length: shape.cols }, (_, c) => r * shape.cols + c + 1).join(',')).join(';')}}`;
  const isNum = `ISNUMBER(${ref})*NOT(ISLOGICAL(${ref}))`;
  const place = (which: string, nth: number) => `(${k}-SUMPRODUCT(LARGE(${which}*(${k}-${pos}),${nth})))`;
  const at = (p: string) =>
    shape.rows === 1
      ? `INDEX(${ref},1,${p})`
      : shape.cols === 1
        ? `INDEX(${ref},${p},1)`
        : `INDEX(${ref},INT((${p}-1)/${shape.cols})+1,MOD(${p}-1,${shape.cols})+1)`;
  const p1 = place(isNum, 1);
  const p2 = place(isNum, 2);
  const pe = place(`ISERROR(${ref})`, 1);
  return { a: at(p1), b: at(p2), errorFirst: `${pe}<${p2}`, error: at(pe), missing: `${p2}=${k}` };
}

/**
 * MARGINAL_ROAS and OPTIMAL_SPEND: the fit read first (an error before its two numbers passed
 * on), then the other argument, then the fit's bounds (a ≥ 0, 0 < b ≤ 1), then `body`.
 */
function withFit(args: NativeArg[], param: NativeParam, body: (a: string, b: string, x: string) => string, refused: (x: string) => string): string | Frozen {
  const fit = fitReading(args[0] ?? { text: '', omitted: true });
  if (!fit) return new Frozen('channelShape', 'FIT');
  const [x] = read([param], [args[1] ?? { text: '', omitted: true }]);
  const { a, b } = fit;
  const checked =
    `IF(${fit.missing},${VALUE_ERROR},IF(OR(${a}<0,${b}<=0,${b}>1,${refused(x)}),${VALUE_ERROR},${body(a, b, operand(x))}))`;
  const inner = guarded([failing(x)], checked);
  return fit.errorFirst === 'FALSE' ? inner : `IF(${fit.errorFirst},${fit.error},${inner})`;
}

export const NATIVE: Readonly<Record<string, NativeEntry>> = {
  // The §8 functions (translate-hiring.ts), given this file's building blocks.
  ...hiringNative({ read, guarded, failing, operand, frozen: (reason, id) => new Frozen(reason, id) }),
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
  ROI_RATIO: {
    params: [p('revenue', 'amount'), p('spend', 'amount')],
    result: 'number',
    translate: ratioOf([p('revenue', 'amount'), p('spend', 'amount')]),
  },
  ROI_BAND: {
    params: [p('ratio', 'number'), p('low', 'number', '3'), p('high', 'number', '5')],
    result: 'text',
    translate(args) {
      const r = read(this.params, args);
      const [ratio, low, high] = r;
      return guarded(
        r.map(failing),
        `IF(OR(${ratio}<0,${low}<0,${high}<0,${low}>${high}),${VALUE_ERROR},` +
          `IF(${ratio}<${low},"BELOW",IF(${ratio}>${high},"ABOVE","TARGET")))`,
        r,
      );
    },
  },
  LTV: {
    params: [p('margin_per_period', 'amount'), p('retention_rate', 'number'), p('discount_rate', 'number', '0')],
    result: 'number',
    translate(args) {
      const r = read(this.params, args);
      const [margin, rate, discount] = r;
      const d = operand(discount);
      return guarded(
        r.map(failing),
        `IF(OR(${rateRefused(rate)},${rateRefused(discount)}),${VALUE_ERROR},` +
          `IF(1+${d}-${operand(rate)}<=0,${NUM_ERROR},${operand(margin)}*(1+${d})/(1+${d}-${operand(rate)})))`,
        [rate, discount],
      );
    },
  },
  RETENTION_LEVER: {
    params: [
      p('margin_per_period', 'amount'),
      p('retention_rate', 'number'),
      p('cac', 'amount'),
      p('retention_uplift', 'number', '0.1'),
      p('cac_cut', 'number', '0.1'),
    ],
    result: 'text',
    translate(args) {
      const r = read(this.params, args);
      const [m, rate, cac, uplift, cut] = r.map(operand);
      const improved = `${rate}*(1+${uplift})`;
      const retention = `${m}/(1-${improved})/${cac}`;
      const acquisition = `${m}/(1-${rate})/(${cac}*(1-${cut}))`;
      // MKT's tie tolerance, 1e-12 of the larger ratio (both are ≥ 0): a tie goes to RETENTION.
      return guarded(
        r.map(failing),
        `IF(OR(${rateRefused(rate)},${rateRefused(uplift)},${rateRefused(cut, 'highOpen')}),${VALUE_ERROR},` +
          `IF(${cac}=0,${DIV0_ERROR},IF(OR(1-${improved}<=0,1-${rate}<=0),${NUM_ERROR},` +
          `IF(${retention}>=${acquisition}*(1-0.000000000001),"RETENTION","ACQUISITION"))))`,
        [r[1], r[3], r[4]],
      );
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
  ALLOCATE: {
    params: [p('total_budget', 'amount'), p('spend_range', 'range'), p('revenue_range', 'range'), p('floor', 'number', '3'), optional('cap', 'number')],
    result: 'column',
    note: {
      fr: 'formule matricielle (Ctrl+Maj+Entrée) sur la colonne de résultats ; plages écrites en références (une colonne ou une ligne) ; avec un plafond (cap), figée à ses valeurs',
      en: 'an array formula (Ctrl+Shift+Enter) over the result column; ranges written as references (one column or one row); with a cap, frozen to its values',
    },
    translate(args, context) {
      const [, spendArg, revenueArg] = args;
      // The capped shares are a fixed point (ceilings passed on until none is exceeded): their
      // closed form needs an N × N matrix several times over, far beyond Excel's formula length.
      if (args[4] !== undefined && !args[4].omitted) return new Frozen('noNativeForm', 'ALLOCATE');
      if (!spendArg || !revenueArg || spendArg.omitted || revenueArg.omitted) return new Frozen('channelShape', 'ALLOCATE');
      const spendShape = rangeShape(spendArg.text);
      const revenueShape = rangeShape(revenueArg.text);
      if (!spendShape || !revenueShape) return new Frozen('channelShape', 'ALLOCATE');
      const cells = spendShape.rows * spendShape.cols;
      const line = (s: { rows: number; cols: number }) => s.rows === 1 || s.cols === 1;
      if (!line(spendShape) || !line(revenueShape) || cells !== revenueShape.rows * revenueShape.cols) {
        return new Frozen('channelShape', 'ALLOCATE');
      }
      if (!context.arrayFormula) return new Frozen('notArrayFormula', 'ALLOCATE');
      if (context.spill && (context.spill.rows !== cells || context.spill.cols !== 1)) return new Frozen('channelShape', 'ALLOCATE');
      const r = read(this.params.slice(0, 4), args);
      const [total, spendRef, revenueRef, floor] = r;
      // Reading order is the range's own; a row becomes the spilled column through TRANSPOSE.
      const column = (ref: string, shape: { rows: number; cols: number }) => (shape.rows === 1 && shape.cols > 1 ? `TRANSPOSE(${ref})` : ref);
      const s = column(spendRef, spendShape);
      const v = column(revenueRef, revenueShape);
      const spend = channelValues(s);
      const revenue = channelValues(v);
      const f = operand(floor);
      const reaches = `IF(${spend}>0,IF(${revenue}/${spend}>=${f},1,0),0)`;
      const kept = `IF(${spend}>0,IF(${revenue}/${spend}>=${f},${revenue}/${spend},0),0)`;
      const negative = (ref: string) => `IF(MIN(${ref})<0,${VALUE_ERROR},0)`;
      return guarded(
        [failing(total), negative(spendRef), negative(revenueRef), failing(floor)],
        `IF(${f}<0,${VALUE_ERROR},IF(SUM(${reaches})=0,${NA_ERROR},IF(SUM(${kept})=0,${NA_ERROR},` +
          `${operand(total)}*(${kept}/SUM(${kept})))))`,
      );
    },
  },
  RESPONSE_FIT: {
    params: [p('spend', 'range'), p('revenue', 'range')],
    result: 'row',
    note: {
      fr: 'formule matricielle (Ctrl+Maj+Entrée) sur les quatre cellules ; plages écrites en références (même forme, ou une ligne et une colonne)',
      en: 'an array formula (Ctrl+Shift+Enter) over the four cells; ranges written as references (the same shape, or one row and one column)',
    },
    translate(args, context) {
      const [spendArg, revenueArg] = args;
      if (!spendArg || !revenueArg || spendArg.omitted || revenueArg.omitted) return new Frozen('channelShape', 'RESPONSE_FIT');
      const spendShape = rangeShape(spendArg.text);
      const revenueShape = rangeShape(revenueArg.text);
      if (!spendShape || !revenueShape) return new Frozen('channelShape', 'RESPONSE_FIT');
      if (!context.arrayFormula) return new Frozen('notArrayFormula', 'RESPONSE_FIT');
      if (context.spill && (context.spill.rows !== 1 || context.spill.cols !== 4)) return new Frozen('channelShape', 'RESPONSE_FIT');
      const s = spendArg.text.trim();
      const cells = spendShape.rows * spendShape.cols;
      const sameShape = spendShape.rows === revenueShape.rows && spendShape.cols === revenueShape.cols;
      const line = (shape: { rows: number; cols: number }) => shape.rows === 1 || shape.cols === 1;
      let v = revenueArg.text.trim();
      const ref = v;
      let body: string;
      if (cells !== revenueShape.rows * revenueShape.cols) body = VALUE_ERROR;
      else if (!sameShape && !(line(spendShape) && line(revenueShape))) return new Frozen('channelShape', 'RESPONSE_FIT');
      else {
        // Months paired in reading order: a row against a column is turned to the spend's way.
        if (!sameShape) v = `TRANSPOSE(${v})`;
        body = responseFitBody(s, v);
      }
      // Both histories are read before any check (an error in either first), then the counts and the negative months.
      const checked = (inner: string) =>
        `IF(ISERROR(MIN(${s})),MIN(${s}),IF(ISERROR(MIN(${ref})),MIN(${ref}),` +
        `IF(OR(MIN(${s})<0,MIN(${ref})<0),${VALUE_ERROR},${inner})))`;
      // The exact form where it fits Excel's limit, else the compact one (another sheet's long references).
      const exact = checked(body);
      return exact.length <= MAX_FORMULA_LENGTH || body === VALUE_ERROR ? exact : checked(responseFitCompact(s, v));
    },
  },
  MARGINAL_ROAS: {
    params: [p('fit', 'range'), p('monthly_spend', 'number')],
    result: 'number',
    note: {
      fr: 'ajustement écrit en référence de plage',
      en: 'fit written as a range reference',
    },
    translate(args) {
      const out = withFit(
        args,
        this.params[1],
        (a, b, x) => `IF(${b}=1,${a},IF(${x}=0,${NUM_ERROR},${a}*${b}*POWER(${x},${b}-1)))`,
        (x) => `${x}<0`,
      );
      return out instanceof Frozen ? new Frozen(out.reason, 'MARGINAL_ROAS') : out;
    },
  },
  OPTIMAL_SPEND: {
    params: [p('fit', 'range'), p('margin', 'number')],
    result: 'number',
    note: {
      fr: 'ajustement écrit en référence de plage',
      en: 'fit written as a range reference',
    },
    translate(args) {
      const out = withFit(
        args,
        this.params[1],
        (a, b, m) => `IF(${b}=1,${NUM_ERROR},IF(${a}*${b}*${m}=0,0,EXP(LN(${a}*${b}*${m})/(1-${b}))))`,
        (m) => rateRefused(m),
      );
      return out instanceof Frozen ? new Frozen(out.reason, 'OPTIMAL_SPEND') : out;
    },
  },
  BREAKEVEN_ROAS: {
    params: [p('margin', 'number')],
    result: 'number',
    translate(args) {
      const r = read(this.params, args);
      const [margin] = r;
      return guarded(r.map(failing), `IF(${rateRefused(margin)},${VALUE_ERROR},IF(${margin}=0,${DIV0_ERROR},1/${operand(margin)}))`, [margin]);
    },
  },
  ...decisionEntries({ read, guarded, failing, operand, rateRefused, p, optional }),
  LABEL: {
    params: [p('code', 'text'), p('lang', 'text', '""')],
    result: 'text',
    translate(args) {
      const r = read(this.params, args);
      const [code, lang] = r;
      const codes = arrayConstant([LABEL_CODES.map(([c]) => c)]);
      const rows: Record<LabelLanguage, readonly string[]> = { fr: LABEL_CODES.map(([, fr]) => fr), en: LABEL_CODES.map(([, , en]) => en), 'fr-CA': QUEBEC_WORDS };
      // A language written in the formula ("en", the pane's "fr-CA") is read here: one row of words.
      const known = TEXT_LITERAL.test(lang) ? parseLanguage(lang.slice(1, -1).replace(/""/g, '"') || 'fr') : undefined;
      if (isRuleError(known)) return guarded([failing(code)], VALUE_ERROR);
      const words = arrayConstant(known ? [rows[known]] : [rows.fr, rows.en, rows['fr-CA']]);
      const two = `LEFT(${lang},2)`;
      const third = `MID(${lang},3,1)`;
      // Row 3, Québec: fr-CA, fr_CA or qc (= ignores case).
      const langRow = known
        ? '1'
        : `IF(${lang}="",1,IF(OR(${lang}="fr-ca",${lang}="fr_ca",${lang}="qc"),3,IF(AND(OR(${two}="fr",${two}="en"),OR(LEN(${lang})=2,${third}="-",${third}="_")),` +
          `IF(${two}="fr",1,2),${VALUE_ERROR})))`;
      const at = `MATCH(${code},${codes},0)`;
      if (args[0]?.resultKind === 'text') {
        // A code from a translated MKT call is a valid code, or an error MATCH passes on.
        return guarded([failing(lang) ? code : undefined, failing(lang) ? langRow : undefined], `INDEX(${words},${langRow},${at})`);
      }
      // MATCH reads * and ? as wildcards: the code found must equal the code given.
      return guarded(
        [failing(code), failing(lang) ? langRow : undefined],
        `IF(ISNA(${at}),${VALUE_ERROR},IF(INDEX(${codes},1,${at})<>${code},${VALUE_ERROR},INDEX(${words},${langRow},${at})))`,
      );
    },
  },
};

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
