/**
 * Excel errors become a message the user can act on, in French or English. Pure.
 */
import type { Language } from '../../rules/labels';
import { FAILURES, FailureKey } from '../words/failures';
import type { ActionResult, ExcelFailureCode } from '../types';

const CODE_OF: Record<FailureKey, ExcelFailureCode> = {
  protected: 'protected',
  workbookProtected: 'protected',
  editMode: 'editMode',
  tooLarge: 'tooLarge',
  sourceMissing: 'sourceMissing',
  emptySource: 'emptySource',
  noLayout: 'invalidInput',
  badReference: 'invalidInput',
  refInsideBlock: 'invalidInput',
  refSheetMissing: 'invalidInput',
  badNumber: 'invalidInput',
  noHiringBlock: 'invalidInput',
  noMktFormula: 'invalidInput',
  unsupported: 'unsupported',
  unknown: 'unknown',
};

/** An `error` result with its message. */
export function fail<T>(lang: Language, key: FailureKey, params: Record<string, string | number> = {}): ActionResult<T> {
  return { status: 'error', code: CODE_OF[key], message: FAILURES[lang][key](params) };
}

/** What an Office.js error means for the user. `context` names the sheet or source involved. */
export function failureOf<T>(lang: Language, error: unknown, context: { sheet?: string; source?: string } = {}): ActionResult<T> {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  const message = error instanceof Error ? error.message : typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message ?? '') : String(error);
  switch (code) {
    case 'AccessDenied':
      return fail(lang, 'protected', { sheet: context.sheet ?? '?' });
    case 'InvalidOperationInCellEditMode':
      return fail(lang, 'editMode');
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
      return fail(lang, 'tooLarge', { detail: code });
    case 'ApiNotFound':
    case 'NotImplemented':
      return fail(lang, 'unsupported');
    case 'ItemNotFound':
    case 'InvalidReference':
      if (context.source) return fail(lang, 'sourceMissing', { source: context.source });
      break;
    case 'InvalidOperation':
      if (/protect/i.test(message)) return fail(lang, 'protected', { sheet: context.sheet ?? '?' });
      break;
  }
  return fail(lang, 'unknown', { detail: (code || message || 'error').slice(0, 120) });
}
