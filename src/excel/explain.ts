/** Explaining an MKT formula in plain words. Pure: no Office.js. */
import type { CellUnderCursor, Explanation, Language, MktCall } from './types';

/** The MKT calls in a formula, outermost first. `=MKT.ROI_BAND(MKT.ROI_RATIO(B2,C2))` → two calls. */
export function parseMktCalls(_formula: string): MktCall[] {
  return [];
}

/** Explains one call given the values of its arguments (each a scalar or a 2-D range). */
export function explainCall(_call: MktCall, _args: unknown[], _result: unknown, _lang: Language): Explanation | undefined {
  return undefined;
}

/** Explains the first MKT call of a cell's formula, or undefined when the formula has none. */
export function explainFormula(_cell: CellUnderCursor, _lang: Language): Explanation | undefined {
  return undefined;
}
