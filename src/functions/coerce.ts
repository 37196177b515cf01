/**
 * The one place where Excel's argument values become plain typed values for the rules
 * (docs/RULES.md, Conventions). Every reader throws a RuleError, or the Excel error it received,
 * which `run` (excel-errors.ts) turns into a CustomFunctions.Error.
 *
 * Policy:
 * - blank: null, undefined and "" (Excel sends both for an empty cell, depending on the host);
 * - amounts (`readAmount`): one cell or a range summed like SUM sums references: only numbers
 *   count; blank, text (numeric text too) and booleans are skipped; a negative number is #VALUE!;
 * - other numbers (`readNumber`): like Excel arithmetic: blank is 0, TRUE is 1, numeric text is
 *   read, English or French (" 1500 ", "0,8", "1 500,50" with spaces, no-break or narrow no-break
 *   spaces between thousands, "80 %"), any other text is #VALUE!; "1,500" (one comma, three
 *   digits) is 1500 in English and 1.5 in French: #VALUE! asking for 1500 or 1.5; a range of more
 *   than one cell is #VALUE!;
 * - optional numbers and yes/no: omitted (null, undefined) takes the default; a blank cell ("")
 *   does not: it is 0 for a number and FALSE for a yes/no. Excel for Windows and Mac pass a
 *   blank cell as 0, Excel on the web as null (office-js issues 4702, 5262): there a blank cell
 *   reads as left out (RULES.md, Conventions);
 * - optional text choices (`readOptionalChoice`): a blank cell takes the default on every host —
 *   0, null and "" alike;
 * - yes/no (`readYesNo`): TRUE/FALSE, 1/0, yes/no, oui/non, true/false, vrai/faux; blank is FALSE;
 * - an Excel error received in any argument is passed on unchanged.
 */
import { invalid, RuleError } from '../rules/errors';

export type ExcelScalar = number | string | boolean | null | undefined;

