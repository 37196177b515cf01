/**
 * Text from a workbook made safe to print: it can hold escape sequences (`_x001B_` in the file
 * is ESC) that retitle a terminal, clear it or hide lines, and bidi overrides that make "4:1"
 * read "1:4". Each such character is shown as its \u escape instead.
 */

// C0 controls and DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line and
// paragraph separators, and the byte-order mark.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

// In JSON text a raw newline is only ever layout (JSON.stringify escapes the ones in strings).
const UNSAFE_IN_JSON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

function escapeOne(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** For the table view: every unsafe character as `\uXXXX`. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** For --json: JSON.stringify escapes C0 controls; this escapes the rest (still valid JSON, same value). */
export function jsonForTerminal(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a text holds a character the terminal would act on (for tests). */
export function hasUnsafeCharacter(text: string): boolean {
  return new RegExp(UNSAFE.source).test(text.replace(/\n/g, ''));
}
