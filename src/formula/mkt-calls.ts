/**
 * The one reader of MKT calls in a formula, used by check-workbook, the engine bridge, explain,
 * Repair and the portable copy. Pure and iterative (one pass; no recursion but one level, for a
 * string inside an array constant), so a hostile formula of any length or nesting cannot overflow
 * the stack.
 *
 * The forms a call can take (office-js issues 5611, 6611, 6395, 4185, 5865; Excel-Custom-Functions
 * issue 108, where Microsoft explains the `_xldudf` prefix):
 * - `dotted`: `MKT.ROI_RATIO(` — what Office.js `range.formulas` returns for a bound call and what
 *   a user types. Stored this way in a file, it is what a formula typed while MKT was not loaded
 *   leaves: Excel keeps `#NAME?` until the formula is re-entered. Excel may also save a name it
 *   could not bind with its unknown-function prefix, `_xludf.MKT.ROI_RATIO(`: the same form.
 * - `stored`: `_xldudf_MKT_ROI_RATIO(` — how Excel saves a bound Office.js custom function in .xlsx
 *   (the namespace's dot becomes `_`).
 * - `external`: either form behind a workbook prefix (`[1]!_xldudf_MKT_ROI_RATIO(`,
 *   `'C:\…\[x.xlam]x'!MKT.ROI_RATIO(`, `Book.xlsx!…`): a link to another file, which Excel will not
 *   bind to the add-in.
 * Names are read in any case, in English or in French (`MKT.RATIO_ROI`); an unknown name after the
 * `MKT` namespace is still a call (Excel shows `#NAME?` for it), with `known: false`.
 */
import { resolveFunctionName, type NameLanguage } from './function-names';

export type MktCallForm = 'dotted' | 'stored' | 'external';

export interface TextSpan {
  /** Index of the first character. */
  start: number;
  /** Index after the last character. */
  end: number;
}

export interface MktCallSite {
  /** Function id, upper case, e.g. `ROI_RATIO` (for a French name, the id it stands for). */
  id: string;
  /** Whether the id is an MKT function. */
  known: boolean;
  form: MktCallForm;
  /** Which name was written: the English id or the French name. */
  language: NameLanguage;
  /** The callee as written, prefix included: `[1]!_xldudf_MKT_ROI_RATIO`. */
  written: string;
  /** From the prefix's first character to after the closing parenthesis (or the formula's end). */
  span: TextSpan;
  /** The callee as written, up to the opening parenthesis (spaces before it excluded). */
  nameSpan: TextSpan;
  /** Argument texts, trimmed; `[]` for `MKT.X()`, `''` for an empty argument. */
  args: string[];
  /** Where each argument's raw text is (untrimmed), for rewriting. */
  argSpans: TextSpan[];
  /** Index in the result of the MKT call this one is an argument of (at any depth), if any. */
  parent?: number;
  /** False when the formula ends before the call's closing parenthesis. */
  closed: boolean;
}

export interface ReadOptions {
  /**
   * The argument separator: `,` in formulas as files and `range.formulas` keep them; `;` in
   * `formulasLocal` where the list separator is `;` (French Excel), where `,` is then a decimal comma.
   */
  separator?: ',' | ';';
}

