/**
 * French typography for text written in a workbook: a no-break space inside « » and before : ; ? !
 * (never split from the word before it). Idempotent; an address (https://…) has no space before ":".
 * @example typeset('Total : 3 « A »') //=> 'Total\u00a0: 3 «\u00a0A\u00a0»'
 */
export function typeset(text: string): string {
  return text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/ ([:;?!])/g, '\u00a0$1');
}

/** `typeset` on every string of a table. */
export function typesetAll<T extends Record<string, string>>(strings: T): T {
  return Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, typeset(v)])) as T;
}
