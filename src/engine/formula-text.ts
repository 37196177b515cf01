/**
 * What check-workbook needs to know of a formula's text before the engine sees it: shared
 * formulas moved to their cell, and whether the engine can evaluate it at all (nesting, length,
 * range sizes), so that one formula it cannot evaluate becomes that cell's error and no more.
 */
import { LIMITS, formatCount } from './limits';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colNumber(letters: string): number {
  let col = 0;
  for (const letter of letters.toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return col;
}

function colLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The parts of a formula outside its text literals, given to `edit`; literals are kept as they are. */
function outsideLiterals(formula: string, edit: (code: string) => string): string {
  return formula.replace(/("(?:[^"]|"")*")|([^"]+)/g, (_, literal: string | undefined, code: string | undefined) =>
    literal !== undefined ? literal : edit(code ?? ''),
  );
}

// A reference starts where no name, number or "." goes on before it.
const BEFORE = "(?<![A-Za-z0-9_.$\\\\])";
const CELL = `(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7})(?![A-Za-z0-9_(.!])`;
const COLUMNS = `(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(.!])`;
const ROWS = `(\\$?)(\\d{1,7}):(\\$?)(\\d{1,7})(?![A-Za-z0-9_(.!])`;
const REFERENCE = new RegExp(`${BEFORE}(?:${COLUMNS}|${ROWS}|${CELL})`, 'g');

/**
 * A shared formula as it reads in a cell `rows` below and `cols` right of its master: relative
 * references move, absolute ones stay; one that leaves the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const row = (abs: string, n: string) => (abs ? Number(n) : Number(n) + rows);
  const col = (abs: string, letters: string) => (abs ? colNumber(letters) : colNumber(letters) + cols);
  const inRow = (n: number) => n >= 1 && n <= MAX_ROW;
  const inCol = (n: number) => n >= 1 && n <= MAX_COL;
  return outsideLiterals(formula, (code) =>
    code.replace(REFERENCE, (whole, c1a, c1, c2a, c2, r1a, r1, r2a, r2, ca, c, ra, r) => {
      if (c1 !== undefined) {
        const [a, b] = [col(c1a, c1), col(c2a, c2)];
        return inCol(a) && inCol(b) ? `${c1a}${colLetters(a)}:${c2a}${colLetters(b)}` : '#REF!';
      }
      if (r1 !== undefined) {
        const [a, b] = [row(r1a, r1), row(r2a, r2)];
        return inRow(a) && inRow(b) ? `${r1a}${a}:${r2a}${b}` : '#REF!';
      }
      const [x, y] = [col(ca, c), row(ra, r)];
      return inCol(x) && inRow(y) ? `${ca}${colLetters(x)}${ra}${y}` : '#REF!';
    }),
  );
}

const RANGE = new RegExp(`${BEFORE}(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7}):(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7})(?![A-Za-z0-9_(.!])|${BEFORE}${ROWS}`, 'g');

/**
 * Why the engine cannot evaluate this formula (without "="), or undefined when it can. The
 * engine parses and evaluates recursively, and allocates every cell of a range: past these
 * bounds it would exhaust the stack or the memory of the whole run.
 */
export function formulaBeyondEngine(formula: string): string | undefined {
  if (formula.length > LIMITS.formulaChars) {
    return `formula of ${formatCount(formula.length)} characters, longer than Excel's ${formatCount(LIMITS.formulaChars)}`;
  }
  let depth = 0;
  let deepest = 0;
  let tokens = 0;
  let largest = 0;
  outsideLiterals(formula, (code) => {
    for (const ch of code) {
      if (ch === '(' || ch === '{') deepest = Math.max(deepest, ++depth);
      else if (ch === ')' || ch === '}') depth--;
    }
    tokens += (code.match(/[-+*/^&=<>,;:%]/g) ?? []).length;
    for (const m of code.matchAll(RANGE)) {
      const cells =
        m[2] !== undefined
          ? (Math.abs(Number(m[8]) - Number(m[4])) + 1) * (Math.abs(colNumber(m[6]) - colNumber(m[2])) + 1)
          : (Math.abs(Number(m[12]) - Number(m[10])) + 1) * MAX_COL;
      largest = Math.max(largest, cells);
    }
    return code;
  });
  tokens += (formula.match(/"(?:[^"]|"")*"/g) ?? []).length;
  if (deepest > LIMITS.formulaDepth) return `formula nested ${deepest} levels deep; check-workbook evaluates at most ${LIMITS.formulaDepth}`;
  if (tokens > LIMITS.formulaTokens) return `formula of ${formatCount(tokens)} operators; check-workbook evaluates at most ${formatCount(LIMITS.formulaTokens)}`;
  if (largest > LIMITS.rangeCells) {
    return `range of ${formatCount(largest)} cells; check-workbook evaluates ranges of at most ${formatCount(LIMITS.rangeCells)} cells (a whole column such as A:A is fine)`;
  }
  return undefined;
}

/** The names a formula uses (identifiers not followed by "(", outside text literals), upper-cased. */
export function identifiersOf(formula: string): Set<string> {
  const found = new Set<string>();
  outsideLiterals(formula.replace(/'(?:[^']|'')*'!/g, ''), (code) => {
    for (const m of code.matchAll(/(?<![A-Za-z0-9_.\\$!])([A-Za-z_\\][A-Za-z0-9_.\\]*)(?![A-Za-z0-9_.(!\\[])/g)) found.add(m[1].toUpperCase());
    return code;
  });
  return found;
}

/** Whether a name's formula is a union of areas ("A1,B1"), which the engine has no operator for. */
export function isUnion(formula: string): boolean {
  let depth = 0;
  let union = false;
  outsideLiterals(formula, (code) => {
    for (const ch of code) {
      if (ch === '(' || ch === '{') depth++;
      else if (ch === ')' || ch === '}') depth--;
      else if (ch === ',' && depth === 0) union = true;
    }
    return code;
  });
  return union;
}

/**
 * A formula as the file stores it, in the text the engine parses: number literals with an
 * exponent as Excel writes them (`1E+20`, `-1E-09`) with a lower-case `e`, a doubled quote inside
 * a string (`"a""b"`) as CHAR(34), and a sheet name with letters outside ASCII quoted
 * (`売上!A1` → `'売上'!A1`). What stays beyond it (structured references, `A1#`, 3-D
 * references, LAMBDA) the engine refuses, and the cell is reported beyond-engine.
 */
export function toEngineText(formula: string): string {
  let out = '';
  let arrayDepth = 0;
  for (const m of formula.matchAll(/("(?:[^"]|"")*")|('(?:[^']|'')*')|([^"']+)/g)) {
    if (m[1] !== undefined) {
      // Inside an array constant no operator may join pieces: kept, and refused there if it must be.
      out += arrayDepth > 0 || !m[1].slice(1, -1).includes('""') ? m[1] : `(${m[1].slice(1, -1).split('""').map((piece) => `"${piece}"`).join('&CHAR(34)&')})`;
    } else if (m[2] !== undefined) out += m[2];
    else {
      const code = m[3];
      for (const ch of code) {
        if (ch === '{') arrayDepth++;
        else if (ch === '}') arrayDepth = Math.max(0, arrayDepth - 1);
      }
      out += code
        .replace(/(?<![A-Za-z0-9_.$\\])(\d+(?:\.\d*)?|\.\d+)E([+-]?\d+)/g, '$1e$2')
        .replace(/(?<![\p{L}\p{N}_.\\])([\p{L}\p{N}_.]*[^\x00-\x7F][\p{L}\p{N}_.]*)!/gu, "'$1'!");
    }
  }
  return out;
}
