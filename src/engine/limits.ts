/**
 * The bounds check-workbook keeps to, whatever the file holds (README, "check-workbook limits").
 * Each is checked before the thing it bounds is expanded, and going past one gives a message
 * that names it. The package's own (file, parts, inflated bytes) are src/xlsx/limits.ts.
 */
import { PACKAGE_LIMITS, formatBytes, formatCount } from '../xlsx/limits';

export const LIMITS = {
  ...PACKAGE_LIMITS,
  /** Worksheets. */
  sheets: 1_000,
  /** Cells that hold a value or a formula, all sheets together (Excel: 1 048 576 × 16 384 per sheet). */
  cells: 6_000_000,
  /** Defined names. */
  names: 100_000,
  /** Merged areas and array formulas, each (their cells are never listed one by one). */
  areas: 1_000_000,
  /** A formula's text: Excel's own limit. */
  formulaChars: 8_192,
  /** Parentheses inside parentheses in one formula (Excel allows 64 levels of nested functions). */
  formulaDepth: 255,
  /** Operands and operators in one formula. */
  formulaTokens: 3_000,
  /** Cells of one range in a formula (a whole column, A:A, is not counted: the engine keeps it cheap). */
  rangeCells: 250_000,
  /** Heap of the worker that computes the workbook (the process stays under 1.5 GB). */
  heapMegabytes: 1_152,
  /** Time for one workbook. */
  seconds: 300,
} as const;

export { formatBytes, formatCount };
