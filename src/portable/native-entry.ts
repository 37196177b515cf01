/**
 * What the translator's table is made of: an entry per MKT function (its parameters, its result,
 * its native form), the arguments as the entries see them, and why a call is frozen. Types and
 * constants only, imported by every native-*.ts file and by translate.ts.
 */

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

export const VALUE_ERROR = '#VALUE!';
export const DIV0_ERROR = '#DIV/0!';
export const NUM_ERROR = '#NUM!';
export const NA_ERROR = '#N/A';
