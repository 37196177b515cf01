/**
 * The one mapping from rule errors to Excel errors, and the guard every custom function runs in.
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

function numberNotFinite(): CustomFunctions.Error {
  return new CustomFunctions.Error('#NUM!' as CustomFunctions.ErrorCode.invalidNumber);
}

/** Unwraps a rule's result: a RuleError is thrown, to be turned into an Excel error by `run`. */
export function unwrap<T>(result: T | RuleError): T {
  if (isRuleError(result)) throw result;
  return result;
}

/**
 * Runs an adapter body so that whatever happens the caller gets a finite number, a text, an
 * array of those, or a CustomFunctions.Error: never NaN, Infinity, undefined or a stray exception.
 */
export function run<T extends number | string | number[][]>(body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (error) {
    if (isRuleError(error)) throw toExcelError(error);
    if (error instanceof CustomFunctions.Error || isIncomingError(error)) throw error;
    // A bug of ours: still an Excel error, never a crash in the user's sheet.
    throw new CustomFunctions.Error('#VALUE!' as CustomFunctions.ErrorCode.invalidValue, String(error).slice(0, 200));
  }
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) throw numberNotFinite();
  } else if (Array.isArray(result)) {
    for (const row of result) for (const cell of row) if (!Number.isFinite(cell)) throw numberNotFinite();
  }
  return result;
}