/** An Excel error arriving as an argument value (a CustomFunctions.Error, or anything shaped like one). */
export function isIncomingError(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('#');
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

// Spaces Excel and French number formats put between thousands: space, no-break space, narrow no-break space.
const GROUP_SPACE = '[\\u0020\\u00a0\\u202f]';
const GROUP_SPACES = new RegExp(GROUP_SPACE, 'g');
/** English: digits, a decimal point, an exponent; thousands grouped by spaces. */
const ENGLISH_NUMBER = new RegExp(`^[+-]?(\\d{1,3}(${GROUP_SPACE}\\d{3})+|\\d+)?(\\.\\d*)?(e[+-]?\\d+)?$`, 'i');
/** French: a decimal comma (",5" too, as ".5" in English); thousands grouped by spaces. */
const FRENCH_NUMBER = new RegExp(`^[+-]?((\\d{1,3}(${GROUP_SPACE}\\d{3})+|\\d+)(,\\d+)?|,\\d+)(e[+-]?\\d+)?$`, 'i');
/** One comma then exactly three digits, which English reads as thousands and French as decimals. */
const AMBIGUOUS_COMMA = /^[+-]?[1-9]\d{0,2},\d{3}$/;

/** Text with its surrounding spaces and a trailing percent sign (with or without a space before it) split off. */
function splitPercent(text: string): { body: string; percent: boolean } {
  const trimmed = text.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  const m = /^(.*?)[\u0020\u00a0\u202f]?%$/.exec(trimmed);
  return m ? { body: m[1], percent: true } : { body: trimmed, percent: false };
}

/**
 * The two readings of numeric text such as "1,500" (one comma, then exactly three digits and
 * nothing else): undefined for any other text.
 * @example ambiguousComma('1,500') //=> { thousands: 1500, decimal: 1.5 }
 */
export function ambiguousComma(text: string): { thousands: number; decimal: number } | undefined {
  const { body, percent } = splitPercent(String(text));
  if (!AMBIGUOUS_COMMA.test(body)) return undefined;
  const scale = percent ? 100 : 1;
  return { thousands: Number(body.replace(',', '')) / scale, decimal: Number(body.replace(',', '.')) / scale };
}

/**
 * Reads numeric text the way Excel arithmetic does, in English or French: " 1500 ", "1 500,50"
 * (spaces, no-break or narrow no-break spaces between thousands), "0,8", "80 %", "1e3".
 * Undefined when the text is not a number, or is ambiguous ("1,500": see `ambiguousComma`).
 * @example toNumberFromText('1\u202f500,50') //=> 1500.5
 */
export function toNumberFromText(text: string): number | undefined {
  const { body, percent } = splitPercent(text);
  if (!/\d/.test(body) || AMBIGUOUS_COMMA.test(body)) return undefined;
  let plain: string;
  if (ENGLISH_NUMBER.test(body)) plain = body.replace(GROUP_SPACES, '');
  else if (FRENCH_NUMBER.test(body)) plain = body.replace(GROUP_SPACES, '').replace(',', '.');
  else return undefined;
  const value = Number(plain);
  if (!Number.isFinite(value)) return undefined;
  return percent ? value / 100 : value;
}

/** A scalar argument may still arrive as a 1×1 (or empty) 2-D array; anything larger is an error. */
export function readScalar(arg: string, value: unknown): ExcelScalar {
  if (!Array.isArray(value)) {
    if (isIncomingError(value)) throw value;
    return value as ExcelScalar;
  }
  if (value.length === 0) return null;
  const row = value[0];
  if (value.length === 1 && Array.isArray(row) && row.length <= 1) return readScalar(arg, row.length ? row[0] : null);
  if (value.length === 1 && !Array.isArray(row)) return readScalar(arg, row);
  throw invalid('notOneValue', { arg });
}

/** A number as Excel arithmetic reads it. */
export function readNumber(arg: string, value: unknown): number {
  const scalar = readScalar(arg, value);
  if (typeof scalar === 'number') {
    if (Number.isFinite(scalar)) return scalar;
    throw invalid('notANumber', { arg });
  }
  if (isBlank(scalar)) return 0;
  if (typeof scalar === 'boolean') return scalar ? 1 : 0;
  if (typeof scalar === 'string') {
    const parsed = toNumberFromText(scalar);
    if (parsed !== undefined) return parsed;
    const both = ambiguousComma(scalar);
    if (both) throw invalid('ambiguousComma', { arg, text: scalar.trim(), thousands: both.thousands, decimal: both.decimal });
  }
  throw invalid('notANumber', { arg });
}

/**
 * An optional number: undefined when omitted (Excel sends null), so the default applies; a blank
 * cell ("") still counts as 0, as in Excel arithmetic.
 */
export function readOptionalNumber(arg: string, value: unknown): number | undefined {
  const scalar = readScalar(arg, value);
  return scalar === null || scalar === undefined ? undefined : readNumber(arg, scalar);
}

/** One cell of an amount: its value when it is a number, 0 when SUM would skip it. */
function amountCell(arg: string, cell: unknown): number {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw invalid('notANumber', { arg });
    if (cell < 0) throw invalid('negative', { arg });
    return cell;
  }
  if (isIncomingError(cell)) throw cell;
  return 0;
}

/** One cell of a channel range: its number, or 0 for a blank, text or boolean cell. */
const channelCell = amountCell;

// Plain loops rather than a visitor callback: these run on every recalculation of every cell.

/** An amount: one cell or a range, summed like SUM sums references. */
export function readAmount(arg: string, value: unknown): number {
  // The common case, one cell holding a plain amount, without the loops.
  if (Array.isArray(value) && value.length === 1) {
    const row: unknown = value[0];
    if (Array.isArray(row) && row.length === 1) {
      const cell: unknown = row[0];
      if (typeof cell === 'number' && cell >= 0 && cell < Infinity) return cell;
    }
  }
  let sum = 0;
  if (!Array.isArray(value)) {
    sum = amountCell(arg, value);
  } else {
    for (let r = 0; r < value.length; r++) {
      const row: unknown = value[r];
      if (Array.isArray(row)) {
        for (let c = 0; c < row.length; c++) sum += amountCell(arg, row[c]);
      } else {
        sum += amountCell(arg, row);
      }
    }
  }
  if (!Number.isFinite(sum)) throw new RuleError('NUM', 'notFinite', { arg });
  return sum;
}

