/**
 * The bounds every reader of an .xlsx package keeps to (check-workbook's, README "check-workbook
 * limits"): the file, its entries, and what its parts may inflate to. Each is checked before the
 * thing it bounds is expanded, and going past one gives a message that names it. The engine's
 * own limits (cells, sheets, formulas) are in src/engine/limits.ts, which spreads these.
 */

/** The limits a package is read under; the portable copy's tests give smaller ones. */
export interface PackageLimits {
  /** Entries in the zip package. */
  maxEntries: number;
  /** Bytes all the parts read may inflate to. */
  maxInflated: number;
  /** Bytes one part may inflate to (a sheet's XML); `maxInflated` when not given. */
  maxPartInflated?: number;
}

export const PACKAGE_LIMITS = {
  /** The .xlsx file itself, as stored on disk. */
  fileBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxPartInflated: 512 * 1024 * 1024,
  maxInflated: 1024 * 1024 * 1024,
} as const satisfies PackageLimits & { fileBytes: number };

/** A number as people read it: 1048576 → "1 048 576". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Bytes as "200 MB". */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${formatCount(Math.round(n / (1024 * 1024)))} MB` : `${formatCount(Math.round(n / 1024))} KB`;
}
