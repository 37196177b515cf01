/**
 * French typography for strings written with ordinary spaces in the source: a non-breaking space
 * (U+00A0) before ":" and inside « », a narrow non-breaking space (U+202F) before ";", "?" and "!"
 * (Imprimerie nationale usage, as Word's French proofing applies it), and a non-breaking space
 * between a number and "%". Idempotent.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+:/g, '\u00a0:')
    .replace(/[ \u00a0\u202f]+([;?!])/g, '\u202f$1')
    .replace(/«[ \u00a0\u202f]*/g, '«\u00a0')
    .replace(/[ \u00a0\u202f]*»/g, '\u00a0»')
    .replace(/(\d)[ \u00a0\u202f]+%/g, '$1\u00a0%');
}

/** Applies `frenchSpacing` to every string of a table (functions left as they are). */
export function frenchTable<T extends Record<string, unknown>>(table: T): T {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, typeof v === 'string' ? frenchSpacing(v) : v])) as T;
}

/** True when the text has an ordinary space where French typography wants a non-breaking one. */
export function breaksFrenchSpacing(text: string): boolean {
  return / [:;?!]/.test(text) || /« /.test(text) || / »/.test(text) || /\d %/.test(text);
}
