/**
 * fast-check generators of what Excel can pass to a custom function, and the check that a
 * result is something Excel can show.
 */
import fc from 'fast-check';

export const excelNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 1, 0.6, 0.5999, 3, 5, 40, 39.99, 80, 168, 500, 1500, 4000, 1e308, -1e308, 5e-324),
);

export const excelText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '1500', ' 1500 ', '1 500', '80%', 'n/a', 'oui', 'non', 'TRUE', 'vrai', 'fr', 'en', 'FULL',
    'standard', 'forte_marge', '=HYPERLINK("http://x";"y")', '1e400', '-3'),
);

export const excelScalar = fc.oneof(excelNumber, excelText, fc.boolean(), fc.constant(null), fc.constant(''));

export const excelRange = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, cols]) => fc.array(fc.array(excelScalar, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

export const excelArgument = fc.oneof(excelScalar, excelRange, excelRange.map((range) => [[range[0][0]]]));

/** A finite number, a text code, a 2-D array of those, or a CustomFunctions.Error. */
export function isExcelShowable(outcome: { value?: unknown; error?: unknown }): boolean {
  if ('error' in outcome) {
    const error = outcome.error as { code?: unknown; message?: unknown };
    return error instanceof CustomFunctions.Error && typeof error.code === 'string' && error.code.startsWith('#');
  }
  const isCell = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string';
  const { value } = outcome;
  if (Array.isArray(value)) {
    return value.length > 0 && value.every((row) => Array.isArray(row) && row.length > 0 && row.every(isCell));
  }
  return isCell(value);
}

export function callSafely(fn: (...args: unknown[]) => unknown, args: unknown[]): { value?: unknown; error?: unknown } {
  try {
    return { value: fn(...args) };
  } catch (error) {
    return { error };
  }
}
