/**
 * Amounts as cells hold them: a number, or a text typed the French way ("3 950 $", "1 500,50 €",
 * thousands with a space, a no-break space or a narrow no-break space). A text amount is read,
 * and the reader warns: Excel's SUM and the MKT functions skip text.
 */

export type Amount = { value: number; fromText: boolean };

const CURRENCY = /(€|\$|eur|euros?|cad|\$ ?ca|ca ?\$|usd|ht|ttc)/gi;

/**
 * The amount a cell holds, or undefined for a blank, a word or an error.
 * @example toAmount('1 500,50 €') //=> { value: 1500.5, fromText: true }
 */
export function toAmount(value: unknown): Amount | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, fromText: false } : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value.replace(CURRENCY, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (text === '' || text === '-' || text === '—') return undefined;
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    sign = -sign;
    text = text.slice(1).trim();
  }
  let normal: string | undefined;
  // 3 950 · 3 950,50 · 3950,5 · 3.950,50 (thousands with a space or a dot, comma decimals)
  if (/^\d{1,3}([ .']\d{3})*(,\d+)?$/.test(text) || /^\d+(,\d+)?$/.test(text)) normal = text.replace(/[ .']/g, '').replace(',', '.');
  // 3,950.50 · 3950.5 (English)
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) || /^\d+\.\d+$/.test(text)) normal = text.replace(/,/g, '');
  if (normal === undefined) return undefined;
  const n = Number(normal) * sign;
  return Number.isFinite(n) ? { value: n, fromText: true } : undefined;
}

/** True for a cell that holds nothing (blank, spaces only). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A text cell that is not an amount: a name, a word. */
export function isWord(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && toAmount(value) === undefined;
}
