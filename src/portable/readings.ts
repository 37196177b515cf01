/**
 * The translator's building blocks: each kind of argument read as src/functions/coerce.ts reads it,
 * as a native expression (an amount, a number, a yes/no, a text choice), and the guards that pass
 * the first bad argument's error on, in the adapter's order.
 */
import { toNumberFromText } from '../functions/coerce';
import { DIV0_ERROR, VALUE_ERROR, type NativeArg, type NativeParam, type ParamKind } from './native-entry';
import { operand, referenceOf } from './references';

const NUMBER_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
export const TEXT_LITERAL = /^"(?:[^"]|"")*"$/;
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
export function guarded(readings: Array<string | undefined>, body: string, firstChecks: readonly string[] = []): string {
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
export function canFail(reading: string): boolean {
  return !isNumberLiteral(reading) && !TEXT_LITERAL.test(reading) && !/^(?:TRUE|FALSE)$/.test(reading);
}

export function failing(reading: string): string | undefined {
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

export const p = (name: string, kind: ParamKind, optionalDefault?: string): NativeParam => ({ name, kind, default: optionalDefault });
export const optional = (name: string, kind: ParamKind): NativeParam => ({ name, kind, optional: true });

/** Readings of every argument, in order, as native expressions. */
export function read(params: NativeParam[], args: NativeArg[]): string[] {
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
export function rateRefused(x: string, bounds: 'closed' | 'lowOpen' | 'highOpen' = 'closed'): string {
  const low = bounds === 'lowOpen' ? `${x}<=0` : `${x}<0`;
  const high = bounds === 'highOpen' ? `${x}>=1` : `${x}>1`;
  return `OR(${low},${high})`;
}

/** A ratio of two amounts (ROI_RATIO, FEES_TO_SALARY): #DIV/0! when the divisor is 0. */
export function ratioOf(params: NativeParam[]) {
  return (args: NativeArg[]) => {
    const r = read(params, args);
    return guarded(r.map(failing), `IF(${r[1]}=0,${DIV0_ERROR},${r[0]}/${r[1]})`, [r[1]]);
  };
}
