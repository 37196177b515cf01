/**
 * The one mapping from rule errors to Excel errors, and what every custom function throws.
 */
import { isRuleError, RuleError, RuleErrorKind } from '../rules/errors';
import type { Language } from '../rules/labels';
import { formatMessage } from '../i18n/messages';
import { isIncomingError } from './coerce';

const EXCEL_ERROR_CODES: Record<RuleErrorKind, CustomFunctions.ErrorCode> = {
  VALUE: '#VALUE!' as CustomFunctions.ErrorCode.invalidValue,
  DIV0: '#DIV/0!' as CustomFunctions.ErrorCode.divisionByZero,
  NUM: '#NUM!' as CustomFunctions.ErrorCode.invalidNumber,
  NA: '#N/A' as CustomFunctions.ErrorCode.notAvailable,
};

/** Excel displays a message only with these two codes. */
const CODES_WITH_MESSAGE: ReadonlySet<RuleErrorKind> = new Set(['VALUE', 'NA']);

/** Messages follow Office's display language when the runtime knows it; French first otherwise. */
export function messageLanguage(): Language {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const tag = office?.context?.displayLanguage;
  return typeof tag === 'string' && tag.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function toExcelError(error: RuleError, language: Language = messageLanguage()): CustomFunctions.Error {
  const code = EXCEL_ERROR_CODES[error.kind];
  return CODES_WITH_MESSAGE.has(error.kind)
    ? new CustomFunctions.Error(code, formatMessage(error.key, error.params, language))
    : new CustomFunctions.Error(code);
}

/** Unwraps a rule's result: a RuleError is thrown, to be turned into an Excel error by `toThrown`. */
export function unwrap<T>(result: T | RuleError): T {
  if (isRuleError(result)) throw result;
  return result;
}

/**
 * What an adapter throws for whatever went wrong: a rule error becomes its Excel error, an Excel
 * error received as an argument goes on unchanged, and anything else (a bug of ours) is still an
 * Excel error, never a crash in the user's sheet. Every adapter is a plain try/catch around its
 * body that throws `toThrown(error)`: one shared runner calling a dozen bodies would make that
 * call megamorphic, and cost more than the adapter's own work.
 */
export function toThrown(error: unknown): unknown {
  if (isRuleError(error)) return toExcelError(error);
  if (error instanceof CustomFunctions.Error || isIncomingError(error)) return error;
  return new CustomFunctions.Error('#VALUE!' as CustomFunctions.ErrorCode.invalidValue, String(error).slice(0, 200));
}

function numberNotFinite(): CustomFunctions.Error {
  return new CustomFunctions.Error('#NUM!' as CustomFunctions.ErrorCode.invalidNumber);
}

/** A number Excel can show: NaN and ±Infinity become #NUM!. */
export function finiteNumber(value: number): number {
  if (!Number.isFinite(value)) throw numberNotFinite();
  return value;
}

/** A spilled column Excel can show: any non-finite amount makes the whole result #NUM!. */
export function finiteColumn(values: number[]): number[][] {
  const column = new Array<number[]>(values.length);
  for (let i = 0; i < values.length; i++) column[i] = [finiteNumber(values[i])];
  return column;
}
