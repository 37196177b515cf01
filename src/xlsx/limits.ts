/**
 * The bounds every reader of an .xlsx package keeps to (check-workbook's, README "check-workbook
 * limits"): the file, its entries, and what its parts may inflate to. Each is checked before the
 * thing it bounds is expanded, and going past one gives a message that names it. The engine's
 * own limits (cells, sheets, formulas) are in src/tools/engine/limits.ts, which spreads these.
 */
export const PACKAGE_LIMITS = {
  /** The .xlsx file itself, as stored on disk. */
  fileBytes: 200 * 1024 * 1024,
  /** Entries in the zip package. */
  parts: 10_000,
  /** One part once inflated (a sheet's XML). */
  partInflatedBytes: 512 * 1024 * 1024,
  /** All parts read, once inflated. */
  totalInflatedBytes: 1024 * 1024 * 1024,
} as const;

/** The limits a package is read under; the portable copy's tests give smaller ones. */
export interface PackageLimits {
  maxEntries: number;
  /** Bytes all the parts read may inflate to. */
  maxInflated: number;
  /** Bytes one part may inflate to; `maxInflated` when not given. */
  maxPartInflated?: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: PACKAGE_LIMITS.parts,
  maxInflated: PACKAGE_LIMITS.totalInflatedBytes,
  maxPartInflated: PACKAGE_LIMITS.partInflatedBytes,
};

/** A number as people read it: 1048576 → "1 048 576". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Bytes as "200 MB". */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${formatCount(Math.round(n / (1024 * 1024)))} MB` : `${formatCount(Math.round(n / 1024))} KB`;
}
