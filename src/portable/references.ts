/**
 * How the translator sees an argument's text: whether it is one operand, and the rows × columns
 * of a reference written as one (B2, 'Data'!C3:H3, Données!B:B, 3:5).
 */

const SIMPLE_OPERAND = /^(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|[A-Za-z_\\][A-Za-z0-9_.]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"]|"")*")$/;

/** The expression as an operand: parenthesised unless it is one reference, name, number or text. */
export function operand(expression: string): string {
  const text = expression.trim();
  if (SIMPLE_OPERAND.test(text) || referenceOf(text) !== undefined || isWholeCall(text)) return text;
  return `(${text})`;
}

// A sheet before "!": quoted ('O''Brien & Co', quotes doubled) or bare, any letter (Données, Übersicht, 売上), as Excel writes them.
const SHEET = String.raw`(?:'(?:[^']|'')+'|[\p{L}\p{N}_.\\]+)!`;
const CELL_REF = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const REFERENCE = new RegExp(
  String.raw`^(?:${SHEET})?(?:(${CELL_REF})(?::(${CELL_REF}))?|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})|(\$?\d{1,7}):(\$?\d{1,7}))$`,
  'u',
);
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface ReferenceShape {
  rows: number;
  cols: number;
  /** A whole column or row (B:B, 3:3). */
  whole: boolean;
}

/** Rows × columns of a reference written as one (B2, 'Data'!C3:H3, Données!B:B, 3:5), undefined for anything else. */
export function referenceOf(text: string): ReferenceShape | undefined {
  const m = REFERENCE.exec(text.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters.replace('$', '').toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const num = (digits: string) => Number(digits.replace('$', ''));
  if (m[3] !== undefined) return { rows: MAX_ROWS, cols: Math.abs(col(m[4]) - col(m[3])) + 1, whole: true };
  if (m[5] !== undefined) return { rows: Math.abs(num(m[6]) - num(m[5])) + 1, cols: MAX_COLS, whole: true };
  const [, from, to = from] = m;
  const a = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(from)!;
  const b = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(to)!;
  return { rows: Math.abs(Number(b[2]) - Number(a[2])) + 1, cols: Math.abs(col(b[1]) - col(a[1])) + 1, whole: false };
}

/** `NAME(…)` whose parenthesis closes at the very end (one call, not `F(1)+G(2)`). */
function isWholeCall(text: string): boolean {
  const open = /^[A-Za-z_][A-Za-z0-9_.]*\(/.exec(text);
  if (!open || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = open[0].length - 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i !== text.length - 1) return false;
    }
  }
  return depth === 0;
}

/** Rows × columns of a literal range reference such as B2:B6 or 'Data'!C3:H3, if it is one (a whole column is not). */
export function rangeShape(text: string): { rows: number; cols: number } | undefined {
  const shape = referenceOf(text);
  return shape && !shape.whole ? { rows: shape.rows, cols: shape.cols } : undefined;
}
