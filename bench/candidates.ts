/**
 * What-if versions of the adapter path, measured beside the real one to test a suggested fix
 * before anyone touches src/functions. Same semantics as src/functions/coerce.ts readAmount and
 * src/functions/excel-errors.ts run; only the shape of the code differs.
 */
import { isIncomingError } from '../src/functions/coerce';
import { toExcelError } from '../src/functions/excel-errors';
import { invalid, isRuleError, RuleError } from '../src/rules/errors';
import { roiRatio } from '../src/rules/roi';

function addCell(arg: string, cell: unknown, sum: number): number {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw invalid('notANumber', { arg });
    if (cell < 0) throw invalid('negative', { arg });
    return sum + cell;
  }
  if (isIncomingError(cell)) throw cell;
  return sum;
}

/** readAmount with plain loops instead of forEachCell and a callback closure per call. */
export function readAmountLoop(arg: string, value: unknown): number {
  let sum = 0;
  if (!Array.isArray(value)) {
    sum = addCell(arg, value, 0);
  } else {
    for (let i = 0; i < value.length; i++) {
      const row = value[i];
      if (Array.isArray(row)) {
        for (let j = 0; j < row.length; j++) sum = addCell(arg, row[j], sum);
      } else {
        sum = addCell(arg, row, sum);
      }
    }
  }
  if (!Number.isFinite(sum)) throw new RuleError('NUM', 'notFinite', { arg });
  return sum;
}

function toThrown(error: unknown): unknown {
  if (isRuleError(error)) return toExcelError(error);
  if (error instanceof CustomFunctions.Error || isIncomingError(error)) return error;
  return new CustomFunctions.Error('#VALUE!' as CustomFunctions.ErrorCode.invalidValue, String(error).slice(0, 200));
}

/** ROI_RATIO with readAmountLoop, the rule's result checked in place (no body closure for run). */
export function roiRatioCandidate(revenue: unknown, spend: unknown): number {
  let result: number | RuleError;
  try {
    result = roiRatio(readAmountLoop('revenue', revenue), readAmountLoop('spend', spend));
  } catch (error) {
    throw toThrown(error);
  }
  if (isRuleError(result)) throw toExcelError(result);
  if (!Number.isFinite(result)) throw new CustomFunctions.Error('#NUM!' as CustomFunctions.ErrorCode.invalidNumber);
  return result;
}