// A workbook prefix: [1]!, 'quoted … name'!, or an unquoted Book.xlsx!.
// The unquoted form stays inside one identifier run, so scanning for it is linear in the formula.
const PREFIX = String.raw`(?:'(?:[^']|'')*'|\[\d+\][A-Za-z0-9_.\u00C0-\u024F]*|[A-Za-z0-9_.\u00C0-\u024F]+)!`;
const NAME_CHARS = String.raw`[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*`;
const CALL = new RegExp(String.raw`(${PREFIX})?(_xldudf_MKT_|_xludf\.MKT\.|MKT\.)(${NAME_CHARS})(\s*)\(`, 'iy');
const IDENTIFIER_CHAR = /[A-Za-z0-9_.\u00C0-\u024F\\]/;
// Characters where a call (its prefix included) may begin; anything else is skipped at once.
const MAY_START = /['\[A-Za-z0-9_\u00C0-\u024F]/;

interface Frame {
  /** Index in the result, or -1 for a parenthesis that is not an MKT call. */
  call: number;
  argStart: number;
}

/**
 * Every MKT call in a formula, in the order they open (outermost first). Strings, array
 * constants and structured references are skipped, so `="MKT.X("` is not a call. The leading `=`
 * is optional (files store formulas without it).
 * @example findMktCalls('=ROUND(MKT.ROI_RATIO(B2:B13,C2:C13),1)')[0]
 * //=> { id: 'ROI_RATIO', form: 'dotted', args: ['B2:B13', 'C2:C13'], … }
 */
export function findMktCalls(formula: string, options: ReadOptions = {}): MktCallSite[] {
  const calls: MktCallSite[] = [];
  // Every form holds the namespace: most formulas of a large workbook are ruled out at once.
  if (!/mkt/i.test(formula)) return calls;
  const separator = options.separator ?? ',';
  const frames: Frame[] = [];
  const openCalls: number[] = [];
  const n = formula.length;
  let i = formula.startsWith('=') ? 1 : 0;

  // Ends the frame's current argument at `at` (a separator, the closing parenthesis or the formula's end).
  const closeArgument = (frame: Frame, at: number, bySeparator: boolean) => {
    const call = calls[frame.call];
    const raw = formula.slice(frame.argStart, at);
    const text = raw.trim();
    // `MKT.X()` has no argument; `MKT.X(,)` has two empty ones.
    if (bySeparator || text !== '' || call.args.length > 0) {
      call.args.push(text);
      call.argSpans.push({ start: frame.argStart, end: at });
    }
    frame.argStart = at + 1;
  };

  while (i < n) {
    const ch = formula[i];
    const prev = i > 0 ? formula[i - 1] : '';
    if (MAY_START.test(ch) && !IDENTIFIER_CHAR.test(prev) && prev !== "'" && prev !== ']') {
      CALL.lastIndex = i;
      const m = CALL.exec(formula);
      if (m) {
        const [whole, prefix, marker, name] = m;
        const resolved = resolveFunctionName(name);
        const nameEnd = i + whole.length - 1 - m[4].length;
        const index = calls.length;
        calls.push({
          id: resolved?.id ?? name.toUpperCase(),
          known: resolved !== undefined,
          // MKT. and _xludf.MKT. end with a dot, _xldudf_MKT_ does not.
          form: prefix ? 'external' : marker.endsWith('.') ? 'dotted' : 'stored',
          language: resolved?.language ?? 'en',
          written: formula.slice(i, nameEnd),
          span: { start: i, end: n },
          nameSpan: { start: i, end: nameEnd },
          args: [],
          argSpans: [],
          parent: openCalls.length ? openCalls[openCalls.length - 1] : undefined,
          closed: false,
        });
        i += whole.length;
        frames.push({ call: index, argStart: i });
        openCalls.push(index);
        continue;
      }
    }
    if (ch === '"' || ch === "'" || ch === '{' || ch === '[') {
      i = afterWhole(formula, n, i, ch);
      continue;
    }
    if (ch === '(') {
      frames.push({ call: -1, argStart: i + 1 });
    } else if (ch === separator) {
      const frame = frames[frames.length - 1];
      if (frame && frame.call >= 0) closeArgument(frame, i, true);
    } else if (ch === ')') {
      const frame = frames.pop();
      if (frame && frame.call >= 0) {
        closeArgument(frame, i, false);
        const call = calls[frame.call];
        call.span.end = i + 1;
        call.closed = true;
        openCalls.pop();
      }
    }
    i++;
  }
  // A formula cut short: the arguments read so far still count.
  for (let f = frames.length - 1; f >= 0; f--) if (frames[f].call >= 0) closeArgument(frames[f], n, false);
  return calls;
}

/**
 * The index after the text that opens at `i` with `ch` and is read as a whole, its commas and
 * parentheses not the formula's: a string or a quoted sheet name (doubled quotes stay inside), an
 * array constant (its separators are rows and columns), a structured reference
 * (Table1[[#This Row],[Spend]]) or an external index [1] (nested brackets). `n`: the formula's length.
 */
function afterWhole(formula: string, n: number, i: number, ch: string): number {
  if (ch === '{') {
    i++;
    // A string inside is skipped whole: one level down, never deeper (strings hold no constant).
    while (i < n && formula[i] !== '}') i = formula[i] === '"' ? afterWhole(formula, n, i, '"') : i + 1;
  } else if (ch === '[') {
    let depth = 0;
    while (i < n) {
      if (formula[i] === '[') depth++;
      else if (formula[i] === ']') {
        depth--;
        if (depth === 0) break;
      } else if (formula[i] === "'" && i + 1 < n) i++; // ' escapes a bracket inside a column name
      i++;
    }
  } else {
    i++;
    while (i < n && !(formula[i] === ch && formula[i + 1] !== ch)) i += formula[i] === ch ? 2 : 1;
  }
  return i + 1;
}

/**
 * Whether a formula calls MKT in any form (a mention inside a text literal does not count).
 * @example hasMktCall('=IF(A1>0,_xldudf_MKT_ROI_BAND(A1),"")') //=> true
 */
export function hasMktCall(formula: string, options?: ReadOptions): boolean {
  return findMktCalls(formula, options).length > 0;
}

/**
 * The formula with every MKT call written the way `range.formulas` takes it: `MKT.` + the English
 * id, any workbook prefix and `_xldudf_` removed; everything else kept character for character.
 * What Repair re-enters and what the engine bridge evaluates. Unknown names keep their spelling.
 * @example toDottedForm('=[1]!_xldudf_MKT_RATIO_ROI(B2,C2)*2') //=> '=MKT.ROI_RATIO(B2,C2)*2'
 */
export function toDottedForm(formula: string, options?: ReadOptions): string {
  return renameCalls(formula, findMktCalls(formula, options), (call) => `MKT.${call.id}`);
}

/**
 * The formula with every MKT call as Excel stores a bound one in .xlsx: `_xldudf_MKT_` + the id.
 * @example toStoredForm('MKT.ROI_RATIO(B2,C2)') //=> '_xldudf_MKT_ROI_RATIO(B2,C2)'
 */
export function toStoredForm(formula: string, options?: ReadOptions): string {
  return renameCalls(formula, findMktCalls(formula, options), (call) => `_xldudf_MKT_${call.id}`);
}

/** Replaces each call's callee (prefix and name) with `rename(call)`; arguments stay as written. */
export function renameCalls(formula: string, calls: readonly MktCallSite[], rename: (call: MktCallSite) => string): string {
  if (calls.length === 0) return formula;
  const parts: string[] = [];
  let at = 0;
  // Callees never overlap and come in order of their start.
  for (const call of calls) {
    parts.push(formula.slice(at, call.nameSpan.start), rename(call));
    at = call.nameSpan.end;
  }
  parts.push(formula.slice(at));
  return parts.join('');
}

/**
 * Rewrites every outermost MKT call bottom-up: `replace` gets the call and its arguments with the
 * MKT calls inside them already replaced, and returns the call's new text. Iterative, so any depth
 * of nesting is safe. The portable copy uses it to translate calls into native formulas.
 * @example mapMktCalls('=1+MKT.ROI_RATIO(B2,C2)', (c, args) => `(SUM(${args[0]})/SUM(${args[1]}))`)
 * //=> '=1+(SUM(B2)/SUM(C2))'
 */
export function mapMktCalls(
  formula: string,
  replace: (call: MktCallSite, args: string[]) => string,
  options?: ReadOptions,
): string {
  const calls = findMktCalls(formula, options);
  if (calls.length === 0) return formula;
  const children: number[][] = calls.map(() => []);
  calls.forEach((call, index) => {
    if (call.parent !== undefined) children[call.parent].push(index);
  });
  const replaced: string[] = new Array(calls.length);
  // A call's children all end before it does: by end, every child is done before its parent.
  const order = calls.map((_, index) => index).sort((a, b) => calls[a].span.end - calls[b].span.end || calls[b].span.start - calls[a].span.start);
  for (const index of order) {
    const call = calls[index];
    const args = call.argSpans.map((span) => {
      let text = '';
      let at = span.start;
      for (const child of children[index]) {
        const c = calls[child].span;
        if (c.start < span.start || c.end > span.end) continue;
        text += formula.slice(at, c.start) + replaced[child];
        at = c.end;
      }
      return (text + formula.slice(at, span.end)).trim();
    });
    replaced[index] = replace(call, args);
  }
  let out = '';
  let at = 0;
  calls.forEach((call, index) => {
    if (call.parent !== undefined) return;
    out += formula.slice(at, call.span.start) + replaced[index];
    at = call.span.end;
  });
  return out + formula.slice(at);
}