/** One number per cell, in reading order: a blank, text or boolean cell counts as 0. */
export function readChannelValues(arg: string, value: unknown): number[] {
  if (!Array.isArray(value)) return [channelCell(arg, value)];
  const values: number[] = [];
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) values.push(channelCell(arg, row[c]));
    } else {
      values.push(channelCell(arg, row));
    }
  }
  return values;
}

const YES = new Set(['yes', 'oui', 'true', 'vrai', '1']);
const NO = new Set(['no', 'non', 'false', 'faux', '0']);

/** A yes/no answer; blank reads as FALSE, omitted (null or undefined) as the default. */
export function readYesNo(arg: string, value: unknown, whenOmitted: boolean): boolean {
  const scalar = readScalar(arg, value);
  if (scalar === null || scalar === undefined) return whenOmitted;
  if (scalar === '') return false;
  if (typeof scalar === 'boolean') return scalar;
  if (scalar === 1 || scalar === 0) return scalar === 1;
  if (typeof scalar === 'string') {
    const word = scalar.trim().toLowerCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
  }
  throw invalid('yesNo', { arg });
}

/**
 * An optional text choice (profile, language): undefined — its default — when omitted or blank,
 * whichever way the host passes a blank cell: 0 (Windows, Mac), null (the web) or "".
 */
export function readOptionalChoice(arg: string, value: unknown): string | undefined {
  const scalar = readScalar(arg, value);
  return scalar === 0 ? undefined : readOptionalText(arg, scalar);
}

/** Text for a choice (profile, code, language); undefined when omitted or blank. */
export function readOptionalText(arg: string, value: unknown): string | undefined {
  const scalar = readScalar(arg, value);
  if (isBlank(scalar)) return undefined;
  if (typeof scalar === 'string') return scalar.trim() === '' ? undefined : scalar;
  if (typeof scalar === 'number') return String(scalar);
  if (typeof scalar === 'boolean') return scalar ? 'TRUE' : 'FALSE';
  throw invalid('notText', { arg });
}

/** One month of a history: its number, or null for a blank, text or boolean cell (left out by the rule). */
function monthCell(arg: string, cell: unknown): number | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw invalid('notANumber', { arg });
    return cell;
  }
  if (isIncomingError(cell)) throw cell;
  return null;
}

/** A history's cells in reading order: numbers kept (negatives too, the rule refuses them), others null. */
export function readMonths(arg: string, value: unknown): Array<number | null> {
  if (!Array.isArray(value)) return [monthCell(arg, value)];
  const cells: Array<number | null> = [];
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) cells.push(monthCell(arg, row[c]));
    } else {
      cells.push(monthCell(arg, row));
    }
  }
  return cells;
}

/** A history as rows of cells (one row per channel): numbers kept, other cells null. */
export function readMonthRows(arg: string, value: unknown): Array<Array<number | null>> {
  if (!Array.isArray(value)) return [[monthCell(arg, value)]];
  const rows: Array<Array<number | null>> = [];
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    const cells: Array<number | null> = [];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) cells.push(monthCell(arg, row[c]));
    } else {
      cells.push(monthCell(arg, row));
    }
    rows.push(cells);
  }
  return rows;
}

/**
 * The first `count` numbers of a range in reading order (a RESPONSE_FIT row: a, b); text, blank
 * and boolean cells are skipped; an error met before them is passed on.
 */
export function readLeadingNumbers(arg: string, value: unknown, count: number): number[] {
  const numbers: number[] = [];
  const cells = Array.isArray(value) ? value : [[value]];
  for (let r = 0; r < cells.length && numbers.length < count; r++) {
    const row: unknown = cells[r];
    const rowCells: unknown[] = Array.isArray(row) ? row : [row];
    for (let c = 0; c < rowCells.length && numbers.length < count; c++) {
      const cell = rowCells[c];
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) throw invalid('notANumber', { arg });
        numbers.push(cell);
      } else if (isIncomingError(cell)) throw cell;
    }
  }
  return numbers;
}
